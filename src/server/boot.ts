// Server start-up: validate settings, open the database, start the job queue (and its workers
// unless JOBS_IN_WEB=0), and run the stale-generation sweep as a safety net.
import { ConfigError, readDbConfig } from "../db/config";
import { readOpsConfig } from "../ops/config";
import { migrateOnline } from "../ops/migrate";
import { recoverInterruptedGenerations } from "../features/storyboards/recover-interrupted-generations";
import { appEnv } from "./env";
import { setJobWorker } from "./jobs";
import { jobSettings } from "./jobs/settings";
import { errorSummary } from "./log-error";
import { rateLimits } from "./rate-limit";
import { services } from "./services";

export async function boot(): Promise<void> {
  try {
    appEnv();
    rateLimits();
    const settings = jobSettings();
    setJobWorker(settings.inWeb);
    const { store, jobs } = await services();
    console.log(`[storyboard] database: ${store.dialect}`);
    // The online half of the migrations (backfills, NOT NULL, concurrent indexes): instant on a
    // small database; on a large one run `npm run db:migrate` first (docs/operations.md).
    const config = readDbConfig();
    if (config.autoMigrate) await migrateOnline(config, readOpsConfig(), { log: (line) => console.log(`[storyboard] ${line}`) });
    await jobs.start();
    if (settings.inWeb) await jobs.work();
    console.log(`[storyboard] jobs: ${jobs.backend}, ${settings.inWeb ? "workers in this process" : "no workers here (JOBS_IN_WEB=0: run `storyboard worker`)"}`);
  } catch (e) {
    const message = e instanceof ConfigError ? e.message : `start-up failed: ${(e as Error).message}`;
    console.error(`\n[storyboard] ${message}\n`);
    process.exit(1);
  }
  const sweep = () =>
    recoverInterruptedGenerations()
      .then((n) => n > 0 && console.log(`[storyboard] marked ${n} interrupted generation(s) as failed`))
      .catch((e: unknown) => console.error(`[storyboard] recovery sweep failed: ${errorSummary(e)}`));
  await sweep();
  setInterval(() => void sweep(), 30_000).unref();
}
