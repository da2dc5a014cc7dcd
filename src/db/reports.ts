// The design's monitoring queries (PostgreSQL only): the top statements from pg_stat_statements,
// and index usage with unused and duplicate indexes and table/index sizes. Read-only catalogue
// and statistics views; the operator's command and the /admin page format what these return.

/** Anything that runs one SQL statement: a pg Client or Pool. */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

export const QUERY_ORDERS = { total: "total_exec_time", mean: "mean_exec_time", calls: "calls", rows: "rows" } as const;
export type QueryOrder = keyof typeof QUERY_ORDERS;

export interface QueryStat {
  query: string;
  calls: number;
  total_ms: number;
  mean_ms: number;
  rows: number;
  /** Share of the statement's block reads found in shared buffers, 0–100; null when it read none. */
  hit_pct: number | null;
}

export type QueryReport =
  | { available: true; orderBy: QueryOrder; statements: QueryStat[] }
  | { available: false; reason: string };

/** What an operator does to turn the statement statistics on (README, docs/operations.md). */
export const ENABLE_PG_STAT_STATEMENTS =
  "add shared_preload_libraries = 'pg_stat_statements' to postgresql.conf, restart PostgreSQL, then run CREATE EXTENSION pg_stat_statements; in the app's database as a superuser";

const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
const round = (v: unknown, digits = 2) => Math.round(num(v) * 10 ** digits) / 10 ** digits;

/** The top statements of this database by total or mean time, calls or rows. */
export async function readQueryReport(db: Queryable, opts: { orderBy?: QueryOrder; limit?: number } = {}): Promise<QueryReport> {
  const orderBy = opts.orderBy ?? "total";
  const limit = Math.max(1, Math.min(opts.limit ?? 20, 500));
  const { rows: state } = await db.query(
    `SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements') AS installed,
            'pg_stat_statements' = ANY (string_to_array(replace(current_setting('shared_preload_libraries'), ' ', ''), ',')) AS loaded`,
  );
  const { installed, loaded } = state[0] as { installed: boolean; loaded: boolean };
  if (!loaded) return { available: false, reason: `pg_stat_statements is not loaded: ${ENABLE_PG_STAT_STATEMENTS}` };
  if (!installed) return { available: false, reason: `pg_stat_statements is loaded but not installed in this database: run CREATE EXTENSION pg_stat_statements; as a superuser` };
  const { rows } = await db.query(
    `SELECT query, calls, total_exec_time, mean_exec_time, rows,
            CASE WHEN shared_blks_hit + shared_blks_read = 0 THEN NULL
                 ELSE 100.0 * shared_blks_hit / (shared_blks_hit + shared_blks_read) END AS hit_pct
       FROM pg_stat_statements
      WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
      ORDER BY ${QUERY_ORDERS[orderBy]} DESC
      LIMIT $1`,
    [limit],
  );
  return {
    available: true,
    orderBy,
    statements: rows.map((r) => ({
      query: String(r.query).replace(/\s+/g, " ").trim(),
      calls: num(r.calls),
      total_ms: round(r.total_exec_time),
      mean_ms: round(r.mean_exec_time, 3),
      rows: num(r.rows),
      hit_pct: r.hit_pct === null ? null : round(r.hit_pct, 1),
    })),
  };
}

export interface IndexStat {
  table: string;
  index: string;
  columns: string;
  scans: number;
  size_bytes: number;
  unique: boolean;
  /** The index's leading columns are a foreign key's columns: it serves cascades and joins, never a drop candidate. */
  foreign_key: boolean;
  /** An index this one's columns are a leading prefix of (the other one serves the same lookups), or null. */
  duplicate_of: string | null;
  /** "unused", "duplicate of …", or null; never set for a primary key, a unique index or a foreign-key index. */
  suggestion: string | null;
}

export interface TableSize {
  table: string;
  rows_estimate: number;
  table_bytes: number;
  index_bytes: number;
  total_bytes: number;
}

export interface IndexReport {
  /** When the usage counters were last reset (or the server started), so "unused" has a time span. */
  statsSince: string | null;
  indexes: IndexStat[];
  tables: TableSize[];
}

interface RawIndex {
  table: string;
  index: string;
  cols: number[];
  colnames: string[];
  scans: number;
  size: number;
  unique: boolean;
  primary: boolean;
  plain: boolean;
}

/** Index usage, unused and duplicate indexes, and table/index sizes of the public schema. */
export async function readIndexReport(db: Queryable): Promise<IndexReport> {
  const { rows: idx } = await db.query(
    `SELECT t.relname AS table, i.relname AS index, x.indkey::int2[] AS cols,
            ARRAY(SELECT a.attname FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(attnum, n)
                    JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum ORDER BY k.n)::text[] AS colnames,
            COALESCE(s.idx_scan, 0) AS scans, pg_relation_size(i.oid) AS size,
            x.indisunique AS unique, x.indisprimary AS primary,
            (x.indpred IS NULL AND x.indexprs IS NULL AND am.amname = 'btree') AS plain
       FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_class t ON t.oid = x.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       JOIN pg_am am ON am.oid = i.relam
       LEFT JOIN pg_stat_user_indexes s ON s.indexrelid = x.indexrelid
      WHERE n.nspname = 'public' AND t.relkind IN ('r', 'p') AND NOT t.relispartition
      ORDER BY t.relname, i.relname`,
  );
  const { rows: fks } = await db.query(
    `SELECT c.conrelid::regclass::text AS table, c.conkey::int2[] AS cols
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE c.contype = 'f' AND n.nspname = 'public'`,
  );
  const { rows: tables } = await db.query(
    `SELECT c.relname AS table, GREATEST(c.reltuples, 0)::bigint AS rows_estimate,
            pg_table_size(c.oid) AS table_bytes, pg_indexes_size(c.oid) AS index_bytes, pg_total_relation_size(c.oid) AS total_bytes
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      ORDER BY pg_total_relation_size(c.oid) DESC, c.relname`,
  );
  const { rows: since } = await db.query(`SELECT COALESCE(stats_reset, pg_postmaster_start_time()) AS since FROM pg_stat_database WHERE datname = current_database()`);

  const raw: RawIndex[] = idx.map((r) => ({
    table: String(r.table),
    index: String(r.index),
    cols: (r.cols as number[]).map(Number),
    colnames: r.colnames as string[],
    scans: num(r.scans),
    size: num(r.size),
    unique: Boolean(r.unique),
    primary: Boolean(r.primary),
    plain: Boolean(r.plain),
  }));
  const fkCols = fks.map((f) => ({ table: String(f.table).replace(/^public\./, ""), cols: (f.cols as number[]).map(Number) }));
  const startsWith = (cols: number[], prefix: number[]) => prefix.length <= cols.length && prefix.every((c, i) => cols[i] === c);
  // An index serves a foreign key when its leading columns are the key's columns (any order), or
  // a leading part of a composite key's ((storyboard_id) for (storyboard_id, user_id)): the
  // parent's DELETE cascade and the joins look the children up through it.
  const servesFk = (ix: RawIndex) =>
    fkCols.some((f) => {
      if (f.table !== ix.table) return false;
      const lead = ix.cols.slice(0, Math.min(ix.cols.length, f.cols.length));
      return lead.length > 0 && lead.every((c) => f.cols.includes(c));
    });
  const duplicateOf = (ix: RawIndex) => {
    if (!ix.plain || ix.primary || ix.unique) return null; // a constraint's own index is never redundant
    const wider = raw.find((o) => o !== ix && o.table === ix.table && o.plain && startsWith(o.cols, ix.cols) && (o.cols.length > ix.cols.length || o.unique || o.index < ix.index));
    return wider?.index ?? null;
  };

  return {
    statsSince: since[0]?.since ? new Date(since[0].since as string).toISOString() : null,
    indexes: raw.map((ix) => {
      const foreign_key = servesFk(ix);
      const duplicate_of = duplicateOf(ix);
      const protectedIndex = ix.primary || ix.unique || foreign_key;
      return {
        table: ix.table,
        index: ix.index,
        columns: ix.colnames.join(", ") || "(expression)",
        scans: ix.scans,
        size_bytes: ix.size,
        unique: ix.unique,
        foreign_key,
        duplicate_of,
        suggestion: protectedIndex ? null : duplicate_of ? `duplicate of ${duplicate_of}` : ix.scans === 0 ? "unused" : null,
      };
    }),
    tables: tables.map((t) => ({
      table: String(t.table),
      rows_estimate: num(t.rows_estimate),
      table_bytes: num(t.table_bytes),
      index_bytes: num(t.index_bytes),
      total_bytes: num(t.total_bytes),
    })),
  };
}
