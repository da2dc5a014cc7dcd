// The durable job queue on both databases (pg-boss on PostgreSQL, the leased jobs table on
// SQLite), through the one JobQueue interface: retries with backoff then failure with the last
// error, a job left running by a dead worker retried, singleton jobs and schedules across two
// instances, and the audit partition upkeep job.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { z } from "zod";
import { openDriver } from "../../src/db/client";
import type { Driver } from "../../src/db/store/driver";
import { createJobQueue } from "../../src/server/jobs";
import { configureJobs } from "../../src/server/jobs/catalog";
import { readJobSettings } from "../../src/server/jobs/settings";
import type { ConfiguredJob, JobContext, JobDefinition, JobInfo, JobQueue } from "../../src/server/jobs/types";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../support/databases";
import { openRaw, type Raw } from "../support/raw";

const settings = readJobSettings({ JOBS_POLL_SECONDS: "1", JOBS_SUPERVISE_SECONDS: "1" });

const def = (name: string, over: Partial<JobDefinition<{ n?: number }>> = {}): JobDefinition<{ n?: number }> => ({
  name,
  description: name,
  payload: z.object({ n: z.number().optional() }),
  retry: { limit: 2, delaySeconds: 1 },
  timeoutSeconds: 60,
  singleton: false,
  ...over,
});

const job = (d: JobDefinition<{ n?: number }>, handler: (p: { n?: number }, ctx: JobContext) => Promise<unknown>, cron: string | null = null): ConfiguredJob => ({
  def: d as JobDefinition<unknown>,
  handler: async () => handler as (p: unknown, ctx: JobContext) => Promise<unknown>,
  cron,
  concurrency: 1,
});

async function until<T>(what: string, fn: () => Promise<T | undefined | null | false>, timeoutMs = 60_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const finished = (q: JobQueue, id: string) => until(`job ${id} to finish`, async () => {
  const j = await q.get(id);
  return j && (j.state === "completed" || j.state === "failed") ? j : null;
});

describe.each(DIALECTS)("job queue on %s", (dialect) => {
  let db: TestDatabase;
  let driver: Driver;
  let raw: Raw;
  const queues: JobQueue[] = [];
  const calls: Array<{ name: string; attempt: number; final: boolean; at: number; n?: number }> = [];
  const record = (name: string) => async (p: { n?: number }, ctx: JobContext) => {
    calls.push({ name, attempt: ctx.attempt, final: ctx.final, at: Date.now(), n: p.n });
  };
  let releaseSlow: () => void = () => undefined;
  const slowGate = new Promise<void>((r) => (releaseSlow = r));
  let slowRunning = 0;
  let slowMax = 0;

  const testJobs = (): ConfiguredJob[] => [
    job(def("flaky"), async (p, ctx) => {
      await record("flaky")(p, ctx);
      if (ctx.attempt < 3) throw new Error(`flaky attempt ${ctx.attempt} failed`);
      return { ok: true };
    }),
    job(def("doomed", { retry: { limit: 1, delaySeconds: 1 } }), async (p, ctx) => {
      await record("doomed")(p, ctx);
      throw new Error(`doomed attempt ${ctx.attempt}`);
    }),
    job(def("orphan", { retry: { limit: 2, delaySeconds: 1 }, timeoutSeconds: 2 }), record("orphan")),
    job(def("slow", { singleton: true, retry: { limit: 0, delaySeconds: 1 } }), async (p, ctx) => {
      slowRunning++;
      slowMax = Math.max(slowMax, slowRunning);
      ctx.progress("waiting for the gate");
      await slowGate;
      slowRunning--;
      return { waited: true };
    }),
    job(def("tick", { singleton: true }), record("tick"), "* * * * *"),
  ];

  const newQueue = (worker: boolean) => {
    const q = createJobQueue(db.config, driver, { worker, settings, jobs: testJobs() });
    queues.push(q);
    return q;
  };

  beforeAll(async () => {
    db = await createTestDatabase(dialect, inject("pgAdminUrl"));
    driver = await openDriver(db.config);
    raw = await openRaw(db);
  });

  afterAll(async () => {
    releaseSlow();
    for (const q of queues) await q.stop().catch(() => undefined);
    await driver?.close();
    await raw?.close();
    await db?.drop();
  });

  it("retries a failing job with growing delays and completes it on a later attempt", async () => {
    const q = newQueue(true);
    await q.work();
    const id = await q.enqueue("flaky", { n: 1 });
    const done = await finished(q, id);
    expect(done).toMatchObject({ state: "completed", attempts: 3, maxAttempts: 3 });
    const attempts = calls.filter((c) => c.name === "flaky");
    expect(attempts.map((c) => [c.attempt, c.final])).toEqual([[1, false], [2, false], [3, true]]);
    // Backoff: at least delay × 2^(n−1) before attempt n+1 (1 s, then 2 s).
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(1_000);
    expect(attempts[2]!.at - attempts[1]!.at).toBeGreaterThanOrEqual(2_000);
  });

  it("fails a job after its last attempt, keeping the last error and telling the handler it was final", async () => {
    const q = queues[0]!;
    const id = await q.enqueue("doomed", {});
    const done = await finished(q, id);
    expect(done).toMatchObject({ state: "failed", attempts: 2, maxAttempts: 2, lastError: "doomed attempt 2" });
    expect(calls.filter((c) => c.name === "doomed").map((c) => c.final)).toEqual([false, true]);
    const listed = await q.list();
    expect(listed.jobs.find((j) => j.id === id)).toMatchObject({ state: "failed", lastError: "doomed attempt 2" });
  });

  it("retries a job whose worker died mid-attempt once its timeout has passed, and runs it once more only", async () => {
    const q = queues[0]!;
    // What a SIGKILL leaves: the job active, its attempt started long ago by a worker that is gone.
    const client = newQueue(false);
    const id = await client.enqueue("orphan", { n: 7 }, { key: "orphan-7" });
    if (dialect === "sqlite") {
      await raw.query("UPDATE jobs SET state = 'active', attempts = 1, locked_by = 'dead-worker', locked_until = $1 WHERE id = $2", [Date.now() - 1_000, Number(id)]);
    } else {
      await raw.query("UPDATE pgboss.job SET state = 'active', started_on = now() - interval '1 hour' WHERE id = $1", [id]);
    }
    expect(await q.liveKeys("orphan")).toEqual(new Set(["orphan-7"]));
    const done = await finished(q, id);
    expect(done).toMatchObject({ state: "completed", attempts: 2 });
    expect(calls.filter((c) => c.name === "orphan").map((c) => [c.attempt, c.n])).toEqual([[2, 7]]);
    expect(await q.liveKeys("orphan")).toEqual(new Set());
  });

  it("runs a singleton job once at a time across two instances (run-now refused while it runs)", async () => {
    const a = newQueue(false);
    const b = newQueue(false);
    const lines: string[] = [];
    const first = a.runNow("slow", {}, (l) => lines.push(l));
    await until("the slow job to start", async () => slowRunning === 1);
    await expect(b.runNow("slow", {}, () => undefined)).rejects.toThrow(/already running/);
    releaseSlow();
    await expect(first).resolves.toEqual({ waited: true });
    expect(lines).toEqual(["waiting for the gate"]);
    expect(slowMax).toBe(1);
    const again = await b.runNow("slow", {}, () => undefined);
    expect(again).toEqual({ waited: true });
  });

  it("drains a backlog another instance queued without waiting a polling interval between jobs", async () => {
    // One worker with one slot for this job; the jobs are enqueued by a process that does not work
    // the queue, so the worker hears of them at its next poll only and must find the rest itself.
    const burst = () => [job(def("burst"), record("burst"))];
    const q = createJobQueue(db.config, driver, { worker: true, settings, jobs: burst() });
    const client = createJobQueue(db.config, driver, { worker: false, settings, jobs: burst() });
    queues.push(q, client);
    await q.work();
    const n = 10;
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push(await client.enqueue("burst", { n: i }));
    const queued = Date.now();
    for (const id of ids) expect(await finished(q, id)).toMatchObject({ state: "completed" });
    const took = Date.now() - queued;
    expect(calls.filter((c) => c.name === "burst").map((c) => c.n).sort((a, b) => a! - b!)).toEqual([...Array(n).keys()]);
    // Waiting the 1 s interval after each job would take at least n − 1 seconds.
    expect(took).toBeLessThan(((n - 1) * settings.pollSeconds * 1000) / 2);
  });

  it(
    "fires a schedule once per slot with two instances working",
    async () => {
      const a = newQueue(true);
      const b = newQueue(true);
      await Promise.all([a.work(), b.work()]);
      const listed = await a.list();
      expect(listed.schedules.find((s) => s.name === "tick")).toMatchObject({ cron: "* * * * *" });
      if (dialect === "sqlite") {
        // The next slot without waiting for the minute: the schedule last fired two minutes ago.
        await raw.query("UPDATE job_schedules SET last_slot = last_slot - 120000 WHERE name = 'tick'");
      }
      await until("the schedule to fire", async () => calls.some((c) => c.name === "tick"), 130_000);
      const jobs: JobInfo[] =
        dialect === "sqlite"
          ? (await raw.query<{ id: number }>("SELECT id FROM jobs WHERE name = 'tick'")).map((r) => ({ id: String(r.id) }) as JobInfo)
          : (await raw.query<{ id: string }>("SELECT id FROM pgboss.job WHERE name = 'tick'")).map((r) => ({ id: r.id }) as JobInfo);
      expect(jobs).toHaveLength(1);
      await finished(a, jobs[0]!.id);
      expect(calls.filter((c) => c.name === "tick")).toHaveLength(1);
    },
    150_000,
  );

  it("keeps the audit log's partitions: the upkeep job creates months ahead and reports what it did", async () => {
    const catalog = configureJobs(readJobSettings({}));
    const audit = catalog.find((j) => j.def.name === "audit-partitions")!;
    expect(audit).toMatchObject({ cron: "10 0 * * *", def: { singleton: true } });
    expect(catalog.find((j) => j.def.name === "refresh-stats")!.cron).toBe("20 3 * * *");
    expect(configureJobs(readJobSettings({ AUDIT_PARTITION_SCHEDULE: "off" })).find((j) => j.def.name === "audit-partitions")!.cron).toBeNull();
    expect(() => readJobSettings({ AUDIT_PARTITIONS_AHEAD: "2" })).toThrow(/AUDIT_PARTITIONS_AHEAD/);
    expect(() => configureJobs(readJobSettings({ STATS_SCHEDULE: "every day" }))).toThrow(/STATS_SCHEDULE/);
    const { openStore } = await import("../../src/db/client");
    const store = await openStore(db.config);
    try {
      if (dialect === "postgres") {
        await raw.exec("DROP TABLE IF EXISTS audit_log_y2099m01");
        const months = async () => (await raw.query<{ n: string }>("SELECT count(*) AS n FROM pg_inherits WHERE inhparent = 'audit_log'::regclass AND inhrelid::regclass::text ~ '^audit_log_y'"))[0]!.n;
        const before = Number(await months());
        const r = await store.maintainAuditLog({ monthsAhead: 6, retentionMonths: 24 });
        expect(r.partitions_created).toBe(3); // 3 months ahead exist from the migration; 6 asks for 3 more
        expect(Number(await months())).toBe(before + 3);
        expect((await store.maintainAuditLog({ monthsAhead: 6, retentionMonths: 24 })).partitions_created).toBe(0);
      } else {
        const r = await store.maintainAuditLog({ monthsAhead: 3, retentionMonths: 24 });
        expect(r).toMatchObject({ partitions_created: 0, partitions_dropped: 0 });
      }
    } finally {
      await store.close();
    }
  });
});
