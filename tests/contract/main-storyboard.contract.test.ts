// The main storyboard, on SQLite and PostgreSQL: a project's progress (dashboard, project page,
// the progress a tick returns) is its main storyboard's tasks only; switching the main one moves
// it; under concurrency there is always exactly one main (storyboards created at once in a
// project that has none all succeed, where before on PostgreSQL every one but the first failed on
// uq_storyboards_main_per_project: "That value is already taken"; switches at once all succeed
// and leave one).
import { describe, expect, it } from "vitest";
import type { Store } from "../../src/db/store/types";
import type { Factories } from "../../src/db/seed/factories";
import { DIALECTS } from "../support/databases";
import type { Raw } from "../support/raw";
import { useStoreFixture } from "../support/store-fixture";

describe.each(DIALECTS)("main storyboard on %s", (dialect) => {
  let store: Store;
  let raw: Raw;
  let f: Factories;

  useStoreFixture(dialect, (fx) => ({ store, raw, f } = fx));

  it("ten storyboards created at once in an empty project all succeed, and one is main", async () => {
    const u = await f.user();
    const p = await f.project(u.id);
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => f.storyboard(u.id, p.id, { sceneCount: 2, title: `Take ${i + 1}` })));
    expect(results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    const rows = await raw.query<{ is_main: unknown }>("SELECT is_main FROM storyboards WHERE project_id = $1", [p.id]);
    expect(rows).toHaveLength(10);
    expect(rows.filter((r) => r.is_main === true || r.is_main === 1)).toHaveLength(1);
  });

  const mains = async (projectId: number) =>
    (await raw.query<{ id: number; is_main: unknown }>("SELECT id, is_main FROM storyboards WHERE project_id = $1 ORDER BY id", [projectId]))
      .filter((r) => r.is_main === true || r.is_main === 1)
      .map((r) => Number(r.id));

  it("counts the main storyboard's tasks only, for the project, the dashboard and a tick", async () => {
    const u = await f.user();
    const p = await f.project(u.id);
    const main = await f.storyboard(u.id, p.id, { sceneCount: 2 }); // 8 tasks
    const variation = await f.storyboard(u.id, p.id, { sceneCount: 5 }); // 20 tasks
    expect(main.is_main).toBe(true);
    expect(variation.is_main).toBe(false);
    await f.completeTasks(u.id, variation, 1);
    await f.completeTasks(u.id, main, 0.25);

    expect(await store.getProjectProgress(u.id, p.id)).toEqual({ total_tasks: 8, completed_tasks: 2 });
    const detail = await store.getProjectDetail(u.id, p.id);
    expect(detail).toMatchObject({ total_tasks: 8, completed_tasks: 2 });
    // Each storyboard still shows its own progress.
    expect(detail.storyboards.map((s) => [s.id, s.is_main, s.total_tasks, s.completed_tasks])).toEqual([
      [variation.id, false, 20, 20],
      [main.id, true, 8, 2],
    ]);
    const row = (await store.listProjects(u.id)).find((x) => x.id === p.id);
    expect(row).toMatchObject({ storyboard_count: 2, total_tasks: 8, completed_tasks: 2 });

    const onVariation = await store.setTaskCompleted(u.id, variation.scenes[0]!.tasks[0]!.id, false);
    expect(onVariation.storyboard).toEqual({ total_tasks: 20, completed_tasks: 19 });
    expect(onVariation.project).toEqual({ total_tasks: 8, completed_tasks: 2 });
    const onMain = await store.setTaskCompleted(u.id, main.scenes[1]!.tasks[3]!.id, true);
    expect(onMain.project).toEqual({ total_tasks: 8, completed_tasks: 3 });
  });

  it("switches the main storyboard: the project's progress follows, the old main becomes a variation", async () => {
    const u = await f.user();
    const p = await f.project(u.id);
    const first = await f.storyboard(u.id, p.id, { sceneCount: 1 });
    const second = await f.storyboard(u.id, p.id, { sceneCount: 3 });
    await f.completeTasks(u.id, second, 0.5);
    const before = (await store.listProjects(u.id)).find((x) => x.id === p.id)!;

    const made = await store.setMainStoryboard(u.id, second.id);
    expect(made).toMatchObject({ id: second.id, is_main: true });
    expect(await mains(p.id)).toEqual([second.id]);
    expect((await store.getStoryboard(u.id, first.id)).is_main).toBe(false);
    expect(await store.getProjectProgress(u.id, p.id)).toEqual({ total_tasks: 12, completed_tasks: 6 });
    const after = (await store.listProjects(u.id)).find((x) => x.id === p.id)!;
    expect(after).toMatchObject({ total_tasks: 12, completed_tasks: 6 });
    expect(after.updated_at >= before.updated_at).toBe(true);

    // Again: nothing changes. Back to the first: its progress again.
    expect((await store.setMainStoryboard(u.id, second.id)).is_main).toBe(true);
    await store.setMainStoryboard(u.id, first.id);
    expect(await mains(p.id)).toEqual([first.id]);
    expect(await store.getProjectProgress(u.id, p.id)).toEqual({ total_tasks: 4, completed_tasks: 0 });

    // Deleting the main one hands it to the oldest live storyboard.
    await store.deleteStoryboard(u.id, first.id);
    expect(await mains(p.id)).toEqual([second.id]);
  });

  it("refuses another user's storyboard and an id that does not exist", async () => {
    const u = await f.user();
    const other = await f.user();
    const p = await f.project(u.id);
    const sb = await f.storyboard(u.id, p.id, { sceneCount: 1 });
    await expect(store.setMainStoryboard(other.id, sb.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(store.setMainStoryboard(u.id, 2_000_000_000)).rejects.toMatchObject({ code: "not_found" });
    expect(await mains(p.id)).toEqual([sb.id]);
  });

  it("switches made at once all succeed and leave exactly one main", async () => {
    const u = await f.user();
    const p = await f.project(u.id);
    const boards = [];
    for (let i = 0; i < 6; i++) boards.push(await f.storyboard(u.id, p.id, { sceneCount: 1, title: `Take ${i + 1}` }));
    const results = await Promise.allSettled([...boards, ...boards].map((b) => store.setMainStoryboard(u.id, b.id)));
    expect(results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    const left = await mains(p.id);
    expect(left).toHaveLength(1);
    expect((await store.listStoryboards(u.id, p.id)).filter((s) => s.is_main).map((s) => s.id)).toEqual(left);
  });
});
