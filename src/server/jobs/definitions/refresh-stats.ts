// The user statistics (materialized view user_project_stats) refreshed daily. The handler is the
// statistics feature's use-case (issue 8 part 4): until it exists the job is listed, not scheduled.
import { z } from "zod";
import type { JobDefinition } from "../types";

export const refreshStatsJob: JobDefinition<Record<string, never>> = {
  name: "refresh-stats",
  description: "Refresh the user statistics (user_project_stats)",
  payload: z.object({}).strict(),
  retry: { limit: 3, delaySeconds: 60 },
  timeoutSeconds: 30 * 60,
  singleton: true,
  schedule: { env: "STATS_SCHEDULE", cron: "20 3 * * *" },
};
