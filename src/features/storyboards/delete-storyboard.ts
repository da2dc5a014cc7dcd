import { invalidateUser, services } from "../../server/services";

/**
 * Deletes a storyboard softly: hidden at once, brought back by undoing `change_id` on its project's
 * stack until the purge job removes it (DELETED_KEEP_DAYS). Returns the project it was in.
 */
export async function deleteStoryboard(userId: string, id: number): Promise<{ project_id: number; change_id: number }> {
  const { store, cache } = await services();
  const deleted = await store.softDeleteStoryboard(userId, id);
  await invalidateUser(cache, userId);
  return deleted;
}
