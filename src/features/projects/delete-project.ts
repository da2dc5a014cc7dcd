import { invalidateUser, services } from "../../server/services";

/** Deletes a project softly (with everything in it): Undo (`change_id` on its stack) brings it back until the purge job. */
export async function deleteProject(userId: string, id: number): Promise<{ change_id: number }> {
  const { store, cache } = await services();
  const deleted = await store.softDeleteProject(userId, id);
  await invalidateUser(cache, userId);
  return deleted;
}
