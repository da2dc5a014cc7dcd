// Generation as a durable job, in-process on both databases: an unexpected failure is retried and
// the last one leaves the storyboard 'error' with the reason; a job for a storyboard already
// completed does nothing; two jobs for one storyboard write its scenes once.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createFactories, type Factories } from "../../src/db/seed/factories";
import type { Services } from "../../src/server/services";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../support/databases";
import { openRaw, type Raw } from "../support/raw";

const globals = globalThis as unknown as { __storyboardServices?: unknown; __storyboardDb?: unknown };

describe.each(DIALECTS)("generation jobs on %s", (dialect) => {
  let db: TestDatabase;
  let raw: Raw;
  let svc: Services;
  let f: Factories;
  let enqueueGeneration: (userId: string, id: number) => Promise<void>;

  beforeAll(async () => {
    db = await createTestDatabase(dialect, inject("pgAdminUrl"));
    raw = await openRaw(db);
    Object.assign(process.env, {
      DATABASE_URL: dialect === "sqlite" ? `file:${db.ownerUrl}` : db.ownerUrl,
      DATABASE_POOL_MAX: "3",
      DATABASE_POOL_MIN: "0",
      AUTH_SECRET: "test-secret-not-for-production-0123456789abcdef",
      GENERATION_JOB_RETRIES: "2",
      GENERATION_JOB_RETRY_DELAY_SECONDS: "1",
      JOBS_POLL_SECONDS: "1",
    });
    delete process.env.REDIS_URL;
    globals.__storyboardServices = undefined;
    globals.__storyboardDb = undefined;
    const { setJobWorker } = await import("../../src/server/jobs");
    setJobWorker(true);
    svc = await (await import("../../src/server/services")).services();
    await svc.jobs.work();
    ({ enqueueGeneration } = await import("../../src/features/storyboards/run-generation"));
    f = createFactories(svc.store);
  });

  afterAll(async () => {
    await svc?.jobs.stop();
    await svc?.store.close();
    await svc?.cache.close();
    globals.__storyboardServices = undefined;
    globals.__storyboardDb = undefined;
    await raw?.close();
    await db?.drop();
  });

  const settled = async (userId: string, id: number) => {
    for (let i = 0; ; i++) {
      const sb = await svc.store.getStoryboard(userId, id);
      if (sb.status !== "generating") return sb;
      if (i > 300) throw new Error(`storyboard ${id} still generating`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  it("retries a generation that fails unexpectedly, then marks the storyboard 'error' with the reason", async () => {
    const u = await f.user();
    const p = await f.project(u.id);
    const sb = await f.storyboard(u.id, p.id, { status: "generating", sceneCount: 0 });
    // A fault the engine cannot explain: every insert of this storyboard's scenes fails.
    if (dialect === "sqlite") {
      await raw.exec(`CREATE TRIGGER test_fault BEFORE INSERT ON scenes WHEN NEW.storyboard_id = ${sb.id} BEGIN SELECT RAISE(ABORT, 'injected fault'); END`);
    } else {
      await raw.exec(`CREATE FUNCTION test_fault() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.storyboard_id = ${sb.id} THEN RAISE EXCEPTION 'injected fault'; END IF; RETURN NEW; END $$`);
      await raw.exec("CREATE TRIGGER test_fault BEFORE INSERT ON scenes FOR EACH ROW EXECUTE FUNCTION test_fault()");
    }
    try {
      await enqueueGeneration(u.id, sb.id);
      const done = await settled(u.id, sb.id);
      expect(done).toMatchObject({ status: "error", error_message: "The storyboard engine failed unexpectedly (3 attempts)" });
      expect(done.scenes).toEqual([]);
    } finally {
      await raw.exec(dialect === "sqlite" ? "DROP TRIGGER test_fault" : "DROP TRIGGER test_fault ON scenes; DROP FUNCTION test_fault()");
    }
  });

  it("does nothing for a storyboard already completed, and writes the scenes once when two jobs race", async () => {
    const u = await f.user();
    const p = await f.project(u.id);
    const done = await f.storyboard(u.id, p.id, { sceneCount: 3 });
    await enqueueGeneration(u.id, done.id);
    const racing = await f.storyboard(u.id, p.id, { status: "generating", sceneCount: 0 });
    await Promise.all([enqueueGeneration(u.id, racing.id), enqueueGeneration(u.id, racing.id)]);
    const after = await settled(u.id, racing.id);
    expect(after.status).toBe("completed");
    for (;;) {
      if ((await svc.jobs.liveKeys("generate-storyboard")).size === 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    await svc.jobs.idle();
    expect(await svc.store.getStoryboard(u.id, done.id)).toEqual(done);
    const again = await svc.store.getStoryboard(u.id, racing.id);
    expect(again.scenes.map((s) => s.id)).toEqual(after.scenes.map((s) => s.id));
    expect(again.scenes.map((s) => s.scene_number)).toEqual(again.scenes.map((_, i) => i + 1));
  });
});
