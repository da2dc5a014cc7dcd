import type { TaskUpdate } from "../../db/store/types";
import { cacheKeys, services } from "../../server/services";

/** Ticks or unticks a production task and returns the new progress of its scene, storyboard and project. */
export async function setTaskCompleted(userId: string, taskId: number, completed: boolean): Promise<TaskUpdate> {
  const { store, cache } = await services();
  const update = await store.setTaskCompleted(userId, taskId, completed);
  await cache.del(cacheKeys.dashboard(userId));
  return update;
}
