// The app's whole migration process: drizzle's transactional migrations, then the online steps
// (src/ops/online/steps.ts). `npm run db:migrate` and the app's start both run it.
import type { DbConfig } from "../db/config";
import { migratePostgres, migrateSqlite } from "../db/migrate";
import { openOnlinePg } from "../db/online/pg";
import { openOnlineSqlite } from "../db/online/sqlite";
import type { OnlineDb } from "../db/online/types";
import { DEFAULT_SHARD_COUNT } from "../db/shard";
import { openSqlite } from "../db/store/sqlite";
import type { OpsConfig } from "./config";
import { runOnlineSteps, type OnlineStep } from "./online/steps";

export interface MigrateOptions {
  /** false: only the transactional migrations (the "expand" half of a rolling deploy). */
  online?: boolean;
  log?: (line: string) => void;
  signal?: AbortSignal;
  steps?: OnlineStep[];
}

export async function openOnlineDb(config: DbConfig, log: (line: string) => void): Promise<OnlineDb> {
  if (config.dialect === "sqlite") return openOnlineSqlite(config.file);
  return openOnlinePg(config.ownerUrl, { lockTimeoutMillis: config.migration?.lockTimeoutMillis ?? 2_000, lockAttempts: config.migration?.lockAttempts ?? 5, log });
}

const defaultLog = (line: string) => console.log(`[migrate] ${line}`);

export async function migrateDatabase(config: DbConfig, ops: OpsConfig, opts: MigrateOptions = {}): Promise<{ online: string[] }> {
  const log = opts.log ?? defaultLog;
  if (config.dialect === "sqlite") {
    const sqlite = openSqlite(config.file);
    try {
      migrateSqlite(sqlite);
    } finally {
      sqlite.close();
    }
  } else {
    await migratePostgres(config.ownerUrl, { ...config.migration, log });
  }
  if (opts.online === false) return { online: [] };
  return { online: await migrateOnline(config, ops, opts) };
}

/** Only the online steps (the app's start runs them after its transactional migrations). */
export async function migrateOnline(config: DbConfig, ops: OpsConfig, opts: MigrateOptions = {}): Promise<string[]> {
  const log = opts.log ?? defaultLog;
  // An in-memory SQLite database is new at every start (nothing to backfill), and a second
  // connection to ":memory:" would be another, empty database.
  if (config.dialect === "sqlite" && config.file === ":memory:") return [];
  const db = await openOnlineDb(config, log);
  try {
    return await runOnlineSteps(
      db,
      { shardCount: config.shardCount ?? DEFAULT_SHARD_COUNT, batchSize: ops.online.batchSize, throttleMs: ops.online.throttleMs, log, signal: opts.signal },
      opts.steps,
    );
  } finally {
    await db.close();
  }
}
