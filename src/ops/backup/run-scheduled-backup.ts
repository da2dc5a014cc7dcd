// The daily backup as a job (BACKUP_SCHEDULE, a cron expression; the job database-backup in
// src/server/jobs): what the scheduler calls at each tick. Idempotent per tick: a second run for the same tick (a retry, two instances) finds the
// backup the first one made at or after the tick and does nothing.
import fs from "node:fs";
import { readDbConfig, type DbConfig } from "../../db/config";
import { readOpsConfig, type OpsConfig } from "../config";
import { createBackup, type BackupResult } from "./create-backup";
import { readManifest } from "./manifest";
import { listBackups } from "./prune-backups";

export const BACKUP_JOB_NAME = "database-backup";

export interface ScheduledBackup {
  name: typeof BACKUP_JOB_NAME;
  /** 5-field cron (BACKUP_SCHEDULE); null: no scheduled backups. */
  schedule: string | null;
}

export function backupSchedule(ops: OpsConfig = readOpsConfig()): ScheduledBackup {
  return { name: BACKUP_JOB_NAME, schedule: ops.backup.schedule };
}

export async function runScheduledBackup(
  /** The schedule slot; null: back up now whatever exists (a run by hand, `storyboard jobs run`). */
  tick: Date | null,
  deps: { db?: DbConfig; ops?: OpsConfig; log?: (line: string) => void } = {},
): Promise<BackupResult | null> {
  const ops = deps.ops ?? readOpsConfig();
  const log = deps.log ?? ((l: string) => console.log(`[backup] ${l}`));
  const newest = listBackups(ops.backup.dir)[0];
  if (tick && newest && fs.existsSync(newest) && new Date(readManifest(newest).manifest.createdAt) >= tick) {
    log(`the backup of ${tick.toISOString()} exists already (${newest}): nothing to do`);
    return null;
  }
  return createBackup(deps.db ?? readDbConfig(), ops, { log });
}
