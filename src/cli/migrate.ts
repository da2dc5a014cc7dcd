// `npm run db:migrate`: applies the committed migrations to the database DATABASE_URL names
// (PostgreSQL as DATABASE_OWNER_URL when set), then the online steps (backfills, NOT NULL, indexes
// built concurrently) with their progress. `-- --skip-online` applies only the transactional
// migrations: the "expand" half of a rolling deploy (docs/operations.md).
import { parseArgs } from "node:util";
import { ConfigError, readDbConfig } from "../db/config";
import { readOpsConfig } from "../ops/config";
import { migrateDatabase } from "../ops/migrate";

async function main() {
  const { values } = parseArgs({ options: { "skip-online": { type: "boolean", default: false } } });
  const config = readDbConfig();
  const started = performance.now();
  const controller = new AbortController();
  // Ctrl-C stops after the current batch, its progress recorded: the next run resumes.
  process.once("SIGINT", () => {
    console.log("[migrate] stopping after the current batch…");
    controller.abort();
  });
  const { online } = await migrateDatabase(config, readOpsConfig(), { online: !values["skip-online"], signal: controller.signal });
  const where = config.dialect === "sqlite" ? `SQLite database ${config.file}` : `PostgreSQL database ${new URL(config.ownerUrl).pathname.slice(1)}`;
  const steps = values["skip-online"] ? "online steps skipped" : online.length ? `online steps run: ${online.join(", ")}` : "no online step pending";
  console.log(`Migrated ${where} in ${((performance.now() - started) / 1000).toFixed(1)} s (${steps})`);
}

main().catch((e: unknown) => {
  console.error(e instanceof ConfigError ? e.message : `Migration failed: ${(e as Error).message}`);
  process.exit(1);
});
