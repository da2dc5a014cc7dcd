// The daily database backup (src/ops/backup: pg_dump of one snapshot with its manifest, or the
// SQLite backup API; then BACKUP_KEEP retention), only when BACKUP_SCHEDULE is set: backups land
// in BACKUP_DIR of the worker that runs them, which must be storage that outlives the instance.
import { z } from "zod";
import type { JobDefinition } from "../types";

export const databaseBackupJob: JobDefinition<{ tick?: string }> = {
  name: "database-backup",
  description: "Back up the database into BACKUP_DIR with its manifest, keep the newest BACKUP_KEEP (docs/operations.md)",
  // tick: the schedule slot; a second run for a slot that already has its backup does nothing.
  payload: z.object({ tick: z.iso.datetime().optional() }).strict(),
  retry: { limit: 2, delaySeconds: 300 },
  timeoutSeconds: 3 * 60 * 60,
  singleton: true,
  schedule: { env: "BACKUP_SCHEDULE", cron: null },
};
