import type { TaskUpdate } from "../../db/store/types";
import { invalidateUser, services } from "../../server/services";

/** Ticks or unticks a production task and returns the new progress of its scene, storyboard and project. */
export async function setTaskCompleted(userId: string, taskId: number, completed: boolean): Promise<TaskUpdate> {
  const { store, cache } = await services();
  const update = await store.setTaskCompleted(userId, taskId, completed);
  await invalidateUser(cache, userId);
  return update;
}
