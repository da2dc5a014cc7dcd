// Named versions of a storyboard: taken on demand (here) and before every regenerate or restore
// (by the store), listed, viewed with their scene-by-scene differences, restored (undoably).
import type { WriteCondition } from "../../db/store/types";
import type { UndoResult, VersionDetail, VersionSummary } from "../../domain/types";
import { invalidateUser, services } from "../../server/services";

export async function createVersion(userId: string, storyboardId: number, input: { name: string }): Promise<VersionSummary> {
  const { store } = await services();
  return store.createVersion(userId, storyboardId, input);
}

export async function listVersions(userId: string, storyboardId: number): Promise<VersionSummary[]> {
  const { store } = await services();
  return store.listVersions(userId, storyboardId);
}

export async function getVersion(userId: string, versionId: number): Promise<VersionDetail> {
  const { store } = await services();
  return store.getVersion(userId, versionId);
}

export async function restoreVersion(userId: string, versionId: number, cond?: WriteCondition): Promise<UndoResult> {
  const { store, cache } = await services();
  const r = await store.restoreVersion(userId, versionId, cond);
  await invalidateUser(cache, userId);
  return r;
}
