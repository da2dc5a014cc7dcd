import type { ProjectUpdate } from "../../domain/schemas";
import type { Project } from "../../domain/types";
import { invalidateUser, services } from "../../server/services";

export async function updateProject(userId: string, id: number, patch: ProjectUpdate): Promise<Project> {
  const { store, cache } = await services();
  const project = await store.updateProject(userId, id, patch);
  await invalidateUser(cache, userId);
  return project;
}
