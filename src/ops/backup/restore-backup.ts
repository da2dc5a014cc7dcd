// `npm run db:restore -- FILE --to URL`: restores a backup into an empty database (or, with
// --force, one it empties first), then proves the result against the backup's manifest: every
// table's row count and content checksum, and the migration level. The verdict is printed and
// returned; a restore that does not match is a failed restore.
import fs from "node:fs";
import path from "node:path";
import * as pgBackup from "../../db/backup/pg";
import * as sqliteBackup from "../../db/backup/sqlite";
import type { OpsConfig } from "../config";
import { formatBytes, formatCount } from "../progress";
import { compareTables, readManifest, sha256File, type Manifest, type TableCheck, type TablesFigures } from "./manifest";
import { findPgTool, libpqArgs, runTool } from "./pg-tools";

/** The target is not empty and --force was not given, or the target cannot take this backup. */
export class RestoreRefused extends Error {}

export interface RestoreReport {
  ok: boolean;
  manifest: Manifest;
  checks: TableCheck[];
  migrationOk: boolean;
  restoreSeconds: number;
  verifySeconds: number;
  createdRoles: string[];
}

export interface RestoreOptions {
  force?: boolean;
  log?: (line: string) => void;
}

export async function restoreBackup(fileOrManifest: string, target: string, ops: OpsConfig, opts: RestoreOptions = {}): Promise<RestoreReport> {
  const log = opts.log ?? (() => undefined);
  const { manifest, backupFile } = readManifest(path.resolve(fileOrManifest));
  if (!fs.existsSync(backupFile)) throw new RestoreRefused(`the manifest names ${backupFile}, which does not exist`);
  const sha = await sha256File(backupFile);
  if (sha !== manifest.sha256) throw new RestoreRefused(`${path.basename(backupFile)} is damaged: its sha256 is ${sha}, the manifest says ${manifest.sha256}`);
  log(`${path.basename(backupFile)}: ${formatBytes(manifest.bytes)}, taken ${manifest.createdAt} from ${manifest.server}, migration ${manifest.migration.last ?? manifest.migration.applied}; file intact (sha256)`);
  const isPgTarget = /^postgres(ql)?:\/\//.test(target);
  if (manifest.dialect === "postgres" && !isPgTarget) throw new RestoreRefused(`a PostgreSQL backup restores into a postgres:// database, not "${target}"`);
  if (manifest.dialect === "sqlite" && isPgTarget) throw new RestoreRefused(`a SQLite backup restores into a SQLite file (file:PATH), not "${target}"`);
  const report = manifest.dialect === "postgres" ? await restorePostgres(backupFile, manifest, target, ops, opts, log) : await restoreSqliteFile(backupFile, manifest, target, opts, log);
  printVerdict(report, log);
  return report;
}

function printVerdict(r: RestoreReport, log: (line: string) => void): void {
  for (const c of r.checks) {
    const e = c.expected ? `${formatCount(c.expected.rows)} rows` : "absent";
    const a = c.actual ? `${formatCount(c.actual.rows)} rows` : "absent";
    log(`  ${c.ok ? "ok  " : "FAIL"} ${c.table}: ${c.ok ? e : `manifest ${e}${c.expected ? ` (${c.expected.checksum})` : ""}, restored ${a}${c.actual ? ` (${c.actual.checksum})` : ""}`}`);
  }
  const rows = r.checks.reduce((n, c) => n + (c.actual?.rows ?? 0), 0);
  const bad = r.checks.filter((c) => !c.ok).length;
  log(
    r.ok
      ? `VERIFIED: ${r.checks.length} tables, ${formatCount(rows)} rows match the manifest (counts and checksums), migration level matches; restore ${r.restoreSeconds.toFixed(1)} s, verify ${r.verifySeconds.toFixed(1)} s`
      : `NOT VERIFIED: ${bad} of ${r.checks.length} tables differ from the manifest${r.migrationOk ? "" : ", and the migration level differs"}`,
  );
}

async function restorePostgres(file: string, manifest: Manifest, url: string, ops: OpsConfig, opts: RestoreOptions, log: (line: string) => void): Promise<RestoreReport> {
  const client = await pgBackup.connect(url, "storyboard-restore");
  try {
    const who = await pgBackup.readsEveryRow(client);
    if (!who.superuser) {
      throw new RestoreRefused(
        `restore as a superuser: it creates the roles the backup refers to, gives objects their owners and loads tables whose row level security is forced (the login "${who.login}" is not one)`,
      );
    }
    const present = await pgBackup.userObjects(client);
    if (present.relations > 0 || present.functions > 0 || present.schemas.length > 0) {
      const what = `${present.relations} relations, ${present.functions} functions${present.schemas.length ? `, schemas ${present.schemas.join(", ")}` : ""}`;
      if (!opts.force) throw new RestoreRefused(`the target database is not empty (${what}); restore into a new database, or add --force to drop its schemas first`);
      const dropped = await pgBackup.emptyDatabase(client);
      log(`--force: dropped schemas ${dropped.join(", ")} (${what})`);
    }
    const created = await pgBackup.createMissingRoles(client, manifest.roles);
    if (created.length) log(`created roles the backup refers to: ${created.join(", ")} (NOLOGIN; give a login its password: ALTER ROLE … LOGIN PASSWORD …)`);
    const version = await pgBackup.serverVersion(client);
    const pgRestore = findPgTool("pg_restore", Math.floor(version.num / 10000), ops.pgBinDir);
    const { dbname, env } = libpqArgs(url);
    const t0 = performance.now();
    // One transaction: a restore that fails half-way leaves the target as empty as it was. Row
    // security on: the superuser's COPY bypasses it anyway, and a materialized view owned by a role
    // under policies (user_project_stats, storyboard_maintenance) is refreshed as that role sees
    // the rows, as in production, where with it off its refresh fails.
    await runTool(pgRestore, ["--exit-on-error", "--single-transaction", "--enable-row-security", "--no-password", `--dbname=${dbname}`, file], { env });
    await client.query("ANALYZE"); // pg_restore brings no planner statistics
    const restoreSeconds = (performance.now() - t0) / 1000;
    log(`pg_restore and ANALYZE: ${restoreSeconds.toFixed(1)} s`);
    const t1 = performance.now();
    await pgBackup.beginCanonical(client);
    const actual: TablesFigures = {};
    for (const table of await pgBackup.listTables(client)) actual[table] = await pgBackup.tableFigures(client, table);
    const level = await pgBackup.migrationLevel(client);
    await client.query("COMMIT");
    const verifySeconds = (performance.now() - t1) / 1000;
    const checks = compareTables(manifest.tables, actual);
    const migrationOk = level.applied === manifest.migration.applied && level.lastWhen === manifest.migration.lastWhen;
    return { ok: checks.every((c) => c.ok) && migrationOk, manifest, checks, migrationOk, restoreSeconds, verifySeconds, createdRoles: created };
  } finally {
    await client.end();
  }
}

async function restoreSqliteFile(file: string, manifest: Manifest, target: string, opts: RestoreOptions, log: (line: string) => void): Promise<RestoreReport> {
  const targetFile = path.resolve(target.startsWith("file:") ? target.slice("file:".length).replace(/^\/\/(?=\/)/, "") : target);
  if (fs.existsSync(targetFile) && fs.statSync(targetFile).size > 0) {
    const tables = sqliteBackup.tableCount(targetFile);
    if (tables > 0 && !opts.force) throw new RestoreRefused(`${targetFile} is not empty (${tables} tables); restore into a new file, or add --force to replace it`);
    if (tables > 0) log(`--force: replacing ${targetFile} (${tables} tables)`);
  }
  fs.mkdirSync(path.dirname(targetFile), { recursive: true });
  const t0 = performance.now();
  await sqliteBackup.restoreSqlite(file, targetFile);
  const restoreSeconds = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  const db = sqliteBackup.openReadOnly(targetFile);
  const actual: TablesFigures = {};
  let level;
  try {
    for (const t of sqliteBackup.listTables(db)) actual[t] = sqliteBackup.tableFigures(db, t);
    level = sqliteBackup.migrationLevel(db);
  } finally {
    db.close();
  }
  const verifySeconds = (performance.now() - t1) / 1000;
  const checks = compareTables(manifest.tables, actual);
  const migrationOk = level.applied === manifest.migration.applied && level.lastWhen === manifest.migration.lastWhen;
  log(`restored into ${targetFile} in ${restoreSeconds.toFixed(1)} s`);
  return { ok: checks.every((c) => c.ok) && migrationOk, manifest, checks, migrationOk, restoreSeconds, verifySeconds, createdRoles: [] };
}
