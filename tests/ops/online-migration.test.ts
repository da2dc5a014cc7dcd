// The online half of the migrations, on both dialects: the shard_id step backfills existing
// projects in keyset batches with progress lines, survives an interruption and resumes where it
// stopped, fills rows an older app instance wrote NULL meanwhile, retries a DDL statement that did
// not get its lock within lock_timeout, and runs once. (The 200,000-row run under a concurrent
// workload is tests/ops/zero-downtime.drill.test.ts.)
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { main } from "../../src/cli/storyboard";
import { openStore, type Store } from "../../src/db/client";
import { openOnlinePg } from "../../src/db/online/pg";
import type { OnlineDb } from "../../src/db/online/types";
import { DEFAULT_SHARD_COUNT, shardOf, shardSql } from "../../src/db/shard";
import { readOpsConfig } from "../../src/ops/config";
import { migrateDatabase, openOnlineDb } from "../../src/ops/migrate";
import { MigrationInterrupted } from "../../src/ops/online/runner";
import { ONLINE_STEPS, runOnlineSteps, type OnlineContext } from "../../src/ops/online/steps";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../support/databases";
import { openRaw, type Raw } from "../support/raw";

const PROGRESS = /^projects_shard_id#backfill: [\d,]+ \/ [\d,]+ rows, \d+%, [\d,]+ rows\/s, ETA [\d.]+ (s|min)$/;

it("shard_id is md5(user_id)'s first 32 bits mod the shard count, the same in TypeScript and in PostgreSQL", async () => {
  // md5("user-1") = 0x2a2e8a6b…: 707693163 mod 4 = 3 (a fixed vector: the mapping must never change).
  expect(shardOf("user-1", 4)).toBe(0x2a2e8a6b % 4);
  const client = new pg.Client({ connectionString: inject("pgAdminUrl") });
  await client.connect();
  try {
    const ids = Array.from({ length: 500 }, (_, i) => `${i}-${Math.random().toString(36).slice(2)}-é`);
    for (const n of [1, 4, 7, 64]) {
      const { rows } = await client.query<{ s: number }>(`SELECT ${shardSql("u", n)} AS s FROM unnest($1::text[]) WITH ORDINALITY AS x(u, i) ORDER BY i`, [ids]);
      expect(rows.map((r) => r.s)).toEqual(ids.map((id) => shardOf(id, n)));
    }
  } finally {
    await client.end();
  }
});

describe.each(DIALECTS)("online steps on %s", (dialect) => {
  let db: TestDatabase;
  let store: Store;
  let raw: Raw;
  const ops = readOpsConfig({});
  const lines: string[] = [];
  const ctx = (extra: Partial<OnlineContext> = {}): OnlineContext => ({
    shardCount: DEFAULT_SHARD_COUNT,
    batchSize: 250,
    throttleMs: 0,
    log: (l) => lines.push(l),
    ...extra,
  });
  const open = (lockTimeoutMillis = 2_000): Promise<OnlineDb> =>
    db.config.dialect === "postgres"
      ? openOnlinePg(db.ownerUrl, { lockTimeoutMillis, lockAttempts: 6, retryDelayMillis: 100, log: (l) => lines.push(l) })
      : openOnlineDb(db.config, (l) => lines.push(l));

  beforeAll(async () => {
    db = await createTestDatabase(dialect, inject("pgAdminUrl"));
    store = await openStore(db.config); // transactional migrations only: shard_id is there, nullable
    raw = await openRaw(db);
    // 1,200 projects of 300 users written before the column existed (shard_id NULL).
    const series = (n: number) => `WITH RECURSIVE g(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM g WHERE n < ${n - 1})`;
    await raw.exec(`${series(300)} INSERT INTO users (id, email) SELECT 'u' || n, 'u' || n || '@x.test' FROM g`);
    await raw.exec(`${series(1_200)} INSERT INTO projects (user_id, title) SELECT 'u' || (n % 300), 'p' || n FROM g`);
  });

  afterAll(async () => {
    await store?.close();
    await raw?.close();
    await db?.drop();
  });

  it("the app writes shard_id for every new project", async () => {
    const user = await store.upsertUserByEmail({ email: `shard-${dialect}@x.test`, name: "S" });
    const p = await store.createProject(user.id, { title: "Sharded" });
    const [row] = await raw.query<{ shard_id: number }>("SELECT shard_id FROM projects WHERE id = $1", [p.id]);
    expect(Number(row!.shard_id)).toBe(shardOf(user.id, DEFAULT_SHARD_COUNT));
  });

  it("backfills in keyset batches with progress, stops when interrupted, resumes where it stopped", async () => {
    const controller = new AbortController();
    const first = await open();
    let batches = 0;
    await expect(
      runOnlineSteps(first, ctx({ signal: controller.signal, onBatch: () => ++batches === 2 && controller.abort() })),
    ).rejects.toBeInstanceOf(MigrationInterrupted);
    await first.close();
    const [filled] = await raw.query<{ n: number }>("SELECT count(*) AS n FROM projects WHERE shard_id IS NOT NULL");
    expect(Number(filled!.n)).toBe(500 + 1); // two batches of 250, plus the app's own project

    lines.length = 0;
    const second = await open();
    expect(await runOnlineSteps(second, ctx())).toEqual(["projects_shard_id", "drop_overlapping_indexes"]);
    await second.close();
    expect(lines.some((l) => /projects_shard_id#backfill: resuming after key \d+ \(500 rows already done\)/.test(l))).toBe(true);
    const progress = lines.filter((l) => PROGRESS.test(l));
    expect(progress.length).toBeGreaterThanOrEqual(3); // 700 remaining rows in batches of 250
    expect(progress.at(-1)).toMatch(/^projects_shard_id#backfill: 1,200 \/ 1,200 rows, 100%/);

    const rows = await raw.query<{ user_id: string; shard_id: number | null }>("SELECT user_id, shard_id FROM projects");
    expect(rows).toHaveLength(1_201);
    // Not a change anybody made: the history (audit log) records none of the backfill's updates.
    expect(await raw.query("SELECT 1 FROM audit_log WHERE table_name = 'projects' AND operation = 'UPDATE'")).toEqual([]);
    for (const r of rows) expect(Number(r.shard_id)).toBe(shardOf(r.user_id, DEFAULT_SHARD_COUNT));

    if (dialect === "postgres") {
      const [col] = await raw.query<{ is_nullable: string }>("SELECT is_nullable FROM information_schema.columns WHERE table_name = 'projects' AND column_name = 'shard_id'");
      expect(col!.is_nullable).toBe("NO");
      const [idx] = await raw.query<{ valid: boolean }>("SELECT i.indisvalid AS valid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = 'idx_projects_shard_id'");
      expect(idx!.valid).toBe(true);
      expect(await raw.query("SELECT 1 FROM pg_constraint WHERE conname = 'projects_shard_id_not_null'")).toHaveLength(0);
      await expect(raw.query("INSERT INTO projects (user_id, title) VALUES ('u1', 'no shard')")).rejects.toThrow(/shard_id/);
    } else {
      expect(await raw.query("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'idx_projects_shard_id'")).toHaveLength(1);
    }
  });

  it("runs once: a second run (and the whole migrate command) finds nothing to do", async () => {
    const again = await open();
    expect(await runOnlineSteps(again, ctx())).toEqual([]);
    await again.close();
    expect((await migrateDatabase(db.config, ops, { log: () => undefined })).online).toEqual([]);
  });

  it("data-migrate reshard-projects rewrites every shard_id for a new shard count, once", async () => {
    const out: string[] = [];
    const io = {
      stdout: (t: string) => out.push(t),
      stderr: (t: string) => out.push(t),
      env: { DATABASE_URL: dialect === "sqlite" ? `file:${db.ownerUrl}` : db.ownerUrl, DATABASE_SHARD_COUNT: "8", DATABASE_BACKFILL_THROTTLE_MS: "0" },
    };
    expect(await main(["data-migrate", "reshard-projects", "--batch-size", "400"], io)).toBe(0);
    expect(out.join("")).toMatch(/reshard-projects@8: 1,201 \/ 1,201 rows, 100%/);
    const rows = await raw.query<{ user_id: string; shard_id: number }>("SELECT user_id, shard_id FROM projects");
    expect(rows.filter((r) => Number(r.shard_id) !== shardOf(r.user_id, 8))).toEqual([]);
    out.length = 0;
    expect(await main(["data-migrate", "reshard-projects"], io)).toBe(0);
    expect(out.join("")).toMatch(/reshard-projects@8: already done \(1201 rows/);
    expect(await main(["data-migrate", "nope"], io)).toBe(2);
  });
});

describe("online steps on postgres, under interference", () => {
  let db: TestDatabase;
  let raw: Raw;
  const lines: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase("postgres", inject("pgAdminUrl"));
    (await openStore(db.config)).close();
    raw = await openRaw(db);
    await raw.exec("INSERT INTO users (id, email) SELECT 'u' || g, 'u' || g || '@x.test' FROM generate_series(1, 100) g");
    await raw.exec("INSERT INTO projects (user_id, title) SELECT 'u' || (1 + g % 100), 'p' || g FROM generate_series(1, 1000) g");
  });

  afterAll(async () => {
    await raw?.close();
    await db?.drop();
  });

  it("fills rows an older app wrote NULL after the backfill, and retries DDL that waited past lock_timeout", async () => {
    const blocker = new pg.Client({ connectionString: db.ownerUrl });
    await blocker.connect();
    const online = await openOnlinePg(db.ownerUrl, { lockTimeoutMillis: 200, lockAttempts: 8, retryDelayMillis: 100, log: (l) => lines.push(l) });
    let released: Promise<void> | undefined;
    const step = ONLINE_STEPS.find((s) => s.name === "projects_shard_id")!;
    await step.run(online, {
      shardCount: 4,
      batchSize: 300,
      throttleMs: 0,
      log: (l) => lines.push(l),
      onPhase: async (phase) => {
          // An instance of the previous release inserts a project without shard_id after the backfill.
          if (phase === "check") await raw.query("INSERT INTO projects (user_id, title) VALUES ('u7', 'old app')");
          // A long report holds ACCESS SHARE on projects: SET NOT NULL must wait, time out, retry.
          if (phase === "not_null") {
            await blocker.query("BEGIN; SELECT count(*) FROM projects");
            released = new Promise((r) => setTimeout(r, 700)).then(() => blocker.query("COMMIT")).then(() => undefined);
          }
      },
    });
    await released;
    await online.close();
    await blocker.end();
    expect(lines.some((l) => /rows written without shard_id since the backfill; filling them/.test(l))).toBe(true);
    expect(lines.some((l) => /not null projects\.shard_id: lock not granted within lock_timeout \(attempt 1\/8\); retrying/.test(l))).toBe(true);
    const [wrong] = await raw.query<{ n: number }>("SELECT count(*) AS n FROM projects WHERE shard_id IS NULL OR shard_id <> (('x' || substr(md5(user_id), 1, 8))::bit(32)::bigint % 4)");
    expect(Number(wrong!.n)).toBe(0);
    const [col] = await raw.query<{ is_nullable: string }>("SELECT is_nullable FROM information_schema.columns WHERE table_name = 'projects' AND column_name = 'shard_id'");
    expect(col!.is_nullable).toBe("NO");
  });
});
