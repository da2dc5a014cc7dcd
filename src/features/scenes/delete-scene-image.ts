import { invalidateUser, services } from "../../server/services";

/** Removes a scene's picture; its sketch shows again. */
export async function deleteSceneImage(userId: string, sceneId: number): Promise<void> {
  const { store, cache } = await services();
  await store.deleteSceneImage(userId, sceneId);
  await invalidateUser(cache, userId);
}
