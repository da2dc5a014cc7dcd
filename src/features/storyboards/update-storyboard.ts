import type { StoryboardUpdate } from "../../domain/schemas";
import type { Storyboard } from "../../domain/types";
import type { WriteCondition } from "../../db/store/types";
import { invalidateUser, services } from "../../server/services";

export async function updateStoryboard(userId: string, id: number, patch: StoryboardUpdate, cond?: WriteCondition): Promise<Storyboard> {
  const { store, cache } = await services();
  const sb = await store.updateStoryboard(userId, id, patch, cond);
  await invalidateUser(cache, userId);
  return sb;
}
