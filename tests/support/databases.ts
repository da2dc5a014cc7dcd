// Fresh, migrated databases for tests, one per suite: SQLite in a temp file, PostgreSQL as a new
// database on the test server, used through the non-owner app role like the app itself.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { DbConfig } from "../../src/db/config";

export type Dialect = "sqlite" | "postgres";
export const DIALECTS: Dialect[] = ["sqlite", "postgres"];

export interface TestDatabase {
  dialect: Dialect;
  config: DbConfig;
  /** postgres: the database's URL as its owner (superuser on the test server); sqlite: the file. */
  ownerUrl: string;
  drop(): Promise<void>;
}

/** The same server URL, pointed at another database. */
export const withDb = (url: string, db: string) => {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
};

/** A PostgreSQL config for a database the test or benchmark created (owner login, app role). */
export function postgresConfig(url: string, pool: DbPool = TEST_POOL): DbConfig {
  return { dialect: "postgres", url, readUrl: null, ownerUrl: url, appRole: "storyboard_app", autoMigrate: true, pool };
}
type DbPool = Extract<DbConfig, { dialect: "postgres" }>["pool"];
const TEST_POOL: DbPool = { max: 5, min: 0, idleTimeoutMillis: 1_000, connectionTimeoutMillis: 5_000, statementTimeoutMillis: 30_000 };

export async function createTestDatabase(dialect: Dialect, adminUrl: string): Promise<TestDatabase> {
  const name = `sbt_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  if (dialect === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "storyboard-sqlite-"));
    const file = path.join(dir, `${name}.db`);
    return {
      dialect,
      config: { dialect: "sqlite", file, autoMigrate: true },
      ownerUrl: file,
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = withDb(adminUrl, name);
  return {
    dialect,
    ownerUrl: url,
    config: postgresConfig(url),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
