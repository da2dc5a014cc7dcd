import { cacheKeys, services } from "../../server/services";

export async function deleteStoryboard(userId: string, id: number): Promise<void> {
  const { store, cache } = await services();
  await store.deleteStoryboard(userId, id);
  await cache.del(cacheKeys.dashboard(userId));
}
