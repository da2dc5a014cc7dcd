// Audit log upkeep (the daily audit-partitions job, `storyboard jobs run audit-partitions`):
// PostgreSQL: monthly partitions from this month to monthsAhead months ahead (rows that fell into
// the default partition move into their month), partitions older than retentionMonths dropped
// whole; SQLite: rows older than retentionMonths deleted. Idempotent.
import { services } from "../../server/services";

export interface AuditUpkeep {
  partitions_created: number;
  partitions_dropped: number;
  rows_deleted: number;
}

export async function maintainAuditLog(opts: { monthsAhead: number; retentionMonths: number }, progress: (line: string) => void = () => undefined): Promise<AuditUpkeep> {
  const { store } = await services();
  const started = performance.now();
  progress(`${store.dialect}: partitions to ${opts.monthsAhead} months ahead, retention ${opts.retentionMonths} months`);
  const result = await store.maintainAuditLog(opts);
  progress(
    `${result.partitions_created} partition(s) created, ${result.partitions_dropped} dropped, ${result.rows_deleted} row(s) deleted in ${Math.round(performance.now() - started)} ms`,
  );
  return result;
}
