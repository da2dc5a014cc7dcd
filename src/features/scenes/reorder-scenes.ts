import { validationError } from "../../domain/errors";
import type { SceneWithTasks } from "../../domain/types";
import type { WriteCondition } from "../../db/store/types";
import { invalidateUser, services } from "../../server/services";

/** Puts every scene of a storyboard in the given order (drag and drop sends the whole list). */
export async function reorderScenes(userId: string, storyboardId: number, sceneIds: unknown, cond?: WriteCondition): Promise<SceneWithTasks[]> {
  if (!Array.isArray(sceneIds) || !sceneIds.every((id) => Number.isSafeInteger(id))) {
    throw validationError({ scene_ids: "Scene ids must be a list of scene ids" });
  }
  const { store, cache } = await services();
  const scenes = await store.reorderScenes(userId, storyboardId, sceneIds as number[], cond);
  await invalidateUser(cache, userId);
  return scenes;
}
