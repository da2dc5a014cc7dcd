// The nightly archive job's use-case: moves completed projects not updated for ARCHIVE_AFTER_DAYS,
// with everything that hangs off them, into the archive tables, one transaction per batch of
// ARCHIVE_BATCH_SIZE. Safe to interrupt and to re-run: a batch that dies is rolled back whole,
// and the next run picks up what is still due (two runs at once take different projects).
import type { Conn } from "../../db/store/driver";
import { appEnv } from "../../server/env";
import { invalidateUser, services } from "../../server/services";

export interface RunArchiveOptions {
  onProgress?: (line: string) => void;
  /** Defaults: ARCHIVE_AFTER_DAYS and ARCHIVE_BATCH_SIZE. */
  afterDays?: number;
  batchSize?: number;
  /** Stops after the batch in progress. */
  signal?: AbortSignal;
  /** Fault injection for tests (see ArchiveBatchOptions). */
  afterStatement?: (step: string, c: Conn) => Promise<void>;
}

export interface RunArchiveResult {
  projects: number;
  batches: number;
  rows: Record<string, number>;
  ms: number;
  /** Still due when the run stopped (0 unless it was aborted). */
  remaining: number;
  /** In the archive after the run. */
  archived: number;
}

export async function runArchive(opts: RunArchiveOptions = {}): Promise<RunArchiveResult> {
  const { store, cache } = await services();
  const env = appEnv().archive;
  const afterDays = opts.afterDays ?? env.afterDays;
  const limit = opts.batchSize ?? env.batchSize;
  const olderThan = new Date(Date.now() - afterDays * 86_400_000);
  const log = opts.onProgress ?? (() => undefined);
  const started = performance.now();
  const { due } = await store.countArchive(olderThan);
  log(`archive: ${due} completed project${due === 1 ? "" : "s"} not updated for ${afterDays} days (before ${olderThan.toISOString()}); batches of ${limit}`);
  const rows: Record<string, number> = {};
  let projects = 0;
  let batches = 0;
  while (!opts.signal?.aborted) {
    const batchStarted = performance.now();
    const batch = await store.archiveBatch({ olderThan, limit, afterDays, afterStatement: opts.afterStatement });
    if (batch.projects.length === 0) break;
    batches++;
    projects += batch.projects.length;
    for (const [table, n] of Object.entries(batch.rows)) rows[table] = (rows[table] ?? 0) + n;
    await Promise.all(batch.users.map((u) => invalidateUser(cache, u)));
    const moved = Object.values(batch.rows).reduce((a, n) => a + n, 0);
    log(`batch ${batches}: ${batch.projects.length} projects, ${moved} rows in ${Math.round(performance.now() - batchStarted)} ms (${projects}/${Math.max(due, projects)})`);
  }
  const counts = await store.countArchive(olderThan);
  const ms = Math.round(performance.now() - started);
  log(`archive: ${projects} projects moved in ${batches} batches, ${ms} ms; ${Object.entries(rows).map(([t, n]) => `${t} ${n}`).join(", ") || "no rows"}; ${counts.archived} in the archive, ${counts.due} still due`);
  return { projects, batches, rows, ms, remaining: counts.due, archived: counts.archived };
}
