import { purgeExpired } from "../../../features/maintenance/purge-expired";
import type { JobHandler } from "../types";

export const handlePurgeExpired: JobHandler<Record<string, never>> = async (_payload, ctx) => {
  await purgeExpired({ onProgress: ctx.progress });
};
