import type { StoryboardUpdate } from "../../domain/schemas";
import type { Storyboard } from "../../domain/types";
import { invalidateUser, services } from "../../server/services";

export async function updateStoryboard(userId: string, id: number, patch: StoryboardUpdate): Promise<Storyboard> {
  const { store, cache } = await services();
  const sb = await store.updateStoryboard(userId, id, patch);
  await invalidateUser(cache, userId);
  return sb;
}
