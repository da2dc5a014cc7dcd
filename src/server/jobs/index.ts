// The process's job queue: pg-boss on PostgreSQL, the leased jobs table on SQLite, the same
// definitions (catalog.ts) on both. The web server works the queues unless JOBS_IN_WEB=0;
// `storyboard worker` works them alone.
import type { DbConfig } from "../../db/config";
import type { Driver } from "../../db/store/driver";
import { configureJobs, JOB_CATALOG } from "./catalog";
import { createPgBossQueue } from "./pgboss-queue";
import { jobSettings, type JobSettings } from "./settings";
import { createSqliteQueue } from "./sqlite-queue";
import type { ConfiguredJob, JobQueue } from "./types";

export type { JobQueue, JobInfo, ScheduleInfo, JobContext, JobHandler, JobDefinition } from "./types";
export { JobError } from "./types";

export interface QueueOptions {
  /** Works jobs in this process (supervises expiries and sends schedules on pg-boss). */
  worker: boolean;
  settings?: JobSettings;
  jobs?: ConfiguredJob[];
}

export function createJobQueue(config: DbConfig, driver: Driver, opts: QueueOptions): JobQueue {
  const settings = opts.settings ?? jobSettings();
  const jobs = opts.jobs ?? configureJobs(settings, JOB_CATALOG);
  if (config.dialect === "sqlite") return createSqliteQueue(driver, jobs, { pollSeconds: settings.pollSeconds });
  return createPgBossQueue(jobs, { ownerUrl: config.ownerUrl, pollSeconds: settings.pollSeconds, superviseSeconds: settings.superviseSeconds, worker: opts.worker });
}

const role = globalThis as unknown as { __storyboardJobWorker?: boolean };

/** Whether this process works the queues: set by the server's boot (JOBS_IN_WEB) and by `storyboard worker`. */
export const setJobWorker = (worker: boolean) => {
  role.__storyboardJobWorker = worker;
};
export const isJobWorker = () => role.__storyboardJobWorker ?? false;
