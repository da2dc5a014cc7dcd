// The SQLite driver: one better-sqlite3 connection in WAL mode with foreign keys on, migrated at
// open. Its calls are synchronous, so the store's awaits could interleave two requests inside
// one transaction: a promise queue runs one transaction at a time (SQLite has one writer anyway).
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import * as schema from "../schema/sqlite";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { authTables } from "./auth-tables";
import { migrateSqlite } from "../migrate";
import type { DbConfig } from "../config";
import type { Conn, Db, Driver, Row, Tables } from "./driver";
import { mapSqliteError } from "./errors";
import { conformingAdapter } from "./auth-adapter";

type SqliteConfig = Extract<DbConfig, { dialect: "sqlite" }>;

export function openSqlite(file: string): Database.Database {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  return sqlite;
}

/** `$1 .. $n` (the PostgreSQL spelling the hot queries are written in) to positional `?`. */
function positional(text: string): { sql: string; order: number[] } {
  const order: number[] = [];
  const sql = text.replace(/\$(\d+)/g, (_, n: string) => {
    order.push(Number(n) - 1);
    return "?";
  });
  return { sql, order };
}

const bindable = (v: unknown) => (typeof v === "boolean" ? (v ? 1 : 0) : v instanceof Date ? v.getTime() : v);

export function createSqliteDriver(cfg: SqliteConfig): Driver & { sqlite: Database.Database } {
  const sqlite = openSqlite(cfg.file);
  if (cfg.autoMigrate) migrateSqlite(sqlite);
  const db = drizzle({ client: sqlite }) as unknown as Db;
  const statements = new Map<string, { stmt: Database.Statement; order: number[] }>();

  const conn: Conn = {
    db,
    async query(name, text, params) {
      let prepared = statements.get(name);
      if (!prepared) {
        const { sql, order } = positional(text);
        prepared = { stmt: sqlite.prepare(sql), order };
        statements.set(name, prepared);
      }
      const args = prepared.order.map((i) => bindable(params[i]));
      if (prepared.stmt.reader) return prepared.stmt.all(...args) as Row[];
      prepared.stmt.run(...args);
      return [];
    },
  };

  // What the audit triggers read (SQLite has no session variables): the acting user and a change
  // id for this write transaction, cleared at its end so that a write from outside the app (a
  // shell, a test) is never attributed to the last user.
  // Prepared on first use: with DATABASE_AUTO_MIGRATE=0 the table may not exist at open.
  let contextStatements: { begin: Database.Statement; end: Database.Statement } | undefined;
  const auditContext = () =>
    (contextStatements ??= {
      begin: sqlite.prepare("UPDATE audit_context SET user_id = ?, tx_id = tx_id + 1, bulk = ? WHERE id = 1"),
      end: sqlite.prepare("UPDATE audit_context SET user_id = NULL, tx_id = tx_id + 1, bulk = 0 WHERE id = 1"),
    });

  let tail: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };

  return {
    dialect: "sqlite",
    tables: schema as unknown as Tables,
    sqlite,
    tx(mode, userId, fn, opts) {
      return serial(async () => {
        sqlite.exec(mode === "write" ? "BEGIN IMMEDIATE" : "BEGIN");
        try {
          if (mode === "write") auditContext().begin.run(userId, opts?.bulk ? 1 : 0);
          const result = await fn(conn);
          if (mode === "write") auditContext().end.run();
          sqlite.exec("COMMIT");
          return result;
        } catch (e) {
          if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
          throw mapSqliteError(e);
        }
      });
    },
    adminTx(_as, fn, opts) {
      return this.tx("write", null, fn, opts);
    },
    mapError: mapSqliteError,
    authAdapter: () => conformingAdapter(DrizzleAdapter(drizzle({ client: sqlite }), authTables(schema))),
    async ping() {
      return (sqlite.prepare("SELECT 1 AS ok").get() as { ok: number }).ok === 1;
    },
    async close() {
      await serial(async () => sqlite.close());
    },
  };
}
