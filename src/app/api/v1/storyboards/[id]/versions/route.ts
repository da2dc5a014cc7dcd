// GET /api/v1/storyboards/:id/versions: its named versions, newest first (time, author, size).
// POST {name}: a named version of the storyboard as it is now (201).
import { parseInput } from "@/domain/schemas";
import { createVersion, listVersions } from "@/features/history/versions";
import { apiRoute, idParam, readJson } from "@/server/api";
import { versionCreateSchema } from "../../../schemas";

export const GET = apiRoute<{ id: string }>(async ({ params, userId }) => listVersions(userId, idParam(params.id, "Storyboard")));

export const POST = apiRoute<{ id: string }>(
  async ({ req, params, userId }) => createVersion(userId, idParam(params.id, "Storyboard"), parseInput(versionCreateSchema, await readJson(req))),
  { status: 201, idempotent: true },
);
