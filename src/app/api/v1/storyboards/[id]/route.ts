// GET /api/v1/storyboards/:id: scenes in order with their tasks, progress and quality checks.
// PATCH: title, brief, reference_urls. DELETE: the storyboard with its scenes and tasks.
import { parseInput, storyboardUpdateSchema } from "@/domain/schemas";
import { deleteStoryboard } from "@/features/storyboards/delete-storyboard";
import { getStoryboard } from "@/features/storyboards/get-storyboard";
import { updateStoryboard } from "@/features/storyboards/update-storyboard";
import { apiRoute, idParam, readJson } from "@/server/api";
import { patchOf } from "../../schemas";

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ params, userId }) => getStoryboard(userId, idParam(params.id, "Storyboard")));

export const PATCH = apiRoute<Params>(async ({ req, params, userId }) => {
  const id = idParam(params.id, "Storyboard");
  return updateStoryboard(userId, id, parseInput(patchOf(storyboardUpdateSchema), await readJson(req)));
});

export const DELETE = apiRoute<Params>(async ({ params, userId }) => {
  await deleteStoryboard(userId, idParam(params.id, "Storyboard"));
});
