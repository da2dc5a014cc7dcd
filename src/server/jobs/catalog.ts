// Every job the app knows, with its handler. To add one (a backup, a purge): a definition file in
// definitions/ (name, payload schema, retries, timeout, singleton, schedule and its variable), a
// sibling *.handler.ts calling the use-case, and one line below. Handlers load on first use, so
// this file imports no feature code (the features import the queue).
import { archiveProjectsJob } from "./definitions/archive-projects";
import { auditPartitionsJob } from "./definitions/audit-partitions";
import { databaseBackupJob } from "./definitions/database-backup";
import { generateStoryboardJob } from "./definitions/generate-storyboard";
import { purgeDeletedJob } from "./definitions/purge-deleted";
import { purgeExpiredJob } from "./definitions/purge-expired";
import { refreshStatsJob } from "./definitions/refresh-stats";
import { scheduleOf, type JobSettings } from "./settings";
import type { ConfiguredJob, JobDefinition, JobHandler } from "./types";

export interface CatalogEntry {
  def: JobDefinition<unknown>;
  handler: (() => Promise<JobHandler<unknown>>) | null;
}

/** Pairs a definition with its handler's loader (the handler receives the parsed payload). */
export const jobEntry = <P>(def: JobDefinition<P>, handler: (() => Promise<JobHandler<P>>) | null): CatalogEntry => ({
  def: def as JobDefinition<unknown>,
  handler: handler as CatalogEntry["handler"],
});

export const JOB_CATALOG: CatalogEntry[] = [
  jobEntry(generateStoryboardJob, async () => (await import("./definitions/generate-storyboard.handler")).handleGenerateStoryboard),
  jobEntry(auditPartitionsJob, async () => (await import("./definitions/audit-partitions.handler")).handleAuditPartitions),
  jobEntry(refreshStatsJob, async () => (await import("./definitions/refresh-stats.handler")).handleRefreshStats),
  jobEntry(archiveProjectsJob, async () => (await import("./definitions/archive-projects.handler")).handleArchiveProjects),
  jobEntry(databaseBackupJob, async () => (await import("./definitions/database-backup.handler")).handleDatabaseBackup),
  jobEntry(purgeExpiredJob, async () => (await import("./definitions/purge-expired.handler")).handlePurgeExpired),
  jobEntry(purgeDeletedJob, async () => (await import("./definitions/purge-deleted.handler")).handlePurgeDeleted),
];

/** The catalog as this process runs it: settings applied (generation's retries, timeout, concurrency; schedules). */
export function configureJobs(settings: JobSettings, catalog: CatalogEntry[] = JOB_CATALOG): ConfiguredJob[] {
  return catalog.map(({ def, handler }) => {
    const d = def;
    const isGeneration = d.name === generateStoryboardJob.name;
    return {
      def: isGeneration
        ? { ...d, retry: { limit: settings.generation.retries, delaySeconds: settings.generation.retryDelaySeconds }, timeoutSeconds: settings.generation.timeoutSeconds }
        : d,
      handler,
      cron: d.schedule ? scheduleOf(settings, d.schedule) : null,
      concurrency: d.singleton ? 1 : isGeneration ? settings.generation.concurrency : 1,
    };
  });
}
