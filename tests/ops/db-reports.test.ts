// `storyboard db queries|indexes` on a throwaway cluster that preloads pg_stat_statements (the
// machine's own server does not): the app's statements appear with their figures, a duplicate
// index an operator added is flagged, foreign-key indexes are marked and never suggested for dropping.
// Without the library (the machine's server) and on SQLite the commands say what is needed.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { main, type CliIo } from "../../src/cli/storyboard";
import { readIndexReport } from "../../src/db/reports";
import { createStore } from "../../src/db/store/store";
import { createPgDriver } from "../../src/db/store/pg";
import { readOpsConfig } from "../../src/ops/config";
import { migrateDatabase } from "../../src/ops/migrate";
import { postgresConfig } from "../support/databases";
import { startCluster, type Cluster } from "../support/pg-cluster";

let cluster: Cluster;

async function cli(args: string[], env: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CliIo = { stdout: (s) => (out += s), stderr: (s) => (err += s), env };
  const code = await main(args, io);
  return { code, out, err };
}

beforeAll(async () => {
  cluster = await startCluster({ conf: { shared_preload_libraries: "'pg_stat_statements'" } });
  const admin = new pg.Client({ connectionString: cluster.url() });
  await admin.connect();
  await admin.query("CREATE DATABASE app");
  await admin.end();
  const config = postgresConfig(cluster.url("app"));
  await migrateDatabase(config, readOpsConfig({}), { log: () => undefined });
  const owner = new pg.Client({ connectionString: cluster.url("app") });
  await owner.connect();
  await owner.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
  // The design's duplicates are dropped by the migrations (0023); an operator's own ones, to be flagged.
  await owner.query("CREATE INDEX idx_scenes_position ON scenes (storyboard_id, scene_number)");
  await owner.query("CREATE INDEX idx_users_by_email ON users (email)");
  // The figures below are the app's traffic alone, not the migrations' and this setup's DDL.
  await owner.query("SELECT pg_stat_statements_reset()");
  await owner.end();
  // Some of the app's own traffic, through the store as the app role.
  const store = createStore(createPgDriver({ ...(config as Extract<typeof config, { dialect: "postgres" }>), autoMigrate: false }), {});
  const user = await store.upsertUserByEmail({ email: "ops-report@drill.test" });
  for (let i = 0; i < 5; i++) await store.createProject(user.id, { title: `Report ${i}` });
  await store.listProjects(user.id, {});
  await store.close();
}, 120_000);

afterAll(async () => {
  await cluster?.destroy();
});

describe("storyboard db queries", () => {
  it("prints the top statements with calls, times and rows, ordered as asked", async () => {
    const env = { DATABASE_URL: cluster.url("app") };
    const total = await cli(["db", "queries"], env);
    expect(total.err).toBe("");
    expect(total.code).toBe(0);
    expect(total.out).toMatch(/^Top \d+ statements by total/);
    expect(total.out).toMatch(/total_ms\s+mean_ms\s+calls\s+rows\s+hit_pct\s+query/);
    // The five project inserts are one normalized statement called five times.
    const insert = total.out.split("\n").find((l) => /insert into "projects"/i.test(l));
    expect(insert, total.out).toBeDefined();
    expect(insert).toMatch(/\s5\s+5\s+/);

    const byCalls = await cli(["db", "queries", "--by", "calls", "--limit", "3"], env);
    expect(byCalls.code).toBe(0);
    const calls = byCalls.out.trim().split("\n").slice(3).map((l) => Number(l.trim().split(/\s+/)[2]));
    expect(calls).toHaveLength(3);
    expect([...calls].sort((a, b) => b - a)).toEqual(calls);
  });

  it("refuses a bad option with the option's name", async () => {
    const r = await cli(["db", "queries", "--by", "fastest"], { DATABASE_URL: cluster.url("app") });
    expect(r.code).toBe(2);
    expect(r.err).toContain("--by must be one of total, mean, calls, rows");
  });

  it("says how to turn pg_stat_statements on where it is not loaded", async () => {
    const r = await cli(["db", "queries"], { DATABASE_URL: inject("pgAdminUrl") });
    expect(r.code).toBe(1);
    expect(r.err).toContain("shared_preload_libraries = 'pg_stat_statements'");
  });

  it("needs PostgreSQL, and says so on SQLite", async () => {
    const r = await cli(["db", "indexes"], { DATABASE_URL: "file:/tmp/storyboard-db-report-none.db" });
    expect(r.code).toBe(2);
    expect(r.err).toContain("need PostgreSQL");
  });
});

describe("storyboard db indexes", () => {
  it("flags an index that a UNIQUE constraint already leads with, and marks foreign-key indexes", async () => {
    const c = new pg.Client({ connectionString: cluster.url("app") });
    await c.connect();
    const report = await readIndexReport(c);
    await c.end();
    const byName = new Map(report.indexes.map((i) => [i.index, i]));
    expect(byName.get("idx_scenes_position")?.suggestion).toBe("duplicate of scenes_storyboard_id_scene_number_unique");
    expect(byName.get("idx_users_by_email")?.suggestion).toBe("duplicate of users_email_unique");
    // Foreign-key indexes: marked, never a drop candidate, even when a wider index covers them.
    for (const fk of ["idx_storyboards_project_id", "idx_projects_user_id"]) {
      expect(byName.get(fk)?.foreign_key, fk).toBe(true);
      expect(byName.get(fk)?.suggestion, fk).toBeNull();
    }
    // Constraint indexes are never suggested.
    expect(report.indexes.filter((i) => i.unique && i.suggestion)).toEqual([]);
    expect(report.tables.map((t) => t.table)).toEqual(expect.arrayContaining(["projects", "storyboards", "scenes", "scene_tasks"]));
  });

  it("prints index usage, the indexes to review and table sizes", async () => {
    const r = await cli(["db", "indexes"], { DATABASE_URL: cluster.url("app") });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/table\s+index\s+columns\s+scans\s+size\s+marks\s+covered_by\s+suggestion/);
    expect(r.out).toMatch(/\d+ indexes to review: .*idx_scenes_position \(duplicate of scenes_storyboard_id_scene_number_unique\)/);
    expect(r.out).toMatch(/Tables, largest first\ntable\s+rows\s+table_size\s+index_size\s+total/);
  });
});
