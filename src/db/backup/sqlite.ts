// Backups of the embedded SQLite file: SQLite's online backup API (better-sqlite3 `backup()`),
// which copies a consistent snapshot page by page while the app keeps writing, and the same
// figures as on PostgreSQL (row counts, order-independent content checksums, migration level),
// taken from the copy itself, so they describe exactly what the copy holds.
import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import type { MigrationLevel, TableFigures } from "./pg";

export async function backupSqlite(sourceFile: string, destFile: string, onProgress?: (done: number, total: number) => void): Promise<void> {
  const source = new Database(sourceFile, { readonly: true, fileMustExist: true });
  source.pragma("busy_timeout = 5000");
  try {
    await source.backup(destFile, {
      progress: ({ totalPages, remainingPages }) => {
        onProgress?.(totalPages - remainingPages, totalPages);
        return 256; // pages per step: the app's writers get the file between steps
      },
    });
  } finally {
    source.close();
  }
  // The copy keeps the source's WAL mode; a backup is one self-contained file (no -wal, -shm).
  const copy = new Database(destFile);
  try {
    copy.pragma("journal_mode = DELETE");
  } finally {
    copy.close();
  }
}

export function openReadOnly(file: string): Database.Database {
  return new Database(file, { readonly: true, fileMustExist: true });
}

export function listTables(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name").all() as Array<{ name: string }>).map(
    (r) => r.name,
  );
}

const canonical = (v: unknown): unknown => (Buffer.isBuffer(v) ? `\\x${v.toString("hex")}` : typeof v === "bigint" ? v.toString() : v);

/** Row count and the sum (mod 2^64) of the first 64 bits of md5(row as JSON): independent of row order. */
export function tableFigures(db: Database.Database, table: string): TableFigures {
  let rows = 0;
  let sum = 0n;
  const stmt = db.prepare(`SELECT * FROM "${table.replace(/"/g, '""')}"`).raw(true).safeIntegers(true);
  for (const row of stmt.iterate() as Iterable<unknown[]>) {
    rows++;
    const digest = createHash("md5").update(JSON.stringify(row.map(canonical))).digest();
    sum = (sum + digest.readBigUInt64BE(0)) & 0xffffffffffffffffn;
  }
  return { rows, checksum: sum.toString() };
}

export function migrationLevel(db: Database.Database): MigrationLevel {
  const has = (t: string) => db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(t) !== undefined;
  let applied = 0;
  let lastWhen: number | null = null;
  if (has("__drizzle_migrations")) {
    const r = db.prepare("SELECT count(*) AS n, max(created_at) AS last FROM __drizzle_migrations").get() as { n: number; last: number | null };
    applied = r.n;
    lastWhen = r.last === null ? null : Number(r.last);
  }
  const onlineSteps = has("__online_steps")
    ? (db.prepare("SELECT name FROM __online_steps WHERE finished_at IS NOT NULL ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name)
    : [];
  return { applied, lastWhen, onlineSteps };
}

/** Whether a SQLite file holds any table (a restore target must not, unless forced). */
export function tableCount(file: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Copies a backup file onto the target with the backup API (the target is replaced as a whole). */
export async function restoreSqlite(backupFile: string, targetFile: string): Promise<void> {
  const source = new Database(backupFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(targetFile);
  } finally {
    source.close();
  }
}
