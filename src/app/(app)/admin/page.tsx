// The operators' page: the design's query analysis (pg_stat_statements) and index usage, for
// signed-in users listed in ADMIN_EMAILS; everyone else gets 403. Read-only.
import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { readDbConfig } from "../../../db/config";
import { indexReport, indexRows, queryReport, REPORT_COLUMNS, tableRows, type QueryOrder } from "../../../ops/db-reports";
import { QUERY_ORDERS } from "../../../db/reports";
import { requirePageUser } from "../../../server/action";
import { appEnv } from "../../../server/env";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Database: queries and indexes" };

function Table<T extends object>({ caption, rows, columns, testId }: { caption: string; rows: T[]; columns: (keyof T & string)[]; testId: string }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="data-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>{columns.map((c) => <th key={c} scope="col">{c.replaceAll("_", " ")}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>{columns.map((c) => <td key={c} className={typeof r[c] === "number" ? "num" : undefined}>{r[c] === null || r[c] === undefined ? "–" : String(r[c])}</td>)}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default async function AdminPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("/admin");
  if (!appEnv().adminEmails.includes(user.email.toLowerCase())) forbidden();
  const params = await searchParams;
  const by = typeof params.by === "string" && params.by in QUERY_ORDERS ? (params.by as QueryOrder) : "total";
  const config = readDbConfig(process.env);

  if (config.dialect !== "postgres") {
    return (
      <div className="stack">
        <h1>Database</h1>
        <p className="alert warn" role="status">
          This deployment runs on the embedded SQLite file, which keeps no query or index statistics. Point DATABASE_URL at PostgreSQL to see them here.
        </p>
      </div>
    );
  }
  const [queries, indexes] = await Promise.all([queryReport(config, { orderBy: by, limit: 25 }), indexReport(config)]);
  const review = indexes.indexes.filter((i) => i.suggestion);
  return (
    <div className="stack admin">
      <h1>Database</h1>
      <p className="muted small">The same figures as <code>npx storyboard db queries</code> and <code>npx storyboard db indexes</code>; read through the owner&apos;s login.</p>

      <section className="stack" aria-labelledby="queries-h">
        <h2 id="queries-h">Top statements</h2>
        {queries.available ? (
          <>
            <nav aria-label="Order statements by" className="filters">
              {(Object.keys(QUERY_ORDERS) as QueryOrder[]).map((o) => (
                <a key={o} href={`/admin?by=${o}`} className={`chip${o === by ? " active" : ""}`} aria-current={o === by ? "page" : undefined}>
                  {o === "total" ? "Total time" : o === "mean" ? "Mean time" : o === "calls" ? "Calls" : "Rows"}
                </a>
              ))}
            </nav>
            <Table caption={`By ${by}, times in ms`} testId="query-report" rows={queries.statements} columns={[...REPORT_COLUMNS.queries]} />
          </>
        ) : (
          <p className="alert warn" role="status" data-testid="query-report-off">{queries.reason}</p>
        )}
      </section>

      <section className="stack" aria-labelledby="indexes-h">
        <h2 id="indexes-h">Indexes</h2>
        <p className="small muted">
          Usage since {indexes.statsSince ?? "the server started"}. {review.length} to review. Indexes marked fk serve a foreign key and are never suggested for dropping.
        </p>
        <Table caption="Index usage" testId="index-report" rows={indexRows(indexes)} columns={[...REPORT_COLUMNS.indexes]} />
        <Table caption="Tables, largest first" testId="table-sizes" rows={tableRows(indexes)} columns={[...REPORT_COLUMNS.tables]} />
      </section>
    </div>
  );
}
