// The hourly purge (the purge-expired job): Idempotency-Keys older than 24 h, Auth.js sessions and
// sign-in tokens past their expiry (a signed-out or lapsed session's row is otherwise kept
// forever), and the blobs of scene pictures that no picture, undo row or version names any more.
// Idempotent: a re-run deletes nothing more.
import { purgeIdempotencyKeys } from "../idempotency/purge-idempotency-keys";
import { services } from "../../server/services";

/** A blob younger than this is kept even if unnamed: an upload may still be committing beside it. */
export const BLOB_GRACE_MS = 3_600_000;

export interface PurgeExpiredResult {
  idempotency_keys: number;
  sessions: number;
  verification_tokens: number;
  scene_image_blobs: number;
}

export async function purgeExpired(opts: { now?: Date; onProgress?: (line: string) => void } = {}): Promise<PurgeExpiredResult> {
  const { store } = await services();
  const now = opts.now ?? new Date();
  const { deleted: keys } = await purgeIdempotencyKeys({ now, ...(opts.onProgress && { onProgress: opts.onProgress }) });
  const started = performance.now();
  const sessions = await store.purgeExpiredSessions(now);
  opts.onProgress?.(`sessions: ${sessions.sessions} sessions and ${sessions.verification_tokens} sign-in tokens expired before ${now.toISOString()} deleted in ${Math.round(performance.now() - started)} ms`);
  const blobsStarted = performance.now();
  const blobs = await store.purgeUnusedSceneImageBlobs(new Date(now.getTime() - BLOB_GRACE_MS));
  opts.onProgress?.(`scene pictures: ${blobs} stored pictures no longer named by a scene, an undo step or a version deleted in ${Math.round(performance.now() - blobsStarted)} ms`);
  return { idempotency_keys: keys, ...sessions, scene_image_blobs: blobs };
}
