import { purgeIdempotencyKeys } from "../../../features/idempotency/purge-idempotency-keys";
import type { JobHandler } from "../types";

export const handlePurgeIdempotencyKeys: JobHandler<Record<string, never>> = async (_payload, ctx) => {
  await purgeIdempotencyKeys({ onProgress: ctx.progress });
};
