import type { StoryboardUpdate } from "../../domain/schemas";
import type { Storyboard } from "../../domain/types";
import { cacheKeys, services } from "../../server/services";

export async function updateStoryboard(userId: string, id: number, patch: StoryboardUpdate): Promise<Storyboard> {
  const { store, cache } = await services();
  const sb = await store.updateStoryboard(userId, id, patch);
  await cache.del(cacheKeys.dashboard(userId));
  return sb;
}
