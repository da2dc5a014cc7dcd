// GET /api/v1/storyboards/:id/shares: the storyboard's share links. POST: a new one (its URL is
// in the answer, this once).
import { createShareLink } from "@/features/shares/create-share-link";
import { listShareLinks } from "@/features/shares/list-share-links";
import { apiRoute, idParam, readJson } from "@/server/api";
import { publicOrigin } from "@/server/origin";

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ params, userId }) => listShareLinks(userId, idParam(params.id, "Storyboard")));

export const POST = apiRoute<Params>(
  async ({ req, params, userId }) => {
    const link = await createShareLink(userId, idParam(params.id, "Storyboard"), await readJson(req));
    return { ...link, url: new URL(link.path, publicOrigin(req)).toString() };
  },
  { status: 201, limit: "share", idempotent: true },
);
