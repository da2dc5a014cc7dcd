// The job system's settings, read once and validated (every variable is in README and .env.example).
import { ConfigError } from "../../db/config";
import { assertCron } from "./cron";

type Env = Record<string, string | undefined>;

export interface JobSettings {
  /** JOBS_IN_WEB: the web server runs the workers (default); 0 leaves them to `storyboard worker`. */
  inWeb: boolean;
  /** JOBS_POLL_SECONDS: how often an idle worker looks for jobs (other instances' enqueues, retries due). */
  pollSeconds: number;
  /** JOBS_SUPERVISE_SECONDS: how often lost attempts (past their timeout) are failed into a retry. */
  superviseSeconds: number;
  generation: { timeoutSeconds: number; retries: number; retryDelaySeconds: number; concurrency: number };
  audit: { retentionMonths: number; monthsAhead: number };
  /** Raw schedule values by variable name ("" or unset: the definition's default). */
  schedules: Env;
}

const int = (env: Env, name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER) => {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(name, `must be a whole number from ${min} to ${max}, got "${raw}"`);
  return n;
};

const flag = (env: Env, name: string, fallback: boolean) => {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (["1", "true", "yes", "on"].includes(raw)) return true;
  if (["0", "false", "no", "off"].includes(raw)) return false;
  throw new ConfigError(name, `must be 1 or 0, got "${env[name]}"`);
};

export function readJobSettings(env: Env = process.env): JobSettings {
  const schedules: Env = {};
  for (const [k, v] of Object.entries(env)) if (k.endsWith("_SCHEDULE")) schedules[k] = v;
  // The purge of Idempotency-Keys became the general purge-expired job: its old variable still counts.
  if (!schedules.EXPIRED_PURGE_SCHEDULE?.trim() && schedules.IDEMPOTENCY_PURGE_SCHEDULE?.trim()) schedules.EXPIRED_PURGE_SCHEDULE = schedules.IDEMPOTENCY_PURGE_SCHEDULE;
  return {
    inWeb: flag(env, "JOBS_IN_WEB", true),
    pollSeconds: int(env, "JOBS_POLL_SECONDS", 2, 1, 60),
    superviseSeconds: int(env, "JOBS_SUPERVISE_SECONDS", 30, 1, 3600),
    generation: {
      timeoutSeconds: int(env, "GENERATION_JOB_TIMEOUT_SECONDS", 120, 1, 3600),
      retries: int(env, "GENERATION_JOB_RETRIES", 3, 0, 20),
      retryDelaySeconds: int(env, "GENERATION_JOB_RETRY_DELAY_SECONDS", 5, 0, 3600),
      concurrency: int(env, "GENERATION_CONCURRENCY", 2, 1, 64),
    },
    audit: {
      retentionMonths: int(env, "AUDIT_RETENTION_MONTHS", 24, 1, 1200),
      monthsAhead: int(env, "AUDIT_PARTITIONS_AHEAD", 3, 3, 36),
    },
    schedules,
  };
}

/** The cron a schedule runs on: the variable's value, the default when unset, null for "off". */
export function scheduleOf(settings: JobSettings, schedule: { env: string; cron: string | null }): string | null {
  const raw = settings.schedules[schedule.env]?.trim();
  if (!raw) return schedule.cron;
  if (["off", "0", "false", "none"].includes(raw.toLowerCase())) return null;
  try {
    assertCron(raw);
  } catch (e) {
    throw new ConfigError(schedule.env, `is not a cron expression ("${raw}": ${(e as Error).message}); five fields, UTC, e.g. "15 3 * * *", or "off"`);
  }
  return raw;
}

let cached: JobSettings | undefined;
export const jobSettings = (): JobSettings => (cached ??= readJobSettings());
