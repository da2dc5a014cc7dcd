// Settings of the operator commands (backups, point-in-time recovery, online migrations), read
// once with messages that name the variable at fault. The database's own are in src/db/config.ts.
import path from "node:path";
import { ConfigError } from "../db/config";

type Env = Record<string, string | undefined>;

export interface OpsConfig {
  backup: {
    dir: string;
    keep: number;
    /** pg_dump --compress level (gzip, 0-9). */
    compression: number;
    /** Cron expression of the daily backup job, or null for none. */
    schedule: string | null;
    /** A login that reads every row (superuser or BYPASSRLS); null: the owner login. */
    url: string | null;
  };
  pitr: { config: string; stanza: string };
  online: { batchSize: number; throttleMs: number };
  /** Folder of pg_dump / pg_restore matching the server's major version; null: found by version. */
  pgBinDir: string | null;
}

export const DEFAULT_BACKUP_COMPRESSION = 6;

function int(env: Env, name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(name, `must be a whole number${max === Number.MAX_SAFE_INTEGER ? ` of at least ${min}` : ` from ${min} to ${max}`}, got "${raw}"`);
  }
  return n;
}

export function readOpsConfig(env: Env = process.env): OpsConfig {
  const rawSchedule = env.BACKUP_SCHEDULE?.trim() || null;
  // "off" (as for every *_SCHEDULE of the job queue) means none.
  const schedule = rawSchedule && ["off", "0", "false", "none"].includes(rawSchedule.toLowerCase()) ? null : rawSchedule;
  if (schedule && schedule.split(/\s+/).length !== 5) {
    throw new ConfigError("BACKUP_SCHEDULE", `must be a 5-field cron expression such as "0 3 * * *" (03:00 every day), got "${schedule}"`);
  }
  const url = env.BACKUP_DATABASE_URL?.trim() || null;
  if (url && !/^postgres(ql)?:\/\//.test(url)) throw new ConfigError("BACKUP_DATABASE_URL", `must be a postgres:// URL, got "${url}"`);
  const stanza = env.PGBACKREST_STANZA?.trim() || "storyboard";
  if (!/^[A-Za-z0-9_-]+$/.test(stanza)) throw new ConfigError("PGBACKREST_STANZA", `must be letters, digits, - or _, got "${stanza}"`);
  return {
    backup: {
      dir: path.resolve(env.BACKUP_DIR?.trim() || "./backups"),
      keep: int(env, "BACKUP_KEEP", 7, 1),
      compression: int(env, "BACKUP_COMPRESSION", DEFAULT_BACKUP_COMPRESSION, 0, 9),
      schedule,
      url,
    },
    pitr: { config: path.resolve(env.PGBACKREST_CONFIG?.trim() || "/etc/pgbackrest/pgbackrest.conf"), stanza },
    online: { batchSize: int(env, "DATABASE_BACKFILL_BATCH_SIZE", 5_000, 1), throttleMs: int(env, "DATABASE_BACKFILL_THROTTLE_MS", 20, 0) },
    pgBinDir: env.PG_BIN_DIR?.trim() || null,
  };
}
