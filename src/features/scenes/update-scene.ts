import type { ScenePatch } from "../../domain/schemas";
import type { Scene } from "../../domain/types";
import { invalidateUser, services } from "../../server/services";

export async function updateScene(userId: string, sceneId: number, patch: ScenePatch): Promise<Scene> {
  const { store, cache } = await services();
  const scene = await store.updateScene(userId, sceneId, patch);
  await invalidateUser(cache, userId);
  return scene;
}
