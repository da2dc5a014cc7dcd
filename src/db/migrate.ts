// Applies the committed drizzle-kit migrations: SQLite in-process, PostgreSQL as the tables' owner
// under an advisory lock so that two app instances starting together do not race. On PostgreSQL
// every lock a migration takes waits at most lock_timeout, and the whole (transactional) run is
// retried a bounded number of times when it did not get one: users wait briefly, never long.
import { createHash } from "node:crypto";
import path from "node:path";
import type BetterSqlite3 from "better-sqlite3";
import { drizzle as drizzleSqlite } from "drizzle-orm/better-sqlite3";
import { migrate as migrateSqliteDb } from "drizzle-orm/better-sqlite3/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePgDb } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { retryOnLockTimeout, waitForAdvisoryLock } from "./lock-retry";

export const migrationsFolder = (dialect: "pg" | "sqlite") => path.join(process.cwd(), "src", "db", "migrations", dialect);

/**
 * drizzle-kit changes a SQLite foreign key by rebuilding the table, which needs foreign_keys off
 * (SQLite's documented procedure): inside the migrator's transaction the PRAGMA is ignored, and
 * dropping a parent table with keys on would cascade-delete its children. So they are off for the
 * migrations and every key is checked before they are turned back on.
 */
export function migrateSqlite(sqlite: BetterSqlite3.Database): void {
  const enforced = sqlite.pragma("foreign_keys", { simple: true }) === 1;
  sqlite.pragma("foreign_keys = OFF");
  // SQLite has no hash function: 0016 gives the pictures already stored their SHA-256 with this one.
  sqlite.function("sha256_hex", { deterministic: true }, (data: unknown) => createHash("sha256").update(data as Buffer).digest("hex"));
  try {
    migrateSqliteDb(drizzleSqlite({ client: sqlite }), { migrationsFolder: migrationsFolder("sqlite") });
    const broken = sqlite.pragma("foreign_key_check") as Array<{ table: string; parent: string }>;
    if (broken.length > 0) {
      const where = [...new Set(broken.map((b) => `${b.table} -> ${b.parent}`))].join(", ");
      throw new Error(`the SQLite migrations left ${broken.length} rows whose foreign key has no parent (${where})`);
    }
  } finally {
    if (enforced) sqlite.pragma("foreign_keys = ON");
  }
}

const MIGRATION_LOCK = 727_001;

export interface PgMigrateOptions {
  connectionTimeoutMillis?: number;
  /** How long one DDL statement may wait for its lock (DATABASE_LOCK_TIMEOUT_MS). */
  lockTimeoutMillis?: number;
  /** Attempts before giving up on a lock (DATABASE_LOCK_RETRIES). */
  lockAttempts?: number;
  log?: (message: string) => void;
}

export const DEFAULT_LOCK_TIMEOUT_MS = 2_000;
export const DEFAULT_LOCK_ATTEMPTS = 5;

export async function migratePostgres(ownerUrl: string, opts: PgMigrateOptions = {}): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl, connectionTimeoutMillis: opts.connectionTimeoutMillis ?? 5_000 });
  await client.connect();
  try {
    // Waiting for another instance's migration is expected: no lock_timeout on this one.
    await waitForAdvisoryLock(client, MIGRATION_LOCK);
    await retryOnLockTimeout(
      "migrations",
      async () => {
        // Also bounds the migrations written before squawk (their files do not set it). A file's
        // own SET inside the migration transaction is rolled back with it on a failed attempt.
        await client.query(`SET lock_timeout = ${Math.trunc(opts.lockTimeoutMillis ?? DEFAULT_LOCK_TIMEOUT_MS)}`);
        await migratePgDb(drizzlePg({ client }), { migrationsFolder: migrationsFolder("pg") });
      },
      { attempts: opts.lockAttempts ?? DEFAULT_LOCK_ATTEMPTS, log: opts.log ?? ((m) => console.warn(`[migrate] ${m}`)) },
    );
  } finally {
    await client.query("RESET lock_timeout").catch(() => undefined);
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
    await client.end();
  }
}
