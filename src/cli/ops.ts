// The operator's commands of `npx storyboard`: data migrations, backups, restores and
// point-in-time recovery. Each prints figures (rows, seconds, sizes).
import { parseArgs } from "node:util";
import { ConfigError, readDbConfig } from "../db/config";
import { BackupError, createBackup } from "../ops/backup/create-backup";
import { ManifestError } from "../ops/backup/manifest";
import { ToolError } from "../ops/backup/pg-tools";
import { RestoreRefused, restoreBackup } from "../ops/backup/restore-backup";
import { measureArchiveLag } from "../ops/pitr/archive-lag";
import * as pitrOps from "../ops/pitr/pgbackrest";
import { DEFAULT_SHARD_COUNT } from "../db/shard";
import { readOpsConfig } from "../ops/config";
import { openOnlineDb } from "../ops/migrate";
import { DATA_MIGRATIONS } from "../ops/online/data-migrations";
import { runDataMigration } from "../ops/online/runner";
import type { CliIo } from "./storyboard";

async function dataMigrate(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { "batch-size": { type: "string" }, "throttle-ms": { type: "string" }, restart: { type: "boolean", default: false } },
    allowPositionals: true,
  });
  const name = positionals[0];
  const migration = name ? DATA_MIGRATIONS[name] : undefined;
  if (!migration) {
    io.stderr(`data-migrate: unknown migration "${name ?? ""}"; one of: ${Object.keys(DATA_MIGRATIONS).join(", ")}\n`);
    return 2;
  }
  const config = readDbConfig(io.env);
  const ops = readOpsConfig({
    ...io.env,
    ...(values["batch-size"] ? { DATABASE_BACKFILL_BATCH_SIZE: values["batch-size"] } : {}),
    ...(values["throttle-ms"] ? { DATABASE_BACKFILL_THROTTLE_MS: values["throttle-ms"] } : {}),
  });
  const log = (line: string) => io.stdout(`${line}\n`);
  const db = await openOnlineDb(config, log);
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once("SIGINT", stop);
  try {
    await db.lock();
    await runDataMigration(db, migration.build({ shardCount: config.shardCount ?? DEFAULT_SHARD_COUNT }), {
      batchSize: ops.online.batchSize,
      throttleMs: ops.online.throttleMs,
      restart: values.restart,
      signal: controller.signal,
      log,
    });
    return 0;
  } finally {
    process.off("SIGINT", stop);
    await db.unlock().catch(() => undefined);
    await db.close();
  }
}

/** Operator errors (a refused target, a missing tool, a setting) as one line and exit code 2. */
async function operatorErrors(io: CliIo, name: string, fn: () => Promise<number>): Promise<number> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof RestoreRefused || e instanceof ManifestError || e instanceof BackupError || e instanceof ToolError || e instanceof ConfigError) {
      io.stderr(`${name}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

async function backup(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { dir: { type: "string" }, compression: { type: "string" }, keep: { type: "string" } } });
  return operatorErrors(io, "backup", async () => {
    const ops = readOpsConfig({
      ...io.env,
      ...(values.dir ? { BACKUP_DIR: values.dir } : {}),
      ...(values.compression ? { BACKUP_COMPRESSION: values.compression } : {}),
      ...(values.keep ? { BACKUP_KEEP: values.keep } : {}),
    });
    const result = await createBackup(readDbConfig(io.env), ops, { log: (l) => io.stdout(`[backup] ${l}\n`) });
    io.stdout(`${result.file}\n`);
    return 0;
  });
}

async function restore(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { to: { type: "string" }, force: { type: "boolean", default: false } }, allowPositionals: true });
  if (positionals.length !== 1 || !values.to) {
    io.stderr("restore: usage: storyboard restore BACKUP_FILE --to postgres://…/new_database|file:PATH [--force]\n");
    return 2;
  }
  return operatorErrors(io, "restore", async () => {
    const report = await restoreBackup(positionals[0]!, values.to!, readOpsConfig(io.env), { force: values.force, log: (l) => io.stdout(`[restore] ${l}\n`) });
    return report.ok ? 0 : 1;
  });
}

const PITR_USAGE = `pitr: usage (as the cluster's OS user, e.g. sudo -u postgres; PGBACKREST_CONFIG, PGBACKREST_STANZA):
  storyboard pitr stanza                       create the stanza and check archiving
  storyboard pitr backup [--type full|diff|incr]
  storyboard pitr verify [--lag]               check + verify the repository; --lag: time a WAL segment's archival (RPO)
  storyboard pitr info
  storyboard pitr restore --to "2026-11-30 12:00:00+00" --data-dir /new/empty/folder
`;

async function pitr(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { type: { type: "string", default: "full" }, to: { type: "string" }, "data-dir": { type: "string" }, lag: { type: "boolean", default: false } },
    allowPositionals: true,
  });
  const log = (l: string) => io.stdout(`[pitr] ${l}\n`);
  return operatorErrors(io, "pitr", async () => {
    const deps: pitrOps.PitrDeps = { pitr: readOpsConfig(io.env).pitr, log };
    switch (positionals[0]) {
      case "stanza":
        await pitrOps.createStanza(deps);
        return 0;
      case "backup": {
        const type = values.type;
        if (type !== "full" && type !== "diff" && type !== "incr") break;
        await pitrOps.backup(deps, type);
        return 0;
      }
      case "verify": {
        await pitrOps.verify(deps);
        if (values.lag) {
          const config = readDbConfig(io.env);
          if (config.dialect !== "postgres") throw new ConfigError("DATABASE_URL", "point-in-time recovery needs PostgreSQL");
          const lag = await measureArchiveLag(readOpsConfig(io.env).backup.url ?? config.ownerUrl);
          log(`archive lag: segment ${lag.segment} archived ${lag.pushSeconds.toFixed(2)} s after it closed; RPO at most archive_timeout ${lag.archiveTimeoutSeconds} s + that = ${lag.rpoSeconds.toFixed(1)} s`);
        }
        return 0;
      }
      case "info": {
        const i = await pitrOps.info(deps);
        for (const b of i.backups) log(`${b.type} ${b.label}: ${b.start.toISOString()} … ${b.stop.toISOString()}, ${(b.bytes / 1e6).toFixed(1)} MB (${(b.repoBytes / 1e6).toFixed(1)} MB stored)`);
        log(`WAL archive: ${i.archive.min ?? "none"} … ${i.archive.max ?? "none"}; recoverable to any time from the first backup's end to the last archived segment`);
        return 0;
      }
      case "restore": {
        if (!values.to || !values["data-dir"]) break;
        await pitrOps.restoreToTime(deps, values.to, values["data-dir"]);
        log(`next: pg_ctl -D ${values["data-dir"]} start (replays to the target, promotes), check the data, then switch DATABASE_URL (docs/operations.md)`);
        return 0;
      }
    }
    io.stderr(PITR_USAGE);
    return 2;
  });
}

export const OPS_COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  "data-migrate": dataMigrate,
  backup,
  restore,
  pitr,
};
