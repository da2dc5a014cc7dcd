// Nightly archive of completed projects idle for ARCHIVE_AFTER_DAYS, in batches of
// ARCHIVE_BATCH_SIZE (src/features/archive/run-archive.ts). Resumable: a retry or the next night
// takes what is still due. The payload may override both for a run by hand.
import { z } from "zod";
import type { JobDefinition } from "../types";

export const archiveProjectsPayload = z.object({ afterDays: z.number().int().min(0).optional(), batchSize: z.number().int().min(1).optional() }).strict();

export const archiveProjectsJob: JobDefinition<z.infer<typeof archiveProjectsPayload>> = {
  name: "archive-projects",
  description: "Move completed projects idle for ARCHIVE_AFTER_DAYS into the archive tables",
  payload: archiveProjectsPayload,
  retry: { limit: 3, delaySeconds: 300 },
  timeoutSeconds: 60 * 60,
  singleton: true,
  schedule: { env: "ARCHIVE_SCHEDULE", cron: "40 2 * * *" },
};
