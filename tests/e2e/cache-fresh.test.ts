// No stale read after a write, through any route (issue 11, lever 6). The dashboard is cached
// (the in-process cache on SQLite, Redis on PostgreSQL where the machine has one); after every write
// route of the JSON API its answer must equal that of a second server on the same database with the
// cache off. The test first proves the cache is really serving (a change made behind the app's back
// stays invisible to it), so a pass means every write invalidated it.
import sharp from "sharp";
import pg from "pg";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { Session, call, startApp, startServer, uniqueEmail, type RunningApp } from "./harness";

const BRIEF = "A 30-second TikTok for a reusable coffee cup: keeps drinks hot for 6 hours. Show the morning rush, then the cup. End with: link in bio.";

interface Storyboard {
  id: number;
  status: string;
  version: number;
  scenes: Array<{ id: number; tasks: Array<{ id: number }> }>;
}

describe.each(["sqlite", "postgres"] as const)("the dashboard cache after every write route (%s)", (dialect) => {
  let cached: RunningApp;
  let truth: RunningApp;
  let me: Session;
  let them: Session;

  beforeAll(async () => {
    // SQLite: one process, the in-process cache. PostgreSQL: Redis when the machine has one, or the
    // in-process cache declared single-instance (without either, production PostgreSQL caches nothing).
    const cacheEnv: Record<string, string> =
      dialect === "sqlite" ? { REDIS_URL: "" } : process.env.TEST_REDIS_URL ? { REDIS_URL: process.env.TEST_REDIS_URL } : { REDIS_URL: "", SINGLE_INSTANCE: "1" };
    cached = await startApp(dialect, inject("pgAdminUrl"), { ...cacheEnv, CACHE_TTL_SECONDS: "300" });
    // The background jobs run in the cached one only: an in-process cache is retired by its own process.
    truth = await startServer(cached.db, { CACHE_TTL_SECONDS: "0", REDIS_URL: "", JOBS_IN_WEB: "0" });
    const email = uniqueEmail(`cache-${dialect}`);
    me = await new Session(cached.baseUrl).signIn(email);
    them = await new Session(truth.baseUrl).signIn(email);
  });
  afterAll(async () => {
    await truth?.kill();
    await cached?.stop();
  });

  /**
   * The cached dashboard, read twice (the second from the cache), equals the uncached one read just
   * before and just after. A background job (a generation) may change the truth meanwhile: then the
   * reads are taken again.
   */
  async function expectFresh(after: string) {
    for (let attempt = 1; ; attempt++) {
      const before = await call(them, "GET", "/projects");
      const first = await call(me, "GET", "/projects");
      const again = await call(me, "GET", "/projects");
      const real = await call(them, "GET", "/projects");
      expect(real.status, after).toBe(200);
      if (JSON.stringify(before.body) !== JSON.stringify(real.body) && attempt < 5) continue;
      expect(first.body, `dashboard after ${after}`).toEqual(real.body);
      expect(again.body, `dashboard (cached) after ${after}`).toEqual(real.body);
      return;
    }
  }

  async function ok<T>(reply: Promise<{ status: number; body: T; text: string }>, status: number, what: string): Promise<T> {
    const r = await reply;
    expect(r.status, `${what}: ${r.text}`).toBe(status);
    return r.body;
  }

  async function generated(id: number): Promise<Storyboard> {
    for (const deadline = Date.now() + 30_000; ; await new Promise((r) => setTimeout(r, 200))) {
      const sb = await ok(call<Storyboard>(me, "GET", `/storyboards/${id}`), 200, "read storyboard");
      if (sb.status !== "generating") return sb;
      if (Date.now() > deadline) throw new Error(`storyboard ${id} still generating`);
    }
  }

  /** A write behind the app's back, as the database's owner. */
  async function ownerSql(text: string, params: unknown[]) {
    if (dialect === "sqlite") {
      const db = new Database(cached.db.ownerUrl);
      try {
        db.prepare(text.replace(/\$\d+/g, "?")).run(...params);
      } finally {
        db.close();
      }
      return;
    }
    const c = new pg.Client({ connectionString: cached.db.ownerUrl });
    await c.connect();
    try {
      await c.query(text, params);
    } finally {
      await c.end();
    }
  }

  it("is really cached: a change made behind the app's back does not show until the app writes", async () => {
    const project = await ok(call<{ id: number }>(me, "POST", "/projects", { title: "Cache probe" }), 201, "create");
    await expectFresh("create project");
    await ownerSql("UPDATE projects SET title = $1 WHERE id = $2", ["Changed behind its back", project.id]);
    const seen = await call<Array<{ id: number; title: string }>>(me, "GET", "/projects");
    expect(seen.body.find((p) => p.id === project.id)?.title).toBe("Cache probe");
    const real = await call<Array<{ id: number; title: string }>>(them, "GET", "/projects");
    expect(real.body.find((p) => p.id === project.id)?.title).toBe("Changed behind its back");
    // Any write of the user's own then retires what was cached.
    await ok(call(me, "PATCH", `/projects/${project.id}`, { description: "probe" }), 200, "patch");
    await expectFresh("patch project");
    await ok(call(me, "DELETE", `/projects/${project.id}`), 204, "delete");
    await expectFresh("delete project");
  });

  it("every write route of projects, storyboards, scenes, tasks, history, images and approval leaves no stale dashboard", async () => {
    const project = await ok(call<{ id: number }>(me, "POST", "/projects", { title: "Fresh reads" }), 201, "create project");
    await expectFresh("create project");
    await ok(call(me, "PATCH", `/projects/${project.id}`, { title: "Fresh reads, renamed", status: "active" }), 200, "patch project");
    await expectFresh("patch project");

    const created = await ok(call<{ id: number }>(me, "POST", `/projects/${project.id}/storyboards`, { brief: BRIEF, title: "Morning rush" }), 202, "generate");
    await expectFresh("generate (accepted)");
    let board = await generated(created.id);
    await expectFresh("generate (completed)");

    const scene = board.scenes[0]!;
    await ok(call(me, "PATCH", `/tasks/${scene.tasks[0]!.id}`, { completed: true }), 200, "tick");
    await expectFresh("tick");
    await ok(call(me, "PATCH", `/scenes/${scene.id}`, { duration: 4 }), 200, "edit scene");
    await expectFresh("edit scene");
    const added = await ok(call<{ id: number; tasks: Array<{ id: number }> }>(me, "POST", `/storyboards/${board.id}/scenes`, { visual_description: "The cup on the desk" }), 201, "add scene");
    await expectFresh("add scene");
    await ok(call(me, "PATCH", `/tasks/${added.tasks[1]!.id}`, { completed: true }), 200, "tick the new scene");
    await expectFresh("tick the new scene");
    await ok(call(me, "POST", `/scenes/${added.id}/move`, { position: 1 }), 200, "move scene");
    await expectFresh("move scene");
    board = await ok(call<Storyboard>(me, "GET", `/storyboards/${board.id}`), 200, "read");
    await ok(call(me, "PUT", `/storyboards/${board.id}/scene-order`, { scene_ids: board.scenes.map((s) => s.id).reverse() }), 200, "reorder");
    await expectFresh("reorder");
    await ok(call(me, "POST", `/scenes/${scene.id}/regenerate`), 200, "regenerate scene");
    await expectFresh("regenerate scene");
    await ok(call(me, "DELETE", `/scenes/${added.id}`), 204, "delete scene (with a ticked task)");
    await expectFresh("delete scene");

    await ok(call(me, "POST", `/storyboards/${board.id}/undo`), 200, "undo");
    await expectFresh("undo");
    await ok(call(me, "POST", `/storyboards/${board.id}/redo`), 200, "redo");
    await expectFresh("redo");
    const version = await ok(call<{ id: number }>(me, "POST", `/storyboards/${board.id}/versions`, { name: "Before more" }), 201, "save version");
    await expectFresh("save version");
    await ok(call(me, "PATCH", `/tasks/${scene.tasks[1]!.id}`, { completed: true }), 200, "tick again");
    await ok(call(me, "POST", `/versions/${version.id}/restore`), 200, "restore version");
    await expectFresh("restore version");

    const png = await sharp({ create: { width: 16, height: 9, channels: 3, background: "#336699" } }).png().toBuffer();
    const put = await me.fetch(`/api/v1/scenes/${scene.id}/image`, { method: "PUT", headers: { "content-type": "image/png" }, body: new Uint8Array(png) });
    expect(put.status, await put.text()).toBe(200);
    await expectFresh("upload scene image");
    await ok(call(me, "DELETE", `/scenes/${scene.id}/image`), 204, "remove scene image");
    await expectFresh("remove scene image");

    await ok(call(me, "PATCH", `/storyboards/${board.id}`, { title: "Morning rush, cut 2" }), 200, "rename storyboard");
    await expectFresh("rename storyboard");
    await ok(call(me, "PUT", `/storyboards/${board.id}/approval`, { approval_state: "in_review" }), 200, "approval");
    await expectFresh("approval");

    const copy = await ok(call<{ id: number }>(me, "POST", `/storyboards/${board.id}/duplicate`), 201, "duplicate");
    await expectFresh("duplicate");
    await ok(call(me, "PUT", `/storyboards/${copy.id}/main`), 200, "make main");
    await expectFresh("make main");
    const variation = await ok(call<{ id: number }>(me, "POST", `/storyboards/${board.id}/variations`, {}), 202, "variation");
    await generated(variation.id);
    await expectFresh("variation (completed)");
    await ok(call(me, "DELETE", `/storyboards/${copy.id}`), 204, "delete storyboard");
    await expectFresh("delete storyboard");
    await ok(call(me, "POST", `/projects/${project.id}/undo`), 200, "undo storyboard delete");
    await expectFresh("undo storyboard delete");

    await ok(call(me, "DELETE", `/projects/${project.id}`), 204, "delete project");
    await expectFresh("delete project");
    await ok(call(me, "POST", `/projects/${project.id}/undo`), 200, "undo project delete");
    await expectFresh("undo project delete");
    await ok(call(me, "POST", `/projects/${project.id}/redo`), 200, "redo project delete");
    await expectFresh("redo project delete");
  });
});
