import type { WriteCondition } from "../../db/store/types";
import { invalidateUser, services } from "../../server/services";

export async function deleteScene(userId: string, sceneId: number, cond?: WriteCondition): Promise<void> {
  const { store, cache } = await services();
  await store.deleteScene(userId, sceneId, cond);
  await invalidateUser(cache, userId);
}
