// Online steps on SQLite: a second connection to the same file (WAL mode, so the app keeps
// reading). SQLite has one writer at a time and no concurrent DDL, so "online" here means short
// batches with busy_timeout between the app's own writes; NOT NULL cannot be added to an existing
// column without rebuilding the table, so the column stays nullable (the app always fills it).
import Database from "better-sqlite3";
import { ident, toRecord, type BatchSpec, type OnlineDb, type Row, type StepRecord } from "./types";

const TRACKING = `"__online_steps"`;


export function openOnlineSqlite(file: string): OnlineDb {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 5000");
  db.pragma("foreign_keys = ON");
  db.exec(`CREATE TABLE IF NOT EXISTS ${TRACKING} (
    name text PRIMARY KEY, phase text NOT NULL, cursor integer, done_rows integer NOT NULL DEFAULT 0, total_rows integer,
    started_at integer NOT NULL, updated_at integer NOT NULL, finished_at integer)`);
  const save = db.prepare(`INSERT INTO ${TRACKING} (name, phase, cursor, done_rows, total_rows, started_at, updated_at, finished_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (name) DO UPDATE SET phase = excluded.phase, cursor = excluded.cursor, done_rows = excluded.done_rows,
      total_rows = excluded.total_rows, updated_at = excluded.updated_at, finished_at = excluded.finished_at`);
  const saveRecord = (r: StepRecord) =>
    save.run(r.name, r.phase, r.cursor, r.doneRows, r.totalRows, r.startedAt.getTime(), Date.now(), r.finishedAt?.getTime() ?? null);
  const columns = (table: string) => db.prepare(`SELECT name, "notnull" AS nn FROM pragma_table_info(?)`).all(table) as Array<{ name: string; nn: number }>;

  return {
    dialect: "sqlite",
    online: false,
    // One process owns a SQLite file (the app, or the CLI beside it); the writer lock serialises the rest.
    lock: async () => undefined,
    unlock: async () => undefined,
    async record(name) {
      const r = db.prepare(`SELECT * FROM ${TRACKING} WHERE name = ?`).get(name) as Row | undefined;
      return r ? toRecord(r) : null;
    },
    async saveRecord(record) {
      saveRecord(record);
    },
    async finished() {
      return (db.prepare(`SELECT name FROM ${TRACKING} WHERE finished_at IS NOT NULL ORDER BY name`).all() as Row[]).map((r) => String(r.name));
    },
    async columnInfo(table, column) {
      const c = columns(table).find((x) => x.name === column);
      return { exists: !!c, notNull: !!c?.nn };
    },
    async count(table, onlyNull) {
      const r = db.prepare(`SELECT count(*) AS n FROM ${ident(table)}${onlyNull ? ` WHERE ${ident(onlyNull)} IS NULL` : ""}`).get() as Row;
      return Number(r.n);
    },
    async readBatch(spec, after, limit) {
      const cols = [spec.key, ...spec.read.filter((c) => c !== spec.key)].map(ident).join(", ");
      const filter = spec.onlyNull ? ` AND ${ident(spec.onlyNull)} IS NULL` : "";
      return db.prepare(`SELECT ${cols} FROM ${ident(spec.table)} WHERE ${ident(spec.key)} > ? ${filter} ORDER BY ${ident(spec.key)} LIMIT ?`).all(after, limit) as Row[];
    },
    async writeBatch(spec: BatchSpec, rows, record) {
      const sets = spec.write.map((w) => `${ident(w.column)} = ?`).join(", ");
      const guard = spec.onlyNull
        ? `${ident(spec.onlyNull)} IS NULL`
        : spec.write.map((w) => `${ident(w.column)} IS NOT ?`).join(" OR ");
      const update = db.prepare(`UPDATE ${ident(spec.table)} SET ${sets} WHERE ${ident(spec.key)} = ? AND (${guard})`);
      const run = db.transaction(() => {
        let changed = 0;
        for (const r of rows) {
          const values = spec.write.map((w) => r[w.column] ?? null);
          changed += update.run(...values, r[spec.key], ...(spec.onlyNull ? [] : values)).changes;
        }
        saveRecord(record);
        return changed;
      });
      return run.immediate();
    },
    async addColumn(table, column, type) {
      if (!columns(table).some((c) => c.name === column)) db.exec(`ALTER TABLE ${ident(table)} ADD COLUMN ${ident(column)} ${type}`);
    },
    constraintState: async () => "missing",
    addNotNullCheck: async () => undefined,
    validateConstraint: async () => undefined,
    setNotNull: async () => undefined,
    dropConstraint: async () => undefined,
    async indexState(name) {
      return db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?`).get(name) ? "valid" : "missing";
    },
    async createIndex(table, name, cols) {
      db.exec(`CREATE INDEX IF NOT EXISTS ${ident(name)} ON ${ident(table)} (${cols.map(ident).join(", ")})`);
    },
    async dropIndex(name) {
      db.exec(`DROP INDEX IF EXISTS ${ident(name)}`);
    },
    async close() {
      db.close();
    },
  };
}
