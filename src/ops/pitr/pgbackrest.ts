// Point-in-time recovery with pgBackRest (Debian's `pgbackrest`): thin wrappers over its commands
// for one stanza (PGBACKREST_STANZA) and config file (PGBACKREST_CONFIG), each printing what it
// cost. PostgreSQL archives every WAL segment through `pgbackrest archive-push` (archive_command,
// docs/operations.md); base backups plus that archive can rebuild the cluster at any moment.
// Run as the cluster's OS user (postgres): pgBackRest reads the data folder and writes the repository.
import { spawn } from "node:child_process";
import fs from "node:fs";
import type { OpsConfig } from "../config";
import { formatDuration } from "../progress";

export type Exec = (cmd: string, args: string[]) => Promise<string>;

export const execAsCurrentUser: Exec = (cmd, args) =>
  new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d));
    child.stderr.on("data", (d: Buffer) => (err += d));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args[args.length - 1]} exited with ${code}: ${(err || out).trim().slice(-2000)}`))));
  });

export interface PitrDeps {
  pitr: OpsConfig["pitr"];
  exec?: Exec;
  log?: (line: string) => void;
  /** pgbackrest binary (default: on the PATH). */
  bin?: string;
}

async function pgbackrest(deps: PitrDeps, command: string, args: string[] = []): Promise<{ out: string; seconds: number }> {
  const exec = deps.exec ?? execAsCurrentUser;
  const t0 = performance.now();
  const out = await exec(deps.bin ?? "pgbackrest", [`--config=${deps.pitr.config}`, `--stanza=${deps.pitr.stanza}`, ...args, command]);
  return { out, seconds: (performance.now() - t0) / 1000 };
}

/** Creates the stanza (the repository's record of this cluster), then checks that archiving works. */
export async function createStanza(deps: PitrDeps): Promise<void> {
  const log = deps.log ?? (() => undefined);
  const created = await pgbackrest(deps, "stanza-create");
  log(`stanza ${deps.pitr.stanza} created in ${formatDuration(created.seconds)}`);
  const checked = await pgbackrest(deps, "check");
  log(`check: WAL archiving works (a segment was archived and found in the repository) in ${formatDuration(checked.seconds)}`);
}

export interface BackupInfo {
  label: string;
  type: string;
  start: Date;
  stop: Date;
  /** Bytes in the repository (compressed). */
  repoBytes: number;
  /** Bytes of the database (what a restore writes). */
  bytes: number;
}

export async function info(deps: PitrDeps): Promise<{ backups: BackupInfo[]; archive: { min: string | null; max: string | null } }> {
  const { out } = await pgbackrest(deps, "info", ["--output=json"]);
  const stanzas = JSON.parse(out) as Array<{
    name: string;
    backup: Array<{ label: string; type: string; timestamp: { start: number; stop: number }; info: { size: number; repository: { delta: number } } }>;
    archive: Array<{ min: string | null; max: string | null }>;
  }>;
  const s = stanzas.find((x) => x.name === deps.pitr.stanza);
  if (!s) return { backups: [], archive: { min: null, max: null } };
  return {
    backups: s.backup.map((b) => ({
      label: b.label,
      type: b.type,
      start: new Date(b.timestamp.start * 1000),
      stop: new Date(b.timestamp.stop * 1000),
      repoBytes: b.info.repository.delta,
      bytes: b.info.size,
    })),
    archive: { min: s.archive.at(-1)?.min ?? null, max: s.archive.at(-1)?.max ?? null },
  };
}

/** A base backup: full, differential (since the last full) or incremental (since the last backup). */
export async function backup(deps: PitrDeps, type: "full" | "diff" | "incr" = "full"): Promise<{ seconds: number; backup: BackupInfo | undefined }> {
  const log = deps.log ?? (() => undefined);
  const { seconds } = await pgbackrest(deps, "backup", [`--type=${type}`, "--start-fast"]);
  const last = (await info(deps)).backups.at(-1);
  log(`${type} backup ${last?.label ?? ""} in ${formatDuration(seconds)}${last ? `: ${(last.bytes / 1e6).toFixed(1)} MB of database, ${(last.repoBytes / 1e6).toFixed(1)} MB in the repository` : ""}`);
  return { seconds, backup: last };
}

/** `check` (archiving works now) and `verify` (every file in the repository is intact and the WAL has no gap). */
export async function verify(deps: PitrDeps): Promise<{ seconds: number }> {
  const log = deps.log ?? (() => undefined);
  const checked = await pgbackrest(deps, "check");
  const verified = await pgbackrest(deps, "verify");
  const i = await info(deps);
  log(
    `check and verify passed in ${formatDuration(checked.seconds + verified.seconds)}: ${i.backups.length} backups ` +
      `(${i.backups.map((b) => `${b.type} ${b.label}`).join(", ") || "none"}), WAL archive ${i.archive.min ?? "?"} … ${i.archive.max ?? "?"}`,
  );
  return { seconds: checked.seconds + verified.seconds };
}

/**
 * Restores into a new, empty data folder, with recovery up to `target` (inclusive) and promotion
 * there. Archiving is off on the restored cluster (it must not push a second timeline into the
 * repository unless it becomes the primary: then turn it back on). Start it with pg_ctl; it
 * replays the archived WAL up to the target, then opens for writes.
 */
export async function restoreToTime(deps: PitrDeps, target: Date | string, dataDir: string): Promise<{ seconds: number }> {
  const log = deps.log ?? (() => undefined);
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
    throw new Error(`${dataDir} is not empty: restore into a new data folder (the running cluster's is never overwritten)`);
  }
  const time = typeof target === "string" ? target : target.toISOString().replace("T", " ").replace("Z", "+00");
  const { seconds } = await pgbackrest(deps, "restore", [
    `--pg1-path=${dataDir}`,
    "--type=time",
    `--target=${time}`,
    "--target-action=promote",
    "--archive-mode=off",
  ]);
  log(`restored the base backup into ${dataDir} in ${formatDuration(seconds)}; starting it replays the WAL up to ${time} and promotes`);
  return { seconds };
}
