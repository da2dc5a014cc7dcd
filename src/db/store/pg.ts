// The PostgreSQL driver: a node-postgres pool (and an optional read-replica pool) whose
// connections act as the non-owner app role; every transaction first sets the acting user
// for the row level security policies with set_config(..., true).
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "../schema/pg";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { authTables } from "./auth-tables";
import type { DbConfig } from "../config";
import type { Conn, Db, Driver, Row, Tables } from "./driver";
import { mapPgError } from "./errors";

type PgConfig = Extract<DbConfig, { dialect: "postgres" }>;

// int8 (COUNT(*)) arrives as a string by default; our counts always fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));

export function createPgPool(url: string, cfg: PgConfig): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: cfg.pool.max,
    min: cfg.pool.min,
    idleTimeoutMillis: cfg.pool.idleTimeoutMillis,
    connectionTimeoutMillis: cfg.pool.connectionTimeoutMillis,
    statement_timeout: cfg.pool.statementTimeoutMillis,
    // SET ROLE at connection start: RLS applies even when the login owns the tables. And
    // random_page_cost for SSD storage: with the default (4, spinning disks) the planner can trade
    // the policy-filtered index lookups of the dashboard for a scan of scene_tasks after an ANALYZE
    // (measured 20 ms instead of 1.5 ms, bench/results); 1.1 keeps the index plan.
    options: [cfg.appRole ? `-c role=${cfg.appRole}` : "", "-c random_page_cost=1.1"].filter(Boolean).join(" "),
  });
  // An idle connection dropped by the server must not crash the process; the pool replaces it.
  pool.on("error", (err) => console.error(`[db] idle PostgreSQL connection error: ${err.message}`));
  return pool;
}

export function createPgDriver(cfg: PgConfig): Driver & { pools: { primary: pg.Pool; replica: pg.Pool } } {
  const primary = createPgPool(cfg.url, cfg);
  const replica = cfg.readUrl ? createPgPool(cfg.readUrl, cfg) : primary;
  const builders = new WeakMap<pg.PoolClient, Db>();
  // The owner's connections, for maintenance only: opened on first use, two at most.
  let ownerPool: pg.Pool | undefined;
  const owner = () => (ownerPool ??= createPgPool(cfg.ownerUrl, { ...cfg, appRole: null, pool: { ...cfg.pool, max: 2, min: 0 } }));

  const conn = (client: pg.PoolClient): Conn => {
    let db = builders.get(client);
    if (!db) {
      db = drizzle({ client }) as unknown as Db;
      builders.set(client, db);
    }
    return {
      db,
      query: async (name, text, params) => (await client.query<Row>({ name, text, values: params })).rows,
    };
  };

  /** BEGIN, the settings, fn, COMMIT; ROLLBACK on any error (a connection that cannot is dropped). */
  async function transaction<T>(pool: pg.Pool, begin: string, fn: (c: Conn) => Promise<T>, setup: (client: pg.PoolClient) => Promise<void>): Promise<T> {
    const client = await pool.connect();
    let broken = false;
    // A checked-out client has no pool listener: a connection lost mid-transaction (a server
    // restart, pg_terminate_backend) would emit an unhandled 'error' and end the process. The
    // failing query rejects anyway; the client is dropped on release.
    const lost = () => {
      broken = true;
    };
    client.on("error", lost);
    try {
      await client.query(begin);
      await setup(client);
      const result = await fn(conn(client));
      await client.query("COMMIT");
      return result;
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {
        broken = true;
      });
      throw mapPgError(e);
    } finally {
      client.off("error", lost);
      client.release(broken);
    }
  }

  return {
    dialect: "postgres",
    tables: schema as unknown as Tables,
    pools: { primary, replica },
    tx(mode, userId, fn, opts) {
      return transaction(mode === "read" ? replica : primary, mode === "read" ? "BEGIN READ ONLY" : "BEGIN", fn, async (client) => {
        await client.query({ name: "set_user", text: "SELECT set_config('app.current_user_id', $1, true)", values: [userId ?? ""] });
        if (opts?.jobRecovery) await client.query("SELECT set_config('app.job_recovery', 'on', true)");
      });
    },
    adminTx(as, fn, opts) {
      return transaction(owner(), "BEGIN", fn, async (client) => {
        if (as === "maintenance") await client.query("SET LOCAL ROLE storyboard_maintenance");
        if (opts?.bulk) await client.query("SELECT set_config('app.audit_bulk', 'on', true)");
      });
    },
    mapError: mapPgError,
    authAdapter: () => DrizzleAdapter(drizzle({ client: primary }), authTables(schema)),
    async ping() {
      const r = await primary.query<{ ok: number }>("SELECT 1 AS ok");
      return r.rows[0]?.ok === 1;
    },
    async close() {
      await primary.end();
      if (replica !== primary) await replica.end();
      await ownerPool?.end();
    },
  };
}
