import type { SceneInput } from "../../domain/schemas";
import type { SceneWithTasks } from "../../domain/types";
import type { WriteCondition } from "../../db/store/types";
import { invalidateUser, services } from "../../server/services";

/** Adds a scene at a position (1..N+1; default: the end) with its four tasks. */
export async function insertScene(userId: string, storyboardId: number, position: number | undefined, input: SceneInput, cond?: WriteCondition): Promise<SceneWithTasks> {
  const { store, cache } = await services();
  // "The end" is counted under the storyboard's lock, so concurrent appends each get their own place.
  const scene = await store.insertScene(userId, storyboardId, position, input, cond);
  await invalidateUser(cache, userId);
  return scene;
}
