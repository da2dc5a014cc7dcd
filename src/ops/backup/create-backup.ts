// `npm run db:backup` / `npx storyboard backup` and the scheduled backup job: a backup of the
// database DATABASE_URL names into BACKUP_DIR, with its manifest, then retention (BACKUP_KEEP).
// PostgreSQL: pg_dump --format=custom of an exported snapshot, while the same snapshot's row
// counts and checksums are taken, as a login that reads every row (row level security must not
// silently drop rows from a backup). SQLite: the online backup API.
import fs from "node:fs";
import path from "node:path";
import * as pgBackup from "../../db/backup/pg";
import * as sqliteBackup from "../../db/backup/sqlite";
import type { DbConfig } from "../../db/config";
import type { OpsConfig } from "../config";
import { formatBytes, formatCount } from "../progress";
import { appVersion, backupStem, manifestPathOf, migrationTag, sha256File, writeManifest, type Manifest, type TablesFigures } from "./manifest";
import { findPgTool, libpqArgs, runTool } from "./pg-tools";
import { pruneBackups } from "./prune-backups";

export class BackupError extends Error {}

export interface BackupResult {
  file: string;
  manifestFile: string;
  manifest: Manifest;
  pruned: string[];
}

export const CHECKSUM_PG = "md5(row::text) with TimeZone UTC, DateStyle ISO, extra_float_digits 1, bytea hex; first 64 bits summed (numeric)";
export const CHECKSUM_SQLITE = "md5(JSON row values, blobs as \\x hex); first 64 bits summed mod 2^64";

/** A new file name in dir: backup_YYYYMMDD_HHMMSS.ext, or _1, _2… if that second is taken. */
function freshName(dir: string, at: Date, ext: string): string {
  const stem = backupStem(at);
  for (let i = 0; ; i++) {
    const file = path.join(dir, `${stem}${i ? `_${i}` : ""}.${ext}`);
    if (!fs.existsSync(file) && !fs.existsSync(`${file}.partial`)) return file;
  }
}

export async function createBackup(db: DbConfig, ops: OpsConfig, opts: { log?: (line: string) => void; now?: Date } = {}): Promise<BackupResult> {
  const log = opts.log ?? (() => undefined);
  fs.mkdirSync(ops.backup.dir, { recursive: true });
  const started = performance.now();
  const createdAt = opts.now ?? new Date();
  const result = db.dialect === "sqlite" ? await backupSqliteFile(db.file, ops, createdAt, log) : await backupPostgres(ops.backup.url ?? db.ownerUrl, ops, createdAt, log);
  const seconds = (performance.now() - started) / 1000;
  const manifest: Manifest = { ...result.manifest, seconds: Math.round(seconds * 1000) / 1000 };
  const manifestFile = manifestPathOf(result.file);
  writeManifest(manifestFile, manifest);
  const rows = Object.values(manifest.tables).reduce((n, t) => n + t.rows, 0);
  log(
    `${path.basename(result.file)}: ${formatBytes(manifest.bytes)} in ${seconds.toFixed(1)} s` +
      `${manifest.compression === null ? "" : ` (compression ${manifest.compression})`}, ` +
      `${Object.keys(manifest.tables).length} tables, ${formatCount(rows)} rows, migration ${manifest.migration.last ?? manifest.migration.applied}`,
  );
  const pruned = pruneBackups(ops.backup.dir, ops.backup.keep);
  if (pruned.length) log(`retention (BACKUP_KEEP=${ops.backup.keep}): deleted ${pruned.map((f) => path.basename(f)).join(", ")}`);
  return { file: result.file, manifestFile, manifest, pruned };
}

type Draft = { file: string; manifest: Manifest };

/** The manifest of a finished backup file, from what only the dialect knows. */
async function draft(
  file: string,
  createdAt: Date,
  fields: Pick<Manifest, "dialect" | "server" | "compression" | "snapshot" | "migration" | "checksum" | "tables" | "roles">,
): Promise<Draft> {
  const manifest: Manifest = {
    format: "storyboard-backup/1",
    file: path.basename(file),
    bytes: fs.statSync(file).size,
    sha256: await sha256File(file),
    createdAt: createdAt.toISOString(),
    seconds: 0, // set by the caller, which timed the whole backup
    app: appVersion(),
    ...fields,
  };
  return { file, manifest };
}

async function backupPostgres(url: string, ops: OpsConfig, createdAt: Date, log: (line: string) => void): Promise<Draft> {
  const client = await pgBackup.connect(url, "storyboard-backup");
  try {
    const who = await pgBackup.readsEveryRow(client);
    if (!who.ok) {
      throw new BackupError(
        `the login "${who.login}" is subject to row level security (neither superuser nor BYPASSRLS): its backup would silently miss every row ` +
          `its policies hide. Set BACKUP_DATABASE_URL to a login that reads every row (docs/operations.md, "Backups").`,
      );
    }
    const version = await pgBackup.serverVersion(client);
    const pgDump = findPgTool("pg_dump", Math.floor(version.num / 10000), ops.pgBinDir);
    const file = freshName(ops.backup.dir, createdAt, "dump");
    const partial = `${file}.partial`;
    const snapshot = await pgBackup.beginSnapshot(client);
    const { dbname, env } = libpqArgs(url);
    // pg_dump reads the snapshot this transaction exported; the transaction stays open (and so the
    // snapshot valid) until pg_dump has finished, while it counts and checksums the same snapshot.
    const dump = runTool(pgDump, ["--format=custom", `--compress=${ops.backup.compression}`, `--snapshot=${snapshot}`, "--no-password", `--file=${partial}`, `--dbname=${dbname}`], { env });
    dump.catch(() => undefined);
    const tables: TablesFigures = {};
    try {
      for (const table of await pgBackup.listTables(client)) tables[table] = await pgBackup.tableFigures(client, table);
      const migration = await pgBackup.migrationLevel(client);
      const roles = await pgBackup.referencedRoles(client);
      await dump;
      await client.query("COMMIT");
      fs.renameSync(partial, file);
      return draft(file, createdAt, {
        dialect: "postgres",
        server: `PostgreSQL ${version.text}`,
        compression: ops.backup.compression,
        snapshot,
        migration: { ...migration, last: migrationTag("postgres", migration.lastWhen) },
        checksum: CHECKSUM_PG,
        tables,
        roles,
      });
    } catch (e) {
      await client.query("ROLLBACK").catch(() => undefined);
      await dump.catch(() => undefined);
      fs.rmSync(partial, { force: true });
      log(`backup failed; nothing kept`);
      throw e;
    }
  } finally {
    await client.end();
  }
}

async function backupSqliteFile(source: string, ops: OpsConfig, createdAt: Date, log: (line: string) => void): Promise<Draft> {
  if (source === ":memory:") throw new BackupError("DATABASE_URL names an in-memory SQLite database: there is nothing on disk to back up");
  if (!fs.existsSync(source)) throw new BackupError(`no SQLite database at ${source} (DATABASE_URL)`);
  const file = freshName(ops.backup.dir, createdAt, "db");
  const partial = `${file}.partial`;
  try {
    let lastPct = -1;
    await sqliteBackup.backupSqlite(source, partial, (done, total) => {
      const pct = total ? Math.floor((done / total) * 10) * 10 : 100;
      if (pct !== lastPct && total > 2560) log(`${formatCount(done)} / ${formatCount(total)} pages, ${pct}%`);
      lastPct = pct;
    });
    fs.renameSync(partial, file);
  } catch (e) {
    fs.rmSync(partial, { force: true });
    throw e;
  }
  // The figures come from the copy: exactly what it holds.
  const copy = sqliteBackup.openReadOnly(file);
  const tables: TablesFigures = {};
  let migration;
  let version: string;
  try {
    for (const t of sqliteBackup.listTables(copy)) tables[t] = sqliteBackup.tableFigures(copy, t);
    migration = sqliteBackup.migrationLevel(copy);
    version = (copy.prepare("SELECT sqlite_version() AS v").get() as { v: string }).v;
  } finally {
    copy.close();
  }
  return draft(file, createdAt, {
    dialect: "sqlite",
    server: `SQLite ${version}`,
    compression: null,
    snapshot: null,
    migration: { ...migration, last: migrationTag("sqlite", migration.lastWhen) },
    checksum: CHECKSUM_SQLITE,
    tables,
    roles: [],
  });
}
