import type { SceneWithTasks } from "../../domain/types";
import type { WriteCondition } from "../../db/store/types";
import { invalidateUser, services } from "../../server/services";

/** Moves one scene to a position; returns the storyboard's scenes in their new order. */
export async function moveScene(userId: string, sceneId: number, position: number, cond?: WriteCondition): Promise<SceneWithTasks[]> {
  const { store, cache } = await services();
  const scenes = await store.moveScene(userId, sceneId, position, cond);
  await invalidateUser(cache, userId);
  return scenes;
}
