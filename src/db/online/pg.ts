// Online steps on PostgreSQL: one dedicated connection as the tables' owner. Every DDL statement
// runs with lock_timeout (the app's queries queue behind a waiting ALTER at most that long) and
// is retried a bounded number of times; each batch is its own short transaction.
import pg from "pg";
import { retryOnLockTimeout, waitForAdvisoryLock } from "../lock-retry";
import { ident, sqlType, toRecord, type OnlineDb, type Row, type StepRecord } from "./types";

const ONLINE_LOCK = 727_002;
/** Held (per transaction) while the progress table is created; the job queue's setup uses 727_010. */
const TRACKING_SETUP_LOCK = 727_003;
const TRACKING = `"drizzle"."__online_steps"`;

export interface OnlinePgOptions {
  lockTimeoutMillis: number;
  lockAttempts: number;
  log: (message: string) => void;
  /** Pause before the first retry (doubles each attempt). */
  retryDelayMillis?: number;
}


const SAVE = `INSERT INTO ${TRACKING} (name, phase, cursor, done_rows, total_rows, started_at, updated_at, finished_at)
  VALUES ($1, $2, $3, $4, $5, $6, now(), $7)
  ON CONFLICT (name) DO UPDATE SET phase = $2, cursor = $3, done_rows = $4, total_rows = $5, updated_at = now(), finished_at = $7`;
const saveParams = (r: StepRecord) => [r.name, r.phase, r.cursor, r.doneRows, r.totalRows, r.startedAt, r.finishedAt];

export async function openOnlinePg(ownerUrl: string, opts: OnlinePgOptions): Promise<OnlineDb> {
  const client = new pg.Client({ connectionString: ownerUrl, application_name: "storyboard-online-migration", statement_timeout: 0 });
  await client.connect();
  const q = async (text: string, values?: unknown[]) => (await client.query<Row>(text, values)).rows;
  // Two instances starting together both get here: CREATE … IF NOT EXISTS is not safe against a
  // concurrent twin (one fails on pg_type's unique index), so the two run in a transaction that
  // takes its own advisory lock first. Its own key: a process waiting here must never wait on the
  // online steps' lock, whose holder may be running CREATE INDEX CONCURRENTLY.
  await q("BEGIN");
  try {
    await q("SELECT pg_advisory_xact_lock($1)", [TRACKING_SETUP_LOCK]);
    await q(`CREATE SCHEMA IF NOT EXISTS "drizzle"`);
    await q(`CREATE TABLE IF NOT EXISTS ${TRACKING} (
      name text PRIMARY KEY, phase text NOT NULL, cursor bigint, done_rows bigint NOT NULL DEFAULT 0, total_rows bigint,
      started_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(), finished_at timestamptz)`);
    await q("COMMIT");
  } catch (e) {
    await q("ROLLBACK").catch(() => undefined);
    await client.end().catch(() => undefined);
    throw e;
  }

  const retry = <T>(what: string, fn: () => Promise<T>) =>
    retryOnLockTimeout(what, fn, { attempts: opts.lockAttempts, baseDelayMs: opts.retryDelayMillis, log: opts.log });

  /** One DDL statement outside any transaction, its lock wait bounded. */
  const ddl = (what: string, text: string) =>
    retry(what, async () => {
      await q(`SET lock_timeout = ${Math.trunc(opts.lockTimeoutMillis)}`);
      try {
        await q(text);
      } finally {
        await q("SET lock_timeout = 0");
      }
    });

  const indexState = async (name: string) => {
    const [r] = await q(
      `SELECT i.indisvalid AS valid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
       WHERE c.relname = $1 AND c.relnamespace = 'public'::regnamespace`,
      [name],
    );
    return !r ? "missing" : r.valid ? "valid" : "invalid";
  };

  return {
    dialect: "postgres",
    online: true,
    async lock() {
      await waitForAdvisoryLock(client, ONLINE_LOCK);
    },
    async unlock() {
      await q("SELECT pg_advisory_unlock($1)", [ONLINE_LOCK]);
    },
    async record(name) {
      const [r] = await q(`SELECT * FROM ${TRACKING} WHERE name = $1`, [name]);
      return r ? toRecord(r) : null;
    },
    async saveRecord(record) {
      await q(SAVE, saveParams(record));
    },
    async finished() {
      return (await q(`SELECT name FROM ${TRACKING} WHERE finished_at IS NOT NULL ORDER BY name`)).map((r) => String(r.name));
    },
    async columnInfo(table, column) {
      const [r] = await q(
        `SELECT a.attnotnull AS not_null FROM pg_attribute a
         WHERE a.attrelid = to_regclass($1) AND a.attname = $2 AND NOT a.attisdropped`,
        [`public.${ident(table)}`, column],
      );
      return { exists: !!r, notNull: !!r?.not_null };
    },
    async count(table, onlyNull) {
      const [r] = await q(`SELECT count(*)::bigint AS n FROM ${ident(table)}${onlyNull ? ` WHERE ${ident(onlyNull)} IS NULL` : ""}`);
      return Number(r?.n ?? 0);
    },
    async readBatch(spec, after, limit) {
      const cols = [spec.key, ...spec.read.filter((c) => c !== spec.key)].map(ident).join(", ");
      const filter = spec.onlyNull ? ` AND ${ident(spec.onlyNull)} IS NULL` : "";
      return q(`SELECT ${cols} FROM ${ident(spec.table)} WHERE ${ident(spec.key)} > $1${filter} ORDER BY ${ident(spec.key)} LIMIT $2`, [after, limit]);
    },
    async writeBatch(spec, rows, record) {
      // unnest() turns the batch into a relation: one UPDATE statement per batch, row locks held
      // for the few milliseconds of this transaction only.
      const cols = spec.write.map((w) => `${ident(w.column)} = v.${ident(w.column)}`).join(", ");
      const types = spec.write.map((w, i) => `$${i + 2}::${sqlType(w.type)}[]`).join(", ");
      const names = [spec.key, ...spec.write.map((w) => w.column)].map(ident).join(", ");
      // A backfill fills only what is still NULL (the app may have written the row meanwhile);
      // a rewrite touches only rows whose value changes.
      const changed = spec.onlyNull
        ? `t.${ident(spec.onlyNull)} IS NULL`
        : spec.write.map((w) => `t.${ident(w.column)} IS DISTINCT FROM v.${ident(w.column)}`).join(" OR ");
      const text = `UPDATE ${ident(spec.table)} AS t SET ${cols}
        FROM unnest($1::bigint[], ${types}) AS v(${names})
        WHERE t.${ident(spec.key)} = v.${ident(spec.key)} AND (${changed})`;
      const values = [rows.map((r) => r[spec.key]), ...spec.write.map((w) => rows.map((r) => r[w.column] ?? null))];
      return retry(`${record.name} batch after ${record.cursor ?? 0}`, async () => {
        await q("BEGIN");
        try {
          await q(`SET LOCAL lock_timeout = ${Math.trunc(opts.lockTimeoutMillis)}`);
          const res = await client.query(text, values);
          await q(SAVE, saveParams(record));
          await q("COMMIT");
          return res.rowCount ?? 0;
        } catch (e) {
          await q("ROLLBACK").catch(() => undefined);
          throw e;
        }
      });
    },
    addColumn: (table, column, type) =>
      ddl(`add ${table}.${column}`, `ALTER TABLE ${ident(table)} ADD COLUMN IF NOT EXISTS ${ident(column)} ${sqlType(type)}`),
    async constraintState(table, name) {
      const [r] = await q(`SELECT convalidated FROM pg_constraint WHERE conrelid = to_regclass($1) AND conname = $2`, [`public.${ident(table)}`, name]);
      return !r ? "missing" : r.convalidated ? "valid" : "not_valid";
    },
    addNotNullCheck: (table, column, name) =>
      ddl(`check ${name}`, `ALTER TABLE ${ident(table)} ADD CONSTRAINT ${ident(name)} CHECK (${ident(column)} IS NOT NULL) NOT VALID`),
    validateConstraint: (table, name) => ddl(`validate ${name}`, `ALTER TABLE ${ident(table)} VALIDATE CONSTRAINT ${ident(name)}`),
    setNotNull: (table, column) => ddl(`not null ${table}.${column}`, `ALTER TABLE ${ident(table)} ALTER COLUMN ${ident(column)} SET NOT NULL`),
    dropConstraint: (table, name) => ddl(`drop ${name}`, `ALTER TABLE ${ident(table)} DROP CONSTRAINT IF EXISTS ${ident(name)}`),
    indexState,
    async createIndex(table, name, columns) {
      // A CREATE INDEX CONCURRENTLY that fails (lock timeout, cancel) leaves an INVALID index
      // behind, which IF NOT EXISTS would then keep: drop it and build again.
      await retry(`index ${name}`, async () => {
        const state = await indexState(name);
        if (state === "valid") return;
        if (state === "invalid") await ddl(`drop invalid ${name}`, `DROP INDEX CONCURRENTLY IF EXISTS ${ident(name)}`);
        await q(`SET lock_timeout = ${Math.trunc(opts.lockTimeoutMillis)}`);
        try {
          await q(`CREATE INDEX CONCURRENTLY IF NOT EXISTS ${ident(name)} ON ${ident(table)} USING btree (${columns.map(ident).join(", ")})`);
        } finally {
          await q("SET lock_timeout = 0");
        }
      });
    },
    async dropIndex(name) {
      await ddl(`drop index ${name}`, `DROP INDEX CONCURRENTLY IF EXISTS ${ident(name)}`);
    },
    async close() {
      await client.end();
    },
  };
}
