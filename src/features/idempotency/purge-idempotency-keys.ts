// The hourly purge of Idempotency-Keys older than 24 h (src/server/idempotency.ts). Idempotent:
// a re-run deletes nothing more.
import { IDEMPOTENCY_TTL_MS } from "../../server/idempotency";
import { services } from "../../server/services";

export async function purgeIdempotencyKeys(opts: { now?: Date; onProgress?: (line: string) => void } = {}): Promise<{ deleted: number }> {
  const { store } = await services();
  const before = new Date((opts.now ?? new Date()).getTime() - IDEMPOTENCY_TTL_MS);
  const deleted = await store.purgeIdempotencyKeys(before);
  opts.onProgress?.(`idempotency keys: ${deleted} older than ${before.toISOString()} deleted`);
  return { deleted };
}
