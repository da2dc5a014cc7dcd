import type { ScenePatch } from "../../domain/schemas";
import type { Scene } from "../../domain/types";
import type { WriteCondition } from "../../db/store/types";
import { invalidateUser, services } from "../../server/services";

/** Edits a scene's fields; with cond.ifVersion, only if its storyboard is still at that version. */
export async function updateScene(userId: string, sceneId: number, patch: ScenePatch, cond?: WriteCondition): Promise<Scene> {
  const { store, cache } = await services();
  const scene = await store.updateScene(userId, sceneId, patch, cond);
  await invalidateUser(cache, userId);
  return scene;
}
