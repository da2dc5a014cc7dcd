// The JobQueue on PostgreSQL: pg-boss 10 in its own schema "pgboss", which pg-boss creates and
// migrates itself at start on a connection of the tables' owner (DATABASE_OWNER_URL, else
// DATABASE_URL): pg-boss versions its schema and migrates it in place, which the app's Drizzle
// migrations could not follow. Each job is a queue (createQueue: retries with backoff, expiry,
// policy "singleton" for maintenance jobs: one active job at a time across instances). An attempt
// whose worker died stays 'active' until its expiry, then pg-boss's supervisor fails it into a
// retry (JOBS_SUPERVISE_SECONDS). Schedules are pg-boss cron schedules: one instance sends each slot.
import pg from "pg";
import PgBoss from "pg-boss";
import { waitForAdvisoryLock } from "../../db/lock-retry";
import { nextRun } from "./cron";
import { createRunner, errorText, logProgress } from "./runner";
import { JobError, type ConfiguredJob, type JobInfo, type JobQueue, type JobState } from "./types";
import { errorSummary } from "../log-error";

export const PGBOSS_SCHEMA = "pgboss";

/** Held while an instance sets the queue up (pg-boss's schema, the queues, the schedules). */
const SETUP_LOCK = 727_010; // the migrations hold 727_001, the online steps 727_002

/**
 * Runs `setup` while holding a session advisory lock on the owner's connection: instances that
 * start together set the queue up one after the other. pg-boss 10 creates each queue (a
 * partition of pgboss.job with foreign keys to pgboss.queue) without a lock of its own, and two
 * instances creating queues at once deadlocked at boot (issue 10, failure 14).
 */
async function withSetupLock<T>(ownerUrl: string, setup: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ownerUrl, application_name: "storyboard-jobs-setup" });
  await client.connect();
  try {
    await waitForAdvisoryLock(client, SETUP_LOCK);
    return await setup();
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [SETUP_LOCK]).catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}

interface PgBossSettings {
  ownerUrl: string;
  pollSeconds: number;
  superviseSeconds: number;
  /** A worker supervises expiries and sends schedules; a client (CLI, JOBS_IN_WEB=0) only sends. */
  worker: boolean;
  poolMax?: number;
}

const COLUMNS = `id, name, singleton_key, state, retry_count, retry_limit, created_on, started_on, start_after, output`;

const toInfo = (r: Record<string, unknown>): JobInfo => {
  const state = String(r.state) as JobState;
  const output = r.output as { message?: string; value?: unknown } | null;
  const retryCount = Number(r.retry_count);
  return {
    id: String(r.id),
    name: String(r.name),
    key: r.singleton_key === null ? null : String(r.singleton_key),
    state,
    // retry_count counts restarts; an attempt is under way or done once started_on is set.
    attempts: r.started_on ? retryCount + 1 : retryCount,
    maxAttempts: Number(r.retry_limit) + 1,
    createdAt: new Date(r.created_on as string),
    startedAt: state === "active" && r.started_on ? new Date(r.started_on as string) : null,
    runAfter: state === "created" || state === "retry" ? new Date(r.start_after as string) : null,
    lastError: state === "completed" || !output ? null : (output.message ?? (typeof output.value === "string" ? output.value : JSON.stringify(output))),
  };
};

export function createPgBossQueue(jobs: ConfiguredJob[], settings: PgBossSettings): JobQueue {
  const runner = createRunner(jobs);
  const boss = new PgBoss({
    connectionString: settings.ownerUrl,
    schema: PGBOSS_SCHEMA,
    application_name: "storyboard-jobs",
    max: settings.poolMax ?? 4,
    migrate: true,
    supervise: settings.worker,
    schedule: settings.worker,
    maintenanceIntervalSeconds: settings.superviseSeconds,
  });
  boss.on("error", (e) => console.error(`[jobs] pg-boss: ${errorSummary(e)}`));
  const sql = async (text: string, values: unknown[] = []) => (await boss.getDb().executeSql(text, values)).rows as Record<string, unknown>[];
  const workerIds = new Map<string, string[]>();
  let started: Promise<void> | undefined;
  let working: Promise<void> | undefined;

  const attempt = async (job: ConfiguredJob, j: PgBoss.JobWithMetadata<object>) => {
    const attemptNo = j.retryCount + 1;
    const maxAttempts = j.retryLimit + 1;
    try {
      return await runner.run(job.def.name, j.data, { id: j.id, attempt: attemptNo, maxAttempts, final: attemptNo >= maxAttempts, progress: logProgress(job.def.name, j.id) });
    } catch (e) {
      console.error(`[jobs] ${job.def.name} ${j.id} attempt ${attemptNo}/${maxAttempts} failed: ${errorSummary(e)}`);
      throw new Error(errorText(e)); // pg-boss stores it as the job's output: the last error
    }
  };

  const queue: JobQueue = {
    backend: "pg-boss",
    start() {
      started ??= withSetupLock(settings.ownerUrl, async () => {
        await boss.start();
        for (const j of runner.jobs) {
          const options: PgBoss.Queue = {
            name: j.def.name,
            policy: j.def.singleton ? "singleton" : "standard",
            retryLimit: j.def.retry.limit,
            retryDelay: Math.max(1, j.def.retry.delaySeconds),
            retryBackoff: true,
            expireInSeconds: j.def.timeoutSeconds,
          };
          await boss.createQueue(j.def.name, options); // no-op when it exists
          await boss.updateQueue(j.def.name, options);
        }
        // The schedules as this process's settings say (as on SQLite); only workers' clocks send them.
        const scheduled = new Set<string>();
        for (const j of runner.runnable()) {
          if (j.cron === null) continue;
          await boss.schedule(j.def.name, j.cron, {}, { tz: "UTC" });
          scheduled.add(j.def.name);
        }
        for (const s of await boss.getSchedules()) if (!scheduled.has(s.name)) await boss.unschedule(s.name);
      }).catch((e: unknown) => {
        started = undefined;
        throw e;
      });
      return started;
    },
    work() {
      working ??= (async () => {
        await queue.start();
        for (const j of runner.runnable()) {
          const ids: string[] = [];
          // pg-boss 10 has no team size: concurrency is one work() per slot, one job per fetch.
          // After every fetch, even one that found a job, pg-boss waits out the rest of the polling
          // interval unless notified: a backlog (a burst of generations, other instances' jobs)
          // would drain at one job per interval per slot. A slot that has just run a job notifies
          // itself, so it takes the next one at once; only an empty fetch waits the interval.
          for (let i = 0; i < j.concurrency; i++) {
            const slot: { id?: string } = {};
            slot.id = await boss.work<object>(j.def.name, { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: settings.pollSeconds }, async ([job]) => {
              if (!job) return undefined;
              try {
                return await attempt(j, job);
              } finally {
                if (slot.id) boss.notifyWorker(slot.id);
              }
            });
            ids.push(slot.id);
          }
          workerIds.set(j.def.name, ids);
        }
      })();
      return working;
    },
    async enqueue(name, payload, opts = {}) {
      const job = runner.job(name);
      const data = job.def.payload.parse(payload) as object;
      await queue.start();
      const id = await boss.send(name, data, opts.key ? { singletonKey: opts.key } : {});
      if (!id) throw new JobError(`pg-boss refused the ${name} job`);
      for (const w of workerIds.get(name) ?? []) boss.notifyWorker(w);
      return id;
    },
    async runNow(name, payload, progress) {
      const job = runner.job(name);
      const data = job.def.payload.parse(payload) as object;
      if (!job.handler) throw new JobError(`The job "${name}" has no handler yet`);
      await queue.start();
      const id = await boss.send(name, data, { retryLimit: 0, priority: 100 });
      if (!id) throw new JobError(`pg-boss refused the ${name} job`);
      // Taken at once by this process, as a worker's fetch would (state active, started now): on a
      // singleton queue pg-boss's unique index refuses a second active job.
      try {
        const taken = await sql(`UPDATE ${PGBOSS_SCHEMA}.job SET state = 'active', started_on = now() WHERE name = $1 AND id = $2 AND state = 'created' RETURNING id`, [name, id]);
        if (taken.length !== 1) throw new JobError(`a worker took the ${name} job ${id} first; see storyboard jobs`);
      } catch (e) {
        if ((e as { code?: string }).code !== "23505") throw e;
        await boss.deleteJob(name, id);
        throw new JobError(`${name} is already running (one at a time); try again when it has finished`);
      }
      try {
        const out = await runner.run(name, data, { id, attempt: 1, maxAttempts: 1, final: true, progress });
        await boss.complete(name, id, out && typeof out === "object" ? (out as object) : { value: out ?? null });
        return out;
      } catch (e) {
        await boss.fail(name, id, new Error(errorText(e)));
        throw e;
      }
    },
    async get(id) {
      const [row] = await sql(`SELECT ${COLUMNS} FROM ${PGBOSS_SCHEMA}.job WHERE id = $1::uuid`, [id]);
      return row ? toInfo(row) : null;
    },
    async list(limit = 50) {
      await queue.start();
      const rows = await sql(`SELECT ${COLUMNS} FROM ${PGBOSS_SCHEMA}.job WHERE state IN ('created', 'retry', 'active', 'failed') AND name NOT LIKE '\\_\\_%' ORDER BY created_on DESC LIMIT $1`, [limit]);
      const schedules = (await boss.getSchedules()).map((s) => ({ name: s.name, cron: s.cron, nextRunAt: nextRun(s.cron) }));
      return { jobs: rows.map(toInfo), schedules: schedules.sort((a, b) => a.name.localeCompare(b.name)) };
    },
    async liveKeys(name) {
      await queue.start();
      const rows = await sql(`SELECT DISTINCT singleton_key FROM ${PGBOSS_SCHEMA}.job WHERE name = $1 AND state < 'completed' AND singleton_key IS NOT NULL`, [name]);
      return new Set(rows.map((r) => String(r.singleton_key)));
    },
    idle: () => runner.idle(),
    async stop() {
      if (!started) return;
      await started.catch(() => undefined);
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
  return queue;
}
