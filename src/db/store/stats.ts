// Statistics: a user's project figures for the dashboard header, every user's for operators, and
// the daily business metrics. PostgreSQL reads the materialized view user_project_stats (through
// current_user_project_stats() for a user: the view has no row level security) and the view
// user_engagement_metrics (migration 0012); SQLite runs the same queries live (no views to keep).
import type { EngagementDay, UserProjectStats } from "../../domain/types";
import { iso, num } from "./rows";
import type { Row } from "./driver";
import type { StoreContext } from "./context";
import type { Store } from "./types";

/** SQLite's user_project_stats: the view's query, run on each read. */
const SQLITE_USER_STATS = `
SELECT user_id, count(*) AS total_projects, sum(CASE WHEN status = 'active' THEN 1 ELSE 0 END) AS active_projects,
  max(updated_at) AS last_activity
FROM projects WHERE deleted_at IS NULL`;

/** SQLite's user_engagement_metrics, archived projects included (timestamps are integer milliseconds; days are UTC). */
const SQLITE_ENGAGEMENT = `
WITH all_projects AS (
  SELECT id, created_at FROM projects UNION ALL SELECT id, created_at FROM projects_archive
), all_storyboards AS (
  SELECT project_id FROM storyboards WHERE deleted_at IS NULL
  UNION ALL SELECT project_id FROM storyboards_archive WHERE deleted_at IS NULL
), created AS (
  SELECT date(p.created_at / 1000, 'unixepoch') AS date, count(*) AS projects_created,
    round(avg(coalesce(sb.n, 0)), 2) AS avg_storyboards_per_project
  FROM all_projects p
  LEFT JOIN (SELECT project_id, count(*) AS n FROM all_storyboards GROUP BY project_id) sb ON sb.project_id = p.id
  GROUP BY 1
), active AS (
  SELECT date(created_at / 1000, 'unixepoch') AS date, count(DISTINCT user_id) AS daily_active_users
  FROM audit_log WHERE user_id IS NOT NULL AND operation <> 'ARCHIVE'
  GROUP BY 1
), days AS (SELECT date FROM created UNION SELECT date FROM active)
SELECT d.date, coalesce(c.projects_created, 0) AS projects_created, coalesce(a.daily_active_users, 0) AS daily_active_users,
  c.avg_storyboards_per_project
FROM days d LEFT JOIN created c ON c.date = d.date LEFT JOIN active a ON a.date = d.date
WHERE d.date >= $1
ORDER BY d.date DESC`;

const PG_ENGAGEMENT = `
SELECT date::text AS date, projects_created, daily_active_users, avg_storyboards_per_project
FROM user_engagement_metrics WHERE date >= $1::date ORDER BY date DESC`;

const toStats = (r: Row, refreshedAt: unknown): UserProjectStats => ({
  total_projects: num(r.total_projects),
  active_projects: num(r.active_projects),
  last_activity: r.last_activity === null || r.last_activity === undefined ? null : iso(r.last_activity),
  refreshed_at: iso(refreshedAt),
});

const toDay = (r: Row): EngagementDay => ({
  date: String(r.date),
  projects_created: num(r.projects_created),
  daily_active_users: num(r.daily_active_users),
  avg_storyboards_per_project: r.avg_storyboards_per_project === null || r.avg_storyboards_per_project === undefined ? null : Number(r.avg_storyboards_per_project),
});

/** The first UTC day of the last `days` days (today included), as YYYY-MM-DD. */
const since = (days: number) => new Date(Date.now() - (days - 1) * 86_400_000).toISOString().slice(0, 10);

export function statsStore(ctx: StoreContext): Pick<Store, "getUserProjectStats" | "listUserProjectStats" | "refreshUserStats" | "getEngagementMetrics"> {
  const { driver, read } = ctx;
  const sqlite = driver.dialect === "sqlite";
  return {
    getUserProjectStats: (userId) =>
      read(userId, async (c) => {
        if (sqlite) {
          const [r] = await c.query("user_stats_live", `${SQLITE_USER_STATS} AND user_id = $1 GROUP BY user_id`, [userId]);
          return r ? toStats(r, Date.now()) : null;
        }
        const [r] = await c.query("user_stats", "SELECT * FROM current_user_project_stats()", []);
        return r ? toStats(r, r.refreshed_at) : null;
      }),

    listUserProjectStats: (limit = 50) =>
      driver.adminTx("maintenance", async (c) => {
        const rows = sqlite
          ? await c.query("all_user_stats_live", `SELECT s.*, u.email FROM (${SQLITE_USER_STATS} GROUP BY user_id) s JOIN users u ON u.id = s.user_id ORDER BY s.total_projects DESC, u.email LIMIT $1`, [limit])
          : await c.query("all_user_stats", "SELECT s.*, u.email FROM user_project_stats s JOIN users u ON u.id = s.user_id ORDER BY s.total_projects DESC, u.email LIMIT $1", [limit]);
        return rows.map((r) => ({ user_id: String(r.user_id), email: String(r.email), ...toStats(r, r.refreshed_at ?? Date.now()) }));
      }),

    refreshUserStats: () =>
      driver.adminTx("maintenance", async (c) => {
        if (sqlite) {
          const [r] = await c.query("user_stats_count", "SELECT count(DISTINCT user_id) AS n FROM projects WHERE deleted_at IS NULL", []);
          return { users: num(r?.n) };
        }
        await c.query("refresh_user_stats", "SELECT refresh_user_stats()", []);
        const [r] = await c.query("user_stats_rows", "SELECT count(*) AS n FROM user_project_stats", []);
        return { users: num(r?.n) };
      }),

    getEngagementMetrics: (days = 30) =>
      driver.adminTx("maintenance", async (c) => {
        const rows = await c.query(sqlite ? "engagement_live" : "engagement", sqlite ? SQLITE_ENGAGEMENT : PG_ENGAGEMENT, [since(days)]);
        return rows.map(toDay);
      }),
  };
}
