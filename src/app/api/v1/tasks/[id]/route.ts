// PATCH /api/v1/tasks/:id {completed}: the task and the new progress of its scene, storyboard
// and project, so a page can update every bar from one answer.
import { parseInput } from "@/domain/schemas";
import { setTaskCompleted } from "@/features/progress/set-task-completed";
import { apiRoute, idParam, readJson } from "@/server/api";
import { taskPatchSchema } from "../../schemas";

export const PATCH = apiRoute<{ id: string }>(async ({ req, params, userId }) => {
  const id = idParam(params.id, "Task");
  const { completed } = parseInput(taskPatchSchema, await readJson(req));
  return setTaskCompleted(userId, id, completed);
});
