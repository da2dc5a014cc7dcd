// The data lifecycle's commands of `npx storyboard`: statistics and the archive. Each calls the
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

const wholeNumber = (v: string | undefined) => (v === undefined ? undefined : /^[1-9][0-9]*$/.test(v) ? Number(v) : NaN);

/** `storyboard archive [--after-days N] [--batch-size N]`: one archive pass, with progress and figures. */
async function archive(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { "after-days": { type: "string" }, "batch-size": { type: "string" } }, allowPositionals: false });
  const afterDays = wholeNumber(values["after-days"]);
  const batchSize = wholeNumber(values["batch-size"]);
  if (Number.isNaN(afterDays) || Number.isNaN(batchSize)) {
    io.stderr("--after-days and --batch-size must be whole numbers of at least 1.\n");
    return 2;
  }
  return withServices(async () => {
    const { runArchive } = await import("../features/archive/run-archive");
    // Ctrl-C ends the run after the batch in progress (each batch commits or rolls back whole).
    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once("SIGINT", stop);
    try {
      const result = await runArchive({ afterDays, batchSize, signal: controller.signal, onProgress: (l) => io.stdout(`${l}\n`) });
      io.stdout(formatTable(Object.entries(result.rows).map(([table, rows]) => ({ table, rows })), ["table", "rows"]));
      return 0;
    } finally {
      process.off("SIGINT", stop);
    }
  });
}

export const LIFECYCLE_COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  stats,
  archive,
};
