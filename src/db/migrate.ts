// Applies the committed drizzle-kit migrations: SQLite in-process, PostgreSQL as the tables' owner
// under an advisory lock so that two app instances starting together do not race.
import path from "node:path";
import type BetterSqlite3 from "better-sqlite3";
import { drizzle as drizzleSqlite } from "drizzle-orm/better-sqlite3";
import { migrate as migrateSqliteDb } from "drizzle-orm/better-sqlite3/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePgDb } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";

export const migrationsFolder = (dialect: "pg" | "sqlite") => path.join(process.cwd(), "src", "db", "migrations", dialect);

export function migrateSqlite(sqlite: BetterSqlite3.Database): void {
  migrateSqliteDb(drizzleSqlite({ client: sqlite }), { migrationsFolder: migrationsFolder("sqlite") });
}

const MIGRATION_LOCK = 727_001;

export async function migratePostgres(ownerUrl: string, connectionTimeoutMillis = 5_000): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl, connectionTimeoutMillis });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await migratePgDb(drizzlePg({ client }), { migrationsFolder: migrationsFolder("pg") });
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
    await client.end();
  }
}
