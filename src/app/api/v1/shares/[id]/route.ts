// PATCH /api/v1/shares/:id: allow_comments. DELETE: revoke (the link answers 404 from then on).
import { revokeShareLink } from "@/features/shares/revoke-share-link";
import { updateShareLink } from "@/features/shares/update-share-link";
import { apiRoute, idParam, readJson } from "@/server/api";

type Params = { id: string };

export const PATCH = apiRoute<Params>(async ({ req, params, userId }) => updateShareLink(userId, idParam(params.id, "Share link"), await readJson(req)));

export const DELETE = apiRoute<Params>(async ({ params, userId }) => revokeShareLink(userId, idParam(params.id, "Share link")));
