// The design's query analysis for operators: `storyboard db queries|indexes` and the /admin page.
// Both read through the owner's login (DATABASE_OWNER_URL, else DATABASE_URL): statement texts
// of every role and the catalogue's sizes are visible to it; the app role sees only its own.
import pg from "pg";
import { ConfigError, type DbConfig } from "../db/config";
import { readIndexReport, readQueryReport, type IndexReport, type QueryOrder, type QueryReport } from "../db/reports";
import { formatBytes } from "./progress";

export type { IndexReport, QueryReport, QueryOrder };

/** Runs fn on one short-lived owner connection; SQLite has none of these statistics. */
async function withOwner<T>(config: DbConfig, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  if (config.dialect !== "postgres") {
    throw new ConfigError("DATABASE_URL", "query and index statistics need PostgreSQL (pg_stat_statements, pg_stat_user_indexes); the embedded SQLite database has none");
  }
  const client = new pg.Client({ connectionString: config.ownerUrl, application_name: "storyboard-db-report", statement_timeout: 10_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export const queryReport = (config: DbConfig, opts: { orderBy?: QueryOrder; limit?: number } = {}) => withOwner(config, (c) => readQueryReport(c, opts));
export const indexReport = (config: DbConfig) => withOwner(config, (c) => readIndexReport(c));

/** The columns both the CLI and /admin show, in order, for each report. */
export const REPORT_COLUMNS = {
  queries: ["total_ms", "mean_ms", "calls", "rows", "hit_pct", "query"],
  indexes: ["table", "index", "columns", "scans", "size", "marks", "covered_by", "suggestion"],
  tables: ["table", "rows", "table_size", "index_size", "total"],
} as const;

/** The index report's rows with sizes people read ("1.2 MB") and a marks column (pk/unique/fk). */
export function indexRows(report: IndexReport) {
  return report.indexes.map((i) => ({
    table: i.table,
    index: i.index,
    columns: i.columns,
    scans: i.scans,
    size: formatBytes(i.size_bytes),
    marks: [i.unique ? "unique" : "", i.foreign_key ? "fk" : ""].filter(Boolean).join(",") || "-",
    covered_by: i.duplicate_of ?? "-",
    suggestion: i.suggestion ?? "-",
  }));
}

export function tableRows(report: IndexReport) {
  return report.tables.map((t) => ({
    table: t.table,
    rows: t.rows_estimate,
    table_size: formatBytes(t.table_bytes),
    index_size: formatBytes(t.index_bytes),
    total: formatBytes(t.total_bytes),
  }));
}
