// POST /api/v1/projects/:id/redo {change_id?}: redoes the oldest undone change of the project's own stack
// (its edits, deleting it or one of its storyboards: a deleted project is brought back this way).
import { parseInput } from "@/domain/schemas";
import { redoChange } from "@/features/history/undo-change";
import { apiRoute, idParam, readJson } from "@/server/api";
import { undoSchema } from "../../../schemas";

export const POST = apiRoute<{ id: string }>(async ({ req, params, userId }) => {
  const id = idParam(params.id, "Project");
  const { change_id } = parseInput(undoSchema, await readJson(req));
  return redoChange(userId, { project_id: id }, { change_id });
});
