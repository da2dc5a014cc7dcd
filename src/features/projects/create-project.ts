import type { ProjectCreate } from "../../domain/schemas";
import type { Project } from "../../domain/types";
import { invalidateUser, services } from "../../server/services";

export async function createProject(userId: string, input: ProjectCreate): Promise<Project> {
  const { store, cache } = await services();
  const project = await store.createProject(userId, input);
  await invalidateUser(cache, userId);
  return project;
}
