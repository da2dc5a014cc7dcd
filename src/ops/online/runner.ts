// The batched data-migration runner: walks a table by its key in keyset batches
// (`WHERE key > $last ORDER BY key LIMIT n`, never OFFSET, so every batch costs the same), one
// transaction per batch that also records the cursor, a pause between batches so the app's own
// queries keep their share of the database, a progress line per batch, and a resume from the
// recorded cursor after an interruption (a crash, a deploy, Ctrl-C).
import type { BatchSpec, OnlineDb, Row, StepRecord } from "../../db/online/types";
import { progressLine } from "../progress";

export interface DataMigration {
  name: string;
  spec: BatchSpec;
  /** Turns the rows read into the values to write: the key plus every `spec.write` column. */
  transform(rows: Row[]): Row[];
}

export interface RunOptions {
  batchSize: number;
  /** Pause after each batch (ms). */
  throttleMs: number;
  log: (line: string) => void;
  /** Start over even if a finished or partial run is recorded. */
  restart?: boolean;
  /** Stops cleanly after the current batch (its progress is recorded): the next run resumes. */
  signal?: AbortSignal;
  onBatch?: (record: StepRecord) => void;
}

export interface RunResult {
  rows: number;
  changed: number;
  batches: number;
  seconds: number;
  resumedAfter: number | null;
  alreadyDone: boolean;
}

export class MigrationInterrupted extends Error {
  constructor(readonly record: StepRecord) {
    super(`${record.name} interrupted after key ${record.cursor ?? 0} (${record.doneRows} rows done); run it again to resume`);
    this.name = "MigrationInterrupted";
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runDataMigration(db: OnlineDb, m: DataMigration, opts: RunOptions): Promise<RunResult> {
  const started = performance.now();
  let record = opts.restart ? null : await db.record(m.name);
  if (record?.finishedAt) {
    opts.log(`${m.name}: already done (${record.doneRows} rows, finished ${record.finishedAt.toISOString()})`);
    return { rows: 0, changed: 0, batches: 0, seconds: 0, resumedAfter: null, alreadyDone: true };
  }
  const resumedAfter = record?.cursor ?? null;
  const remaining = await db.count(m.spec.table, m.spec.onlyNull);
  if (record) {
    // A backfill's remaining rows are the NULL ones; a rewrite visits every row once.
    record = { ...record, totalRows: m.spec.onlyNull ? record.doneRows + remaining : remaining };
    opts.log(`${m.name}: resuming after key ${record.cursor ?? 0} (${record.doneRows} rows already done)`);
  } else {
    record = { name: m.name, phase: "batches", cursor: null, doneRows: 0, totalRows: remaining, startedAt: new Date(), finishedAt: null };
    opts.log(`${m.name}: ${remaining} rows to visit in batches of ${opts.batchSize}`);
  }
  await db.saveRecord(record);

  let rows = 0;
  let changed = 0;
  let batches = 0;
  for (;;) {
    if (opts.signal?.aborted) throw new MigrationInterrupted(record);
    const batch = await db.readBatch(m.spec, record.cursor ?? 0, opts.batchSize);
    if (batch.length === 0) break;
    const last = Number(batch[batch.length - 1]![m.spec.key]);
    const next: StepRecord = { ...record, cursor: last, doneRows: record.doneRows + batch.length };
    if (next.totalRows !== null && next.doneRows > next.totalRows) next.totalRows = next.doneRows; // rows added meanwhile
    changed += await db.writeBatch(m.spec, m.transform(batch), next);
    record = next;
    rows += batch.length;
    batches++;
    opts.log(`${m.name}: ${progressLine(record.doneRows, record.totalRows, rows, (performance.now() - started) / 1000)}`);
    opts.onBatch?.(record);
    if (opts.throttleMs > 0) await sleep(opts.throttleMs);
  }
  record = { ...record, phase: "done", finishedAt: new Date() };
  await db.saveRecord(record);
  const seconds = (performance.now() - started) / 1000;
  opts.log(`${m.name}: done, ${rows} rows visited, ${changed} changed, ${batches} batches in ${seconds.toFixed(1)} s`);
  return { rows, changed, batches, seconds, resumedAfter, alreadyDone: false };
}
