// The operator's commands of `npx storyboard`: data migrations now; backups, restores and
// point-in-time recovery beside them. Each prints figures (rows, seconds, sizes).
import { parseArgs } from "node:util";
import { readDbConfig } from "../db/config";
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

export const OPS_COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  "data-migrate": dataMigrate,
};
