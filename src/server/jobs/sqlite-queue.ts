// The JobQueue on SQLite: the jobs table (migration sqlite/0010) with a lease. A worker claims a
// job with one UPDATE … RETURNING that sets state 'active', counts the attempt and sets
// locked_until (now + the job's timeout); a lease that runs out (the worker died, or hangs) makes
// the job claimable again, as pg-boss's expiry does. Schedules move job_schedules.last_slot
// forward with a compare-and-set, so one instance enqueues each slot; singleton jobs are claimed
// only while no other attempt of the same job holds an unexpired lease.
import os from "node:os";
import { randomBytes } from "node:crypto";
import type { Conn, Driver, Row } from "../../db/store/driver";
import { lastSlot, nextRun } from "./cron";
import { createRunner, errorText, logProgress } from "./runner";
import { JobError, type ConfiguredJob, type JobInfo, type JobQueue, type JobState } from "./types";
import { errorSummary } from "../log-error";

const KEEP_FINISHED_MS = 7 * 24 * 3600_000;

const CLAIM = `
UPDATE jobs SET state = 'active', attempts = attempts + 1, locked_until = $2 + timeout_seconds * 1000, locked_by = $3, updated_at = $2,
  last_error = CASE WHEN state = 'active' THEN 'attempt ' || attempts || ' did not finish within ' || timeout_seconds || ' s (its worker stopped)' ELSE last_error END
WHERE id = (
  SELECT j.id FROM jobs j
  WHERE j.name = $1
    AND ((j.state IN ('created', 'retry') AND j.run_after <= $2) OR (j.state = 'active' AND j.locked_until < $2 AND j.attempts < j.max_attempts))
    AND ($4 = 0 OR NOT EXISTS (SELECT 1 FROM jobs a WHERE a.name = j.name AND a.state = 'active' AND a.locked_until >= $2))
  ORDER BY j.run_after, j.id LIMIT 1)
RETURNING id, name, key, payload, attempts, max_attempts`;

const EXPIRE = `
UPDATE jobs SET state = 'failed', locked_until = NULL, locked_by = NULL, completed_at = $1, updated_at = $1,
  last_error = 'attempt ' || attempts || ' of ' || max_attempts || ' did not finish within ' || timeout_seconds || ' s (its worker stopped)'
WHERE state = 'active' AND locked_until < $1 AND attempts >= max_attempts
RETURNING id`;

const COMPLETE = `
UPDATE jobs SET state = 'completed', locked_until = NULL, locked_by = NULL, completed_at = $3, updated_at = $3
WHERE id = $1 AND locked_by = $2 AND state = 'active' RETURNING id`;

const FAIL = `
UPDATE jobs SET
  state = CASE WHEN attempts < max_attempts THEN 'retry' ELSE 'failed' END,
  run_after = CASE WHEN attempts < max_attempts THEN $4 + retry_delay_seconds * 1000 * (1 << min(attempts - 1, 16)) ELSE run_after END,
  completed_at = CASE WHEN attempts < max_attempts THEN NULL ELSE $4 END,
  last_error = $3, locked_until = NULL, locked_by = NULL, updated_at = $4
WHERE id = $1 AND locked_by = $2 AND state = 'active' RETURNING state`;

const INSERT = `
INSERT INTO jobs (name, key, payload, state, max_attempts, retry_delay_seconds, timeout_seconds, run_after, created_at, updated_at)
VALUES ($1, $2, $3, 'created', $4, $5, $6, $7, $7, $7) RETURNING id`;

/** runNow: an attempt that starts active, held by this process; refused while a singleton job runs. */
const INSERT_ACTIVE = `
INSERT INTO jobs (name, key, payload, state, attempts, max_attempts, retry_delay_seconds, timeout_seconds, run_after, locked_until, locked_by, created_at, updated_at)
SELECT $1, NULL, $2, 'active', 1, 1, 0, $3, $4, $4 + $3 * 1000, $5, $4, $4
WHERE $6 = 0 OR NOT EXISTS (SELECT 1 FROM jobs WHERE name = $1 AND state = 'active' AND locked_until >= $4)
RETURNING id`;

const COLUMNS = "id, name, key, state, attempts, max_attempts, created_at, run_after, locked_until, timeout_seconds, last_error";

const toInfo = (r: Row): JobInfo => {
  const state = String(r.state) as JobState;
  const lockedUntil = r.locked_until === null ? null : Number(r.locked_until);
  return {
    id: String(r.id),
    name: String(r.name),
    key: r.key === null ? null : String(r.key),
    state,
    attempts: Number(r.attempts),
    maxAttempts: Number(r.max_attempts),
    createdAt: new Date(Number(r.created_at)),
    startedAt: state === "active" && lockedUntil !== null ? new Date(lockedUntil - Number(r.timeout_seconds) * 1000) : null,
    runAfter: state === "created" || state === "retry" ? new Date(Number(r.run_after)) : null,
    lastError: r.last_error === null ? null : String(r.last_error),
  };
};

export function createSqliteQueue(driver: Driver, jobs: ConfiguredJob[], settings: { pollSeconds: number }): JobQueue {
  const runner = createRunner(jobs);
  const workerId = `${os.hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`.slice(0, 100);
  const tx = <T>(fn: (c: Conn) => Promise<T>) => driver.adminTx("owner", fn);
  const running = new Map<string, number>();
  const pumping = new Map<string, "idle" | "busy" | "again">();
  let timer: NodeJS.Timeout | undefined;
  let working = false;
  let stopped = false;
  let started: Promise<void> | undefined;
  let lastCleanup = 0;

  const finish = async (id: number, outcome: { ok: true } | { ok: false; error: string }) => {
    const now = Date.now();
    await tx((c) => (outcome.ok ? c.query("jobs_complete", COMPLETE, [id, workerId, now]) : c.query("jobs_fail", FAIL, [id, workerId, outcome.error, now])));
  };

  const execute = async (row: Row) => {
    const id = Number(row.id);
    const name = String(row.name);
    const attempt = Number(row.attempts);
    const maxAttempts = Number(row.max_attempts);
    try {
      await runner.run(name, JSON.parse(String(row.payload)), { id: String(id), attempt, maxAttempts, final: attempt >= maxAttempts, progress: logProgress(name, String(id)) });
      await finish(id, { ok: true });
    } catch (e) {
      console.error(`[jobs] ${name} ${id} attempt ${attempt}/${maxAttempts} failed: ${errorSummary(e)}`);
      await finish(id, { ok: false, error: errorText(e) }).catch((err: unknown) => console.error(`[jobs] could not record the failure: ${errorSummary(err)}`));
    }
  };

  const pump = async (job: ConfiguredJob): Promise<void> => {
    const name = job.def.name;
    if (pumping.get(name) === "busy" || pumping.get(name) === "again") {
      pumping.set(name, "again");
      return;
    }
    pumping.set(name, "busy");
    try {
      while (working && !stopped && (running.get(name) ?? 0) < job.concurrency) {
        const [row] = await tx((c) => c.query("jobs_claim", CLAIM, [name, Date.now(), workerId, job.def.singleton ? 1 : 0]));
        if (!row) {
          if (pumping.get(name) === "again") {
            pumping.set(name, "busy");
            continue;
          }
          break;
        }
        running.set(name, (running.get(name) ?? 0) + 1);
        void execute(row).finally(() => {
          running.set(name, (running.get(name) ?? 1) - 1);
          void pump(job);
        });
      }
    } catch (e) {
      console.error(`[jobs] claiming ${name} failed: ${errorSummary(e)}`);
    } finally {
      pumping.set(name, "idle");
    }
  };

  const tickSchedules = async () => {
    const now = Date.now();
    await tx(async (c) => {
      for (const s of await c.query("jobs_schedules", "SELECT name, cron, last_slot FROM job_schedules", [])) {
        const job = runner.jobs.find((j) => j.def.name === s.name);
        if (!job) continue;
        const slot = lastSlot(String(s.cron), new Date(now)).getTime();
        if (slot <= Number(s.last_slot)) continue;
        const moved = await c.query("jobs_schedule_cas", "UPDATE job_schedules SET last_slot = $2, updated_at = $3 WHERE name = $1 AND last_slot < $2 RETURNING name", [s.name, slot, now]);
        if (moved.length === 1) await insert(c, job, {}, null, now);
      }
    });
  };

  const supervise = async () => {
    const now = Date.now();
    const expired = await tx((c) => c.query("jobs_expire", EXPIRE, [now]));
    if (expired.length) console.error(`[jobs] ${expired.length} job(s) failed: their last attempt did not finish in time`);
    if (now - lastCleanup > 3600_000) {
      lastCleanup = now;
      await tx((c) => c.query("jobs_cleanup", "DELETE FROM jobs WHERE state IN ('completed', 'failed') AND completed_at < $1", [now - KEEP_FINISHED_MS]));
    }
    await tickSchedules();
  };

  const insert = async (c: Conn, job: ConfiguredJob, payload: unknown, key: string | null, now: number) => {
    const [row] = await c.query("jobs_insert", INSERT, [job.def.name, key, JSON.stringify(payload), job.def.retry.limit + 1, job.def.retry.delaySeconds, job.def.timeoutSeconds, now]);
    return String(row!.id);
  };

  const tick = async () => {
    try {
      await supervise();
      await Promise.all(runner.runnable().map(pump));
    } catch (e) {
      console.error(`[jobs] worker tick failed: ${errorSummary(e)}`);
    }
  };

  const queue: JobQueue = {
    backend: "sqlite",
    start() {
      started ??= tx(async (c) => {
        const now = new Date();
        const scheduled = runner.runnable().filter((j) => j.cron !== null);
        for (const j of scheduled) {
          await c.query(
            "jobs_schedule_upsert",
            "INSERT INTO job_schedules (name, cron, last_slot, updated_at) VALUES ($1, $2, $3, $4) ON CONFLICT (name) DO UPDATE SET cron = excluded.cron, updated_at = excluded.updated_at",
            [j.def.name, j.cron, lastSlot(j.cron!, now).getTime(), now.getTime()],
          );
        }
        const keep = scheduled.map((j) => j.def.name);
        await c.query(`jobs_schedule_prune_${keep.length}`, `DELETE FROM job_schedules WHERE name NOT IN (${["''", ...keep.map((_, i) => `$${i + 1}`)].join(", ")})`, keep);
      });
      return started;
    },
    async work() {
      await queue.start();
      if (working) return;
      working = true;
      await tick();
      timer = setInterval(() => void tick(), settings.pollSeconds * 1000);
      timer.unref();
    },
    async enqueue(name, payload, opts = {}) {
      const job = runner.job(name);
      const data = job.def.payload.parse(payload);
      await queue.start();
      const id = await tx((c) => insert(c, job, data, opts.key ?? null, Date.now()));
      if (working) void pump(job);
      return id;
    },
    async runNow(name, payload, progress) {
      const job = runner.job(name);
      const data = job.def.payload.parse(payload);
      if (!job.handler) throw new JobError(`The job "${name}" has no handler yet`);
      await queue.start();
      const now = Date.now();
      const [row] = await tx((c) => c.query("jobs_insert_active", INSERT_ACTIVE, [name, JSON.stringify(data), job.def.timeoutSeconds, now, workerId, job.def.singleton ? 1 : 0]));
      if (!row) throw new JobError(`${name} is already running (one at a time); try again when it has finished`);
      const id = Number(row.id);
      try {
        const out = await runner.run(name, data, { id: String(id), attempt: 1, maxAttempts: 1, final: true, progress });
        await finish(id, { ok: true });
        return out;
      } catch (e) {
        await finish(id, { ok: false, error: errorText(e) });
        throw e;
      }
    },
    async get(id) {
      const [row] = await tx((c) => c.query("jobs_get", `SELECT ${COLUMNS} FROM jobs WHERE id = $1`, [Number(id)]));
      return row ? toInfo(row) : null;
    },
    async list(limit = 50) {
      return tx(async (c) => {
        const rows = await c.query("jobs_list", `SELECT ${COLUMNS} FROM jobs WHERE state IN ('created', 'retry', 'active', 'failed') ORDER BY id DESC LIMIT $1`, [limit]);
        const schedules = await c.query("jobs_schedules_list", "SELECT name, cron FROM job_schedules ORDER BY name", []);
        return { jobs: rows.map(toInfo), schedules: schedules.map((s) => ({ name: String(s.name), cron: String(s.cron), nextRunAt: nextRun(String(s.cron)) })) };
      });
    },
    async liveKeys(name) {
      const rows = await tx((c) => c.query("jobs_live_keys", "SELECT DISTINCT key FROM jobs WHERE name = $1 AND state IN ('created', 'retry', 'active') AND key IS NOT NULL", [name]));
      return new Set(rows.map((r) => String(r.key)));
    },
    idle: () => runner.idle(),
    async stop() {
      stopped = true;
      working = false;
      if (timer) clearInterval(timer);
      await runner.idle();
    },
  };
  return queue;
}
