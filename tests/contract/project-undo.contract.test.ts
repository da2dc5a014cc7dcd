// The undo gaps of issue 14 on SQLite and PostgreSQL: "Make main" and a new variation are changes on
// the project's stack (Undo brings the previous main back and the project's progress with it; a new
// variation is hidden again); "Edit brief and regenerate" is one change (Undo brings the old brief,
// URLs, options AND the old scenes back); marking a project Completed with open tasks of its main
// storyboard needs confirm_open_tasks; a target length beyond the platform's maximum is refused.
import { describe, expect, it } from "vitest";
import type { Store } from "../../src/db/store/types";
import { sceneInputs, type Factories } from "../../src/db/seed/factories";
import { DIALECTS } from "../support/databases";
import { caught, useStoreFixture } from "../support/store-fixture";

describe.each(DIALECTS)("project undo, regenerate undo, completed with open tasks, platform lengths on %s", (dialect) => {
  let store: Store;
  let f: Factories;

  useStoreFixture(dialect, (fx) => ({ store, f } = fx));

  const mainOf = async (u: string, projectId: number) => (await store.listStoryboards(u, projectId)).filter((s) => s.is_main).map((s) => s.id);

  it("undoes and redoes 'Make main' on the project's stack, and the project's progress follows", async () => {
    const u = await f.user();
    const p = await f.project(u.id);
    const first = await f.storyboard(u.id, p.id, { sceneCount: 2 }); // 8 tasks
    const second = await f.storyboard(u.id, p.id, { sceneCount: 3 }); // 12 tasks
    await f.completeTasks(u.id, second, 0.5);
    expect(await store.getProjectProgress(u.id, p.id)).toEqual({ total_tasks: 8, completed_tasks: 0 });

    await store.setMainStoryboard(u.id, second.id);
    const scope = { project_id: p.id };
    expect((await store.listChanges(u.id, scope)).undo?.label).toBe(`Make “${second.title}” main`);
    expect(await store.getProjectProgress(u.id, p.id)).toEqual({ total_tasks: 12, completed_tasks: 6 });

    const r = await store.undo(u.id, scope);
    expect(r.change.label).toBe(`Make “${second.title}” main`);
    expect(await mainOf(u.id, p.id)).toEqual([first.id]);
    expect(await store.getProjectProgress(u.id, p.id)).toEqual({ total_tasks: 8, completed_tasks: 0 });
    expect((await store.listProjects(u.id)).find((x) => x.id === p.id)).toMatchObject({ total_tasks: 8, completed_tasks: 0 });

    await store.redo(u.id, scope);
    expect(await mainOf(u.id, p.id)).toEqual([second.id]);
    expect(await store.getProjectProgress(u.id, p.id)).toEqual({ total_tasks: 12, completed_tasks: 6 });
    // Making the main one main again changes nothing and records nothing.
    await store.setMainStoryboard(u.id, second.id);
    expect((await store.listChanges(u.id, scope)).changes.filter((c) => c.label.startsWith("Make")).length).toBe(1);
  });

  it("records a new storyboard and a variation on the project's stack: Undo hides it, Redo brings it back", async () => {
    const u = await f.user();
    const p = await f.project(u.id);
    const scope = { project_id: p.id };
    const first = await f.storyboard(u.id, p.id, { sceneCount: 2, title: "Morning rush" });
    expect((await store.listChanges(u.id, scope)).undo?.label).toBe("New storyboard “Morning rush”");
    const variation = await f.storyboard(u.id, p.id, { sceneCount: 2, title: "Morning rush (variation 2)" });
    expect((await store.listChanges(u.id, scope)).undo?.label).toBe("New variation “Morning rush (variation 2)”");

    await store.undo(u.id, scope);
    expect((await store.listStoryboards(u.id, p.id)).map((s) => s.id)).toEqual([first.id]);
    expect((await caught(store.getStoryboard(u.id, variation.id))).code).toBe("not_found");
    await store.redo(u.id, scope);
    expect((await store.listStoryboards(u.id, p.id)).map((s) => s.id).sort()).toEqual([first.id, variation.id].sort());
    expect((await store.getStoryboard(u.id, variation.id)).scenes).toHaveLength(2);
    expect(await mainOf(u.id, p.id)).toEqual([first.id]);

    // Undoing the first storyboard too leaves the project empty; redo makes it main again.
    await store.undo(u.id, scope);
    await store.undo(u.id, scope);
    expect(await store.listStoryboards(u.id, p.id)).toEqual([]);
    await store.redo(u.id, scope);
    expect(await mainOf(u.id, p.id)).toEqual([first.id]);
  });

  it("undoes 'Edit brief and regenerate' in one step: the old brief, URLs, options and scenes come back; redo puts the new ones again", async () => {
    const u = await f.user();
    const p = await f.project(u.id);
    const sb = await f.storyboard(u.id, p.id, { sceneCount: 3, generation_options: { platform: "tiktok", seed: 7 } });
    const edited = await store.updateScene(u.id, sb.scenes[1]!.id, { script: "My own line." });
    const before = await store.getStoryboard(u.id, sb.id);
    const scope = { storyboard_id: sb.id };

    await store.beginRegenerate(u.id, sb.id, { brief: "Meal prep for parents", reference_urls: ["https://e.example/r"], generation_options: { platform: "instagram_reels", duration: 20, seed: 7 } });
    const done = await store.completeGeneration(u.id, sb.id, { scenes: sceneInputs(2, { label: "Meal" }), generation_options: { platform: "instagram_reels", duration: 20, seed: 9 } });
    expect(done.scenes.map((s) => s.visual_description)).toEqual([expect.stringMatching(/^Meal 1/), expect.stringMatching(/^Meal 2/)]);
    const state = await store.listChanges(u.id, scope);
    expect(state.undo?.label).toBe("Edit brief and regenerate");
    expect(state.changes.map((c) => c.label).slice(0, 2)).toEqual(["Edit brief and regenerate", "Edit scene 2: voice-over"]);
    expect((await store.listVersions(u.id, sb.id)).map((v) => [v.name, v.scene_count])).toEqual([["Before regenerating the storyboard", 3]]);

    await store.undo(u.id, scope);
    const back = await store.getStoryboard(u.id, sb.id);
    expect({ brief: back.brief, urls: back.reference_urls, options: back.generation_options, status: back.status }).toEqual({
      brief: before.brief,
      urls: before.reference_urls,
      options: before.generation_options,
      status: "completed",
    });
    expect(back.scenes.map((s) => [s.id, s.script])).toEqual(before.scenes.map((s) => [s.id, s.script]));
    expect(back.scenes[1]!.script).toBe(edited.script);
    expect(back.total_scenes).toBe(3);

    await store.redo(u.id, scope);
    const again = await store.getStoryboard(u.id, sb.id);
    expect(again).toMatchObject({ brief: "Meal prep for parents", reference_urls: ["https://e.example/r"], total_scenes: 2 });
    expect(again.generation_options).toMatchObject({ platform: "instagram_reels", duration: 20, seed: 9 });
  });

  it("a regenerate that failed leaves the brief change undoable on its own; a retry's new scenes join it", async () => {
    const u = await f.user();
    const p = await f.project(u.id);
    const sb = await f.storyboard(u.id, p.id, { sceneCount: 2 });
    await store.beginRegenerate(u.id, sb.id, { brief: "Another take", reference_urls: [], generation_options: {} });
    await store.setStoryboardStatus(u.id, sb.id, "error", "The engine failed");
    await store.beginRetry(u.id, sb.id);
    await store.completeGeneration(u.id, sb.id, { scenes: sceneInputs(4, { label: "Take" }) });
    expect((await store.listChanges(u.id, { storyboard_id: sb.id })).changes.map((c) => c.label)).toEqual(["Edit brief and regenerate"]);
    await store.undo(u.id, { storyboard_id: sb.id });
    const back = await store.getStoryboard(u.id, sb.id);
    expect(back.brief).toBe(sb.brief);
    expect(back.scenes.map((s) => s.id)).toEqual(sb.scenes.map((s) => s.id));
  });

  it("undoing a regenerate whose generation failed brings the storyboard back Ready with its scenes (a first generation that failed stays Failed)", async () => {
    const u = await f.user();
    const p = await f.project(u.id);
    const sb = await f.storyboard(u.id, p.id, { sceneCount: 3 });
    await store.beginRegenerate(u.id, sb.id, { brief: "Another take", reference_urls: [], generation_options: {} });
    await store.setStoryboardStatus(u.id, sb.id, "error", "The storyboard engine failed unexpectedly");
    expect((await store.getStoryboard(u.id, sb.id)).status).toBe("error");
    await store.undo(u.id, { storyboard_id: sb.id });
    const back = await store.getStoryboard(u.id, sb.id);
    expect({ status: back.status, error_message: back.error_message, brief: back.brief, total_scenes: back.total_scenes }).toEqual({ status: "completed", error_message: null, brief: sb.brief, total_scenes: 3 });
    expect(back.scenes.map((s) => s.id)).toEqual(sb.scenes.map((s) => s.id));
    // Redo puts the new brief back; the scenes stay as they are, and so does Ready.
    await store.redo(u.id, { storyboard_id: sb.id });
    expect(await store.getStoryboard(u.id, sb.id)).toMatchObject({ status: "completed", brief: "Another take", total_scenes: 3 });

    // A storyboard whose first generation failed has no scenes to come back to: Undo of its regenerate leaves it Failed.
    const empty = await f.storyboard(u.id, p.id, { sceneCount: 0 });
    await store.setStoryboardStatus(u.id, empty.id, "error", "The storyboard engine failed unexpectedly");
    await store.beginRegenerate(u.id, empty.id, { brief: "Try again", reference_urls: [], generation_options: {} });
    await store.setStoryboardStatus(u.id, empty.id, "error", "The storyboard engine failed unexpectedly");
    await store.undo(u.id, { storyboard_id: empty.id });
    expect(await store.getStoryboard(u.id, empty.id)).toMatchObject({ status: "error", brief: empty.brief });
  });

  it("refuses Completed while the main storyboard has open tasks unless confirm_open_tasks, saying how many", async () => {
    const u = await f.user();
    const p = await f.project(u.id);
    const main = await f.storyboard(u.id, p.id, { sceneCount: 2 }); // 8 tasks
    const variation = await f.storyboard(u.id, p.id, { sceneCount: 1 });
    await f.completeTasks(u.id, variation, 1);
    await f.completeTasks(u.id, main, 0.25);

    const refused = await caught(store.updateProject(u.id, p.id, { status: "completed" }));
    expect(refused.code).toBe("conflict");
    expect(refused.message).toBe("6 of 8 tasks are still open. Mark completed anyway?");
    expect(refused.fields).toMatchObject({ status: refused.message, confirm_open_tasks: expect.stringContaining("6 of 8 tasks of the main storyboard are open") });
    expect((await store.getProject(u.id, p.id)).status).toBe("active");
    // A rename at the same time is not saved either: nothing half-written.
    expect((await caught(store.updateProject(u.id, p.id, { title: "Renamed", status: "completed", confirm_open_tasks: false }))).code).toBe("conflict");
    expect((await store.getProject(u.id, p.id)).title).toBe(p.title);
    expect((await caught(store.updateProject(u.id, p.id, { status: "completed", confirm_open_tasks: "yes" as unknown as boolean }))).fields).toMatchObject({ confirm_open_tasks: "confirm_open_tasks must be true or false" });

    expect((await store.updateProject(u.id, p.id, { status: "completed", confirm_open_tasks: true })).status).toBe("completed");
    // Already completed: not asked again; other statuses are never asked.
    expect((await store.updateProject(u.id, p.id, { status: "completed" })).status).toBe("completed");
    expect((await store.updateProject(u.id, p.id, { status: "active" })).status).toBe("active");

    // Every task of the main storyboard done: no question (back from active to completed).
    await f.completeTasks(u.id, await store.getStoryboard(u.id, main.id), 1);
    expect((await store.updateProject(u.id, p.id, { status: "completed" })).status).toBe("completed");
  });

  it("refuses a target length beyond the platform's maximum when a storyboard is created or regenerated", async () => {
    const u = await f.user();
    const p = await f.project(u.id);
    const created = await caught(f.storyboard(u.id, p.id, { status: "generating", scenes: [], generation_options: { platform: "facebook_reels", duration: 120 } }));
    expect(created.fields).toEqual({ "generation_options.duration": "Target duration must be at most 90 seconds on Facebook Reels" });
    expect(await store.listStoryboards(u.id, p.id)).toEqual([]);
    const sb = await f.storyboard(u.id, p.id, { sceneCount: 2, generation_options: { platform: "facebook_reels", duration: 90 } });
    const regen = await caught(store.beginRegenerate(u.id, sb.id, { brief: "Longer", reference_urls: [], generation_options: { platform: "facebook_reels", duration: 91 } }));
    expect(regen.fields).toEqual({ "generation_options.duration": "Target duration must be at most 90 seconds on Facebook Reels" });
    expect((await store.getStoryboard(u.id, sb.id)).status).toBe("completed");
  });
});
