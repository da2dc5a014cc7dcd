// Restore: an archived project comes back whole (storyboards, scenes, tasks, pictures, share
// links, versions), in one transaction, with its ids. Only its owner can: the store finds it by
// id and owner, and another user's is not found.
import type { Project } from "../../domain/types";
import { invalidateUser, services } from "../../server/services";

export async function restoreProject(userId: string, id: number): Promise<Project> {
  const { store, cache } = await services();
  const project = await store.restoreProject(userId, id);
  await invalidateUser(cache, userId);
  return project;
}
