// The data lifecycle's commands of `npx storyboard`: statistics (and the archive). Each calls the
// use-case a scheduled job calls and prints its figures.
import { parseArgs } from "node:util";
import type { CliIo } from "./storyboard";
import { formatTable } from "./table";

async function withServices<T>(fn: () => Promise<T>): Promise<T> {
  const { services } = await import("../server/services");
  try {
    return await fn();
  } finally {
    const s = await services();
    await s.store.close();
    await s.cache.close();
  }
}

/** `storyboard stats [--refresh] [--days N] [--users N]`: user_project_stats and user_engagement_metrics as tables. */
async function stats(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { refresh: { type: "boolean", default: false }, days: { type: "string", default: "30" }, users: { type: "string", default: "50" } },
    allowPositionals: false,
  });
  const days = Number(values.days);
  const limit = Number(values.users);
  if (!Number.isInteger(limit) || limit < 1) {
    io.stderr("--users must be a whole number of at least 1.\n");
    return 2;
  }
  return withServices(async () => {
    const { refreshStats } = await import("../features/stats/refresh-stats");
    const { getEngagementMetrics } = await import("../features/stats/get-engagement-metrics");
    const { services } = await import("../server/services");
    const { store } = await services();
    if (values.refresh) await refreshStats({ onProgress: (l) => io.stderr(`${l}\n`) });
    const started = performance.now();
    const users = await store.listUserProjectStats(limit);
    const metrics = await getEngagementMetrics(days);
    io.stdout(`user_project_stats (${users.length} user${users.length === 1 ? "" : "s"}, most projects first${users[0] ? `, refreshed ${users[0].refreshed_at}` : ""})\n`);
    io.stdout(formatTable(users, ["email", "total_projects", "active_projects", "last_activity"]));
    io.stdout(`\nuser_engagement_metrics (last ${days} days, UTC, newest first)\n`);
    io.stdout(formatTable(metrics, ["date", "projects_created", "daily_active_users", "avg_storyboards_per_project"]));
    io.stderr(`read in ${Math.round(performance.now() - started)} ms\n`);
    return 0;
  });
}

export const LIFECYCLE_COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  stats,
};
