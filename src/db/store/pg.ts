// The PostgreSQL driver: a node-postgres pool (and an optional read-replica pool) whose
// connections act as the non-owner app role; every transaction first sets the acting user
// for the row level security policies with set_config(..., true). Reads on the replica keep
// read-your-writes and fall back to the primary when it is down (./read-routing.ts).
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "../schema/pg";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { authTables } from "./auth-tables";
import type { DbConfig } from "../config";
import type { Conn, Db, Driver, Row, Tables, TxOptions } from "./driver";
import { mapPgError } from "./errors";
import { isConnectionLost } from "../pg-errors";
import { isRecoveryConflict, isUnavailable, memoryTracker, redisTracker, type RoutingStats, type WriteTracker } from "./read-routing";
import { conformingAdapter } from "./auth-adapter";

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
    // Pipeline mode: a query is written at once, not after the previous one's answer (runTx).
    pipeline: cfg.pool.pipeline !== false,
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

export const DEFAULT_READ_YOUR_WRITES_TTL_MS = 15_000;
export const DEFAULT_READ_RETRY_MS = 5_000;

export function createPgDriver(cfg: PgConfig): Driver & { pools: { primary: pg.Pool; replica: pg.Pool }; readRouting: () => RoutingStats } {
  const primary = createPgPool(cfg.url, cfg);
  const replica = cfg.readUrl ? createPgPool(cfg.readUrl, cfg) : primary;
  const hasReplica = replica !== primary;
  const ttl = cfg.replica?.readYourWritesTtlMillis ?? DEFAULT_READ_YOUR_WRITES_TTL_MS;
  const tracker: WriteTracker | null = hasReplica ? (cfg.replica?.redisUrl ? redisTracker(cfg.replica.redisUrl, ttl) : memoryTracker(ttl)) : null;
  const retryMs = cfg.replica?.retryMillis ?? DEFAULT_READ_RETRY_MS;
  const stats: RoutingStats = { replicaReads: 0, primaryReadsForOwnWrites: 0, fallbackReads: 0, replicaDownSince: null };
  let replicaDownUntil = 0;
  const builders = new WeakMap<pg.PoolClient, Db>();
  const pipelined = cfg.pool.pipeline !== false;
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

  /**
   * BEGIN, the settings, fn, COMMIT on a connection already taken from a pool; ROLLBACK on any
   * error (a connection that cannot is dropped). `setup` returning false abandons the transaction
   * (rolled back, nothing run) and gives undefined. `onBegun` runs once BEGIN and the settings
   * have answered, before fn's work is known to have reached the server.
   *
   * On a pipelined connection (DATABASE_PIPELINE, the default) with an unconditional setup, BEGIN,
   * the settings and fn's first statement leave in one network flight: fn is started before their
   * answers arrive. The server still runs them in order, and one that fails aborts the
   * transaction, so fn's statements fail after it and nothing commits (docs/performance.md,
   * "Lever 2").
   */
  async function runTx<T>(
    client: pg.PoolClient,
    begin: string,
    fn: (c: Conn) => Promise<T>,
    setup: (client: pg.PoolClient) => Promise<boolean | void>,
    opts: { afterCommit?: (client: pg.PoolClient) => Promise<void>; onBegun?: () => void; conditional?: boolean } = {},
  ): Promise<{ value: T } | undefined> {
    let broken = false;
    // A checked-out client has no pool listener: a connection lost mid-transaction (a server
    // restart, pg_terminate_backend) would emit an unhandled 'error' and end the process. The
    // failing query rejects anyway; the client is dropped on release.
    const lost = () => {
      broken = true;
    };
    client.on("error", lost);
    try {
      let value: T;
      if (pipelined && !opts.conditional) {
        const begun = Promise.all([client.query(begin), setup(client)]);
        const work = fn(conn(client));
        // Both settled before anything is decided: no rejection is left unhandled.
        const [b, w] = await Promise.allSettled([begun, work]);
        if (b.status === "rejected") throw b.reason;
        opts.onBegun?.();
        if (w.status === "rejected") throw w.reason;
        value = w.value;
      } else {
        await client.query(begin);
        if ((await setup(client)) === false) {
          await client.query("ROLLBACK");
          return undefined;
        }
        opts.onBegun?.();
        value = await fn(conn(client));
      }
      await client.query("COMMIT");
      await opts.afterCommit?.(client);
      return { value };
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {
        broken = true;
      });
      throw e;
    } finally {
      client.off("error", lost);
      client.release(broken);
    }
  }

  /**
   * One transaction on a connection from `pool`. A lost connection (a killed backend, a server
   * restart) is tried once more on a fresh one when that cannot run a write twice: always for a
   * READ ONLY transaction, and for a write only when it failed before its transaction had begun
   * (taking the connection, BEGIN, the settings: a statement pipelined behind them ran in no
   * committed transaction). Otherwise it surfaces as a 503 (mapPgError).
   */
  async function transaction<T>(pool: pg.Pool, begin: string, fn: (c: Conn) => Promise<T>, setup: (client: pg.PoolClient) => Promise<void>, afterCommit?: (client: pg.PoolClient) => Promise<void>): Promise<T> {
    const readOnly = begin.includes("READ ONLY");
    for (let attempt = 1; ; attempt++) {
      let begun = false;
      try {
        return (await runTx(await pool.connect(), begin, fn, setup, { afterCommit, onBegun: () => (begun = true) }))!.value;
      } catch (e) {
        if (attempt === 1 && isConnectionLost(e) && (readOnly || !begun)) continue;
        throw mapPgError(e);
      }
    }
  }

  const setUser = (userId: string | null, _opts?: TxOptions) => async (client: pg.PoolClient) => {
    await client.query({ name: "set_user", text: "SELECT set_config('app.current_user_id', $1, true)", values: [userId ?? ""] });
  };

  /** A plain read: on the replica unless it is down or has not replayed this user's last write. */
  async function routedRead<T>(userId: string | null, fn: (c: Conn) => Promise<T>, opts?: TxOptions): Promise<T> {
    const onPrimary = () => transaction(primary, "BEGIN READ ONLY", fn, setUser(userId, opts));
    if (Date.now() < replicaDownUntil) {
      stats.fallbackReads++;
      return onPrimary();
    }
    const pending = userId && tracker ? await tracker.pending(userId) : null;
    let client: pg.PoolClient;
    try {
      client = await replica.connect();
    } catch (e) {
      if (!isUnavailable(e)) throw mapPgError(e);
      markReplicaDown(e);
      stats.fallbackReads++;
      return onPrimary();
    }
    try {
      const done = await runTx(
        client,
        "BEGIN READ ONLY",
        fn,
        async (c) => {
          if (pending) {
            // The acting user and whether the replica has replayed their last commit, in one statement.
            // pg_last_wal_replay_lsn() is NULL on a server that is not a standby: nothing to wait for.
            const r = await c.query<{ ok: boolean | null }>({
              name: "set_user_caught_up",
              text: "SELECT set_config('app.current_user_id', $1, true), pg_last_wal_replay_lsn() >= $2::pg_lsn AS ok",
              values: [userId ?? "", pending],
            });
            if (r.rows[0]!.ok === false) return false;
          } else await setUser(userId, opts)(c);
          stats.replicaReads++;
          stats.replicaDownSince = null;
        },
        // Waiting for the replica to catch up decides whether fn runs here at all: not pipelined.
        { conditional: pending !== null },
      );
      if (done) return done.value;
      stats.primaryReadsForOwnWrites++;
      return onPrimary();
    } catch (e) {
      if (isUnavailable(e)) {
        markReplicaDown(e);
        stats.fallbackReads++;
        return onPrimary();
      }
      if (isRecoveryConflict(e)) {
        stats.fallbackReads++;
        return onPrimary();
      }
      throw mapPgError(e);
    }
  }

  function markReplicaDown(e: unknown) {
    if (!stats.replicaDownSince) {
      stats.replicaDownSince = new Date();
      console.error(`[db] read replica unavailable (${(e as Error).message}); reads go to the primary, retrying the replica every ${retryMs} ms`);
    }
    replicaDownUntil = Date.now() + retryMs;
  }

  return {
    dialect: "postgres",
    tables: schema as unknown as Tables,
    pools: { primary, replica },
    readRouting: () => ({ ...stats }),
    tx(mode, userId, fn, opts) {
      if (mode === "read" && hasReplica) return routedRead(userId, fn, opts);
      // After a user's write commits, its WAL position: their next reads wait for the replica to pass it.
      const afterCommit =
        mode === "write" && tracker && userId
          ? async (client: pg.PoolClient) => {
              let lsn = "FFFFFFFF/FFFFFFFF"; // position unknown (the write did commit): primary reads for the TTL
              try {
                lsn = (await client.query<{ lsn: string }>({ name: "commit_lsn", text: "SELECT pg_current_wal_insert_lsn()::text AS lsn" })).rows[0]!.lsn;
              } catch {
                // keep the conservative position
              }
              await tracker.record(userId, lsn);
            }
          : undefined;
      return transaction(mode === "read" ? replica : primary, mode === "read" ? "BEGIN READ ONLY" : "BEGIN", fn, setUser(userId, opts), afterCommit);
    },
    adminTx(as, fn, opts) {
      return transaction(owner(), "BEGIN", fn, async (client) => {
        // Both written before either answers (so before fn's statements on a pipelined connection).
        await Promise.all([
          as === "maintenance" && client.query("SET LOCAL ROLE storyboard_maintenance"),
          opts?.bulk && client.query("SELECT set_config('app.audit_bulk', 'on', true)"),
        ]);
      });
    },
    mapError: mapPgError,
    authAdapter: () => conformingAdapter(DrizzleAdapter(drizzle({ client: primary }), authTables(schema))),
    async ping() {
      const r = await primary.query<{ ok: number }>("SELECT 1 AS ok");
      return r.rows[0]?.ok === 1;
    },
    async close() {
      await primary.end();
      if (replica !== primary) await replica.end();
      await ownerPool?.end();
      await tracker?.close();
    },
  };
}
