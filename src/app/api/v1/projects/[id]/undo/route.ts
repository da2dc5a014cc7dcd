// POST /api/v1/projects/:id/undo {change_id?}: undoes the newest change of the project's own stack
// (its edits, deleting it or one of its storyboards: a deleted project is brought back this way).
import { parseInput } from "@/domain/schemas";
import { undoChange } from "@/features/history/undo-change";
import { apiRoute, idParam, readJson } from "@/server/api";
import { undoSchema } from "../../../schemas";

export const POST = apiRoute<{ id: string }>(async ({ req, params, userId }) => {
  const id = idParam(params.id, "Project");
  const { change_id } = parseInput(undoSchema, await readJson(req));
  return undoChange(userId, { project_id: id }, { change_id });
});
