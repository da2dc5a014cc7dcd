import { invalidateUser, services } from "../../server/services";

export async function deleteScene(userId: string, sceneId: number): Promise<void> {
  const { store, cache } = await services();
  await store.deleteScene(userId, sceneId);
  await invalidateUser(cache, userId);
}
