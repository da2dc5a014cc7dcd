// Drill: "migrations that never lock out users". On a throwaway cluster, the real online step
// (projects.shard_id: add nullable, keyset backfill, CHECK NOT VALID, VALIDATE, SET NOT NULL, drop
// the CHECK, CREATE INDEX CONCURRENTLY) runs over 200,000 projects while a workload of app
// requests (the store, as the app role under row level security) reads and writes the same table,
// and a long report holds a lock when SET NOT NULL comes, so the DDL must time out and retry.
// PostgreSQL logs every lock wait longer than 20 ms (log_lock_waits), with the waiting session's
// application_name: no app request may wait longer than lock_timeout, none may fail, and the final
// data must be complete.
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openStore, type Store } from "../../src/db/client";
import { migratePostgres } from "../../src/db/migrate";
import { openOnlinePg } from "../../src/db/online/pg";
import { shardOf } from "../../src/db/shard";
import { runOnlineSteps } from "../../src/ops/online/steps";
import { postgresConfig } from "../support/databases";
import { startCluster, type Cluster } from "../support/pg-cluster";

const PROJECTS = 200_000;
const USERS = PROJECTS / 4;
const LOCK_TIMEOUT_MS = 1_000;
const SHARDS = 4;

let cluster: Cluster;
let url: string;

beforeAll(async () => {
  cluster = await startCluster({ conf: { log_lock_waits: "on", deadlock_timeout: "'20ms'" } });
  const admin = new pg.Client({ connectionString: cluster.url() });
  await admin.connect();
  await admin.query("CREATE DATABASE app");
  await admin.end();
  url = cluster.url("app");
  await migratePostgres(url); // the transactional half: shard_id exists, nullable, not indexed
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  // Projects that existed before the release: user k owns projects 4k-3 .. 4k, shard_id NULL.
  // Loaded without firing the audit triggers: this is the past, not a change under test.
  await c.query("SET session_replication_role = replica");
  await c.query(`INSERT INTO users (id, email) SELECT 'u' || g, 'u' || g || '@drill.test' FROM generate_series(1, ${USERS}) g`);
  await c.query(`INSERT INTO projects (user_id, title) SELECT 'u' || (1 + (g - 1) / 4), 'p' || g FROM generate_series(1, ${PROJECTS}) g`);
  await c.query("RESET session_replication_role");
  await c.query("VACUUM ANALYZE projects");
  await c.end();
}, 180_000);

afterAll(async () => {
  await cluster?.destroy();
});

interface Latency {
  op: string;
  ms: number;
}

it("adds and backfills shard_id on 200,000 projects while requests keep working", async () => {
  const appUrl = `${url}?application_name=workload`;
  const store: Store = await openStore({ ...postgresConfig(appUrl, { max: 6, min: 0, idleTimeoutMillis: 10_000, connectionTimeoutMillis: 5_000, statementTimeoutMillis: 30_000 }), autoMigrate: false });
  const latencies: Latency[] = [];
  const errors: string[] = [];
  const titles = new Map<number, string>();
  const created: number[] = [];
  let running = true;
  let seq = 0;
  const userOf = (projectId: number) => `u${1 + Math.floor((projectId - 1) / 4)}`;

  const worker = async (w: number) => {
    while (running) {
      const id = 1 + Math.floor(Math.random() * PROJECTS);
      const user = userOf(id);
      const kind = ["read", "update", "create", "read"][seq++ % 4]!;
      const t0 = performance.now();
      try {
        if (kind === "read") await store.listProjects(user);
        else if (kind === "update") {
          const title = `w${w}-${seq}`;
          await store.updateProject(user, id, { title });
          titles.set(id, title);
        } else created.push((await store.createProject(user, { title: `new ${seq}` })).id);
      } catch (e) {
        errors.push(`${kind}: ${(e as Error).message}`);
      }
      latencies.push({ op: kind, ms: performance.now() - t0 });
      await new Promise((r) => setTimeout(r, 2));
    }
  };
  const workers = [0, 1, 2, 3].map(worker);

  const blocker = new pg.Client({ connectionString: `${url}?application_name=report` });
  await blocker.connect();
  let report: Promise<unknown> = Promise.resolve();
  const log: string[] = [];
  const online = await openOnlinePg(url, { lockTimeoutMillis: LOCK_TIMEOUT_MS, lockAttempts: 8, retryDelayMillis: 200, log: (l) => log.push(l) });
  const t0 = performance.now();
  const phases: Record<string, number> = {};
  let last = t0;
  let lastPhase = "";
  try {
    await runOnlineSteps(online, {
      shardCount: SHARDS,
      batchSize: 2_500, // row locks of a batch are held for its one short transaction
      throttleMs: 10,
      log: (l) => log.push(l),
      onPhase: async (phase) => {
        if (lastPhase) phases[lastPhase] = performance.now() - last;
        [last, lastPhase] = [performance.now(), phase];
        // A report that reads projects for 2.5 s: SET NOT NULL cannot get its lock and must give up
        // after lock_timeout (letting the queued requests through), then retry.
        if (phase === "not_null") {
          await blocker.query("BEGIN");
          await blocker.query("SELECT count(*) FROM projects");
          report = new Promise((r) => setTimeout(r, 2_500)).then(() => blocker.query("COMMIT"));
        }
      },
    });
  } finally {
    await online.close();
  }
  const migrationSeconds = (performance.now() - t0) / 1000;
  await report;
  await blocker.end();
  await new Promise((r) => setTimeout(r, 300)); // requests keep running after the migration
  running = false;
  await Promise.all(workers);
  await store.close();

  // Lock waits PostgreSQL logged, by the waiting session's application_name ("%m [%p] %a").
  const entries = cluster
    .log()
    .split("\n")
    .map((l) => /^(\S+ \S+) UTC \[(\d+)\] (\S*) (LOG|ERROR):  (.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ at: Date.parse(`${m[1]!.replace(" ", "T")}Z`), pid: m[2]!, app: m[3]!, text: m[5]! }));
  // How long past its lock_timeout each timed-out DDL statement took to be cancelled (the server
  // notices the timer, aborts, releases its place in the queue): milliseconds when idle.
  const cancels = entries
    .filter((e) => e.app === "storyboard-online-migration" && e.text.startsWith("canceling statement due to lock timeout"))
    .map((e) => {
      const waiting = entries.filter((w) => w.pid === e.pid && w.at <= e.at && /still waiting for .* after [\d.]+ ms/.test(w.text)).at(-1)!;
      const since = waiting.at - Number(/after ([\d.]+) ms/.exec(waiting.text)![1]);
      return { at: e.at, late: e.at - since - LOCK_TIMEOUT_MS };
    });
  const cancelLatency = Math.max(0, ...cancels.map((c) => c.late));
  // Each request's lock wait, and how much of it passed before the DDL it queued behind gave up
  // (after that, the rest is the time the busy machine took to wake the request up).
  const requestWaits = entries
    .filter((e) => e.app === "workload")
    .map((e) => ({ e, m: /acquired \w+ on .* after ([\d.]+) ms/.exec(e.text) }))
    .filter((x) => x.m !== null)
    .map(({ e, m }) => {
      const ms = Number(m![1]);
      const cancel = cancels.filter((c) => c.at <= e.at && c.at >= e.at - ms).at(-1);
      return { ms, untilDdlGaveUp: cancel ? cancel.at - (e.at - ms) : ms };
    });
  const longestWait = Math.max(0, ...requestWaits.map((w) => w.ms));
  const longestBehindDdl = Math.max(0, ...requestWaits.map((w) => w.untilDdlGaveUp));
  const retries = log.filter((l) => /lock not granted within lock_timeout/.test(l)).length;
  const sorted = latencies.map((l) => l.ms).sort((a, b) => a - b);
  const p99 = sorted[Math.floor(sorted.length * 0.99)] ?? 0;

  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const count = Number((await c.query("SELECT count(*) AS n FROM projects")).rows[0].n);
  const rows = (await c.query<{ id: number; user_id: string; shard_id: number | null; title: string }>("SELECT id, user_id, shard_id, title FROM projects")).rows;
  const notNull = (await c.query("SELECT attnotnull FROM pg_attribute WHERE attrelid = 'projects'::regclass AND attname = 'shard_id'")).rows[0].attnotnull;
  const indexValid = (await c.query("SELECT indisvalid FROM pg_index WHERE indexrelid = 'idx_projects_shard_id'::regclass")).rows[0].indisvalid;
  await c.end();

  console.log(
    [
      `[drill] zero-downtime column add: ${PROJECTS.toLocaleString("en")} rows, shard_id added, backfilled, NOT NULL and indexed in ${migrationSeconds.toFixed(1)} s`,
      `[drill]   phases (s): ${Object.entries(phases).map(([p, ms]) => `${p} ${(ms / 1000).toFixed(2)}`).join(", ")}`,
      `[drill]   backfill: ${log.filter((l) => /#backfill: [\d,]+ \//.test(l)).at(-1)}`,
      `[drill]   concurrent requests: ${latencies.length} (${errors.length} failed), p99 ${p99.toFixed(1)} ms, slowest ${sorted.at(-1)?.toFixed(1)} ms`,
      `[drill]   lock waits logged for requests: ${requestWaits.length}, longest ${longestWait.toFixed(1)} ms, longest until the DDL it queued behind gave up ${longestBehindDdl.toFixed(0)} ms (lock_timeout ${LOCK_TIMEOUT_MS} ms; the server took up to ${cancelLatency.toFixed(0)} ms to cancel it); DDL retries after lock_timeout: ${retries}`,
    ].join("\n"),
  );

  expect(errors).toEqual([]);
  expect(latencies.length).toBeGreaterThan(100);
  expect(retries).toBeGreaterThanOrEqual(1); // the report really was in the way
  expect(requestWaits.length).toBeGreaterThan(0); // requests really queued behind the DDL…
  // …and never longer than the lock_timeout of the DDL they queued behind, plus the time the server
  // took to cancel it (the log's timestamps are to the millisecond).
  expect(longestBehindDdl).toBeLessThanOrEqual(LOCK_TIMEOUT_MS + cancelLatency + 2);
  expect(longestWait).toBeLessThan(LOCK_TIMEOUT_MS * 2);
  expect(count).toBe(PROJECTS + created.length);
  expect(notNull).toBe(true);
  expect(indexValid).toBe(true);
  const byId = new Map(rows.map((r) => [r.id, r]));
  expect(rows.filter((r) => r.shard_id !== shardOf(r.user_id, SHARDS)).map((r) => r.id)).toEqual([]);
  expect([...titles].filter(([id, title]) => byId.get(id)?.title !== title)).toEqual([]);
  expect(created.filter((id) => !byId.has(id))).toEqual([]);
}, 180_000);
