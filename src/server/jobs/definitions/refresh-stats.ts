// The user statistics (materialized view user_project_stats) refreshed daily
// (src/features/stats/refresh-stats.ts; REFRESH … CONCURRENTLY on PostgreSQL). Idempotent.
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
