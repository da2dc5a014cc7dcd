// Drill: a real streaming replica. A throwaway primary and a replica made with
// `pg_basebackup -R` (own ports). With the replica's replay paused, a user who writes and then reads
// sees their write (their reads go to the primary until the replica has replayed their commit,
// tracked per user, shared between app instances through Redis when it is there); other users'
// reads keep going to the replica (they see its older state); row level security holds on the
// replica; with the replica down, reads fall back to the primary at once and return to the replica
// once it is back. Prints the replication lag seen and the fallback time.
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbConfig } from "../../src/db/config";
import { createPgDriver } from "../../src/db/store/pg";
import { createStore } from "../../src/db/store/store";
import type { Store } from "../../src/db/store/types";
import { readOpsConfig } from "../../src/ops/config";
import { migrateDatabase } from "../../src/ops/migrate";
import { postgresConfig } from "../support/databases";
import { redisAnswers, TEST_REDIS_URL as REDIS_URL } from "../support/redis";
import { createCluster, ownedTempDir, PG_BIN, run, startCluster, type Cluster } from "../support/pg-cluster";

const redisUp = await redisAnswers(REDIS_URL);

let primary: Cluster;
let replica: Cluster;
const lines: string[] = [];
const RETRY_MS = 300;

async function q<T = Record<string, unknown>>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text, params)).rows as T[];
  } finally {
    await c.end();
  }
}

/** Waits until the replica has replayed everything the primary has written so far. */
async function caughtUp(): Promise<void> {
  const lsn = (await q<{ lsn: string }>(primary.url(), "SELECT pg_current_wal_lsn()::text AS lsn"))[0]!.lsn;
  const deadline = Date.now() + 30_000;
  while (!(await q<{ ok: boolean }>(replica.url(), "SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok", [lsn]))[0]!.ok) {
    if (Date.now() > deadline) throw new Error("the replica did not catch up within 30 s");
    await new Promise((r) => setTimeout(r, 20));
  }
}

function openApp(redisUrl: string | null): { store: Store; routing: () => ReturnType<ReturnType<typeof createPgDriver>["readRouting"]> } {
  const base = postgresConfig(primary.url("app")) as Extract<DbConfig, { dialect: "postgres" }>;
  const driver = createPgDriver({
    ...base,
    autoMigrate: false,
    readUrl: replica.url("app"),
    pool: { ...base.pool, connectionTimeoutMillis: 2_000 },
    replica: { readYourWritesTtlMillis: 30_000, retryMillis: RETRY_MS, redisUrl },
  });
  return { store: createStore(driver, {}), routing: driver.readRouting };
}

beforeAll(async () => {
  primary = await startCluster({ conf: { hot_standby_feedback: "on" } });
  await q(primary.url(), "CREATE DATABASE app");
  await migrateDatabase(postgresConfig(primary.url("app")), readOpsConfig({}), { log: () => undefined });
  const base = ownedTempDir("storyboard-replica-");
  const dataDir = path.join(base, "data");
  await run(`${PG_BIN}/pg_basebackup`, ["-D", dataDir, "-R", "-X", "stream", "-c", "fast", "-d", `host=127.0.0.1 port=${primary.port} user=postgres`]);
  replica = await createCluster({ dataDir, base });
  await replica.start();
  await caughtUp();
}, 120_000);

afterAll(async () => {
  console.log(lines.map((l) => `[drill] ${l}`).join("\n"));
  await replica?.destroy();
  await primary?.destroy();
});

describe("a streaming replica behind the app", () => {
  let app: ReturnType<typeof openApp>;
  let other: ReturnType<typeof openApp>;
  let alice: { id: string };
  let bob: { id: string };
  let aliceFirst: { id: number };

  beforeAll(async () => {
    app = openApp(redisUp ? REDIS_URL : null);
    other = openApp(redisUp ? REDIS_URL : null); // a second app instance
    alice = await app.store.upsertUserByEmail({ email: "alice-replica@drill.test" });
    bob = await app.store.upsertUserByEmail({ email: "bob-replica@drill.test" });
    aliceFirst = await app.store.createProject(alice.id, { title: "Alice before the pause" });
    await app.store.createProject(bob.id, { title: "Bob before the pause" });
    await caughtUp();
  });
  afterAll(async () => {
    await app?.store.close();
    await other?.store.close();
  });

  it("is a real standby that replays the primary's writes", async () => {
    expect((await q<{ r: boolean }>(replica.url(), "SELECT pg_is_in_recovery() AS r"))[0]!.r).toBe(true);
    const [lag] = await q<{ bytes: string; seconds: number | null }>(
      primary.url(),
      "SELECT (pg_current_wal_lsn() - replay_lsn)::text AS bytes, extract(epoch FROM replay_lag)::float8 AS seconds FROM pg_stat_replication",
    );
    lines.push(`replica streaming; lag seen after the seed writes: ${lag!.bytes} bytes behind, replay_lag ${lag!.seconds === null ? "n/a (idle)" : `${(lag!.seconds * 1000).toFixed(1)} ms`}`);
  });

  it("with replay paused: a user reads their own write (on any instance), others read the replica, policies hold there", async () => {
    await q(replica.url(), "SELECT pg_wal_replay_pause()");
    try {
      const before = app.routing();
      const p = await app.store.createProject(alice.id, { title: "Alice during the pause" });
      // Alice's next reads go to the primary: the replica has not replayed her commit.
      expect((await app.store.listProjects(alice.id)).map((x) => x.title).sort()).toEqual(["Alice before the pause", "Alice during the pause"]);
      expect((await app.store.getProject(alice.id, p.id)).title).toBe("Alice during the pause");
      expect(app.routing().primaryReadsForOwnWrites - before.primaryReadsForOwnWrites).toBe(2);
      if (redisUp) {
        // Another instance, which did not see the write, knows it through Redis.
        expect((await other.store.listProjects(alice.id)).map((x) => x.title)).toContain("Alice during the pause");
      }

      // A project for Bob written straight on the primary (not by the app): Bob's reads, which
      // go to the paused replica, do not show it yet.
      await q(primary.url("app"), "INSERT INTO projects (user_id, title, shard_id) VALUES ($1, 'Bob, written behind the app', 0)", [bob.id]);
      const r0 = app.routing().replicaReads;
      expect((await app.store.listProjects(bob.id)).map((x) => x.title)).toEqual(["Bob before the pause"]);
      expect(app.routing().replicaReads).toBe(r0 + 1);
      // Row level security on the replica: Bob cannot read Alice's project there.
      await expect(app.store.getProject(bob.id, aliceFirst.id)).rejects.toMatchObject({ code: "not_found" });
      expect(app.routing().replicaReads).toBe(r0 + 2);
      const [lag] = await q<{ bytes: string }>(primary.url(), "SELECT (pg_current_wal_lsn() - replay_lsn)::text AS bytes FROM pg_stat_replication");
      lines.push(`replay paused: the replica is ${lag!.bytes} bytes behind; Alice's 2 reads after her write went to the primary, Bob's to the replica`);
    } finally {
      await q(replica.url(), "SELECT pg_wal_replay_resume()");
    }
    await caughtUp();
    // Once the replica has replayed her write, Alice's reads return to it.
    const r1 = app.routing().replicaReads;
    expect((await app.store.listProjects(alice.id)).map((x) => x.title)).toContain("Alice during the pause");
    expect(app.routing().replicaReads).toBe(r1 + 1);
    expect((await app.store.listProjects(bob.id)).map((x) => x.title)).toContain("Bob, written behind the app");
  });

  it("with the replica down, reads fall back to the primary at once and return when it is back", async () => {
    await replica.stop("immediate");
    await q(primary.url("app"), "INSERT INTO projects (user_id, title, shard_id) VALUES ($1, 'Bob, while the replica is down', 0)", [bob.id]);
    const t0 = performance.now();
    const titles = (await app.store.listProjects(bob.id)).map((x) => x.title);
    const fallbackMs = performance.now() - t0;
    expect(titles).toContain("Bob, while the replica is down"); // only the primary has it
    expect(app.routing().fallbackReads).toBeGreaterThan(0);
    expect(app.routing().replicaDownSince).not.toBeNull();
    // Within the retry interval, reads go straight to the primary (no connection attempt).
    const t1 = performance.now();
    await app.store.listProjects(alice.id);
    const nextMs = performance.now() - t1;
    lines.push(`replica down: the first read fell back to the primary in ${fallbackMs.toFixed(1)} ms (connection timeout 2000 ms), the next took ${nextMs.toFixed(1)} ms`);

    await replica.start();
    await caughtUp();
    await q(replica.url(), "SELECT pg_wal_replay_pause()");
    try {
      await q(primary.url("app"), "INSERT INTO projects (user_id, title, shard_id) VALUES ($1, 'Bob, after the replica came back', 0)", [bob.id]);
      // After the retry interval, reads go to the replica again: the paused replica lacks the new row.
      const back = performance.now();
      let onReplica = false;
      while (!onReplica && performance.now() - back < 10_000) {
        await new Promise((r) => setTimeout(r, RETRY_MS / 3));
        onReplica = !(await app.store.listProjects(bob.id)).some((x) => x.title === "Bob, after the replica came back");
      }
      expect(onReplica).toBe(true);
      expect(app.routing().replicaDownSince).toBeNull();
      lines.push(`replica back: reads returned to it ${(performance.now() - back).toFixed(0)} ms after it was up (retry interval ${RETRY_MS} ms)`);
    } finally {
      await q(replica.url(), "SELECT pg_wal_replay_resume()");
    }
  });
});

it("a replica that accepts connections but never answers: reads fall back within the connection timeout", async () => {
  // A black hole on a port: the TCP connection opens, PostgreSQL's handshake never comes back.
  const sockets = new Set<net.Socket>();
  const hole = net.createServer((s) => sockets.add(s));
  await new Promise<void>((r) => hole.listen(0, "127.0.0.1", r));
  const port = (hole.address() as net.AddressInfo).port;
  const base = postgresConfig(primary.url("app")) as Extract<DbConfig, { dialect: "postgres" }>;
  const timeout = 500;
  const driver = createPgDriver({
    ...base,
    autoMigrate: false,
    readUrl: `postgres://postgres@127.0.0.1:${port}/app`,
    pool: { ...base.pool, connectionTimeoutMillis: timeout },
    replica: { readYourWritesTtlMillis: 30_000, retryMillis: 60_000, redisUrl: null },
  });
  const store = createStore(driver, {});
  try {
    const u = await store.upsertUserByEmail({ email: "hang-replica@drill.test" });
    const t0 = performance.now();
    expect(await store.listProjects(u.id)).toEqual([]);
    const ms = performance.now() - t0;
    expect(driver.readRouting().fallbackReads).toBe(1);
    lines.push(`replica hanging: the read fell back to the primary after ${ms.toFixed(0)} ms (connection timeout ${timeout} ms)`);
  } finally {
    await store.close();
    for (const s of sockets) s.destroy();
    hole.close();
  }
});
