// GET /api/v1/storyboards/:id: scenes in order with their tasks, progress and quality checks.
// PATCH: title, brief, reference_urls (If-Match or `version`: only if still at that version, else
// 409 with its current state). DELETE: a soft delete (POST /projects/:project_id/undo brings it back until
// the purge, DELETED_KEEP_DAYS). ETag: its version.
import { parseInput, storyboardUpdateSchema } from "@/domain/schemas";
import { deleteStoryboard } from "@/features/storyboards/delete-storyboard";
import { getStoryboard } from "@/features/storyboards/get-storyboard";
import { updateStoryboard } from "@/features/storyboards/update-storyboard";
import { apiRoute, idParam, readJson, versioned, writeCondition } from "@/server/api";
import { patchOf } from "../../schemas";

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ params, userId }) => {
  const sb = await getStoryboard(userId, idParam(params.id, "Storyboard"));
  return versioned(sb, sb.version);
});

export const PATCH = apiRoute<Params>(async ({ req, params, userId }) => {
  const id = idParam(params.id, "Storyboard");
  const body = await readJson(req);
  const patch = parseInput(patchOf(storyboardUpdateSchema), body);
  const cond = writeCondition(req, body);
  return versioned(await updateStoryboard(userId, id, patch, cond), cond.version);
});

export const DELETE = apiRoute<Params>(async ({ params, userId }) => {
  await deleteStoryboard(userId, idParam(params.id, "Storyboard"));
});
