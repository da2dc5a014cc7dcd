// The JSON API /api/v1 against the production build, on SQLite and on PostgreSQL: every route's
// success, validation (400 naming the field), ownership (404 for another user's ids and for ids
// that do not exist), sign-in (401), CSRF, asynchronous generation, the rate limit and 500s.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Project, ProjectDetail, ProjectSummary, Scene, SceneWithTasks, Storyboard, StoryboardSummary, StoryboardWithScenes, UndoResult, UndoState, VersionDetail, VersionSummary } from "../../src/domain/types";
import type { TaskUpdate } from "../../src/db/store/types";
import type { ErrorBody } from "../../src/server/errors";
import { DIALECTS } from "../support/databases";
import { openRaw } from "../support/raw";
import { Session, startApp, uniqueEmail, type RunningApp, call, type Reply } from "./harness";

interface Check {
  id: string;
  ok: boolean;
  severity: "error" | "warning" | "info";
  message: string;
  scene_number?: number;
}
type StoryboardView = StoryboardWithScenes & { checks: Check[] };


/** Any id that no row has: inside the 32-bit range, so it reaches the database and is not found there. */
const MISSING = 2_147_483_000;
const TASK_TYPES = ["audio_recorded", "edited", "scene_filmed", "script_written"];
const BRIEF = "Show busy parents a 3-step weeknight pasta that takes 15 minutes, for TikTok. Hook: the clock.";


/** Asserts the API's error shape; `field` must be named in `fields` (the message is shown to people). */
function expectError(r: Reply<unknown>, status: number, code: string, field?: string) {
  expect(r.status, r.text).toBe(status);
  const { error } = r.body as ErrorBody;
  expect(error.code).toBe(code);
  expect(typeof error.message).toBe("string");
  expect(error.message.length).toBeGreaterThan(0);
  if (field !== undefined) {
    expect(error.fields, r.text).toBeDefined();
    expect(Object.keys(error.fields!), r.text).toContain(field);
    expect(error.fields![field]!.length).toBeGreaterThan(0);
  }
  return error;
}

async function waitForGeneration(s: Session, id: number, timeoutMs = 30_000): Promise<StoryboardView> {
  const start = Date.now();
  for (;;) {
    const r = await call<StoryboardView>(s, "GET", `/storyboards/${id}`);
    expect(r.status, r.text).toBe(200);
    if (r.body.status !== "generating") return r.body;
    if (Date.now() - start > timeoutMs) throw new Error(`storyboard ${id} still generating after ${timeoutMs} ms`);
    await new Promise((res) => setTimeout(res, 150));
  }
}

/** The invariants of a stored storyboard: numbering, tasks and the denormalised totals. */
function expectConsistent(sb: StoryboardWithScenes) {
  expect(sb.scenes.map((s) => s.scene_number)).toEqual(sb.scenes.map((_, i) => i + 1));
  expect(sb.total_scenes).toBe(sb.scenes.length);
  expect(sb.total_duration).toBe(sb.scenes.reduce((a, s) => a + s.duration, 0));
  for (const scene of sb.scenes) {
    expect(scene.storyboard_id).toBe(sb.id);
    expect(scene.tasks.map((t) => t.task_type).sort()).toEqual(TASK_TYPES);
    for (const t of scene.tasks) expect(t.scene_id).toBe(scene.id);
  }
  expect(sb.total_tasks).toBe(4 * sb.scenes.length);
  expect(sb.completed_tasks).toBe(sb.scenes.flatMap((s) => s.tasks).filter((t) => t.completed).length);
}

const scene = (over: Record<string, unknown> = {}) => ({
  duration: 4,
  scene_type: "content",
  visual_description: "Close-up of the pot as the water comes to a boil",
  script: "While the water heats, chop one onion.",
  text_overlay: "Step 1: boil",
  camera_angle: "Top-down",
  ...over,
});

describe.each(DIALECTS)("API v1 on %s", (dialect) => {
  describe("routes", () => {
    let app: RunningApp;
    let alice: Session;
    let bob: Session;
    let anon: Session;
    let aliceId: string;
    let project: Project;
    /** Alice's generated storyboard: read-only for the tests below, which work on copies. */
    let board: StoryboardView;
    let bobProject: Project;
    let bobBoard: StoryboardWithScenes;
    /** Request ids of the 500s a test provokes on purpose; any other server error fails the suite. */
    const provoked: string[] = [];

    const newProject = async (s: Session, title = "Weeknight recipes") => {
      const r = await call<Project>(s, "POST", "/projects", { title });
      expect(r.status, r.text).toBe(201);
      return r.body;
    };
    /** A private copy of the generated storyboard to edit (duplicate is not rate limited). */
    const copyOfBoard = async () => {
      const r = await call<StoryboardWithScenes>(alice, "POST", `/storyboards/${board.id}/duplicate`);
      expect(r.status, r.text).toBe(201);
      return r.body;
    };
    const getBoard = async (id: number) => {
      const r = await call<StoryboardView>(alice, "GET", `/storyboards/${id}`);
      expect(r.status, r.text).toBe(200);
      return r.body;
    };

    beforeAll(async () => {
      app = await startApp(dialect, inject("pgAdminUrl"));
      alice = await new Session(app.baseUrl).signIn(uniqueEmail("alice"), "Alice");
      bob = await new Session(app.baseUrl).signIn(uniqueEmail("bob"), "Bob");
      anon = new Session(app.baseUrl);
      const me = (await (await alice.fetch("/api/auth/session")).json()) as { user?: { id?: string } };
      aliceId = me.user!.id!;
      project = await newProject(alice);
      const gen = await call<Storyboard>(alice, "POST", `/projects/${project.id}/storyboards`, { title: "Pasta in 15", brief: BRIEF, platform: "tiktok", duration: 30, seed: 7 });
      expect(gen.status, gen.text).toBe(202);
      board = await waitForGeneration(alice, gen.body.id);
      expect(board.status, board.error_message ?? "").toBe("completed");
      bobProject = await newProject(bob, "Bob's channel");
      const bobGen = await call<Storyboard>(bob, "POST", `/projects/${bobProject.id}/storyboards`, { brief: "Three tips for better phone photos", pattern: "" });
      expect(bobGen.status, bobGen.text).toBe(202);
      bobBoard = await waitForGeneration(bob, bobGen.body.id);
      expect(bobBoard.status, bobBoard.error_message ?? "").toBe("completed");
    });

    afterAll(async () => {
      await app?.stop();
    });

    // ---------------------------------------------------------------- projects

    it("POST /projects creates a project (201) and ignores user_id in the body", async () => {
      const r = await call<Project>(alice, "POST", "/projects", { title: "  Launch week  ", description: "Teasers", status: "draft", user_id: "someone-else", id: 1 });
      expect(r.status, r.text).toBe(201);
      expect(r.body).toMatchObject({ title: "Launch week", description: "Teasers", status: "draft", user_id: aliceId });
      expect(r.headers.get("content-type")).toMatch(/application\/json/);
      expect(r.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
      expect((await call(bob, "GET", `/projects/${r.body.id}`)).status).toBe(404);
      const byDefault = await call<Project>(alice, "POST", "/projects", { title: "No status given" });
      expect(byDefault.body.status).toBe("active");
    });

    it("POST /projects rejects invalid input with 400 naming the field", async () => {
      expectError(await call(alice, "POST", "/projects", {}), 400, "validation", "title");
      expectError(await call(alice, "POST", "/projects", { title: "   " }), 400, "validation", "title");
      expectError(await call(alice, "POST", "/projects", { title: "x".repeat(256) }), 400, "validation", "title");
      expectError(await call(alice, "POST", "/projects", { title: 42 }), 400, "validation", "title");
      expectError(await call(alice, "POST", "/projects", { title: "Ok", status: "paused" }), 400, "validation", "status");
      expectError(await call(alice, "POST", "/projects", ["title"]), 400, "validation", "body");
      const bad = await alice.fetch("/api/v1/projects", { method: "POST", headers: { "content-type": "application/json" }, body: "{title:" });
      expectError({ status: bad.status, body: await bad.json(), headers: bad.headers, text: "" }, 400, "validation", "body");
      expect((await call<Project>(alice, "POST", "/projects", { title: "x".repeat(255) })).status).toBe(201);
    });

    it("GET /projects lists the user's projects with counts and filters by ?status=", async () => {
      const archived = await call<Project>(alice, "POST", "/projects", { title: "Old series", status: "archived" });
      const all = await call<ProjectSummary[]>(alice, "GET", "/projects");
      expect(all.status).toBe(200);
      const ids = all.body.map((p) => p.id);
      expect(ids).toContain(project.id);
      expect(ids).toContain(archived.body.id);
      expect(ids).not.toContain(bobProject.id);
      const mine = all.body.find((p) => p.id === project.id)!;
      expect(mine.storyboard_count).toBeGreaterThanOrEqual(1);
      expect(mine.total_tasks).toBeGreaterThanOrEqual(board.total_tasks);
      const onlyArchived = await call<ProjectSummary[]>(alice, "GET", "/projects?status=archived");
      expect(onlyArchived.status).toBe(200);
      expect(onlyArchived.body.map((p) => p.id)).toContain(archived.body.id);
      expect(onlyArchived.body.every((p) => p.status === "archived")).toBe(true);
      expect((await call<ProjectSummary[]>(alice, "GET", "/projects?status=")).body.length).toBe(all.body.length);
      expectError(await call(alice, "GET", "/projects?status=deleted"), 400, "validation", "status");
      const bobs = await call<ProjectSummary[]>(bob, "GET", "/projects");
      expect(bobs.body.map((p) => p.id)).toEqual([bobProject.id]);
    });

    it("GET /projects/:id returns the project; 404 for another user's, a missing or a malformed id", async () => {
      const r = await call<Project>(alice, "GET", `/projects/${project.id}`);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ id: project.id, title: project.title, user_id: aliceId });
      expectError(await call(bob, "GET", `/projects/${project.id}`), 404, "not_found");
      expectError(await call(alice, "GET", `/projects/${MISSING}`), 404, "not_found");
      expectError(await call(alice, "GET", "/projects/abc"), 404, "not_found");
      expectError(await call(alice, "GET", "/projects/99999999999999"), 404, "not_found");
    });

    it("PATCH /projects/:id updates given fields only and validates them", async () => {
      const p = await newProject(alice, "Before");
      const r = await call<Project>(alice, "PATCH", `/projects/${p.id}`, { title: "After", status: "completed", user_id: "someone-else" });
      expect(r.status, r.text).toBe(200);
      expect(r.body).toMatchObject({ id: p.id, title: "After", status: "completed", user_id: aliceId, description: null });
      const d = await call<Project>(alice, "PATCH", `/projects/${p.id}`, { description: "Now with notes" });
      expect(d.body).toMatchObject({ title: "After", description: "Now with notes" });
      expectError(await call(alice, "PATCH", `/projects/${p.id}`, { title: "" }), 400, "validation", "title");
      expectError(await call(alice, "PATCH", `/projects/${p.id}`, { status: "done" }), 400, "validation", "status");
      expectError(await call(alice, "PATCH", `/projects/${p.id}`, {}), 400, "validation", "body");
      expectError(await call(alice, "PATCH", `/projects/${p.id}`, { titel: "typo" }), 400, "validation", "body");
      expectError(await call(bob, "PATCH", `/projects/${p.id}`, { title: "Taken over" }), 404, "not_found");
      expectError(await call(alice, "PATCH", `/projects/${MISSING}`, { title: "Nobody" }), 404, "not_found");
      expect((await call<Project>(alice, "GET", `/projects/${p.id}`)).body.title).toBe("After");
    });

    it("DELETE /projects/:id deletes the project with its storyboards (204)", async () => {
      const p = await newProject(alice, "Short-lived");
      expectError(await call(bob, "DELETE", `/projects/${p.id}`), 404, "not_found");
      expectError(await call(alice, "DELETE", `/projects/${MISSING}`), 404, "not_found");
      const r = await call(alice, "DELETE", `/projects/${p.id}`);
      expect(r.status).toBe(204);
      expect(r.text).toBe("");
      expectError(await call(alice, "GET", `/projects/${p.id}`), 404, "not_found");
      expectError(await call(alice, "DELETE", `/projects/${p.id}`), 404, "not_found");
      expect((await call<ProjectSummary[]>(alice, "GET", "/projects")).body.map((x) => x.id)).not.toContain(p.id);
    });

    it("GET /projects/:id/detail returns the hierarchy with consistent progress", async () => {
      const r = await call<ProjectDetail>(alice, "GET", `/projects/${project.id}/detail`);
      expect(r.status, r.text).toBe(200);
      expect(r.body.project.id).toBe(project.id);
      const sb = r.body.storyboards.find((s) => s.id === board.id)!;
      expect(sb).toBeDefined();
      expect(sb.scene_count).toBe(board.scenes.length);
      expect(sb.scenes.map((s) => s.id)).toEqual(board.scenes.map((s) => s.id));
      for (const s of sb.scenes) expect(s.total_tasks).toBe(4);
      expect(sb.total_tasks).toBe(4 * board.scenes.length);
      // The project's progress is its main storyboard's.
      const main = r.body.storyboards.filter((s) => s.is_main);
      expect(main).toHaveLength(1);
      expect(r.body.total_tasks).toBe(main[0]!.total_tasks);
      expect(r.body.completed_tasks).toBe(main[0]!.completed_tasks);
      expectError(await call(bob, "GET", `/projects/${project.id}/detail`), 404, "not_found");
      expectError(await call(alice, "GET", `/projects/${MISSING}/detail`), 404, "not_found");
    });

    // ---------------------------------------------------------------- storyboards

    it("POST /projects/:id/storyboards answers 202 at once; the storyboard then completes with scenes and 4 tasks each", async () => {
      const r = await call<Storyboard & Record<string, unknown>>(alice, "POST", `/projects/${project.id}/storyboards`, {
        brief: "Unbox the new headphones and compare them with last year's model\nKeep it under a minute",
        reference_urls: ["https://example.com/review", "http://example.org/a?b=c"],
        platform: "youtube_shorts",
        duration: 45,
        pattern: "comparison",
        seed: 12345,
        user_id: "someone-else",
        status: "completed",
        scenes: [scene()],
      });
      expect(r.status, r.text).toBe(202);
      expect(r.body.status).toBe("generating");
      expect(r.body.project_id).toBe(project.id);
      expect(r.body.title).toBe("Unbox the new headphones and compare them with last year's model");
      expect(r.body.reference_urls).toEqual(["https://example.com/review", "http://example.org/a?b=c"]);
      expect(r.body.generation_options).toMatchObject({ platform: "youtube_shorts", duration: 45, seed: 12345 });
      expect(r.body).not.toHaveProperty("scenes");
      const done = await waitForGeneration(alice, r.body.id);
      expect(done.status, done.error_message ?? "").toBe("completed");
      expect(done.error_message).toBeNull();
      expect(done.scenes.length).toBeGreaterThan(1);
      expectConsistent(done);
      expect(done.completed_tasks).toBe(0);
      expect(done.scenes.every((s) => s.visual_description.length > 0)).toBe(true);
      expect(Array.isArray(done.checks)).toBe(true);
      for (const c of done.checks) {
        expect(typeof c.id).toBe("string");
        expect(["error", "warning", "info"]).toContain(c.severity);
        expect(typeof c.message).toBe("string");
      }
      expect(done.pattern_source).toBeTruthy();
    });

    it("POST /briefs/understand says what was read; brief_fields correct it and are stored with the storyboard", async () => {
      const brief = "YouTube Shorts, 30s. Product: ShiftPilot - rota planning for restaurants.\n- pain: managers lose 5 hours a week building schedules\n- CTA: start a free trial\nTone: calm";
      const u = await call<{ summary: string; fields: Record<string, unknown> }>(alice, "POST", "/briefs/understand", { brief });
      expect(u.status, u.text).toBe(200);
      expect(u.body.summary).toMatch(/^We read: product ShiftPilot .* CTA: start a free trial · tone: calm$/);
      expect(u.body.fields).toMatchObject({ product: "ShiftPilot", cta: "start a free trial", tone: ["calm"] });
      expectError(await call(alice, "POST", "/briefs/understand", { brief, brief_fields: { tone: "calm" } }), 400, "validation", "brief_fields.tone");
      // A thin brief is told, before generating, how long a storyboard it fills and what to add.
      const thin = await call<{ length: { requested_duration: number; total_duration: number; message: string | null } }>(alice, "POST", "/briefs/understand", { brief: "TikTok for Waggle dog food. Link in bio.", duration: 180 });
      expect(thin.status, thin.text).toBe(200);
      expect(thin.body.length.requested_duration).toBe(180);
      expect(thin.body.length.total_duration).toBeLessThan(30);
      expect(thin.body.length.message).toMatch(/^\d+ s of material; .* to reach the 180 s asked for\.$/);
      expectError(await call(alice, "POST", "/briefs/understand", { brief, duration: 3 }), 400, "validation", "duration");
      const r = await call<Storyboard>(alice, "POST", `/projects/${project.id}/storyboards`, { brief, brief_fields: { cta: "book a demo at shiftpilot.com" } });
      expect(r.status, r.text).toBe(202);
      expect(r.body.generation_options).toMatchObject({ brief_fields: { cta: "book a demo at shiftpilot.com" } });
      const done = await waitForGeneration(alice, r.body.id);
      expect(done.status, done.error_message ?? "").toBe("completed");
      expect(done.scenes[done.scenes.length - 1]!.script).toMatch(/book a demo at shiftpilot\.com/i);
    });

    it("POST /projects/:id/storyboards validates every field and names it", async () => {
      const path = `/projects/${project.id}/storyboards`;
      expectError(await call(alice, "POST", path, {}), 400, "validation", "brief");
      expectError(await call(alice, "POST", path, { brief: "  " }), 400, "validation", "brief");
      expectError(await call(alice, "POST", path, { brief: "x".repeat(10_001) }), 400, "validation", "brief");
      expectError(await call(alice, "POST", path, { brief: BRIEF, title: "t".repeat(256) }), 400, "validation", "title");
      const urls = Array.from({ length: 11 }, (_, i) => `https://example.com/${i}`);
      expectError(await call(alice, "POST", path, { brief: BRIEF, reference_urls: urls }), 400, "validation", "reference_urls");
      expectError(await call(alice, "POST", path, { brief: BRIEF, reference_urls: "https://example.com" }), 400, "validation", "reference_urls");
      expectError(await call(alice, "POST", path, { brief: BRIEF, reference_urls: ["https://ok.example", "javascript:alert(1)"] }), 400, "validation", "reference_urls.1");
      expectError(await call(alice, "POST", path, { brief: BRIEF, reference_urls: ["ftp://example.com/file"] }), 400, "validation", "reference_urls.0");
      expectError(await call(alice, "POST", path, { brief: BRIEF, platform: "myspace" }), 400, "validation", "platform");
      expectError(await call(alice, "POST", path, { brief: BRIEF, duration: 2 }), 400, "validation", "duration");
      expectError(await call(alice, "POST", path, { brief: BRIEF, duration: 181 }), 400, "validation", "duration");
      expectError(await call(alice, "POST", path, { brief: BRIEF, duration: "30" }), 400, "validation", "duration");
      expectError(await call(alice, "POST", path, { brief: BRIEF, pattern: "nonsense" }), 400, "validation", "pattern");
      expectError(await call(alice, "POST", path, { brief: BRIEF, pattern: 3 }), 400, "validation", "pattern");
      expectError(await call(alice, "POST", path, { brief: BRIEF, seed: -1 }), 400, "validation", "seed");
      expectError(await call(alice, "POST", path, { brief: BRIEF, seed: 1.5 }), 400, "validation", "seed");
      const both = expectError(await call(alice, "POST", path, { brief: "", platform: "vine" }), 400, "validation");
      expect(Object.keys(both.fields!).sort()).toEqual(["brief", "platform"]);
      const list = await call<StoryboardSummary[]>(alice, "GET", path);
      expect(list.body.every((s) => s.title !== "t".repeat(256))).toBe(true);
    });

    it("POST /projects/:id/storyboards: 404 for another user's or a missing project, 10,000-char brief accepted", async () => {
      expectError(await call(bob, "POST", `/projects/${project.id}/storyboards`, { brief: BRIEF }), 404, "not_found");
      expectError(await call(alice, "POST", `/projects/${MISSING}/storyboards`, { brief: BRIEF }), 404, "not_found");
      expectError(await call(alice, "POST", "/projects/0/storyboards", { brief: BRIEF }), 404, "not_found");
      const long = await call<Storyboard>(alice, "POST", `/projects/${project.id}/storyboards`, { title: "Long brief", brief: "word ".repeat(2_000) });
      expect(long.status, long.text).toBe(202);
      expect(long.body.brief.length).toBeLessThanOrEqual(10_000);
      expect((await waitForGeneration(alice, long.body.id)).status).not.toBe("generating");
    });

    it("GET /projects/:id/storyboards lists the project's storyboards with progress", async () => {
      const r = await call<StoryboardSummary[]>(alice, "GET", `/projects/${project.id}/storyboards`);
      expect(r.status).toBe(200);
      const mine = r.body.find((s) => s.id === board.id)!;
      expect(mine).toMatchObject({ title: "Pasta in 15", status: "completed", scene_count: board.scenes.length, total_tasks: board.total_tasks });
      expect(r.body.every((s) => s.project_id === project.id)).toBe(true);
      expectError(await call(bob, "GET", `/projects/${project.id}/storyboards`), 404, "not_found");
      expectError(await call(alice, "GET", `/projects/${MISSING}/storyboards`), 404, "not_found");
    });

    it("GET /storyboards/:id returns scenes in order with tasks, progress and checks", async () => {
      const sb = await getBoard(board.id);
      expect(sb).toMatchObject({ id: board.id, project_id: project.id, status: "completed", brief: BRIEF });
      expect(sb.generation_options).toMatchObject({ platform: "tiktok", duration: 30, seed: 7 });
      expectConsistent(sb);
      expect(Array.isArray(sb.checks)).toBe(true);
      expectError(await call(bob, "GET", `/storyboards/${board.id}`), 404, "not_found");
      expectError(await call(alice, "GET", `/storyboards/${MISSING}`), 404, "not_found");
      expectError(await call(alice, "GET", "/storyboards/1.5"), 404, "not_found");
    });

    it("PATCH /storyboards/:id edits title, brief and reference URLs, validating them", async () => {
      const copy = await copyOfBoard();
      const r = await call<Storyboard>(alice, "PATCH", `/storyboards/${copy.id}`, {
        title: "Pasta, edited",
        reference_urls: ["https://example.com/pasta"],
        status: "error",
        total_scenes: 99,
        project_id: bobProject.id,
      });
      expect(r.status, r.text).toBe(200);
      expect(r.body).toMatchObject({ id: copy.id, title: "Pasta, edited", reference_urls: ["https://example.com/pasta"], status: "completed", project_id: project.id });
      expect(r.body.total_scenes).toBe(copy.scenes.length);
      const b = await call<Storyboard>(alice, "PATCH", `/storyboards/${copy.id}`, { brief: "A new brief" });
      expect(b.body).toMatchObject({ brief: "A new brief", title: "Pasta, edited" });
      expectError(await call(alice, "PATCH", `/storyboards/${copy.id}`, { title: "" }), 400, "validation", "title");
      expectError(await call(alice, "PATCH", `/storyboards/${copy.id}`, { title: "t".repeat(256) }), 400, "validation", "title");
      expectError(await call(alice, "PATCH", `/storyboards/${copy.id}`, { brief: "b".repeat(10_001) }), 400, "validation", "brief");
      expectError(await call(alice, "PATCH", `/storyboards/${copy.id}`, { reference_urls: ["notaurl"] }), 400, "validation", "reference_urls.0");
      expectError(await call(alice, "PATCH", `/storyboards/${copy.id}`, {}), 400, "validation", "body");
      expectError(await call(bob, "PATCH", `/storyboards/${copy.id}`, { title: "Mine now" }), 404, "not_found");
      expectError(await call(alice, "PATCH", `/storyboards/${MISSING}`, { title: "Nobody" }), 404, "not_found");
      expect((await getBoard(copy.id)).title).toBe("Pasta, edited");
    });

    it("undoes and redoes edits, brings a deleted project back, saves, diffs and restores versions (issue 14)", async () => {
      const copy = await copyOfBoard();
      const scene = copy.scenes[0]!;
      expect((await call(alice, "PATCH", `/scenes/${scene.id}`, { script: "Undo me" })).status).toBe(200);
      const state = await call<UndoState>(alice, "GET", `/storyboards/${copy.id}/changes`);
      expect(state.status, state.text).toBe(200);
      expect(state.body.undo?.label).toBe("Edit scene 1: voice-over");
      expectError(await call(bob, "POST", `/storyboards/${copy.id}/undo`), 404, "not_found");
      expectError(await call(bob, "GET", `/storyboards/${copy.id}/changes`), 404, "not_found");
      expectError(await call(alice, "POST", `/storyboards/${copy.id}/undo`, { change_id: "x" }), 400, "validation", "change_id");
      const undone = await call<UndoResult>(alice, "POST", `/storyboards/${copy.id}/undo`);
      expect(undone.status, undone.text).toBe(200);
      expect(undone.body.change).toMatchObject({ label: "Edit scene 1: voice-over", undone: true });
      expect(undone.headers.get("etag")).toBe(`"${(await getBoard(copy.id)).version}"`);
      expect((await getBoard(copy.id)).scenes[0]!.script).toBe(scene.script);
      expect((await call(alice, "POST", `/storyboards/${copy.id}/redo`)).status).toBe(200);
      expect((await getBoard(copy.id)).scenes[0]!.script).toBe("Undo me");
      const nothing = await call(alice, "POST", `/storyboards/${copy.id}/redo`);
      expectError(nothing, 409, "conflict");

      expectError(await call(alice, "POST", `/storyboards/${copy.id}/versions`, { name: "" }), 400, "validation", "name");
      const v = await call<VersionSummary>(alice, "POST", `/storyboards/${copy.id}/versions`, { name: "Approved cut" });
      expect(v.status, v.text).toBe(201);
      expect((await call<VersionSummary[]>(alice, "GET", `/storyboards/${copy.id}/versions`)).body.map((x) => x.name)).toContain("Approved cut");
      expect((await call(alice, "PATCH", `/scenes/${scene.id}`, { text_overlay: "Changed after" })).status).toBe(200);
      const detail = await call<VersionDetail>(alice, "GET", `/versions/${v.body.id}`);
      expect(detail.body.diff.map((d) => [d.kind, d.scene_number, d.fields.map((f) => f.field)])).toEqual([["changed", 1, ["text_overlay"]]]);
      expectError(await call(bob, "GET", `/versions/${v.body.id}`), 404, "not_found");
      const restored = await call<UndoResult>(alice, "POST", `/versions/${v.body.id}/restore`);
      expect(restored.status, restored.text).toBe(200);
      expect((await getBoard(copy.id)).scenes[0]!.text_overlay).toBe(scene.text_overlay);
      expect((await call<UndoResult>(alice, "POST", `/storyboards/${copy.id}/undo`)).body.change.label).toBe("Restore version “Approved cut”");
      expect((await getBoard(copy.id)).scenes[0]!.text_overlay).toBe("Changed after");

      const p = await newProject(alice, "Deleted by mistake");
      expect((await call(alice, "DELETE", `/projects/${p.id}`)).status).toBe(204);
      expectError(await call(alice, "GET", `/projects/${p.id}`), 404, "not_found");
      expectError(await call(bob, "POST", `/projects/${p.id}/undo`), 404, "not_found");
      const back = await call<UndoResult>(alice, "POST", `/projects/${p.id}/undo`);
      expect(back.status, back.text).toBe(200);
      expect(back.body.change.label).toBe("Delete project “Deleted by mistake”");
      expect((await call<Project>(alice, "GET", `/projects/${p.id}`)).body.title).toBe("Deleted by mistake");
    });

    it("DELETE /storyboards/:id deletes it with its scenes and tasks (204)", async () => {
      const copy = await copyOfBoard();
      expectError(await call(bob, "DELETE", `/storyboards/${copy.id}`), 404, "not_found");
      expectError(await call(alice, "DELETE", `/storyboards/${MISSING}`), 404, "not_found");
      const r = await call(alice, "DELETE", `/storyboards/${copy.id}`);
      expect(r.status).toBe(204);
      expectError(await call(alice, "GET", `/storyboards/${copy.id}`), 404, "not_found");
      expectError(await call(alice, "PATCH", `/scenes/${copy.scenes[0]!.id}`, { duration: 3 }), 404, "not_found");
      expectError(await call(alice, "PATCH", `/tasks/${copy.scenes[0]!.tasks[0]!.id}`, { completed: true }), 404, "not_found");
    });

    it("POST /storyboards/:id/duplicate copies scenes with unticked tasks (201)", async () => {
      const source = await copyOfBoard();
      await call(alice, "PATCH", `/tasks/${source.scenes[0]!.tasks[0]!.id}`, { completed: true });
      const r = await call<StoryboardWithScenes>(alice, "POST", `/storyboards/${source.id}/duplicate`);
      expect(r.status, r.text).toBe(201);
      expect(r.body.id).not.toBe(source.id);
      expect(r.body.title).toBe(`${source.title} (copy)`);
      expect(r.body.project_id).toBe(project.id);
      expect(r.body.status).toBe("completed");
      expect(r.body.scenes.map((s) => [s.scene_type, s.duration, s.visual_description])).toEqual(source.scenes.map((s) => [s.scene_type, s.duration, s.visual_description]));
      expectConsistent(r.body);
      expect(r.body.completed_tasks).toBe(0);
      expect((await getBoard(source.id)).completed_tasks).toBe(1);
      expectError(await call(bob, "POST", `/storyboards/${source.id}/duplicate`), 404, "not_found");
      expectError(await call(alice, "POST", `/storyboards/${MISSING}/duplicate`), 404, "not_found");
    });

    it("POST /storyboards/:id/variations generates a sibling from the same brief that differs, with chosen options (202)", async () => {
      const r = await call<Storyboard>(alice, "POST", `/storyboards/${board.id}/variations`);
      expect(r.status, r.text).toBe(202);
      expect(r.body.status).toBe("generating");
      expect(r.body.id).not.toBe(board.id);
      expect(r.body.project_id).toBe(project.id);
      expect(r.body.brief).toBe(board.brief);
      expect(r.body.title).toMatch(/^Pasta in 15 \(variation \d+\)$/);
      expect(r.body.generation_options.platform).toBe("tiktok");
      expect(r.body.generation_options.duration).toBe(30);
      expect(r.body.generation_options.seed).not.toBe(board.generation_options.seed);
      const done = await waitForGeneration(alice, r.body.id);
      expect(done.status, done.error_message ?? "").toBe("completed");
      expectConsistent(done);
      expect(done.pattern_source!.split(" ")[0]).not.toBe(board.pattern_source!.split(" ")[0]); // another pattern that fits the brief
      // Chosen options; a new platform without an aspect ratio takes the platform's shape.
      const chosen = await call<Storyboard>(alice, "POST", `/storyboards/${board.id}/variations`, { pattern: "myth-fact", platform: "youtube", duration: 20 });
      expect(chosen.status, chosen.text).toBe(202);
      expect(chosen.body.generation_options).toMatchObject({ pattern: "myth-fact", platform: "youtube", duration: 20 });
      expect(chosen.body.aspect_ratio).toBe("16:9");
      // Every bad option named at once.
      const bad = await call(alice, "POST", `/storyboards/${board.id}/variations`, { pattern: "nope", platform: "vine", duration: 2, aspect_ratio: "2:1" });
      expectError(bad, 400, "validation");
      expect(Object.keys((bad.body as ErrorBody).error.fields ?? {}).sort()).toEqual(["aspect_ratio", "duration", "pattern", "platform"]);
      expectError(await call(alice, "POST", `/storyboards/${board.id}/variations`, { duration: "long" }), 400, "validation", "duration");
      expectError(await call(bob, "POST", `/storyboards/${board.id}/variations`), 404, "not_found");
      expectError(await call(alice, "POST", `/storyboards/${MISSING}/variations`), 404, "not_found");
    });

    it("PUT /storyboards/:id/main makes a storyboard the main one: the project's progress follows it", async () => {
      const copy = await copyOfBoard();
      await call(alice, "PATCH", `/tasks/${copy.scenes[0]!.tasks[0]!.id}`, { completed: true });
      expect(copy.is_main).toBe(false);
      const r = await call<Storyboard>(alice, "PUT", `/storyboards/${copy.id}/main`);
      expect(r.status, r.text).toBe(200);
      expect(r.body).toMatchObject({ id: copy.id, is_main: true });
      const detail = (await call<ProjectDetail>(alice, "GET", `/projects/${project.id}/detail`)).body;
      expect(detail.storyboards.filter((s) => s.is_main).map((s) => s.id)).toEqual([copy.id]);
      expect(detail).toMatchObject({ total_tasks: copy.total_tasks, completed_tasks: 1 });
      const dashboard = (await call<ProjectSummary[]>(alice, "GET", "/projects")).body.find((p) => p.id === project.id)!;
      expect(dashboard).toMatchObject({ total_tasks: copy.total_tasks, completed_tasks: 1 });
      // Back to the generated storyboard, which the other tests read as the main one.
      expect((await call<Storyboard>(alice, "PUT", `/storyboards/${board.id}/main`)).body.is_main).toBe(true);
      expect((await getBoard(copy.id)).is_main).toBe(false);
      expectError(await call(bob, "PUT", `/storyboards/${board.id}/main`), 404, "not_found");
      expectError(await call(alice, "PUT", `/storyboards/${MISSING}/main`), 404, "not_found");
    });

    it("POST /storyboards/:id/retry regenerates a failed storyboard (202) and refuses one still generating (409)", async () => {
      const copy = await copyOfBoard();
      const raw = await openRaw(app.db);
      try {
        await raw.query("UPDATE storyboards SET status = 'error', error_message = 'The storyboard engine failed unexpectedly' WHERE id = $1", [copy.id]);
        const failed = await getBoard(copy.id);
        expect(failed.status).toBe("error");
        expect(failed.checks).toEqual([]);
        expectError(await call(bob, "POST", `/storyboards/${copy.id}/retry`), 404, "not_found");
        const r = await call<Storyboard>(alice, "POST", `/storyboards/${copy.id}/retry`);
        expect(r.status, r.text).toBe(202);
        expect(r.body).toMatchObject({ id: copy.id, status: "generating", error_message: null });
        const done = await waitForGeneration(alice, copy.id);
        expect(done.status, done.error_message ?? "").toBe("completed");
        expectConsistent(done);
        expect(done.scenes.length).toBeGreaterThan(1);

        // A storyboard whose generation is still running (its job is not queued here, so it stays).
        const stuck = await copyOfBoard();
        await raw.query("UPDATE storyboards SET status = 'generating' WHERE id = $1", [stuck.id]);
        expectError(await call(alice, "POST", `/storyboards/${stuck.id}/retry`), 409, "conflict");
        await call(alice, "DELETE", `/storyboards/${stuck.id}`);
      } finally {
        await raw.close();
      }
      expectError(await call(alice, "POST", `/storyboards/${MISSING}/retry`), 404, "not_found");
    });

    // ---------------------------------------------------------------- scenes

    it("PUT /storyboards/:id/scene-order puts every scene in the given order", async () => {
      const copy = await copyOfBoard();
      const reversed = copy.scenes.map((s) => s.id).reverse();
      const r = await call<SceneWithTasks[]>(alice, "PUT", `/storyboards/${copy.id}/scene-order`, { scene_ids: reversed });
      expect(r.status, r.text).toBe(200);
      expect(r.body.map((s) => s.id)).toEqual(reversed);
      expect(r.body.map((s) => s.scene_number)).toEqual(reversed.map((_, i) => i + 1));
      const after = await getBoard(copy.id);
      expect(after.scenes.map((s) => s.id)).toEqual(reversed);
      expectConsistent(after);

      const path = `/storyboards/${copy.id}/scene-order`;
      expectError(await call(alice, "PUT", path, {}), 400, "validation", "scene_ids");
      expectError(await call(alice, "PUT", path, { scene_ids: "1,2" }), 400, "validation", "scene_ids");
      expectError(await call(alice, "PUT", path, { scene_ids: ["a", ...reversed.slice(1)] }), 400, "validation", "scene_ids.0");
      expectError(await call(alice, "PUT", path, { scene_ids: reversed.slice(1) }), 400, "validation", "scene_ids");
      expectError(await call(alice, "PUT", path, { scene_ids: [reversed[0], ...reversed] }), 400, "validation", "scene_ids");
      const foreign = [bobBoard.scenes[0]!.id, ...reversed.slice(1)];
      expectError(await call(alice, "PUT", path, { scene_ids: foreign }), 400, "validation", "scene_ids");
      expect((await getBoard(copy.id)).scenes.map((s) => s.id)).toEqual(reversed);
      expectError(await call(bob, "PUT", path, { scene_ids: reversed }), 404, "not_found");
      expectError(await call(alice, "PUT", `/storyboards/${MISSING}/scene-order`, { scene_ids: [] }), 404, "not_found");
    });

    it("POST /storyboards/:id/scenes inserts a scene with 4 tasks at a position or at the end (201)", async () => {
      const copy = await copyOfBoard();
      const n = copy.scenes.length;
      const first = await call<SceneWithTasks>(alice, "POST", `/storyboards/${copy.id}/scenes`, { ...scene({ scene_type: "hook", duration: 3 }), position: 1, storyboard_id: bobBoard.id });
      expect(first.status, first.text).toBe(201);
      expect(first.body).toMatchObject({ storyboard_id: copy.id, scene_number: 1, scene_type: "hook", duration: 3, text_overlay: "Step 1: boil" });
      expect(first.body.tasks.map((t) => t.task_type).sort()).toEqual(TASK_TYPES);
      expect(first.body.tasks.every((t) => !t.completed)).toBe(true);
      const last = await call<SceneWithTasks>(alice, "POST", `/storyboards/${copy.id}/scenes`, { visual_description: "Plate the pasta" });
      expect(last.status, last.text).toBe(201);
      // A scene added without a length gets 3 s (scenes run 1 to 60 s).
      expect(last.body).toMatchObject({ scene_number: n + 2, scene_type: "content", duration: 3, script: null });
      const after = await getBoard(copy.id);
      expect(after.scenes[0]!.id).toBe(first.body.id);
      expect(after.scenes.at(-1)!.id).toBe(last.body.id);
      expect(after.total_duration).toBe(copy.total_duration + 3 + 3);
      expectConsistent(after);
      expect((await call<StoryboardView>(bob, "GET", `/storyboards/${bobBoard.id}`)).body.scenes.length).toBe(bobBoard.scenes.length);
    });

    it("POST /storyboards/:id/scenes validates scene fields and the position", async () => {
      const copy = await copyOfBoard();
      const path = `/storyboards/${copy.id}/scenes`;
      const n = copy.scenes.length;
      expectError(await call(alice, "POST", path, {}), 400, "validation", "visual_description");
      expectError(await call(alice, "POST", path, scene({ visual_description: " " })), 400, "validation", "visual_description");
      expectError(await call(alice, "POST", path, scene({ text_overlay: "o".repeat(501) })), 400, "validation", "text_overlay");
      expectError(await call(alice, "POST", path, scene({ camera_angle: "c".repeat(101) })), 400, "validation", "camera_angle");
      expectError(await call(alice, "POST", path, scene({ scene_type: "intro" })), 400, "validation", "scene_type");
      expectError(await call(alice, "POST", path, scene({ duration: -1 })), 400, "validation", "duration");
      expectError(await call(alice, "POST", path, scene({ duration: 2.5 })), 400, "validation", "duration");
      // Scenes run 1 to 60 s: 0 and 999 are refused by the same schema as the forms and the store.
      for (const duration of [0, 61, 999]) expectError(await call(alice, "POST", path, scene({ duration })), 400, "validation", "duration");
      expect((await call<ErrorBody>(alice, "POST", path, scene({ duration: 0 }))).body.error.fields?.duration).toBe("Duration must be at least 1 second");
      expectError(await call(alice, "POST", path, { ...scene(), position: 0 }), 400, "validation", "position");
      expectError(await call(alice, "POST", path, { ...scene(), position: "first" }), 400, "validation", "position");
      expectError(await call(alice, "POST", path, { ...scene(), position: n + 2 }), 400, "validation", "position");
      const ok = await call<SceneWithTasks>(alice, "POST", path, { ...scene({ text_overlay: "o".repeat(500), camera_angle: "c".repeat(100) }), position: n + 1 });
      expect(ok.status, ok.text).toBe(201);
      expect((await getBoard(copy.id)).scenes.length).toBe(n + 1);
      expectError(await call(bob, "POST", path, scene()), 404, "not_found");
      expectError(await call(alice, "POST", `/storyboards/${MISSING}/scenes`, scene()), 404, "not_found");
    });

    it("PATCH /scenes/:id edits fields, keeps totals in sync and validates", async () => {
      const copy = await copyOfBoard();
      const target = copy.scenes[1]!;
      const r = await call<Scene>(alice, "PATCH", `/scenes/${target.id}`, {
        duration: target.duration + 5,
        scene_type: "transition",
        script: null,
        text_overlay: "New overlay",
        camera_angle: "Low angle",
        scene_number: 99,
        storyboard_id: bobBoard.id,
      });
      expect(r.status, r.text).toBe(200);
      expect(r.body).toMatchObject({ id: target.id, storyboard_id: copy.id, scene_number: 2, duration: target.duration + 5, scene_type: "transition", script: null, text_overlay: "New overlay" });
      const after = await getBoard(copy.id);
      expect(after.total_duration).toBe(copy.total_duration + 5);
      expectConsistent(after);
      const path = `/scenes/${target.id}`;
      expectError(await call(alice, "PATCH", path, { visual_description: "" }), 400, "validation", "visual_description");
      expectError(await call(alice, "PATCH", path, { text_overlay: "o".repeat(501) }), 400, "validation", "text_overlay");
      expectError(await call(alice, "PATCH", path, { camera_angle: "c".repeat(101) }), 400, "validation", "camera_angle");
      expectError(await call(alice, "PATCH", path, { scene_type: "outro" }), 400, "validation", "scene_type");
      for (const duration of [0, 61, 999, 3601]) expectError(await call(alice, "PATCH", path, { duration }), 400, "validation", "duration");
      expect((await call<ErrorBody>(alice, "PATCH", path, { duration: 999 })).body.error.fields?.duration).toMatch(/^Duration must be at most 60 seconds/);
      expectError(await call(alice, "PATCH", path, {}), 400, "validation", "body");
      expectError(await call(bob, "PATCH", path, { duration: 1 }), 404, "not_found");
      expectError(await call(alice, "PATCH", `/scenes/${MISSING}`, { duration: 1 }), 404, "not_found");
      expect((await getBoard(copy.id)).scenes[1]!.duration).toBe(target.duration + 5);
    });

    it("DELETE /scenes/:id removes the scene and renumbers the rest (204)", async () => {
      const copy = await copyOfBoard();
      const gone = copy.scenes[0]!;
      expectError(await call(bob, "DELETE", `/scenes/${gone.id}`), 404, "not_found");
      expectError(await call(alice, "DELETE", `/scenes/${MISSING}`), 404, "not_found");
      const r = await call(alice, "DELETE", `/scenes/${gone.id}`);
      expect(r.status).toBe(204);
      const after = await getBoard(copy.id);
      expect(after.scenes.map((s) => s.id)).toEqual(copy.scenes.slice(1).map((s) => s.id));
      expect(after.total_duration).toBe(copy.total_duration - gone.duration);
      expectConsistent(after);
      expectError(await call(alice, "DELETE", `/scenes/${gone.id}`), 404, "not_found");
    });

    it("POST /scenes/:id/move moves a scene to a position and returns the new order", async () => {
      const copy = await copyOfBoard();
      const ids = copy.scenes.map((s) => s.id);
      const moving = ids[0]!;
      const r = await call<SceneWithTasks[]>(alice, "POST", `/scenes/${moving}/move`, { position: ids.length });
      expect(r.status, r.text).toBe(200);
      expect(r.body.map((s) => s.id)).toEqual([...ids.slice(1), moving]);
      expect(r.body.map((s) => s.scene_number)).toEqual(ids.map((_, i) => i + 1));
      expectConsistent(await getBoard(copy.id));
      const back = await call<SceneWithTasks[]>(alice, "POST", `/scenes/${moving}/move`, { position: 1 });
      expect(back.body.map((s) => s.id)).toEqual(ids);
      expectError(await call(alice, "POST", `/scenes/${moving}/move`, {}), 400, "validation", "position");
      expectError(await call(alice, "POST", `/scenes/${moving}/move`, { position: 0 }), 400, "validation", "position");
      expectError(await call(alice, "POST", `/scenes/${moving}/move`, { position: ids.length + 1 }), 400, "validation", "position");
      expectError(await call(alice, "POST", `/scenes/${moving}/move`, { position: "2" }), 400, "validation", "position");
      expectError(await call(bob, "POST", `/scenes/${moving}/move`, { position: 1 }), 404, "not_found");
      expectError(await call(alice, "POST", `/scenes/${MISSING}/move`, { position: 1 }), 404, "not_found");
    });

    it("POST /scenes/:id/regenerate rewrites a scene in place, keeping its place, type and duration", async () => {
      const copy = await copyOfBoard();
      const target = copy.scenes[1]!;
      const r = await call<Scene>(alice, "POST", `/scenes/${target.id}/regenerate`);
      expect(r.status, r.text).toBe(200);
      expect(r.body).toMatchObject({ id: target.id, storyboard_id: copy.id, scene_number: target.scene_number, scene_type: target.scene_type, duration: target.duration });
      expect(r.body.visual_description.length).toBeGreaterThan(0);
      const after = await getBoard(copy.id);
      expect(after.total_duration).toBe(copy.total_duration);
      expectConsistent(after);
      expectError(await call(bob, "POST", `/scenes/${target.id}/regenerate`), 404, "not_found");
      expectError(await call(alice, "POST", `/scenes/${MISSING}/regenerate`), 404, "not_found");
    });

    // ---------------------------------------------------------------- tasks

    it("PATCH /tasks/:id ticks and unticks a task and returns progress up the hierarchy", async () => {
      const copy = await copyOfBoard();
      const before = (await call<ProjectDetail>(alice, "GET", `/projects/${project.id}/detail`)).body;
      const task = copy.scenes[0]!.tasks[0]!;
      const r = await call<TaskUpdate>(alice, "PATCH", `/tasks/${task.id}`, { completed: true, scene_id: bobBoard.scenes[0]!.id });
      expect(r.status, r.text).toBe(200);
      expect(r.body.task).toMatchObject({ id: task.id, scene_id: copy.scenes[0]!.id, completed: true });
      expect(r.body.task.completed_at).not.toBeNull();
      expect(r.body).toMatchObject({ scene_id: copy.scenes[0]!.id, storyboard_id: copy.id, project_id: project.id });
      expect(r.body.scene).toEqual({ total_tasks: 4, completed_tasks: 1 });
      expect(r.body.storyboard).toEqual({ total_tasks: copy.total_tasks, completed_tasks: 1 });
      // A copy is a variation: its own progress moves, the project's (its main storyboard's) does not.
      expect(copy.is_main).toBe(false);
      expect(r.body.project).toEqual({ total_tasks: before.total_tasks, completed_tasks: before.completed_tasks });
      const dashboard = (await call<ProjectSummary[]>(alice, "GET", "/projects")).body.find((p) => p.id === project.id)!;
      expect(dashboard.completed_tasks).toBe(before.completed_tasks);
      const again = await call<TaskUpdate>(alice, "PATCH", `/tasks/${task.id}`, { completed: true });
      expect(again.body.storyboard.completed_tasks).toBe(1);
      const undo = await call<TaskUpdate>(alice, "PATCH", `/tasks/${task.id}`, { completed: false });
      expect(undo.body.task).toMatchObject({ completed: false, completed_at: null });
      expect(undo.body.storyboard.completed_tasks).toBe(0);
      expectError(await call(alice, "PATCH", `/tasks/${task.id}`, {}), 400, "validation", "completed");
      expectError(await call(alice, "PATCH", `/tasks/${task.id}`, { completed: "yes" }), 400, "validation", "completed");
      expectError(await call(alice, "PATCH", `/tasks/${task.id}`, { completed: 1 }), 400, "validation", "completed");
      expectError(await call(bob, "PATCH", `/tasks/${task.id}`, { completed: true }), 404, "not_found");
      expectError(await call(alice, "PATCH", `/tasks/${MISSING}`, { completed: true }), 404, "not_found");
      expect((await getBoard(copy.id)).completed_tasks).toBe(0);
    });

    // ---------------------------------------------------------------- cross-cutting

    it("every route answers 401 to a signed-out client", async () => {
      const sc = board.scenes[0]!;
      const routes: Array<[string, string, unknown?]> = [
        ["GET", "/projects"],
        ["POST", "/projects", { title: "x" }],
        ["GET", `/projects/${project.id}`],
        ["PATCH", `/projects/${project.id}`, { title: "x" }],
        ["DELETE", `/projects/${project.id}`],
        ["GET", `/projects/${project.id}/detail`],
        ["GET", `/projects/${project.id}/storyboards`],
        ["POST", `/projects/${project.id}/storyboards`, { brief: BRIEF }],
        ["GET", `/storyboards/${board.id}`],
        ["PATCH", `/storyboards/${board.id}`, { title: "x" }],
        ["DELETE", `/storyboards/${board.id}`],
        ["POST", `/storyboards/${board.id}/retry`],
        ["POST", `/storyboards/${board.id}/variations`],
        ["POST", `/storyboards/${board.id}/duplicate`],
        ["PUT", `/storyboards/${board.id}/main`],
        ["PUT", `/storyboards/${board.id}/scene-order`, { scene_ids: board.scenes.map((s) => s.id) }],
        ["POST", `/storyboards/${board.id}/scenes`, scene()],
        ["PATCH", `/scenes/${sc.id}`, { duration: 1 }],
        ["DELETE", `/scenes/${sc.id}`],
        ["POST", `/scenes/${sc.id}/move`, { position: 1 }],
        ["POST", `/scenes/${sc.id}/regenerate`],
        ["PATCH", `/tasks/${sc.tasks[0]!.id}`, { completed: true }],
      ];
      for (const [method, path, body] of routes) {
        const r = await call(anon, method, path, body);
        expect(`${method} ${path} -> ${r.status}`).toBe(`${method} ${path} -> 401`);
        expectError(r, 401, "unauthorized");
      }
      const still = await getBoard(board.id);
      expect(still.scenes.map((s) => s.id)).toEqual(board.scenes.map((s) => s.id));
      expect(still.completed_tasks).toBe(0);
      expect((await call(alice, "GET", `/projects/${project.id}`)).status).toBe(200);
    });

    it("refuses cross-site and non-JSON writes (CSRF)", async () => {
      const count = async () => (await call<ProjectSummary[]>(alice, "GET", "/projects")).body.length;
      const before = await count();
      const evil = await call(alice, "POST", "/projects", { title: "Planted" }, { origin: "http://evil.example" });
      expectError(evil, 403, "forbidden");
      expectError(await call(alice, "POST", "/projects", { title: "Planted" }, { origin: "null" }), 403, "forbidden");
      expectError(await call(alice, "PATCH", `/projects/${project.id}`, { title: "Planted" }, { origin: "http://evil.example" }), 403, "forbidden");
      expectError(await call(alice, "DELETE", `/projects/${project.id}`, undefined, { origin: "http://evil.example" }), 403, "forbidden");
      expectError(await call(alice, "PATCH", `/tasks/${board.scenes[0]!.tasks[0]!.id}`, { completed: true }, { origin: "https://127.0.0.1.evil.example" }), 403, "forbidden");

      const form = await alice.fetch("/api/v1/projects", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "title=Planted" });
      expect(form.status).toBe(400);
      expect(((await form.json()) as ErrorBody).error.fields).toHaveProperty("body");
      const plain = await alice.fetch("/api/v1/projects", { method: "POST", headers: { "content-type": "text/plain" }, body: JSON.stringify({ title: "Planted" }) });
      expect(plain.status).toBe(400);
      const multipart = new FormData();
      multipart.set("title", "Planted");
      expect((await alice.fetch("/api/v1/projects", { method: "POST", body: multipart })).status).toBe(400);

      expect(await count()).toBe(before);
      expect((await call<Project>(alice, "GET", `/projects/${project.id}`)).body.title).toBe(project.title);
      const sameOrigin = await call<Project>(alice, "POST", "/projects", { title: "From our own page" }, { origin: app.baseUrl });
      expect(sameOrigin.status, sameOrigin.text).toBe(201);
    });

    it("unknown paths under /api/v1 answer a JSON 404", async () => {
      expectError(await call(alice, "GET", "/nothing-here"), 404, "not_found");
      expectError(await call(alice, "POST", `/projects/${project.id}/nothing`, {}), 404, "not_found");
      expectError(await call(anon, "GET", "/nothing-here"), 404, "not_found");
    });

    it("an unexpected failure is a 500 with a request id and no internals", async () => {
      // Fault injection: a trigger that fails inserts of one title with an error the store
      // cannot explain, so it must come out as an internal error.
      const raw = await openRaw(app.db);
      try {
        if (dialect === "sqlite") {
          await raw.exec("CREATE TRIGGER api_test_fault BEFORE INSERT ON projects WHEN NEW.title = 'boom-500' BEGIN SELECT RAISE(ABORT, 'injected fault at secret_table'); END;");
        } else {
          await raw.exec(`CREATE FUNCTION api_test_fault() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected fault at secret_table'; END $$;
            CREATE TRIGGER api_test_fault BEFORE INSERT ON projects FOR EACH ROW WHEN (NEW.title = 'boom-500') EXECUTE FUNCTION api_test_fault();`);
        }
        const r = await call<ErrorBody>(alice, "POST", "/projects", { title: "boom-500" });
        expect(r.status, r.text).toBe(500);
        expect(r.body.error.code).toBe("internal");
        expect(r.body.error.request_id).toMatch(/^[0-9a-f-]{36}$/);
        provoked.push(r.body.error.request_id!);
        expect(r.headers.get("x-request-id")).toBe(r.body.error.request_id);
        expect(r.text).not.toMatch(/injected fault|secret_table|stack|\bat \S+ \(|node_modules|\.ts:\d+/);
        expect(Object.keys(r.body.error).sort()).toEqual(["code", "message", "request_id"]);
        expect((await call(alice, "POST", "/projects", { title: "fine" })).status).toBe(201);
      } finally {
        await raw.exec(dialect === "sqlite" ? "DROP TRIGGER IF EXISTS api_test_fault" : "DROP TRIGGER IF EXISTS api_test_fault ON projects; DROP FUNCTION IF EXISTS api_test_fault()");
        await raw.close();
      }
      const ok = await call(alice, "GET", "/projects");
      expect(ok.status).toBe(200);
      expect(ok.text).not.toMatch(/boom-500/);
    });

    it("the server logged no unexpected error or failed generation", () => {
      const errors = app.logs
        .join("")
        .split("\n")
        .filter((line) => /^\[(error|generation|jobs)\]/.test(line) && !provoked.some((id) => line.includes(id)));
      expect(errors).toEqual([]);
    });
  });

  describe("generation rate limit", () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await startApp(dialect, inject("pgAdminUrl"), { GENERATION_RATE_LIMIT: "3", GENERATION_RATE_WINDOW_SECONDS: "60" });
    });
    afterAll(async () => {
      await app?.stop();
    });

    it("answers 429 with Retry-After once a user exceeds the limit, and only for that user", async () => {
      const carol = await new Session(app.baseUrl).signIn(uniqueEmail("carol"));
      const p = (await call<Project>(carol, "POST", "/projects", { title: "Busy" })).body;
      const path = `/projects/${p.id}/storyboards`;
      // Invalid input and unknown projects do not spend the budget.
      expectError(await call(carol, "POST", path, { brief: "" }), 400, "validation", "brief");
      expectError(await call(carol, "POST", `/projects/${MISSING}/storyboards`, { brief: BRIEF }), 404, "not_found");
      const ids: number[] = [];
      for (let i = 0; i < 3; i++) {
        const r = await call<Storyboard>(carol, "POST", path, { brief: `${BRIEF} (${i})` });
        expect(r.status, r.text).toBe(202);
        ids.push(r.body.id);
      }
      const limited = await call(carol, "POST", path, { brief: BRIEF });
      const error = expectError(limited, 429, "rate_limited");
      expect(error.message).toMatch(/3 storyboards every 60 seconds/);
      const retryAfter = Number(limited.headers.get("retry-after"));
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expectError(await call(carol, "POST", `/storyboards/${ids[0]}/variations`), 429, "rate_limited");
      const list = await call<StoryboardSummary[]>(carol, "GET", path);
      expect(list.body.map((s) => s.id).sort()).toEqual([...ids].sort());

      const dave = await new Session(app.baseUrl).signIn(uniqueEmail("dave"));
      const dp = (await call<Project>(dave, "POST", "/projects", { title: "Calm" })).body;
      expect((await call(dave, "POST", `/projects/${dp.id}/storyboards`, { brief: BRIEF })).status).toBe(202);
      for (const id of ids) expect((await waitForGeneration(carol, id)).status).toBe("completed");
    });
  });
});
