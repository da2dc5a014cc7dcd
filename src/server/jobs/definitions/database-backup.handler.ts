import { runScheduledBackup } from "../../../ops/backup/run-scheduled-backup";
import type { JobHandler } from "../types";

export const handleDatabaseBackup: JobHandler<{ tick?: string }> = async (payload, ctx) => {
  const result = await runScheduledBackup(payload.tick ? new Date(payload.tick) : null, { log: ctx.progress });
  return result ? { file: result.file, bytes: result.manifest.bytes, seconds: result.manifest.seconds, pruned: result.pruned.length } : { skipped: true };
};
