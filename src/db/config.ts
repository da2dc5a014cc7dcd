// Reads and validates the database settings once, with messages that name the variable at fault.
import path from "node:path";
import { DEFAULT_SHARD_COUNT } from "./shard";

export interface PgPoolSettings {
  max: number;
  min: number;
  idleTimeoutMillis: number;
  connectionTimeoutMillis: number;
  statementTimeoutMillis: number;
  /**
   * DATABASE_PIPELINE: send a transaction's BEGIN, its user setting and its first statement in one
   * network flight (node-postgres pipeline mode) instead of waiting for each answer in turn. On
   * unless false.
   */
  pipeline?: boolean;
}

export type DbConfig =
  | { dialect: "sqlite"; file: string; autoMigrate: boolean; shardCount?: number }
  | {
      dialect: "postgres";
      /** DATABASE_SHARD_COUNT: projects.shard_id = hash(user_id) mod this (src/db/shard.ts). */
      shardCount?: number;
      url: string;
      readUrl: string | null;
      /** Migrations run as the tables' owner; defaults to the DATABASE_URL login. */
      ownerUrl: string;
      /** The role the app's connections act as (SET ROLE at connect); null when the login already is it. */
      appRole: string | null;
      pool: PgPoolSettings;
      autoMigrate: boolean;
      /** Read replica routing (DATABASE_READ_URL): read-your-writes and fallback (src/db/store/read-routing.ts). */
      replica?: { readYourWritesTtlMillis: number; retryMillis: number; redisUrl: string | null };
      /** DDL (migrations, online steps): how long a statement may wait for its lock, and how often to retry. */
      migration?: { lockTimeoutMillis: number; lockAttempts: number };
    };

export class ConfigError extends Error {
  constructor(readonly variable: string, message: string) {
    super(`${variable}: ${message}`);
    this.name = "ConfigError";
  }
}

type Env = Record<string, string | undefined>;

export const DEFAULT_SQLITE_FILE = "./data/storyboard.db";
export const DEFAULT_APP_ROLE = "storyboard_app";

function positiveInt(env: Env, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new ConfigError(name, `must be a whole number of at least ${min}, got "${raw}"`);
  return n;
}

export function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === "") return fallback;
  if (["1", "true", "yes", "on"].includes(raw)) return true;
  if (["0", "false", "no", "off"].includes(raw)) return false;
  throw new ConfigError(name, `must be 1/true or 0/false, got "${env[name]}"`);
}

function postgresUrl(env: Env, name: string): string {
  const raw = env[name]!.trim();
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new ConfigError(name, "is not a valid URL (expected postgres://user@host:5432/database or file:./data/storyboard.db)");
  }
  if (u.protocol !== "postgres:" && u.protocol !== "postgresql:") {
    throw new ConfigError(name, `unsupported scheme "${u.protocol}" (expected postgres:// or postgresql://)`);
  }
  if (!u.hostname && !u.searchParams.get("host")) throw new ConfigError(name, "has no host name");
  if (u.pathname.replace(/^\//, "") === "") throw new ConfigError(name, "names no database (add /dbname after the host)");
  return raw;
}

export function readDbConfig(env: Env = process.env): DbConfig {
  const raw = env.DATABASE_URL?.trim() ?? "";
  const autoMigrate = flag(env, "DATABASE_AUTO_MIGRATE", true);
  const shardCount = positiveInt(env, "DATABASE_SHARD_COUNT", DEFAULT_SHARD_COUNT, 1);
  if (raw === "" || raw.startsWith("file:")) {
    const file = raw === "" ? DEFAULT_SQLITE_FILE : raw.slice("file:".length).replace(/^\/\/(?=\/)/, "");
    if (file === "") throw new ConfigError("DATABASE_URL", 'a file: URL needs a path, e.g. "file:./data/storyboard.db"');
    return { dialect: "sqlite", file: file === ":memory:" ? file : path.resolve(file), autoMigrate, shardCount };
  }
  if (!/^postgres(ql)?:/i.test(raw)) {
    const scheme = raw.includes(":") ? `"${raw.split(":")[0]}:"` : "none";
    throw new ConfigError("DATABASE_URL", `unsupported scheme ${scheme}: leave it unset for the embedded SQLite file, or use file:PATH or postgres://user@host:5432/database`);
  }
  const url = postgresUrl(env, "DATABASE_URL");
  const readUrl = env.DATABASE_READ_URL?.trim() ? postgresUrl(env, "DATABASE_READ_URL") : null;
  const ownerUrl = env.DATABASE_OWNER_URL?.trim() ? postgresUrl(env, "DATABASE_OWNER_URL") : url;
  const roleRaw = env.DATABASE_APP_ROLE;
  const appRole = roleRaw === undefined ? DEFAULT_APP_ROLE : roleRaw.trim() === "" ? null : roleRaw.trim();
  if (appRole !== null && !/^[a-z_][a-z0-9_]{0,62}$/.test(appRole)) {
    throw new ConfigError("DATABASE_APP_ROLE", `"${appRole}" is not a plain role name (lowercase letters, digits, _)`);
  }
  const max = positiveInt(env, "DATABASE_POOL_MAX", 20, 1);
  const min = positiveInt(env, "DATABASE_POOL_MIN", 5, 0);
  if (min > max) throw new ConfigError("DATABASE_POOL_MIN", `(${min}) cannot exceed DATABASE_POOL_MAX (${max})`);
  return {
    dialect: "postgres",
    shardCount,
    migration: {
      lockTimeoutMillis: positiveInt(env, "DATABASE_LOCK_TIMEOUT_MS", 2_000, 1),
      lockAttempts: positiveInt(env, "DATABASE_LOCK_RETRIES", 5, 1),
    },
    url,
    readUrl,
    replica: {
      readYourWritesTtlMillis: positiveInt(env, "DATABASE_READ_YOUR_WRITES_TTL_MS", 15_000, 0),
      retryMillis: positiveInt(env, "DATABASE_READ_RETRY_MS", 5_000, 0),
      redisUrl: env.REDIS_URL?.trim() || null,
    },
    ownerUrl,
    appRole,
    autoMigrate,
    pool: {
      max,
      min,
      idleTimeoutMillis: positiveInt(env, "DATABASE_IDLE_TIMEOUT_MS", 30_000),
      connectionTimeoutMillis: positiveInt(env, "DATABASE_CONNECTION_TIMEOUT_MS", 2_000),
      statementTimeoutMillis: positiveInt(env, "DATABASE_STATEMENT_TIMEOUT_MS", 30_000),
      pipeline: flag(env, "DATABASE_PIPELINE", true),
    },
  };
}
