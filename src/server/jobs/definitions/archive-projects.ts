// Nightly archive of completed projects idle for ARCHIVE_AFTER_DAYS, in batches. The handler is
// the archive feature's use-case (issue 8 part 3): until it exists the job is listed, not scheduled.
import { z } from "zod";
import type { JobDefinition } from "../types";

export const archiveProjectsJob: JobDefinition<Record<string, never>> = {
  name: "archive-projects",
  description: "Move completed projects idle for ARCHIVE_AFTER_DAYS into the archive tables",
  payload: z.object({}).strict(),
  retry: { limit: 3, delaySeconds: 300 },
  timeoutSeconds: 60 * 60,
  singleton: true,
  schedule: { env: "ARCHIVE_SCHEDULE", cron: "40 2 * * *" },
};
