// The daily statistics job's use-case: recomputes user_project_stats (PostgreSQL: REFRESH
// MATERIALIZED VIEW CONCURRENTLY through refresh_user_stats(), so readers keep the old figures
// meanwhile). Idempotent: running it twice leaves the same figures.
import { services } from "../../server/services";

export interface RefreshStatsResult {
  users: number;
  ms: number;
}

export async function refreshStats(opts: { onProgress?: (line: string) => void } = {}): Promise<RefreshStatsResult> {
  const { store } = await services();
  const started = performance.now();
  opts.onProgress?.(`refreshing user_project_stats (${store.dialect})`);
  const { users } = await store.refreshUserStats();
  const ms = Math.round(performance.now() - started);
  opts.onProgress?.(`user_project_stats: ${users} users in ${ms} ms`);
  return { users, ms };
}
