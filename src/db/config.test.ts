import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, readDbConfig } from "./config";

const fails = (env: Record<string, string>, variable: string, message: RegExp) => {
  let err: unknown;
  try {
    readDbConfig(env);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(ConfigError);
  expect((err as ConfigError).variable).toBe(variable);
  expect((err as Error).message).toMatch(message);
  expect((err as Error).message.startsWith(`${variable}: `)).toBe(true);
};

describe("readDbConfig", () => {
  it("defaults to the embedded SQLite file", () => {
    expect(readDbConfig({})).toEqual({ dialect: "sqlite", file: path.resolve("./data/storyboard.db"), autoMigrate: true, shardCount: 4 });
    expect(readDbConfig({ DATABASE_URL: "file:/tmp/x.db" })).toMatchObject({ dialect: "sqlite", file: "/tmp/x.db" });
  });

  it("reads a PostgreSQL URL with the design's pool settings as defaults", () => {
    const c = readDbConfig({ DATABASE_URL: "postgres://app@db.example:5432/storyboard" });
    expect(c).toMatchObject({
      dialect: "postgres",
      readUrl: null,
      ownerUrl: "postgres://app@db.example:5432/storyboard",
      appRole: "storyboard_app",
      pool: { max: 20, min: 5, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 2_000, statementTimeoutMillis: 30_000, pipeline: true },
    });
  });

  it("lets every pool setting be overridden", () => {
    const c = readDbConfig({
      DATABASE_URL: "postgresql://app@h/db",
      DATABASE_READ_URL: "postgres://ro@replica/db",
      DATABASE_POOL_MAX: "8",
      DATABASE_POOL_MIN: "1",
      DATABASE_IDLE_TIMEOUT_MS: "1000",
      DATABASE_CONNECTION_TIMEOUT_MS: "500",
      DATABASE_STATEMENT_TIMEOUT_MS: "2000",
      DATABASE_PIPELINE: "0",
      DATABASE_APP_ROLE: "",
    });
    expect(c).toMatchObject({ readUrl: "postgres://ro@replica/db", appRole: null, pool: { max: 8, min: 1, idleTimeoutMillis: 1000, connectionTimeoutMillis: 500, statementTimeoutMillis: 2000, pipeline: false } });
  });

  it("names the variable and what is wrong", () => {
    fails({ DATABASE_URL: "mysql://root@localhost/db" }, "DATABASE_URL", /unsupported scheme "mysql:"/);
    fails({ DATABASE_URL: "postgres://" }, "DATABASE_URL", /host|valid URL/);
    fails({ DATABASE_URL: "postgres://u@h" }, "DATABASE_URL", /names no database/);
    fails({ DATABASE_URL: "file:" }, "DATABASE_URL", /needs a path/);
    fails({ DATABASE_URL: "postgres://u@h/db", DATABASE_POOL_MAX: "lots" }, "DATABASE_POOL_MAX", /whole number/);
    fails({ DATABASE_URL: "postgres://u@h/db", DATABASE_POOL_MIN: "30" }, "DATABASE_POOL_MIN", /cannot exceed/);
    fails({ DATABASE_URL: "postgres://u@h/db", DATABASE_READ_URL: "http://x/y" }, "DATABASE_READ_URL", /unsupported scheme/);
    fails({ DATABASE_URL: "postgres://u@h/db", DATABASE_APP_ROLE: "app; DROP TABLE x" }, "DATABASE_APP_ROLE", /plain role name/);
    fails({ DATABASE_AUTO_MIGRATE: "maybe" }, "DATABASE_AUTO_MIGRATE", /1\/true or 0\/false/);
    fails({ DATABASE_SHARD_COUNT: "0" }, "DATABASE_SHARD_COUNT", /at least 1/);
    fails({ DATABASE_URL: "postgres://u@h/db", DATABASE_LOCK_TIMEOUT_MS: "soon" }, "DATABASE_LOCK_TIMEOUT_MS", /whole number/);
  });
});
