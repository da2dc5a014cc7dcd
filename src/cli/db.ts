// `storyboard db queries|indexes`: the design's query analysis and index usage, on the database
// DATABASE_URL names (read through DATABASE_OWNER_URL when set). Prints figures, changes nothing.
import { parseArgs } from "node:util";
import { ConfigError, readDbConfig } from "../db/config";
import { QUERY_ORDERS, type QueryOrder } from "../db/reports";
import { indexReport, indexRows, queryReport, REPORT_COLUMNS, tableRows } from "../ops/db-reports";
import type { CliIo } from "./storyboard";
import { formatTable } from "./table";

async function queries(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { by: { type: "string", default: "total" }, limit: { type: "string", default: "20" } }, allowPositionals: false });
  const orderBy = values.by as QueryOrder;
  if (!(orderBy in QUERY_ORDERS)) {
    io.stderr(`--by must be one of ${Object.keys(QUERY_ORDERS).join(", ")}, got "${values.by}".\n`);
    return 2;
  }
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
    io.stderr(`--limit must be a whole number from 1 to 500, got "${values.limit}".\n`);
    return 2;
  }
  const report = await queryReport(readDbConfig(io.env), { orderBy, limit });
  if (!report.available) {
    io.stderr(`${report.reason}\n`);
    return 1;
  }
  io.stdout(`Top ${report.statements.length} statements by ${orderBy} (pg_stat_statements; times in ms)\n`);
  io.stdout(formatTable(report.statements.map((s) => ({ ...s, query: s.query.length > 100 ? `${s.query.slice(0, 99)}…` : s.query })), [...REPORT_COLUMNS.queries]));
  return 0;
}

async function indexes(args: string[], io: CliIo): Promise<number> {
  parseArgs({ args, options: {}, allowPositionals: false });
  const report = await indexReport(readDbConfig(io.env));
  const flagged = report.indexes.filter((i) => i.suggestion);
  io.stdout(`Index usage since ${report.statsSince ?? "the server started"} (fk: serves a foreign key, never a drop candidate; covered_by: a wider index that serves the same lookups)\n`);
  io.stdout(formatTable(indexRows(report), [...REPORT_COLUMNS.indexes]));
  io.stdout(`\n${flagged.length} index${flagged.length === 1 ? "" : "es"} to review${flagged.length ? `: ${flagged.map((i) => `${i.index} (${i.suggestion})`).join(", ")}` : ""}\n\n`);
  io.stdout("Tables, largest first\n");
  io.stdout(formatTable(tableRows(report), [...REPORT_COLUMNS.tables]));
  return 0;
}

const SUBCOMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = { queries, indexes };

export async function dbCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  const run = sub ? SUBCOMMANDS[sub] : undefined;
  if (!run) {
    io.stderr(`db: one of ${Object.keys(SUBCOMMANDS).join(", ")}, e.g. storyboard db queries --by mean\n`);
    return 2;
  }
  try {
    return await run(rest, io);
  } catch (e) {
    // A setting or an unreachable database: one line, not the whole usage.
    io.stderr(`db ${sub}: ${e instanceof Error ? e.message : String(e)}\n`);
    return e instanceof ConfigError ? 2 : 1;
  }
}
