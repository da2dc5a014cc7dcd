// Undo and history (issue 14, item 1) on SQLite and PostgreSQL: every kind of change is undone and
// redone, 50 deep; a new change drops the redo branch; an undo whose rows moved on is refused; soft
// deletes hide rows until Undo and the purge removes only expired ones; versions are diffed and
// restored (undoably); another user cannot undo yours.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { openDriver } from "../../src/db/client";
import { createStore } from "../../src/db/store/store";
import type { Store } from "../../src/db/store/types";
import type { StoryboardWithScenes } from "../../src/domain/types";
import { sceneInputs, type Factories } from "../../src/db/seed/factories";
import { DIALECTS, type TestDatabase } from "../support/databases";
import type { Raw } from "../support/raw";
import { caught, useStoreFixture } from "../support/store-fixture";

/** What an undo must bring back: scenes in order with their content and ticks, and the storyboard's fields. */
const shape = (sb: StoryboardWithScenes) => ({
  title: sb.title,
  total_scenes: sb.total_scenes,
  total_duration: sb.total_duration,
  scenes: sb.scenes.map((s) => ({
    id: s.id,
    n: s.scene_number,
    duration: s.duration,
    script: s.script,
    overlay: s.text_overlay,
    visual: s.visual_description,
    edited: s.edited_fields,
    done: s.tasks.filter((t) => t.completed).map((t) => t.task_type),
  })),
});

describe.each(DIALECTS)("undo and history on %s", (dialect) => {
  let db: TestDatabase;
  let store: Store;
  let raw: Raw;
  let f: Factories;

  useStoreFixture(dialect, (fx) => ({ db, store, raw, f } = fx));

  async function board(n = 4) {
    const u = await f.user();
    const p = await f.project(u.id);
    const sb = await f.storyboard(u.id, p.id, { sceneCount: n });
    return { u, p, sb };
  }
  const view = (u: string, id: number) => store.getStoryboard(u, id);

  it("undoes and redoes each kind of change, across a fresh store (reload)", async () => {
    const { u, sb } = await board(4);
    const scope = { storyboard_id: sb.id };
    const s = sb.scenes;
    const kinds: [string, () => Promise<unknown>][] = [
      ["Edit scene 2: voice-over", () => store.updateScene(u.id, s[1]!.id, { script: "My own line." })],
      ["Add scene 3", () => store.insertScene(u.id, sb.id, 3, sceneInputs(1, { label: "Inserted" })[0]!)],
      ["Delete scene 1", () => store.deleteScene(u.id, s[0]!.id)],
      ["Move scene 1 to 3", async () => store.moveScene(u.id, (await view(u.id, sb.id)).scenes[0]!.id, 3)],
      ["Reorder scenes", async () => store.reorderScenes(u.id, sb.id, (await view(u.id, sb.id)).scenes.map((x) => x.id).reverse())],
      ["Tick “Script written” on scene 1", async () => store.setTaskCompleted(u.id, (await view(u.id, sb.id)).scenes[0]!.tasks.find((t) => t.task_type === "script_written")!.id, true)],
      ["Edit storyboard: title", () => store.updateStoryboard(u.id, sb.id, { title: "Renamed" })],
      ["Regenerate scene 2", async () => store.updateScene(u.id, (await view(u.id, sb.id)).scenes[1]!.id, { script: "Engine line.", visual_description: "Engine visual" }, undefined, { regenerate: true })],
    ];
    const states = [shape(await view(u.id, sb.id))];
    for (const [label, change] of kinds) {
      await change();
      expect((await store.listChanges(u.id, scope)).undo?.label).toBe(label);
      states.push(shape(await view(u.id, sb.id)));
    }
    // Undo walks back through every state, then redo forward again, on another store (a reload).
    const again = createStore(await openDriver(db.config));
    try {
      for (let i = kinds.length; i > 0; i--) {
        const r = await again.undo(u.id, scope);
        expect(r.change.label).toBe(kinds[i - 1]![0]);
        expect(shape(await view(u.id, sb.id))).toEqual(states[i - 1]);
      }
      expect((await caught(again.undo(u.id, scope))).message).toBe("Nothing to undo");
      for (let i = 1; i <= kinds.length; i++) {
        await again.redo(u.id, scope);
        expect(shape(await view(u.id, sb.id))).toEqual(states[i]);
      }
      expect((await caught(again.redo(u.id, scope))).message).toBe("Nothing to redo");
    } finally {
      await again.close();
    }
  });

  it("keeps at least the last 50 changes, and a new change after undo drops the redo branch", async () => {
    const { u, sb } = await board(2);
    const scope = { storyboard_id: sb.id };
    const id = sb.scenes[0]!.id;
    const original = (await view(u.id, sb.id)).scenes[0]!.script;
    for (let i = 1; i <= 55; i++) await store.updateScene(u.id, id, { script: `Take ${i}` });
    for (let i = 54; i >= 5; i--) {
      await store.undo(u.id, scope);
      expect((await store.getScene(u.id, id)).script).toBe(`Take ${i}`);
    }
    expect((await store.listChanges(u.id, scope)).redo?.label).toBe("Edit scene 1: voice-over");
    await store.updateScene(u.id, id, { script: "A new branch" });
    const state = await store.listChanges(u.id, scope);
    expect(state.redo).toBeNull();
    expect(state.changes.every((c) => !c.undone)).toBe(true);
    expect((await caught(store.redo(u.id, scope))).message).toBe("Nothing to redo");
    await store.undo(u.id, scope);
    expect((await store.getScene(u.id, id)).script).toBe("Take 5");
    expect(original).not.toBe("Take 5");
  });

  it("refuses an undo whose rows were changed since, naming them, and changes nothing", async () => {
    const { u, sb } = await board(3);
    const id = sb.scenes[2]!.id;
    await store.updateScene(u.id, id, { text_overlay: "Mine" });
    // A change that did not go through the stack (another process, an old client): the row moved on.
    await raw.query("UPDATE scenes SET text_overlay = 'Elsewhere' WHERE id = $1", [id]);
    const e = await caught(store.undo(u.id, { storyboard_id: sb.id }));
    expect(e.code).toBe("conflict");
    expect(e.message).toBe("Cannot undo “Edit scene 3: overlay”: scene 3 changed since. Nothing was undone.");
    expect((await store.getScene(u.id, id)).text_overlay).toBe("Elsewhere");
    expect((await store.listChanges(u.id, { storyboard_id: sb.id })).undo?.label).toBe("Edit scene 3: overlay");
  });

  it("marks hand edits, and a scene regenerate clears them and resets 'Script written' only when the script changed", async () => {
    const { u, sb } = await board(2);
    const s = sb.scenes[0]!;
    await store.updateScene(u.id, s.id, { script: "Hand line", duration: 7 });
    expect((await store.getScene(u.id, s.id)).edited_fields).toEqual(["duration", "script"]);
    const tick = async () => {
      const task = (await view(u.id, sb.id)).scenes[0]!.tasks.find((t) => t.task_type === "script_written")!;
      await store.setTaskCompleted(u.id, task.id, true);
    };
    const ticked = async () => (await view(u.id, sb.id)).scenes[0]!.tasks.find((t) => t.task_type === "script_written")!.completed;
    await tick();
    await store.updateScene(u.id, s.id, { script: "Hand line", visual_description: "New visual" }, undefined, { regenerate: true });
    expect(await ticked()).toBe(true);
    expect((await store.getScene(u.id, s.id)).edited_fields).toEqual(["duration"]);
    await store.updateScene(u.id, s.id, { script: "Engine line" }, undefined, { regenerate: true });
    expect(await ticked()).toBe(false);
    const versions = await store.listVersions(u.id, sb.id);
    expect(versions.map((v) => [v.name, v.kind])).toEqual([
      ["Before regenerating scene 1", "auto"],
      ["Before regenerating scene 1", "auto"],
    ]);
  });

  it("saves a version, diffs it scene by scene, restores it, and undoes the restore", async () => {
    const { u, sb } = await board(3);
    const v = await store.createVersion(u.id, sb.id, { name: "Approved cut" });
    expect(v).toMatchObject({ name: "Approved cut", kind: "manual", scene_count: 3, author: expect.any(String) });
    expect((await caught(store.createVersion(u.id, sb.id, { name: " " }))).fields).toEqual({ name: "Name the version" });
    await store.updateScene(u.id, sb.scenes[1]!.id, { script: "Changed line" });
    await store.deleteScene(u.id, sb.scenes[2]!.id);
    await store.insertScene(u.id, sb.id, undefined, sceneInputs(1, { label: "New end" })[0]!);
    const detail = await store.getVersion(u.id, v.id);
    expect(detail.scenes.map((s) => s.id)).toEqual(sb.scenes.map((s) => s.id));
    expect(detail.diff.map((d) => [d.kind, d.scene_number, d.fields.map((x) => x.field)])).toEqual([
      ["changed", 2, ["script"]],
      ["added", 3, []],
      ["removed", 3, []],
    ]);
    const edited = shape(await view(u.id, sb.id));
    const r = await store.restoreVersion(u.id, v.id);
    expect(r.change.label).toBe("Restore version “Approved cut”");
    expect(shape(await view(u.id, sb.id)).scenes).toEqual(shape(sb).scenes);
    expect((await store.getVersion(u.id, v.id)).diff).toEqual([]);
    expect((await store.listVersions(u.id, sb.id))[0]!.name).toBe("Before restoring “Approved cut”");
    await store.undo(u.id, { storyboard_id: sb.id });
    expect(shape(await view(u.id, sb.id))).toEqual(edited);
  });

  it("puts adding, replacing and removing a scene's picture on the stack, and brings pictures back with a deleted scene and a version", async () => {
    const { u, sb } = await board(3);
    const scope = { storyboard_id: sb.id };
    const [s1, s2] = [sb.scenes[0]!.id, sb.scenes[1]!.id];
    const png = (text: string) => ({ content_type: "image/png" as const, width: 16, height: 9, data: new Uint8Array(Buffer.from(text)) });
    /** The pictures of the storyboard as scene id → bytes. */
    const pictures = async () => Object.fromEntries((await store.listSceneImages(u.id, sb.id)).map((i) => [i.scene_id, Buffer.from(i.data).toString()]));

    await store.setSceneImage(u.id, s2, png("first"));
    expect((await store.listChanges(u.id, scope)).undo?.label).toBe("Add a picture to scene 2");
    await store.setSceneImage(u.id, s2, png("second"));
    expect((await store.listChanges(u.id, scope)).undo?.label).toBe("Replace the picture of scene 2");
    await store.deleteSceneImage(u.id, s2);
    expect((await store.listChanges(u.id, scope)).undo?.label).toBe("Remove the picture of scene 2");
    expect(await pictures()).toEqual({});

    await store.undo(u.id, scope);
    expect(await pictures()).toEqual({ [s2]: "second" });
    await store.undo(u.id, scope);
    expect(await pictures()).toEqual({ [s2]: "first" });
    expect(await store.getSceneImage(u.id, s2)).toMatchObject({ content_type: "image/png", width: 16, height: 9, byte_size: 5 });
    await store.undo(u.id, scope);
    expect(await pictures()).toEqual({});
    expect((await caught(store.getSceneImage(u.id, s2))).code).toBe("not_found");
    await store.redo(u.id, scope);
    expect(await pictures()).toEqual({ [s2]: "first" });
    await store.redo(u.id, scope);
    await store.redo(u.id, scope);
    expect(await pictures()).toEqual({});
    await store.undo(u.id, scope);

    // A scene deleted with its picture comes back with it.
    await store.setSceneImage(u.id, s1, png("one"));
    await store.deleteScene(u.id, s1);
    expect(await pictures()).toEqual({ [s2]: "second" });
    await store.undo(u.id, scope);
    expect(await pictures()).toEqual({ [s1]: "one", [s2]: "second" });

    // A version keeps the pictures as they were; restoring it puts them back and removes newer ones.
    const v = await store.createVersion(u.id, sb.id, { name: "With pictures" });
    await store.setSceneImage(u.id, s1, png("changed"));
    await store.deleteSceneImage(u.id, s2);
    await store.setSceneImage(u.id, sb.scenes[2]!.id, png("three"));
    await store.restoreVersion(u.id, v.id);
    expect(await pictures()).toEqual({ [s1]: "one", [s2]: "second" });
    await store.undo(u.id, scope);
    expect(await pictures()).toEqual({ [s1]: "changed", [sb.scenes[2]!.id]: "three" });

    // Bytes are stored once per content, however often a picture comes and goes.
    const [{ n }] = (await raw.query<{ n: number | string }>("SELECT count(*) AS n FROM scene_image_blobs WHERE user_id = $1", [u.id])) as [{ n: number | string }];
    expect(Number(n)).toBe(5);

    // A picture changed behind the stack's back is not overwritten by an undo.
    await raw.query("UPDATE scene_images SET width = 99 WHERE scene_id = $1", [sb.scenes[2]!.id]);
    const e = await caught(store.undo(u.id, scope));
    expect(e.message).toBe("Cannot undo “Add a picture to scene 3”: a scene's picture changed since. Nothing was undone.");
  });

  it("soft-deletes a storyboard and a project, hides them from every read, and Undo brings them back", async () => {
    const { u, p, sb } = await board(2);
    const other = await f.storyboard(u.id, p.id, { sceneCount: 1 });
    const d = await store.softDeleteStoryboard(u.id, sb.id);
    expect((await caught(store.getStoryboard(u.id, sb.id))).code).toBe("not_found");
    expect((await caught(store.getScene(u.id, sb.scenes[0]!.id))).code).toBe("not_found");
    expect((await caught(store.updateScene(u.id, sb.scenes[0]!.id, { script: "x" }))).code).toBe("not_found");
    expect((await store.listStoryboards(u.id, p.id)).map((s) => s.id)).toEqual([other.id]);
    expect((await store.getProjectDetail(u.id, p.id)).storyboards.map((s) => s.id)).toEqual([other.id]);
    expect((await store.listProjects(u.id))[0]!.storyboard_count).toBe(1);
    const mains = async () => (await raw.query<{ id: number; is_main: unknown }>("SELECT id, is_main FROM storyboards WHERE project_id = $1 AND deleted_at IS NULL", [p.id])).map((r) => [Number(r.id), Boolean(r.is_main)]);
    expect(await mains()).toEqual([[other.id, true]]);
    await store.undo(u.id, { project_id: p.id }, { change_id: d.change_id });
    expect((await store.getStoryboard(u.id, sb.id)).scenes).toHaveLength(2);
    expect((await mains()).sort()).toEqual([[sb.id, true], [other.id, false]].sort());

    const pd = await store.softDeleteProject(u.id, p.id);
    expect((await caught(store.getProject(u.id, p.id))).code).toBe("not_found");
    expect((await caught(store.getStoryboard(u.id, sb.id))).code).toBe("not_found");
    expect(await store.listProjects(u.id)).toEqual([]);
    await store.undo(u.id, { project_id: p.id }, { change_id: pd.change_id });
    expect((await store.getProject(u.id, p.id)).title).toBe(p.title);
    expect((await store.listProjects(u.id)).map((x) => x.id)).toEqual([p.id]);
  });

  it("purges only soft-deleted rows older than the cutoff", async () => {
    const { u, p, sb } = await board(1);
    const keep = await f.storyboard(u.id, p.id, { sceneCount: 1 });
    const recent = await f.storyboard(u.id, p.id, { sceneCount: 1 });
    const gone = await board(1);
    const fresh = await board(1);
    await store.softDeleteStoryboard(u.id, sb.id);
    await store.softDeleteStoryboard(u.id, recent.id);
    await store.softDeleteProject(gone.u.id, gone.p.id);
    await store.softDeleteProject(fresh.u.id, fresh.p.id);
    const old = dialect === "postgres" ? new Date(Date.now() - 40 * 86_400_000) : Date.now() - 40 * 86_400_000;
    await raw.query("UPDATE storyboards SET deleted_at = $1 WHERE id = $2", [old, sb.id]);
    await raw.query("UPDATE projects SET deleted_at = $1 WHERE id = $2", [old, gone.p.id]);
    const r = await store.purgeDeleted(new Date(Date.now() - 30 * 86_400_000));
    expect(r.storyboards).toBeGreaterThanOrEqual(1);
    expect(r.projects).toBeGreaterThanOrEqual(1);
    const ids = async (table: string, list: number[]) => (await raw.query<{ id: number }>(`SELECT id FROM ${table} WHERE id IN (${list.join(",")}) ORDER BY id`)).map((x) => Number(x.id));
    expect(await ids("storyboards", [sb.id, keep.id, recent.id, gone.sb.id, fresh.sb.id])).toEqual([keep.id, recent.id, fresh.sb.id].sort((a, b) => a - b));
    expect(await ids("projects", [p.id, gone.p.id, fresh.p.id])).toEqual([p.id, fresh.p.id].sort((a, b) => a - b));
    expect(await ids("scenes", [sb.scenes[0]!.id, gone.sb.scenes[0]!.id])).toEqual([]);
    // The recent storyboard's delete can still be undone; the purged one's cannot any more.
    await store.undo(u.id, { project_id: p.id });
    expect((await store.getStoryboard(u.id, recent.id)).id).toBe(recent.id);
    const refused = await caught(store.undo(u.id, { project_id: p.id }));
    expect(refused.code).toBe("conflict");
    expect(refused.message).toBe(`Cannot undo “Delete storyboard “${sb.title}””: the storyboard changed since. Nothing was undone.`);
    await store.undo(fresh.u.id, { project_id: fresh.p.id });
    expect((await store.getProject(fresh.u.id, fresh.p.id)).id).toBe(fresh.p.id);
  });

  it("another user cannot see or undo your changes", async () => {
    const { u, p, sb } = await board(2);
    const b = await f.user();
    await store.updateScene(u.id, sb.scenes[0]!.id, { script: "Mine" });
    expect((await caught(store.undo(b.id, { storyboard_id: sb.id }))).code).toBe("not_found");
    expect((await caught(store.redo(b.id, { storyboard_id: sb.id }))).code).toBe("not_found");
    expect((await caught(store.listChanges(b.id, { storyboard_id: sb.id }))).code).toBe("not_found");
    expect((await caught(store.undo(b.id, { project_id: p.id }))).code).toBe("not_found");
    expect((await caught(store.listVersions(b.id, sb.id))).code).toBe("not_found");
    expect((await store.getScene(u.id, sb.scenes[0]!.id)).script).toBe("Mine");
    if (dialect === "postgres") {
      const app = new pg.Client({ connectionString: db.ownerUrl, options: "-c role=storyboard_app" });
      await app.connect();
      try {
        await app.query("BEGIN");
        await app.query("SELECT set_config('app.current_user_id', $1, true)", [b.id]);
        expect((await app.query("SELECT count(*)::int AS n FROM storyboard_changes WHERE storyboard_id = $1", [sb.id])).rows[0]).toEqual({ n: 0 });
        expect((await app.query("UPDATE storyboard_changes SET undone = true WHERE storyboard_id = $1", [sb.id])).rowCount).toBe(0);
        await app.query("ROLLBACK");
      } finally {
        await app.end();
      }
    }
  });
});
