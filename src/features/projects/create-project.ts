import type { ProjectCreate } from "../../domain/schemas";
import type { Project } from "../../domain/types";
import { cacheKeys, services } from "../../server/services";

export async function createProject(userId: string, input: ProjectCreate): Promise<Project> {
  const { store, cache } = await services();
  const project = await store.createProject(userId, input);
  await cache.del(cacheKeys.dashboard(userId));
  return project;
}
