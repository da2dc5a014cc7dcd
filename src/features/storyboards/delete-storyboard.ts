import { invalidateUser, services } from "../../server/services";

/** Deletes a storyboard with its scenes and tasks; returns the project it was in. */
export async function deleteStoryboard(userId: string, id: number): Promise<{ project_id: number }> {
  const { store, cache } = await services();
  const deleted = await store.deleteStoryboard(userId, id);
  await invalidateUser(cache, userId);
  return deleted;
}
