// The benchmark's own database: `bench_<users>` on the PostgreSQL server (BENCH_DATABASE_URL,
// TEST_DATABASE_URL, this machine's server, or a throwaway embedded one when none answers), or
// bench/data/bench_<users>.db for SQLite. It is loaded fresh, or reused with --keep when its
// row counts are those of a fresh load, and dropped after the run unless kept. Nothing else on
// the server is touched.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import type Database from "better-sqlite3";
import type { DbConfig } from "../../src/db/config";
import { migratePostgres, migrateSqlite } from "../../src/db/migrate";
import { openSqlite } from "../../src/db/store/sqlite";
import { readOpsConfig } from "../../src/ops/config";
import { migrateOnline } from "../../src/ops/migrate";
import { postgresConfig, withDb, type TestDatabase } from "../../tests/support/databases";
import { startPgServer } from "../../tests/setup/postgres-server";
import { BENCH_TABLES, countRowsPg, countRowsSqlite, expectedCounts, loadPostgres, loadSqlite, sqliteBytes, type Counts, type LoadReport } from "../generate";

export const DEFAULT_PG_URL = "postgres://postgres@127.0.0.1:5432/postgres";

export interface BenchDatabase {
  dialect: "postgres" | "sqlite";
  users: number;
  /** The app's view of it: the config openStore takes and DATABASE_URL for the server. */
  config: DbConfig;
  databaseUrl: string;
  /** PostgreSQL: the superuser URL of the bench database (owner, bypasses RLS). SQLite: the file. */
  ownerUrl: string;
  /** What tests/e2e/harness.ts startServer expects. */
  testDb: TestDatabase;
  /** Set when this run loaded the data (null: reused with --keep). */
  load: LoadReport | null;
  counts: Counts;
  bytes(): Promise<number>;
  serverVersion: string;
  /** Drops the database unless it is kept, and stops an embedded server this run started. */
  close(): Promise<void>;
}

const sameCounts = (a: Counts, b: Counts) => BENCH_TABLES.every((t) => a[t] === b[t]);

async function answers(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await c.connect();
    await c.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

/** The admin URL of a PostgreSQL server, starting an embedded one if no configured server answers. */
async function pgServer(log: (m: string) => void): Promise<{ adminUrl: string; stop(): Promise<void> }> {
  const given = process.env.BENCH_DATABASE_URL?.trim() || process.env.TEST_DATABASE_URL?.trim();
  if (given) {
    if (!(await answers(given))) throw new Error(`no PostgreSQL answers at ${process.env.BENCH_DATABASE_URL ? "BENCH_DATABASE_URL" : "TEST_DATABASE_URL"} (${given})`);
    return { adminUrl: given, stop: async () => undefined };
  }
  if (await answers(DEFAULT_PG_URL)) return { adminUrl: DEFAULT_PG_URL, stop: async () => undefined };
  log(`no PostgreSQL at ${DEFAULT_PG_URL}: starting a throwaway embedded server`);
  return startPgServer(log);
}

export async function openBenchDatabase(
  dialect: "postgres" | "sqlite",
  users: number,
  opts: { reuse: boolean; keepAfter: boolean; log: (m: string) => void; /** Appended to the name: a bench that alters its schema keeps to its own copy. */ tag?: string },
): Promise<BenchDatabase> {
  const name = `bench_${users}${opts.tag ? `_${opts.tag}` : ""}`;
  const expected = expectedCounts(users);
  const { log } = opts;

  if (dialect === "sqlite") {
    const file = path.resolve("bench", "data", `${name}.db`);
    let load: LoadReport | null = null;
    let sqlite: Database.Database | undefined;
    if (opts.reuse && fs.existsSync(file)) {
      sqlite = openSqlite(file);
      migrateSqlite(sqlite);
      if (sameCounts(countRowsSqlite(sqlite), expected)) log(`reusing ${path.relative(process.cwd(), file)} (--keep; row counts match)`);
      else {
        sqlite.close();
        sqlite = undefined;
      }
    }
    if (!sqlite) {
      for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
      sqlite = openSqlite(file);
      migrateSqlite(sqlite);
      log(`loading ${users.toLocaleString("en")} users into ${path.relative(process.cwd(), file)}…`);
      load = loadSqlite(sqlite, users, log);
    }
    const counts = countRowsSqlite(sqlite);
    const serverVersion = `SQLite ${(sqlite.prepare("SELECT sqlite_version() AS v").get() as { v: string }).v}`;
    sqlite.close();
    const config: DbConfig = { dialect: "sqlite", file, autoMigrate: true };
    await migrateOnline(config, readOpsConfig(), { log });
    return {
      dialect,
      users,
      config,
      databaseUrl: `file:${file}`,
      ownerUrl: file,
      testDb: { dialect, config, ownerUrl: file, drop: async () => undefined },
      load,
      counts,
      bytes: async () => sqliteBytes(file),
      serverVersion,
      close: async () => {
        if (!opts.keepAfter) for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
      },
    };
  }

  const server = await pgServer(log);
  const url = withDb(server.adminUrl, name);
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  let load: LoadReport | null = null;
  try {
    const exists = (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1;
    let reuse = false;
    if (opts.reuse && exists) {
      await migratePostgres(url);
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      reuse = sameCounts(await countRowsPg(c), expected);
      await c.end();
      if (reuse) log(`reusing database ${name} (--keep; row counts match)`);
      else log(`database ${name} exists but its row counts differ from a fresh load: reloading`);
    }
    if (!reuse) {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${name}`);
      await migratePostgres(url);
      log(`loading ${users.toLocaleString("en")} users into database ${name}…`);
      load = await loadPostgres(url, users, log);
    }
  } finally {
    await admin.end();
  }
  // The loader fills shard_id; the online step then finds nothing to backfill and only constrains and indexes it.
  await migrateOnline(postgresConfig(url), readOpsConfig(), { log });
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const counts = await countRowsPg(c);
  const serverVersion = `PostgreSQL ${(await c.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v}`;
  await c.end();
  // The design's pool settings (src/db/config.ts defaults).
  const config = postgresConfig(url, { max: 20, min: 5, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 2_000, statementTimeoutMillis: 30_000 });
  return {
    dialect,
    users,
    config,
    databaseUrl: url,
    ownerUrl: url,
    testDb: { dialect, config, ownerUrl: url, drop: async () => undefined },
    load,
    counts,
    serverVersion,
    bytes: async () => {
      const c2 = new pg.Client({ connectionString: url });
      await c2.connect();
      try {
        return Number((await c2.query<{ b: string }>("SELECT pg_database_size(current_database()) AS b")).rows[0]!.b);
      } finally {
        await c2.end();
      }
    },
    close: async () => {
      if (!opts.keepAfter) {
        const a = new pg.Client({ connectionString: server.adminUrl });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      }
      await server.stop();
    },
  };
}
