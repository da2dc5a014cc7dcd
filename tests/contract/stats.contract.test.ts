// Statistics on both databases: a user's project figures (PostgreSQL: the materialized view
// user_project_stats, as of its last refresh), every user's for operators, the daily business
// metrics, and (PostgreSQL) that the app role reads no other user's figures through the view.
import { describe, expect, it } from "vitest";
import type { Store } from "../../src/db/store/types";
import type { Factories } from "../../src/db/seed/factories";
import { DIALECTS } from "../support/databases";
import type { Raw } from "../support/raw";
import { useStoreFixture } from "../support/store-fixture";

const today = () => new Date().toISOString().slice(0, 10);

describe.each(DIALECTS)("statistics on %s", (dialect) => {
  let store: Store;
  let raw: Raw;
  let f: Factories;
  useStoreFixture(dialect, (fx) => ({ store, raw, f } = fx));

  it("counts each user's projects, active ones and last activity (after the daily refresh on PostgreSQL)", async () => {
    const a = await f.user();
    const b = await f.user();
    await f.project(a.id, { status: "active" });
    await f.project(a.id, { status: "completed" });
    const last = await f.project(a.id, { status: "active" });
    await f.project(b.id, { status: "draft" });
    const gone = await f.project(b.id, { status: "active" });
    await store.deleteProject(b.id, gone.id);

    if (dialect === "postgres") expect(await store.getUserProjectStats(a.id)).toBeNull(); // not refreshed yet
    const refreshed = await store.refreshUserStats();
    expect(refreshed.users).toBeGreaterThanOrEqual(2);

    const sa = await store.getUserProjectStats(a.id);
    expect(sa).toMatchObject({ total_projects: 3, active_projects: 2, last_activity: last.updated_at });
    expect(Date.parse(sa!.refreshed_at)).toBeGreaterThan(Date.now() - 60_000);
    expect(await store.getUserProjectStats(b.id)).toMatchObject({ total_projects: 1, active_projects: 0 });

    const all = await store.listUserProjectStats();
    expect(all.find((s) => s.user_id === a.id)).toMatchObject({ email: a.email, total_projects: 3, active_projects: 2 });
    expect(all.find((s) => s.user_id === b.id)).toMatchObject({ email: b.email, total_projects: 1 });
  });

  it("gives the daily business metrics: projects created, daily active users from the audit log, storyboards per project", async () => {
    const u = await f.user();
    const p1 = await f.project(u.id);
    const p2 = await f.project(u.id);
    await f.storyboard(u.id, p1.id, { sceneCount: 1 });
    await f.storyboard(u.id, p1.id, { sceneCount: 1 });
    await f.storyboard(u.id, p2.id, { sceneCount: 1 });
    const [day] = await store.getEngagementMetrics(7);
    expect(day!.date).toBe(today());
    // Every project and user of this file was made today (the first test's too).
    const [{ n: projects }] = (await raw.query<{ n: number }>("SELECT count(*) AS n FROM projects")) as [{ n: number }];
    const [{ n: users }] = (await raw.query<{ n: number }>("SELECT count(DISTINCT user_id) AS n FROM projects")) as [{ n: number }];
    const [{ n: boards }] = (await raw.query<{ n: number }>("SELECT count(*) AS n FROM storyboards WHERE deleted_at IS NULL")) as [{ n: number }];
    expect(day!.projects_created).toBe(Number(projects));
    expect(day!.daily_active_users).toBe(Number(users));
    expect(day!.avg_storyboards_per_project).toBeCloseTo(Math.round((Number(boards) / Number(projects)) * 100) / 100, 2);
  });

  it.runIf(dialect === "postgres")("keeps the materialized view and the metrics away from the app role: its own figures only", async () => {
    const a = await f.user();
    const b = await f.user();
    await f.project(a.id);
    await f.project(b.id);
    await store.refreshUserStats();
    const asApp = async <T>(userId: string, sql: string) => {
      await raw.exec("BEGIN");
      try {
        await raw.exec("SET LOCAL ROLE storyboard_app");
        await raw.query("SELECT set_config('app.current_user_id', $1, true)", [userId]);
        return await raw.query<T>(sql);
      } finally {
        await raw.exec("ROLLBACK");
      }
    };
    await expect(asApp(a.id, "SELECT * FROM user_project_stats")).rejects.toThrow(/permission denied/);
    await expect(asApp(a.id, "SELECT * FROM user_engagement_metrics")).rejects.toThrow(/permission denied/);
    await expect(asApp(a.id, "SELECT refresh_user_stats()")).rejects.toThrow(/permission denied/);
    const own = await asApp<{ total_projects: number }>(a.id, "SELECT * FROM current_user_project_stats()");
    expect(own).toHaveLength(1);
    expect(await asApp(b.id, "SELECT * FROM current_user_project_stats()")).toHaveLength(1);
    expect(await asApp("", "SELECT * FROM current_user_project_stats()")).toHaveLength(0);
    // The unique index REFRESH … CONCURRENTLY needs.
    const [idx] = await raw.query<{ indexdef: string }>("SELECT indexdef FROM pg_indexes WHERE indexname = 'user_project_stats_user_id'");
    expect(idx!.indexdef).toMatch(/UNIQUE INDEX .* \(user_id\)/);
  });
});
