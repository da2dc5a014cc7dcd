import type { ProjectPatch } from "../../domain/schemas";
import type { Project } from "../../domain/types";
import { invalidateUser, services } from "../../server/services";

/**
 * Edits a project. Marking it completed while its main storyboard has open tasks is refused with
 * the count (a conflict) unless the patch has `confirm_open_tasks: true` (the store checks it in
 * the same transaction).
 */
export async function updateProject(userId: string, id: number, patch: ProjectPatch): Promise<Project> {
  const { store, cache } = await services();
  const project = await store.updateProject(userId, id, patch);
  await invalidateUser(cache, userId);
  return project;
}
