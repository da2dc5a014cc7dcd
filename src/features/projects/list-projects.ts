// The dashboard list: the user's projects with storyboard counts and progress, newest first.
// Cached per user (the design's `user:{id}:projects`, 5 minutes) under the user's version, which
// every write of that user's data replaces after its commit (invalidateUser): a read racing with
// a write can fill the cache, but never with a value that outlives the write. The status filter
// is applied to the cached list.
import type { ProjectStatus } from "../../domain/constants";
import { parseField, projectStatus } from "../../domain/schemas";
import type { ProjectSummary } from "../../domain/types";
import { appEnv } from "../../server/env";
import { cacheKeys, services } from "../../server/services";

export async function listProjects(userId: string, filter: { status?: ProjectStatus | undefined } = {}): Promise<ProjectSummary[]> {
  const status = filter.status === undefined ? undefined : parseField("status", projectStatus, filter.status);
  const { store, cache } = await services();
  const all = await cache.readThrough(cacheKeys.dashboard(userId), cacheKeys.userVersion(userId), appEnv().cacheTtlSeconds, () => store.listProjects(userId));
  return status ? all.filter((p) => p.status === status) : all;
}
