// The store contract: one suite, run against SQLite and against a real PostgreSQL, proving both
// implementations behave the same for every operation, constraint, cascade and isolation rule.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { AppError } from "../../src/domain/errors";
import { TASK_TYPES } from "../../src/domain/constants";
import { openDriver } from "../../src/db/client";
import type { Conn, Driver } from "../../src/db/store/driver";
import { createStore } from "../../src/db/store/store";
import type { Store } from "../../src/db/store/types";
import { createFactories, sceneInputs, type Factories } from "../../src/db/seed/factories";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../support/databases";
import { openRaw, type Raw } from "../support/raw";

async function caught(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error("expected the operation to fail");
}

/** Counts the statements a store runs, to prove that reads are a bounded number of queries. */
function counting(driver: Driver) {
  const counter = { n: 0 };
  const wrapped: Driver = {
    ...driver,
    dialect: driver.dialect,
    tables: driver.tables,
    tx: (mode, userId, fn, opts) =>
      driver.tx(mode, userId, (c: Conn) => fn({ db: c.db, query: (name, text, params) => (counter.n++, c.query(name, text, params)) }), opts),
  };
  return { driver: wrapped, counter };
}

describe.each(DIALECTS)("store contract on %s", (dialect) => {
  let db: TestDatabase;
  let driver: Driver;
  let store: Store;
  let raw: Raw;
  let f: Factories;
  let counter: { n: number };

  beforeAll(async () => {
    db = await createTestDatabase(dialect, inject("pgAdminUrl"));
    const counted = counting(await openDriver(db.config));
    driver = counted.driver;
    counter = counted.counter;
    store = createStore(driver);
    raw = await openRaw(db);
    f = createFactories(store);
  });

  afterAll(async () => {
    await store?.close();
    await raw?.close();
    await db?.drop();
  });

  const countRows = async (table: string, where = "1=1", params: unknown[] = []) =>
    Number((await raw.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`, params))[0]?.n);

  const orphans = async () => ({
    projects: await countRows("projects p", "NOT EXISTS (SELECT 1 FROM users u WHERE u.id = p.user_id)"),
    storyboards: await countRows("storyboards s", "NOT EXISTS (SELECT 1 FROM projects p WHERE p.id = s.project_id)"),
    scenes: await countRows("scenes sc", "NOT EXISTS (SELECT 1 FROM storyboards s WHERE s.id = sc.storyboard_id)"),
    scene_tasks: await countRows("scene_tasks t", "NOT EXISTS (SELECT 1 FROM scenes sc WHERE sc.id = t.scene_id)"),
  });

  describe("users", () => {
    it("upserts by email (case-insensitively) and keeps the id", async () => {
      const a = await store.upsertUserByEmail({ email: "Maya@Example.test", name: "Maya" });
      const b = await store.upsertUserByEmail({ email: "maya@example.test", name: "Maya R." });
      expect(b.id).toBe(a.id);
      expect(b.email).toBe("maya@example.test");
      expect(b.name).toBe("Maya R.");
      const c = await store.upsertUserByEmail({ email: "maya@example.test" });
      expect(c.name).toBe("Maya R.");
    });

    it("gets a user by id only for that user", async () => {
      const a = await f.user();
      const b = await f.user();
      expect((await store.getUser(a.id, a.id)).email).toBe(a.email);
      expect((await caught(store.getUser(b.id, a.id))).code).toBe("not_found");
    });

    it("refuses a malformed email naming the field", async () => {
      const e = await caught(store.upsertUserByEmail({ email: "not-an-email" }));
      expect(e.code).toBe("validation");
      expect(e.fields).toHaveProperty("email");
    });
  });

  describe("projects", () => {
    it("creates with the design's default status and reads it back", async () => {
      const u = await f.user();
      const p = await store.createProject(u.id, { title: "  Launch week  ", description: "Teasers" });
      expect(p).toMatchObject({ title: "Launch week", description: "Teasers", status: "active", user_id: u.id });
      expect(await store.getProject(u.id, p.id)).toEqual(p);
    });

    it("ignores a user_id smuggled into the input", async () => {
      const u = await f.user();
      const other = await f.user();
      const p = await store.createProject(u.id, { title: "Mine", user_id: other.id } as never);
      expect(p.user_id).toBe(u.id);
    });

    it("refuses bad input with a validation error naming the field", async () => {
      const u = await f.user();
      expect((await caught(store.createProject(u.id, { title: "" }))).fields).toHaveProperty("title");
      expect((await caught(store.createProject(u.id, { title: "x".repeat(256) }))).fields).toHaveProperty("title");
      expect((await caught(store.createProject(u.id, { title: "ok", status: "paused" as never }))).fields).toHaveProperty("status");
      expect(await countRows("projects", "user_id = $1", [u.id])).toBe(0);
    });

    it("updates title, description and status and touches updated_at", async () => {
      const u = await f.user();
      const p = await f.project(u.id);
      await new Promise((r) => setTimeout(r, 5));
      const q = await store.updateProject(u.id, p.id, { title: "Renamed", description: null, status: "completed" });
      expect(q).toMatchObject({ title: "Renamed", description: null, status: "completed" });
      expect(q.updated_at > p.updated_at).toBe(true);
      expect((await caught(store.updateProject(u.id, p.id, { status: "done" as never }))).fields).toHaveProperty("status");
    });

    it("lists a user's projects newest first with storyboard counts, the main storyboard's progress and a status filter", async () => {
      const u = await f.user();
      const p1 = await f.project(u.id, { status: "draft" });
      const p2 = await f.project(u.id);
      const sb = await f.storyboard(u.id, p2.id, { sceneCount: 3 });
      await f.storyboard(u.id, p2.id, { sceneCount: 2 });
      await f.completeTasks(u.id, sb, 0.5);
      const list = await store.listProjects(u.id);
      expect(list.map((p) => p.id)).toEqual([p2.id, p1.id]);
      // The first storyboard is the main one: its 12 tasks are the project's, not the variation's 8.
      expect(list[0]).toMatchObject({ storyboard_count: 2, total_tasks: 12, completed_tasks: 6 });
      expect(list[1]).toMatchObject({ storyboard_count: 0, total_tasks: 0, completed_tasks: 0 });
      expect((await store.listProjects(u.id, { status: "draft" })).map((p) => p.id)).toEqual([p1.id]);
      expect((await caught(store.listProjects(u.id, { status: "nope" as never }))).code).toBe("validation");
    });

    it("deletes a project with everything under it, leaving no orphans", async () => {
      const u = await f.user();
      const p = await f.project(u.id);
      const sb = await f.storyboard(u.id, p.id, { sceneCount: 4 });
      await store.deleteProject(u.id, p.id);
      expect((await caught(store.getProject(u.id, p.id))).code).toBe("not_found");
      expect(await countRows("storyboards", "id = $1", [sb.id])).toBe(0);
      expect(await countRows("scenes", "storyboard_id = $1", [sb.id])).toBe(0);
      expect(await orphans()).toEqual({ projects: 0, storyboards: 0, scenes: 0, scene_tasks: 0 });
      expect((await caught(store.deleteProject(u.id, p.id))).code).toBe("not_found");
    });

    it("treats ids that cannot exist as not found", async () => {
      const u = await f.user();
      for (const id of [0, -1, 1.5, 2 ** 40, Number.NaN]) expect((await caught(store.getProject(u.id, id))).code).toBe("not_found");
    });
  });

  describe("storyboards", () => {
    it("creates a storyboard with its scenes numbered 1..N and four tasks per scene, totals in step", async () => {
      const u = await f.user();
      const p = await f.project(u.id);
      await new Promise((r) => setTimeout(r, 5));
      const sb = await f.storyboard(u.id, p.id, { sceneCount: 6 });
      expect(sb.scenes.map((s) => s.scene_number)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(sb.total_scenes).toBe(6);
      expect(sb.total_duration).toBe(sb.scenes.reduce((a, s) => a + s.duration, 0));
      for (const s of sb.scenes) expect(s.tasks.map((t) => t.task_type).sort()).toEqual([...TASK_TYPES].sort());
      expect(sb.reference_urls).toEqual(["https://www.tiktok.com/@brand/video/7300000000000000000"]);
      expect(sb.status).toBe("completed");
      expect(await countRows("scene_tasks t JOIN scenes sc ON sc.id = t.scene_id", "sc.storyboard_id = $1", [sb.id])).toBe(24);
      expect((await store.getProject(u.id, p.id)).updated_at > p.updated_at).toBe(true);
      expect(await store.getStoryboard(u.id, sb.id)).toEqual(sb);
    });

    it("makes a project's first storyboard its main one, and the oldest live one when the main is deleted", async () => {
      const u = await f.user();
      const p = await f.project(u.id);
      const mains = async () =>
        (await raw.query<{ id: number; is_main: unknown }>("SELECT id, is_main FROM storyboards WHERE project_id = $1 ORDER BY id", [p.id])).map((r) => [Number(r.id), Boolean(r.is_main)]);
      const a = await f.storyboard(u.id, p.id, { sceneCount: 1 });
      const b = await f.storyboard(u.id, p.id, { sceneCount: 1 });
      const c = await f.storyboard(u.id, p.id, { sceneCount: 1 });
      expect(await mains()).toEqual([[a.id, true], [b.id, false], [c.id, false]]);
      await store.deleteStoryboard(u.id, b.id);
      expect(await mains()).toEqual([[a.id, true], [c.id, false]]);
      await store.deleteStoryboard(u.id, a.id);
      expect(await mains()).toEqual([[c.id, true]]);
    });

    it("refuses bad input naming the field and writes nothing", async () => {
      const u = await f.user();
      const p = await f.project(u.id);
      const bad = [
        { patch: { title: "" }, field: "title" },
        { patch: { brief: "x".repeat(10_001) }, field: "brief" },
        { patch: { reference_urls: ["ftp://example.com/a"] }, field: "reference_urls.0" },
        { patch: { reference_urls: Array.from({ length: 11 }, (_, i) => `https://youtu.be/${i}`) }, field: "reference_urls" },
        { patch: { status: "queued" }, field: "status" },
        { patch: { scenes: [{ ...sceneInputs(1)[0], scene_type: "intro" }] }, field: "scenes.0.scene_type" },
        { patch: { scenes: [{ ...sceneInputs(1)[0], duration: 2.5 }] }, field: "scenes.0.duration" },
        { patch: { scenes: [{ ...sceneInputs(1)[0], text_overlay: "x".repeat(501) }] }, field: "scenes.0.text_overlay" },
        { patch: { scenes: [{ ...sceneInputs(1)[0], camera_angle: "x".repeat(101) }] }, field: "scenes.0.camera_angle" },
      ];
      for (const { patch, field } of bad) {
        const e = await caught(f.storyboard(u.id, p.id, patch as never));
        expect(e.code).toBe("validation");
        expect(e.fields).toHaveProperty([field]);
      }
      expect(await countRows("storyboards", "project_id = $1", [p.id])).toBe(0);
    });

    it("lists a project's storyboards with scene counts and progress", async () => {
      const u = await f.user();
      const p = await f.project(u.id);
      const a = await f.storyboard(u.id, p.id, { sceneCount: 2 });
      const b = await f.storyboard(u.id, p.id, { sceneCount: 3 });
      await f.completeTasks(u.id, a, 1);
      const list = await store.listStoryboards(u.id, p.id);
      expect(list.map((s) => s.id)).toEqual([b.id, a.id]);
      expect(list[1]).toMatchObject({ scene_count: 2, total_tasks: 8, completed_tasks: 8 });
      expect(list[0]).toMatchObject({ scene_count: 3, total_tasks: 12, completed_tasks: 0 });
    });

    it("sets the status, with a message only where generation failed", async () => {
      const u = await f.user();
      const p = await f.project(u.id);
      const sb = await f.storyboard(u.id, p.id, { status: "generating", scenes: [] });
      expect(sb.status).toBe("generating");
      const failed = await store.setStoryboardStatus(u.id, sb.id, "error", "The model timed out");
      expect(failed).toMatchObject({ status: "error", error_message: "The model timed out" });
      const done = await store.setStoryboardStatus(u.id, sb.id, "completed");
      expect(done).toMatchObject({ status: "completed", error_message: null });
      expect((await caught(store.setStoryboardStatus(u.id, sb.id, "paused" as never))).fields).toHaveProperty("status");
    });

    it("completes a generation by replacing the scenes in one go", async () => {
      const u = await f.user();
      const p = await f.project(u.id);
      const sb = await f.storyboard(u.id, p.id, { status: "generating", scenes: [] });
      const done = await store.completeGeneration(u.id, sb.id, { title: "Hook first", pattern_source: "listicle", scenes: sceneInputs(4, { duration: 5 }) });
      expect(done).toMatchObject({ status: "completed", title: "Hook first", pattern_source: "listicle", total_scenes: 4, total_duration: 20 });
      expect(done.scenes.every((s) => s.tasks.length === 4)).toBe(true);
      // A second run of the job (a retry after a crash) finds it completed and changes nothing.
      const again = await store.completeGeneration(u.id, sb.id, { scenes: sceneInputs(2) });
      expect(again).toEqual(done);
      expect(await countRows("scenes", "storyboard_id = $1", [sb.id])).toBe(4);
    });

    it("gives generations finishing together in one project distinct default titles", async () => {
      const u = await f.user();
      const p = await f.project(u.id);
      const boards = await Promise.all([1, 2, 3].map((i) => f.storyboard(u.id, p.id, { title: `Draft ${i}`, status: "generating", scenes: [] })));
      const done = await Promise.all(boards.map((b) => store.completeGeneration(u.id, b.id, { title: "Cold brew mornings", unique_title: true, scenes: sceneInputs(3) })));
      expect(done.map((d) => d.title).sort()).toEqual(["Cold brew mornings", "Cold brew mornings (2)", "Cold brew mornings (3)"]);
      // A title the creator chose is kept as it is, clash or not.
      const mine = await f.storyboard(u.id, p.id, { status: "generating", scenes: [] });
      expect((await store.completeGeneration(u.id, mine.id, { title: "Cold brew mornings", scenes: sceneInputs(3) })).title).toBe("Cold brew mornings");
    });

    it("regenerates from an edited brief: saved with the options, back to generating, then replaced by the job's result", async () => {
      const u = await f.user();
      const p = await f.project(u.id);
      const sb = await f.storyboard(u.id, p.id, { sceneCount: 3, generation_options: { platform: "tiktok", seed: 7 } });
      expect((await caught(store.beginRegenerate(u.id, sb.id, { brief: " ", reference_urls: ["nope"], generation_options: { duration: 500 } }))).fields).toMatchObject({
        brief: expect.any(String),
        "reference_urls.0": expect.any(String),
        "generation_options.duration": expect.any(String),
      });
      expect((await caught(store.beginRegenerate(u.id, sb.id, { brief: "New", reference_urls: [], generation_options: {} }, { ifVersion: sb.version + 5 }))).code).toBe("conflict");
      const started = await store.beginRegenerate(u.id, sb.id, { brief: "Meal prep for parents", reference_urls: ["https://e.example/r"], generation_options: { platform: "instagram_reels", duration: 20, seed: 7 } }, { ifVersion: sb.version });
      expect(started).toMatchObject({ status: "generating", brief: "Meal prep for parents", reference_urls: ["https://e.example/r"], generation_options: { platform: "instagram_reels", duration: 20, seed: 7 } });
      expect(started.version).toBe(sb.version + 1);
      // While it generates, neither its scenes nor another regenerate are accepted.
      expect((await caught(store.beginRegenerate(u.id, sb.id, { brief: "Again", reference_urls: [], generation_options: {} }))).code).toBe("conflict");
      const done = await store.completeGeneration(u.id, sb.id, { scenes: sceneInputs(2, { label: "Meal" }) });
      expect(done).toMatchObject({ status: "completed", brief: "Meal prep for parents", total_scenes: 2 });
      expect(done.scenes.map((s) => s.visual_description)).toEqual([expect.stringMatching(/^Meal 1/), expect.stringMatching(/^Meal 2/)]);
    });

    it("refuses scene edits while a generation is running (it would wipe them)", async () => {
      const u = await f.user();
      const p = await f.project(u.id);
      const sb = await f.storyboard(u.id, p.id, { sceneCount: 2 });
      await store.setStoryboardStatus(u.id, sb.id, "generating");
      const scene = sb.scenes[0]!;
      for (const attempt of [
        () => store.updateScene(u.id, scene.id, { script: "x" }),
        () => store.insertScene(u.id, sb.id, 1, { visual_description: "x" }),
        () => store.deleteScene(u.id, scene.id),
        () => store.moveScene(u.id, scene.id, 2),
        () => store.reorderScenes(u.id, sb.id, [sb.scenes[1]!.id, scene.id]),
      ]) {
        expect((await caught(attempt())).code).toBe("conflict");
      }
      expect((await store.getStoryboard(u.id, sb.id)).scenes.map((s) => s.id)).toEqual(sb.scenes.map((s) => s.id));
    });

    it("updates and deletes a storyboard", async () => {
      const u = await f.user();
      const p = await f.project(u.id);
      const sb = await f.storyboard(u.id, p.id, { sceneCount: 2 });
      const up = await store.updateStoryboard(u.id, sb.id, { title: "B-roll cut", reference_urls: [] });
      expect(up).toMatchObject({ title: "B-roll cut", reference_urls: [] });
      await store.deleteStoryboard(u.id, sb.id);
      expect((await caught(store.getStoryboard(u.id, sb.id))).code).toBe("not_found");
      expect(await orphans()).toEqual({ projects: 0, storyboards: 0, scenes: 0, scene_tasks: 0 });
    });

    it("refuses a storyboard in a project that is not the user's", async () => {
      const a = await f.user();
      const b = await f.user();
      const p = await f.project(a.id);
      expect((await caught(f.storyboard(b.id, p.id))).code).toBe("not_found");
      expect(await countRows("storyboards", "project_id = $1", [p.id])).toBe(0);
    });
  });

  describe("scenes", () => {
    const setup = async (n = 4) => {
      const u = await f.user();
      const p = await f.project(u.id);
      const sb = await f.storyboard(u.id, p.id, { sceneCount: n });
      const order = async () => (await store.getStoryboard(u.id, sb.id)).scenes.map((s) => s.id);
      return { u, p, sb, ids: sb.scenes.map((s) => s.id), order };
    };
    const numbersValid = async (storyboardId: number) => {
      const rows = await raw.query<{ scene_number: number }>("SELECT scene_number FROM scenes WHERE storyboard_id = $1 ORDER BY scene_number", [storyboardId]);
      expect(rows.map((r) => Number(r.scene_number))).toEqual(rows.map((_, i) => i + 1));
    };

    it("updates fields and keeps the total duration in step", async () => {
      const { u, sb, ids } = await setup();
      const s = await store.updateScene(u.id, ids[1]!, { duration: 8, script: "New line", text_overlay: null, camera_angle: "WS, high, dolly" });
      expect(s).toMatchObject({ duration: 8, script: "New line", text_overlay: null, camera_angle: "WS, high, dolly" });
      const view = await store.getStoryboard(u.id, sb.id);
      expect(view.total_duration).toBe(view.scenes.reduce((a, x) => a + x.duration, 0));
      expect((await caught(store.updateScene(u.id, ids[1]!, { scene_type: "outro" as never }))).fields).toHaveProperty("scene_type");
      expect((await caught(store.updateScene(u.id, ids[1]!, { duration: -1 }))).fields).toHaveProperty("duration");
      expect((await caught(store.updateScene(u.id, ids[1]!, { visual_description: "" }))).fields).toHaveProperty("visual_description");
    });

    it("refuses a scene of 0 s or 999 s and a storyboard running past its platform's maximum, changing nothing", async () => {
      const { u, sb, ids } = await setup();
      const before = await store.getStoryboard(u.id, sb.id);
      for (const duration of [0, 61, 999]) {
        expect((await caught(store.updateScene(u.id, ids[0]!, { duration }))).fields).toHaveProperty("duration");
        expect((await caught(store.insertScene(u.id, sb.id, 1, { visual_description: "too long or empty", duration }))).fields).toHaveProperty("duration");
      }
      // The generic platform allows 180 s: lengthening scenes past it is refused on the last step.
      const total = before.total_duration;
      const room = 180 - total;
      expect(room).toBeGreaterThan(0);
      const grow = Math.min(60 - before.scenes[0]!.duration, room);
      await store.updateScene(u.id, ids[0]!, { duration: before.scenes[0]!.duration + grow });
      let left = room - grow;
      while (left > 0) {
        const d = Math.min(60, left);
        await store.insertScene(u.id, sb.id, undefined, { visual_description: `fill ${left}`, duration: d });
        left -= d;
      }
      expect((await store.getStoryboard(u.id, sb.id)).total_duration).toBe(180);
      const over = await caught(store.insertScene(u.id, sb.id, undefined, { visual_description: "one second too many", duration: 1 }));
      expect(over.fields?.duration).toMatch(/would run 181 s; a storyboard allows at most 180 s/);
      expect((await caught(store.updateScene(u.id, ids[1]!, { duration: 60 }))).fields).toHaveProperty("duration");
      const after = await store.getStoryboard(u.id, sb.id);
      expect(after.total_duration).toBe(180);
      expect(after.scenes.reduce((a, x) => a + x.duration, 0)).toBe(180);
      // A board created whole (an import, a copy) is held to the same limits.
      const p2 = await f.project(u.id);
      const make = (durations: number[], platform?: "facebook_reels") =>
        store.createStoryboard(u.id, { project_id: p2.id, title: "Whole", brief: "b", scenes: durations.map((duration) => ({ duration, visual_description: "v" })), ...(platform && { generation_options: { platform } }) });
      expect((await caught(make([0, 5]))).fields).toHaveProperty("scenes.0.duration");
      expect((await caught(make([60, 60, 60, 1]))).fields?.scenes).toMatch(/would run 181 s/);
      expect((await caught(make([60, 31], "facebook_reels"))).fields?.scenes).toMatch(/Facebook Reels allows at most 90 s/);
      expect((await make([60, 30], "facebook_reels")).total_duration).toBe(90);
    });

    it("keeps a scene's beat and its to-do; a written script clears the to-do unless the patch sets one", async () => {
      const u = await f.user();
      const p = await f.project(u.id);
      const sb = await store.createStoryboard(u.id, {
        project_id: p.id,
        title: "To-dos",
        brief: "4 mistakes",
        scenes: [
          { duration: 3, scene_type: "hook", visual_description: "CU", script: "Four mistakes.", beat: "hook" },
          { duration: 5, scene_type: "content", visual_description: "MS", beat: "item 2", needs_input: "Mistake 2: name it here" },
        ],
      });
      const todo = sb.scenes[1]!;
      expect(todo).toMatchObject({ beat: "item 2", needs_input: "Mistake 2: name it here", script: null });
      expect(sb.scenes[0]).toMatchObject({ beat: "hook", needs_input: null });
      expect(await store.updateScene(u.id, todo.id, { text_overlay: "Mistake 2" })).toMatchObject({ needs_input: "Mistake 2: name it here" });
      expect(await store.updateScene(u.id, todo.id, { script: "A pot far too big.", needs_input: "Check the wording" })).toMatchObject({ needs_input: "Check the wording" });
      expect(await store.updateScene(u.id, todo.id, { script: "A pot far too big for the roots." })).toMatchObject({ needs_input: null, beat: "item 2" });
      expect((await caught(store.updateScene(u.id, todo.id, { needs_input: "x".repeat(301) }))).fields).toHaveProperty("needs_input");
    });

    it("inserts at the start, the middle and the end, renumbering the rest", async () => {
      const { u, sb, ids, order } = await setup(3);
      const first = await store.insertScene(u.id, sb.id, 1, { visual_description: "cold open", duration: 2, scene_type: "hook" });
      const middle = await store.insertScene(u.id, sb.id, 3, { visual_description: "b-roll" });
      const last = await store.insertScene(u.id, sb.id, 6, { visual_description: "end card", scene_type: "transition", duration: 1 });
      expect(first.tasks).toHaveLength(4);
      expect(await order()).toEqual([first.id, ids[0], middle.id, ids[1], ids[2], last.id]);
      await numbersValid(sb.id);
      const view = await store.getStoryboard(u.id, sb.id);
      expect(view.total_scenes).toBe(6);
      expect(view.total_duration).toBe(view.scenes.reduce((a, x) => a + x.duration, 0));
      for (const bad of [0, 8, 1.5]) expect((await caught(store.insertScene(u.id, sb.id, bad, { visual_description: "x" }))).fields).toHaveProperty("position");
    });

    it("deletes a scene with its tasks and closes the gap", async () => {
      const { u, sb, ids, order } = await setup(4);
      await store.deleteScene(u.id, ids[1]!);
      expect(await order()).toEqual([ids[0], ids[2], ids[3]]);
      await numbersValid(sb.id);
      expect(await countRows("scene_tasks", "scene_id = $1", [ids[1]])).toBe(0);
      expect((await store.getStoryboard(u.id, sb.id)).total_scenes).toBe(3);
    });

    it("moves a scene up and down", async () => {
      const { u, sb, ids, order } = await setup(5);
      await store.moveScene(u.id, ids[4]!, 2);
      expect(await order()).toEqual([ids[0], ids[4], ids[1], ids[2], ids[3]]);
      await store.moveScene(u.id, ids[0]!, 5);
      expect(await order()).toEqual([ids[4], ids[1], ids[2], ids[3], ids[0]]);
      const same = await store.moveScene(u.id, ids[2]!, 3);
      expect(same.map((s) => s.id)).toEqual([ids[4], ids[1], ids[2], ids[3], ids[0]]);
      await numbersValid(sb.id);
      expect((await caught(store.moveScene(u.id, ids[0]!, 6))).fields).toHaveProperty("position");
    });

    it("reorders a whole storyboard, refusing a list that is not exactly its scenes", async () => {
      const { u, sb, ids, order } = await setup(4);
      const want = [ids[3]!, ids[1]!, ids[0]!, ids[2]!];
      expect((await store.reorderScenes(u.id, sb.id, want)).map((s) => s.id)).toEqual(want);
      expect(await order()).toEqual(want);
      await numbersValid(sb.id);
      for (const bad of [[ids[0]!], [...want, 999_999], [ids[0]!, ids[0]!, ids[1]!, ids[2]!]]) {
        expect((await caught(store.reorderScenes(u.id, sb.id, bad))).fields).toHaveProperty("scene_ids");
      }
      expect(await order()).toEqual(want);
    });
  });

  describe("tasks and progress", () => {
    it("ticks and unticks a task, setting and clearing completed_at, with progress up the hierarchy", async () => {
      const u = await f.user();
      const p = await f.project(u.id);
      const sb = await f.storyboard(u.id, p.id, { sceneCount: 2 });
      await f.storyboard(u.id, p.id, { sceneCount: 1 });
      const task = sb.scenes[0]!.tasks[0]!;
      await new Promise((r) => setTimeout(r, 5));
      const on = await store.setTaskCompleted(u.id, task.id, true);
      expect(on.task.completed).toBe(true);
      expect(on.task.completed_at).not.toBeNull();
      expect(on.task.updated_at > task.updated_at).toBe(true);
      expect(on.scene).toEqual({ total_tasks: 4, completed_tasks: 1 });
      expect(on.storyboard).toEqual({ total_tasks: 8, completed_tasks: 1 });
      expect(on.project).toEqual({ total_tasks: 8, completed_tasks: 1 }); // the main storyboard's tasks
      expect(on).toMatchObject({ scene_id: sb.scenes[0]!.id, storyboard_id: sb.id, project_id: p.id });
      expect(await store.getSceneProgress(u.id, sb.scenes[0]!.id)).toEqual({ total_tasks: 4, completed_tasks: 1 });
      expect(await store.getStoryboardProgress(u.id, sb.id)).toEqual({ total_tasks: 8, completed_tasks: 1 });
      expect(await store.getProjectProgress(u.id, p.id)).toEqual({ total_tasks: 8, completed_tasks: 1 });
      const off = await store.setTaskCompleted(u.id, task.id, false);
      expect(off.task).toMatchObject({ completed: false, completed_at: null });
      expect(off.project.completed_tasks).toBe(0);
      expect((await caught(store.setTaskCompleted(u.id, task.id, "yes" as never))).fields).toHaveProperty("completed");
    });

    it("loads the project hierarchy in a bounded number of queries, whatever the number of scenes", async () => {
      const u = await f.user();
      const small = await f.project(u.id);
      await f.storyboard(u.id, small.id, { sceneCount: 1 });
      const big = await f.project(u.id);
      const boards = [await f.storyboard(u.id, big.id, { sceneCount: 12 }), await f.storyboard(u.id, big.id, { sceneCount: 9 }), await f.storyboard(u.id, big.id, { sceneCount: 3 })];
      await f.completeTasks(u.id, boards[0]!, 0.25);

      counter.n = 0;
      await store.getProjectDetail(u.id, small.id);
      const smallQueries = counter.n;
      counter.n = 0;
      const detail = await store.getProjectDetail(u.id, big.id);
      expect(counter.n).toBe(smallQueries);
      expect(counter.n).toBeLessThanOrEqual(3);

      expect(detail.project.id).toBe(big.id);
      expect(detail.storyboards.map((s) => s.scene_count)).toEqual([3, 9, 12]);
      expect(detail.storyboards.map((s) => s.scenes.length)).toEqual([3, 9, 12]);
      expect(detail.total_tasks).toBe(12 * 4); // the main (first) storyboard's tasks
      expect(detail.completed_tasks).toBe(12);
      const first = detail.storyboards[2]!;
      expect(first.scenes.map((s) => s.scene_number)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
      expect(first.scenes.slice(0, 3).every((s) => s.completed_tasks === 4 && s.total_tasks === 4)).toBe(true);
    });
  });

  describe("the database's own constraints", () => {
    // These bypass the store's validation and hit the schema directly, then go through the
    // store's error translation: the CHECKs and UNIQUEs exist and map to typed errors.
    const violation = async (text: string, params: unknown[]) => {
      try {
        await raw.query(text, params);
      } catch (e) {
        return driver.mapError(e) as AppError;
      }
      throw new Error(`expected a constraint violation: ${text}`);
    };
    let ctx: { u: string; p: number; sb: number; sc: number };
    beforeAll(async () => {
      const u = await f.user();
      const p = await f.project(u.id);
      const sb = await f.storyboard(u.id, p.id, { sceneCount: 1 });
      ctx = { u: u.id, p: p.id, sb: sb.id, sc: sb.scenes[0]!.id };
    });

    it.each([
      ["projects.status", "INSERT INTO projects (user_id, title, status) VALUES ($1, 't', 'paused')", (c: typeof ctx) => [c.u], "validation", "status"],
      ["storyboards.status", "INSERT INTO storyboards (project_id, user_id, title, brief, status) VALUES ($1, $2, 't', 'b', 'queued')", (c: typeof ctx) => [c.p, c.u], "validation", "status"],
      ["scenes.scene_type", "INSERT INTO scenes (storyboard_id, user_id, scene_number, visual_description, scene_type) VALUES ($1, $2, 99, 'v', 'intro')", (c: typeof ctx) => [c.sb, c.u], "validation", "scene_type"],
      ["scene_tasks.task_type", "INSERT INTO scene_tasks (scene_id, user_id, task_type) VALUES ($1, $2, 'lit')", (c: typeof ctx) => [c.sc, c.u], "validation", "task_type"],
      ["UNIQUE(storyboard_id, scene_number)", "INSERT INTO scenes (storyboard_id, user_id, scene_number, visual_description) VALUES ($1, $2, 1, 'v')", (c: typeof ctx) => [c.sb, c.u], "conflict", "scene_number"],
      ["UNIQUE(scene_id, task_type)", "INSERT INTO scene_tasks (scene_id, user_id, task_type) VALUES ($1, $2, 'edited')", (c: typeof ctx) => [c.sc, c.u], "conflict", "task_type"],
      ["UNIQUE(email)", "INSERT INTO users (id, email) VALUES ('dup', (SELECT email FROM users WHERE id = $1))", (c: typeof ctx) => [c.u], "conflict", "email"],
      ["projects.user_id references users", "INSERT INTO projects (user_id, title) VALUES ($1, 't')", () => ["no-such-user"], "not_found", null],
    ] as const)("%s is enforced by the schema", async (_name, text, params, code, field) => {
      const e = await violation(text, params(ctx));
      expect(e).toBeInstanceOf(AppError);
      expect(e.code).toBe(code);
      if (field) expect(e.fields).toHaveProperty(field);
    });

    it("applies the design's defaults", async () => {
      await raw.query("INSERT INTO projects (user_id, title) VALUES ($1, 'defaults')", [ctx.u]);
      const [p] = await raw.query<Record<string, unknown>>("SELECT status, created_at, updated_at FROM projects WHERE title = 'defaults'");
      expect(p?.status).toBe("active");
      expect(p?.created_at).not.toBeNull();
      await raw.query("INSERT INTO storyboards (project_id, user_id, title, brief) VALUES ($1, $2, 'defaults', 'b')", [ctx.p, ctx.u]);
      const [s] = await raw.query<Record<string, unknown>>("SELECT status, total_scenes, total_duration FROM storyboards WHERE title = 'defaults'");
      expect(s).toMatchObject({ status: "generating" });
      expect(Number(s?.total_scenes)).toBe(0);
      await raw.query("INSERT INTO scenes (storyboard_id, user_id, scene_number, visual_description) VALUES ($1, $2, 50, 'defaults')", [ctx.sb, ctx.u]);
      const [sc] = await raw.query<Record<string, unknown>>("SELECT id, scene_type, duration FROM scenes WHERE visual_description = 'defaults'");
      expect(sc).toMatchObject({ scene_type: "content" });
      await raw.query("INSERT INTO scene_tasks (scene_id, user_id, task_type) VALUES ($1, $2, 'edited')", [sc?.id, ctx.u]);
      const [t] = await raw.query<Record<string, unknown>>("SELECT completed, completed_at FROM scene_tasks WHERE scene_id = $1", [sc?.id]);
      expect(Boolean(t?.completed)).toBe(false);
      expect(t?.completed_at).toBeNull();
    });

    it("cascades a user's deletion down to every task, leaving no orphans", async () => {
      const u = await f.user();
      const p = await f.project(u.id);
      await f.storyboard(u.id, p.id, { sceneCount: 3 });
      await raw.query("DELETE FROM users WHERE id = $1", [u.id]);
      expect(await countRows("projects", "user_id = $1", [u.id])).toBe(0);
      expect(await orphans()).toEqual({ projects: 0, storyboards: 0, scenes: 0, scene_tasks: 0 });
    });
  });

  describe("the owner column", () => {
    // storyboards, scenes and scene_tasks carry their owner's id; composite foreign keys
    // (parent_id, user_id) -> parent(id, user_id) keep it equal to the parent's. These writes go
    // around the store (as the tables' owner, no row level security), so only the schema stops them.
    let a: { u: string; p: number; sb: number; sc: number; t: number };
    let b: { u: string; p: number; sb: number; sc: number; t: number };
    const tree = async () => {
      const u = await f.user();
      const p = await f.project(u.id);
      const sb = await f.storyboard(u.id, p.id, { sceneCount: 2 });
      return { u: u.id, p: p.id, sb: sb.id, sc: sb.scenes[0]!.id, t: sb.scenes[0]!.tasks[0]!.id };
    };
    const mismatched = async () => ({
      storyboards: await countRows("storyboards s", "NOT EXISTS (SELECT 1 FROM projects p WHERE p.id = s.project_id AND p.user_id = s.user_id)"),
      scenes: await countRows("scenes sc", "NOT EXISTS (SELECT 1 FROM storyboards s WHERE s.id = sc.storyboard_id AND s.user_id = sc.user_id)"),
      scene_tasks: await countRows("scene_tasks t", "NOT EXISTS (SELECT 1 FROM scenes sc WHERE sc.id = t.scene_id AND sc.user_id = t.user_id)"),
    });
    beforeAll(async () => {
      a = await tree();
      b = await tree();
      // Free the task types the forged rows below use, so that only the owner keys can stop them
      // (a UNIQUE (scene_id, task_type) violation would be raised first).
      await raw.query("DELETE FROM scene_tasks WHERE scene_id = $1 AND task_type = 'edited'", [a.sc]);
      await raw.query("DELETE FROM scene_tasks WHERE scene_id = $1 AND task_type = 'script_written'", [b.sc]);
    });

    it("is written by the store as the parent's owner", async () => {
      expect(await mismatched()).toEqual({ storyboards: 0, scenes: 0, scene_tasks: 0 });
      expect(await countRows("scene_tasks", "user_id = $1", [a.u])).toBe(7);
    });

    it.each([
      ["a storyboard in A's project owned by B", "INSERT INTO storyboards (project_id, user_id, title, brief) VALUES ($1, $2, 'forged', 'b')", () => [a.p, b.u]],
      ["a scene in A's storyboard owned by B", "INSERT INTO scenes (storyboard_id, user_id, scene_number, visual_description) VALUES ($1, $2, 77, 'forged')", () => [a.sb, b.u]],
      ["a task on A's scene owned by B", "INSERT INTO scene_tasks (scene_id, user_id, task_type) VALUES ($1, $2, 'edited')", () => [a.sc, b.u]],
      ["a version of A's storyboard owned by B", "INSERT INTO storyboard_snapshots (storyboard_id, user_id, name, snapshot) VALUES ($1, $2, 'forged', '{}')", () => [a.sb, b.u]],
      ["a share link to A's storyboard owned by B", "INSERT INTO share_links (storyboard_id, user_id, token_hash) VALUES ($1, $2, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa')", () => [a.sb, b.u]],
      ["B taking over A's storyboard", "UPDATE storyboards SET user_id = $2 WHERE id = $1", () => [a.sb, b.u]],
      ["B taking over A's scene", "UPDATE scenes SET user_id = $2 WHERE id = $1", () => [a.sc, b.u]],
      ["B taking over A's task", "UPDATE scene_tasks SET user_id = $2 WHERE id = $1", () => [a.t, b.u]],
      ["A's scene moved under B's storyboard", "UPDATE scenes SET storyboard_id = $2, scene_number = 99 WHERE id = $1", () => [a.sc, b.sb]],
      ["A's task moved onto B's scene", "UPDATE scene_tasks SET scene_id = $2 WHERE id = $1", () => [a.t, b.sc]],
      ["A's storyboard moved into B's project", "UPDATE storyboards SET project_id = $2, is_main = false WHERE id = $1", () => [a.sb, b.p]],
    ] as const)("refuses %s, even written around the store", async (_name, text, params) => {
      await expect(raw.query(text, [...params()])).rejects.toThrow(/foreign key/i);
      expect(await mismatched()).toEqual({ storyboards: 0, scenes: 0, scene_tasks: 0 });
    });

    it("moves a whole project's tree when the project changes owner", async () => {
      const c = await tree();
      const to = await f.user();
      await raw.query("UPDATE projects SET user_id = $2 WHERE id = $1", [c.p, to.id]);
      expect(await countRows("scene_tasks", "user_id = $1", [to.id])).toBe(8);
      expect(await countRows("scenes", "user_id = $1", [c.u])).toBe(0);
      expect(await mismatched()).toEqual({ storyboards: 0, scenes: 0, scene_tasks: 0 });
      expect((await store.getStoryboard(to.id, c.sb)).scenes).toHaveLength(2);
      expect((await caught(store.getStoryboard(c.u, c.sb))).code).toBe("not_found");
    });
  });

  describe("atomicity", () => {
    it("leaves nothing behind when creating a storyboard fails halfway", async () => {
      const u = await f.user();
      const p = await f.project(u.id);
      const before = { storyboards: await countRows("storyboards"), scenes: await countRows("scenes"), tasks: await countRows("scene_tasks") };
      // Fault injection: the storyboard and its scenes are written, then the tasks' insert fails.
      if (dialect === "sqlite") {
        await raw.exec("CREATE TRIGGER inject_failure BEFORE INSERT ON scene_tasks BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
      } else {
        await raw.exec(`CREATE FUNCTION inject_failure() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$;
          CREATE TRIGGER inject_failure BEFORE INSERT ON scene_tasks FOR EACH ROW EXECUTE FUNCTION inject_failure();`);
      }
      try {
        const e = await caught(f.storyboard(u.id, p.id, { sceneCount: 5, title: "Doomed" }));
        expect(e.code).toBe("internal");
        expect(String((e.cause as Error).cause ?? e.cause)).toMatch(/injected failure/);
      } finally {
        await raw.exec(dialect === "sqlite" ? "DROP TRIGGER inject_failure" : "DROP TRIGGER inject_failure ON scene_tasks; DROP FUNCTION inject_failure()");
      }
      expect({ storyboards: await countRows("storyboards"), scenes: await countRows("scenes"), tasks: await countRows("scene_tasks") }).toEqual(before);
      expect((await store.getProject(u.id, p.id)).updated_at).toBe(p.updated_at);
      // and the store still works afterwards
      expect((await f.storyboard(u.id, p.id, { sceneCount: 2 })).total_scenes).toBe(2);
    });
  });

  describe("isolation between users", () => {
    it("user B can neither read nor change anything of user A's by id", async () => {
      const a = await f.user();
      const b = await f.user();
      const p = await f.project(a.id);
      const sb = await f.storyboard(a.id, p.id, { sceneCount: 3 });
      const scene = sb.scenes[1]!;
      const task = scene.tasks[0]!;
      const attempts: Array<[string, () => Promise<unknown>]> = [
        ["getProject", () => store.getProject(b.id, p.id)],
        ["updateProject", () => store.updateProject(b.id, p.id, { title: "mine now" })],
        ["deleteProject", () => store.deleteProject(b.id, p.id)],
        ["getProjectDetail", () => store.getProjectDetail(b.id, p.id)],
        ["getProjectProgress", () => store.getProjectProgress(b.id, p.id)],
        ["listStoryboards", () => store.listStoryboards(b.id, p.id)],
        ["createStoryboard", () => f.storyboard(b.id, p.id)],
        ["getStoryboard", () => store.getStoryboard(b.id, sb.id)],
        ["updateStoryboard", () => store.updateStoryboard(b.id, sb.id, { title: "x" })],
        ["deleteStoryboard", () => store.deleteStoryboard(b.id, sb.id)],
        ["setStoryboardStatus", () => store.setStoryboardStatus(b.id, sb.id, "error", "x")],
        ["completeGeneration", () => store.completeGeneration(b.id, sb.id, { scenes: sceneInputs(1) })],
        ["getStoryboardProgress", () => store.getStoryboardProgress(b.id, sb.id)],
        ["updateScene", () => store.updateScene(b.id, scene.id, { script: "x" })],
        ["insertScene", () => store.insertScene(b.id, sb.id, 1, { visual_description: "x" })],
        ["deleteScene", () => store.deleteScene(b.id, scene.id)],
        ["moveScene", () => store.moveScene(b.id, scene.id, 1)],
        ["reorderScenes", () => store.reorderScenes(b.id, sb.id, sb.scenes.map((s) => s.id).reverse())],
        ["getSceneProgress", () => store.getSceneProgress(b.id, scene.id)],
        ["setTaskCompleted", () => store.setTaskCompleted(b.id, task.id, true)],
      ];
      for (const [name, attempt] of attempts) {
        const e = await caught(attempt());
        expect(e.code, name).toBe("not_found");
      }
      expect(await store.listProjects(b.id)).toEqual([]);
      expect(await store.getStoryboard(a.id, sb.id)).toEqual(sb);
      expect((await store.getProject(a.id, p.id)).title).toBe(p.title);
    });
  });

  describe("interrupted generations", () => {
    it("fails storyboards left 'generating' before a cut-off, of any user", async () => {
      const u = await f.user();
      const p = await f.project(u.id);
      const stuck = await f.storyboard(u.id, p.id, { status: "generating", scenes: [] });
      const cutoff = new Date(Date.now() + 1000);
      const fresh = await f.storyboard(u.id, p.id, { status: "generating", scenes: [] });
      await raw.query("UPDATE storyboards SET updated_at = $1 WHERE id = $2", [dialect === "sqlite" ? Date.now() + 5000 : new Date(Date.now() + 5000), fresh.id]);
      expect(await store.failInterruptedGenerations(cutoff, "Interrupted by a restart")).toBeGreaterThanOrEqual(1);
      expect(await store.getStoryboard(u.id, stuck.id)).toMatchObject({ status: "error", error_message: "Interrupted by a restart" });
      expect((await store.getStoryboard(u.id, fresh.id)).status).toBe("generating");
    });
  });

  if (dialect === "postgres") {
    describe("the recovery sweep's narrow path", () => {
      it("a transaction that sets app.job_recovery sees no other user's storyboard; the functions return ids and statuses only", async () => {
        const owner = await f.user();
        const p = await f.project(owner.id);
        const stuck = await f.storyboard(owner.id, p.id, { status: "generating", scenes: [], brief: "A brief nobody else may read" });
        const seen = await driver.tx("read", null, async (c) => {
          await c.query("flip", "SELECT set_config('app.job_recovery', 'on', true)", []);
          return c.query("peek", "SELECT id, brief FROM storyboards WHERE id = $1", [stuck.id]);
        });
        expect(seen).toEqual([]);
        const listed = await driver.tx("read", null, (c) => c.query("list", "SELECT * FROM interrupted_generations($1)", [new Date(Date.now() + 60_000)]));
        expect(listed.find((r) => Number(r.id) === stuck.id)).toEqual({ id: stuck.id, status: "generating" });
        expect(Object.keys(listed[0]!).sort()).toEqual(["id", "status"]);
        const [fn] = await raw.query<{ owner: string; secdef: boolean }>(
          "SELECT pg_get_userbyid(proowner) AS owner, prosecdef AS secdef FROM pg_proc WHERE proname = 'interrupted_generations'",
        );
        expect(fn).toEqual({ owner: "storyboard_recovery", secdef: true });
        const [role] = await raw.query<{ rolbypassrls: boolean; rolcanlogin: boolean }>("SELECT rolbypassrls, rolcanlogin FROM pg_roles WHERE rolname = 'storyboard_recovery'");
        expect(role).toEqual({ rolbypassrls: false, rolcanlogin: false });
        // The role reads three columns of storyboards and nothing else.
        const cols = await raw.query<{ column_name: string }>(
          "SELECT column_name FROM information_schema.column_privileges WHERE grantee = 'storyboard_recovery' AND table_name = 'storyboards' AND privilege_type = 'SELECT' ORDER BY 1",
        );
        expect(cols.map((c) => c.column_name)).toEqual(["id", "status", "updated_at"]);
      });
    });

    describe("row level security", () => {
      it("runs as a role that owns nothing and cannot bypass RLS, with RLS forced on the four tables", async () => {
        const [role] = await raw.query<{ rolbypassrls: boolean; rolsuper: boolean }>("SELECT rolbypassrls, rolsuper FROM pg_roles WHERE rolname = 'storyboard_app'");
        expect(role).toEqual({ rolbypassrls: false, rolsuper: false });
        const tables = await raw.query<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean; owner: string }>(
          "SELECT relname, relrowsecurity, relforcerowsecurity, pg_get_userbyid(relowner) AS owner FROM pg_class WHERE relname IN ('projects','storyboards','scenes','scene_tasks') ORDER BY relname",
        );
        expect(tables).toHaveLength(4);
        for (const t of tables) expect(t).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true });
        expect(tables.every((t) => t.owner !== "storyboard_app")).toBe(true);
      });

      it("shows nothing to the app role outside a user context, and only the user's rows inside one", async () => {
        const a = await f.user();
        const b = await f.user();
        const pa = await f.project(a.id);
        await f.storyboard(a.id, pa.id, { sceneCount: 2 });
        const pb = await f.project(b.id);
        await f.storyboard(b.id, pb.id, { sceneCount: 1 });
        const pg = await import("pg");
        const app = new pg.default.Client({ connectionString: db.ownerUrl, options: "-c role=storyboard_app" });
        await app.connect();
        try {
          expect((await app.query("SELECT current_user AS u")).rows[0].u).toBe("storyboard_app");
          const counts = async () => {
            const r = await app.query(
              "SELECT (SELECT COUNT(*) FROM projects) AS p, (SELECT COUNT(*) FROM storyboards) AS s, (SELECT COUNT(*) FROM scenes) AS sc, (SELECT COUNT(*) FROM scene_tasks) AS t",
            );
            return r.rows[0] as Record<string, number>;
          };
          expect(await counts()).toEqual({ p: 0, s: 0, sc: 0, t: 0 });
          await app.query("BEGIN");
          await app.query("SELECT set_config('app.current_user_id', $1, true)", [a.id]);
          expect(await counts()).toEqual({ p: 1, s: 1, sc: 2, t: 8 });
          // A write aimed at another user's row matches nothing; a row for another user is refused.
          expect((await app.query("UPDATE projects SET title = 'hijack' WHERE id = $1", [pb.id])).rowCount).toBe(0);
          await expect(app.query("INSERT INTO projects (user_id, title) VALUES ($1, 'planted')", [b.id])).rejects.toThrow(/row-level security/);
          await app.query("ROLLBACK");
          expect(await counts()).toEqual({ p: 0, s: 0, sc: 0, t: 0 });
          // set_config(..., true) is transaction-local: it does not leak to the pooled connection.
          expect((await app.query("SELECT current_setting('app.current_user_id', true) AS v")).rows[0].v ?? "").toBe("");
        } finally {
          await app.end();
        }
      });

      it("refuses the app role, acting as B with raw SQL, any row in or under A's tree: the owner column cannot be forged", async () => {
        const a = await f.user();
        const b = await f.user();
        const pa = await f.project(a.id);
        const sa = await f.storyboard(a.id, pa.id, { sceneCount: 1 });
        const pb = await f.project(b.id);
        const sbB = await f.storyboard(b.id, pb.id, { sceneCount: 1 });
        const sceneA = sa.scenes[0]!.id;
        const sceneB = sbB.scenes[0]!;
        // Free the task types the forged rows use, so that a UNIQUE (scene_id, task_type) violation
        // cannot answer first.
        await raw.query("DELETE FROM scene_tasks WHERE scene_id = $1 AND task_type IN ('edited', 'script_written')", [sceneA]);
        const before = await store.getStoryboard(a.id, sa.id);
        const pg = await import("pg");
        const app = new pg.default.Client({ connectionString: db.ownerUrl, options: "-c role=storyboard_app" });
        await app.connect();
        // Each attempt in its own transaction as B; a refused statement aborts it.
        const asB = async (text: string, params: unknown[]) => {
          await app.query("BEGIN");
          try {
            await app.query("SELECT set_config('app.current_user_id', $1, true)", [b.id]);
            return await app.query(text, params);
          } finally {
            await app.query("ROLLBACK");
          }
        };
        try {
          // Claiming A as the owner: the policy's WITH CHECK refuses the row.
          for (const [text, params] of [
            ["INSERT INTO storyboards (project_id, user_id, title, brief) VALUES ($1, $2, 'forged', 'b')", [pa.id, a.id]],
            ["INSERT INTO scenes (storyboard_id, user_id, scene_number, visual_description) VALUES ($1, $2, 9, 'forged')", [sa.id, a.id]],
            ["INSERT INTO scene_tasks (scene_id, user_id, task_type) VALUES ($1, $2, 'edited')", [sceneA, a.id]],
          ] as const) {
            await expect(asB(text, [...params]), text).rejects.toThrow(/row-level security/);
          }
          // Claiming B as the owner of a row under A's parent: the composite foreign key refuses it.
          for (const [text, params] of [
            ["INSERT INTO storyboards (project_id, user_id, title, brief) VALUES ($1, $2, 'forged', 'b')", [pa.id, b.id]],
            ["INSERT INTO scenes (storyboard_id, user_id, scene_number, visual_description) VALUES ($1, $2, 9, 'forged')", [sa.id, b.id]],
            ["INSERT INTO scene_tasks (scene_id, user_id, task_type) VALUES ($1, $2, 'edited')", [sceneA, b.id]],
            ["UPDATE scenes SET storyboard_id = $1, scene_number = 99 WHERE id = $2", [sa.id, sceneB.id]],
            ["UPDATE scene_tasks SET scene_id = $1 WHERE id = $2", [sceneA, sceneB.tasks.find((t) => t.task_type === "script_written")!.id]],
            ["UPDATE storyboards SET project_id = $1, is_main = false WHERE id = $2", [pa.id, sbB.id]],
          ] as const) {
            await expect(asB(text, [...params]), text).rejects.toThrow(/foreign key/);
          }
          // And A's rows stay invisible and untouchable.
          expect((await asB("UPDATE scene_tasks SET completed = true WHERE scene_id = $1", [sceneA])).rowCount).toBe(0);
          expect((await asB("DELETE FROM scenes WHERE storyboard_id = $1", [sa.id])).rowCount).toBe(0);
        } finally {
          await app.end();
        }
        expect(await store.getStoryboard(a.id, sa.id)).toEqual(before);
      });
    });
  }
});
