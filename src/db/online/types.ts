// What the online-migration helpers (src/ops/online) need from a database: keyset batches, one
// transaction per batch that also records how far it got, and DDL that waits for its lock at
// most lock_timeout and is retried a bounded number of times. One implementation per dialect.
export type Row = Record<string, unknown>;

/** Progress of one online step or data migration, kept in the database so a rerun resumes. */
export interface StepRecord {
  name: string;
  phase: string;
  /** The last key a committed batch reached (keyset cursor), null before the first batch. */
  cursor: number | null;
  doneRows: number;
  totalRows: number | null;
  startedAt: Date;
  finishedAt: Date | null;
}

export interface BatchSpec {
  table: string;
  /** Integer key the batches walk (`WHERE key > $last ORDER BY key LIMIT n`). */
  key: string;
  /** Columns the transform reads. */
  read: string[];
  /** Only rows where this column is still NULL (a backfill), or every row (a rewrite). */
  onlyNull?: string;
  /** Columns the transform writes, with their SQL types (PostgreSQL). */
  write: Array<{ column: string; type: string }>;
}

export interface OnlineDb {
  readonly dialect: "postgres" | "sqlite";
  /** PostgreSQL can add NOT VALID constraints, validate them and build indexes concurrently. */
  readonly online: boolean;
  /** Waits until no other process runs online steps, then holds that right until unlock(). */
  lock(): Promise<void>;
  unlock(): Promise<void>;
  record(name: string): Promise<StepRecord | null>;
  saveRecord(record: StepRecord): Promise<void>;
  /** Names of the steps already finished. */
  finished(): Promise<string[]>;
  columnInfo(table: string, column: string): Promise<{ exists: boolean; notNull: boolean }>;
  count(table: string, onlyNull?: string): Promise<number>;
  readBatch(spec: BatchSpec, after: number, limit: number): Promise<Row[]>;
  /** Writes one batch and its progress record in one transaction; returns rows changed. */
  writeBatch(spec: BatchSpec, rows: Row[], record: StepRecord): Promise<number>;
  addColumn(table: string, column: string, type: string): Promise<void>;
  constraintState(table: string, name: string): Promise<"missing" | "not_valid" | "valid">;
  addNotNullCheck(table: string, column: string, name: string): Promise<void>;
  validateConstraint(table: string, name: string): Promise<void>;
  setNotNull(table: string, column: string): Promise<void>;
  dropConstraint(table: string, name: string): Promise<void>;
  indexState(name: string): Promise<"missing" | "invalid" | "valid">;
  /** CREATE INDEX CONCURRENTLY on PostgreSQL (an invalid leftover of a failed try is dropped first). */
  createIndex(table: string, name: string, columns: string[]): Promise<void>;
  /** DROP INDEX CONCURRENTLY on PostgreSQL (reads and writes go on); nothing when it is gone already. */
  dropIndex(name: string): Promise<void>;
  close(): Promise<void>;
}

/** A row of the progress table; timestamps come as Date/ISO text (PostgreSQL) or epoch ms (SQLite). */
export function toRecord(r: Row): StepRecord {
  const date = (v: unknown) => new Date(typeof v === "number" || typeof v === "bigint" ? Number(v) : (v as string | Date));
  return {
    name: String(r.name),
    phase: String(r.phase),
    cursor: r.cursor === null ? null : Number(r.cursor),
    doneRows: Number(r.done_rows),
    totalRows: r.total_rows === null ? null : Number(r.total_rows),
    startedAt: date(r.started_at),
    finishedAt: r.finished_at === null || r.finished_at === undefined ? null : date(r.finished_at),
  };
}

const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;
const TYPE = /^[a-z][a-z0-9_ ]*(\(\d+\))?$/;

/** A quoted identifier; names come from code, but a typo must fail loudly, never inject. */
export function ident(name: string): string {
  if (!IDENT.test(name)) throw new Error(`Not a plain SQL identifier: "${name}"`);
  return `"${name}"`;
}

export function sqlType(type: string): string {
  if (!TYPE.test(type)) throw new Error(`Not a plain SQL type: "${type}"`);
  return type;
}
