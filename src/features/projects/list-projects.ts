// The dashboard list: the user's projects with storyboard counts and progress, newest first.
// Cached per user (the design's `user:{id}:projects`, 5 minutes); every write of that user's
// data invalidates it, and the status filter is applied to the cached list.
import type { ProjectStatus } from "../../domain/constants";
import { parseField, projectStatus } from "../../domain/schemas";
import type { ProjectSummary } from "../../domain/types";
import { appEnv } from "../../server/env";
import { cacheKeys, services } from "../../server/services";

export async function listProjects(userId: string, filter: { status?: ProjectStatus | undefined } = {}): Promise<ProjectSummary[]> {
  const status = filter.status === undefined ? undefined : parseField("status", projectStatus, filter.status);
  const { store, cache } = await services();
  const key = cacheKeys.dashboard(userId);
  let all = await cache.get<ProjectSummary[]>(key);
  if (!all) {
    all = await store.listProjects(userId);
    await cache.set(key, all, appEnv().cacheTtlSeconds);
  }
  return status ? all.filter((p) => p.status === status) : all;
}
