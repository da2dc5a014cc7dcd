// Concurrent edits and repeated requests, on SQLite and on PostgreSQL (issue 10, items 6 and 8).
// 50 reorders, 50 moves, 50 inserts with 5 deletes, all at once, answer 200/201/204 or 409 and
// never 500, and leave a valid order; optimistic concurrency (ETag, If-Match, `version`) refuses
// a stale write with 409 and the current state. Five concurrent retries make one job; two
// generate POSTs with one Idempotency-Key make one storyboard; the new-storyboard form submitted
// twice makes one. Before the fixes PostgreSQL answered most of the edits with 500 (40P01
// deadlock detected), a stale write silently won, and every repeat made another row.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { TASK_TYPES } from "../../src/domain/constants";
import type { Project, StoryboardWithScenes } from "../../src/domain/types";
import type { ErrorBody } from "../../src/server/errors";
import { DIALECTS } from "../support/databases";
import { openRaw } from "../support/raw";
import { DESKTOP, jsonApi, launchBrowser, signInInBrowser } from "./browser";
import { Session, startApp, uniqueEmail, type RunningApp, call, type Reply } from "./harness";



const BRIEF = "A 30 second TikTok about making cold brew coffee at home: coarse grind, 12 hours in the fridge, filter, serve over ice.";

/** Numbering 1..N, totals and four tasks per scene: what a storyboard must look like after any race. */
function expectConsistent(sb: StoryboardWithScenes) {
  expect(sb.scenes.map((s) => s.scene_number)).toEqual(sb.scenes.map((_, i) => i + 1));
  expect(sb.total_scenes).toBe(sb.scenes.length);
  expect(sb.total_duration).toBe(sb.scenes.reduce((a, s) => a + s.duration, 0));
  for (const scene of sb.scenes) expect(scene.tasks.map((t) => t.task_type).sort()).toEqual([...TASK_TYPES].sort());
}

/** Every status of a batch, counted: `{ 200: 49, 409: 1 }`. */
const tally = (replies: Reply<unknown>[]) => replies.reduce<Record<number, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});

function shuffled<T>(list: T[], seed: number): T[] {
  const out = [...list];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe.each(DIALECTS)("concurrent storyboard edits on %s", (dialect) => {
  let app: RunningApp;
  let alice: Session;
  let project: Project;

  beforeAll(async () => {
    app = await startApp(dialect, inject("pgAdminUrl"), { GENERATION_RATE_LIMIT: "100" });
    alice = await new Session(app.baseUrl).signIn(uniqueEmail("alice"), "Alice");
    project = (await call<Project>(alice, "POST", "/projects", { title: "Races" })).body;
  });
  afterAll(async () => {
    await app?.stop();
  });

  /** The statuses of a batch and, for a 5xx, what the server logged for it. */
  function statuses(replies: Reply<unknown>[]): string {
    const bad = replies.find((r) => r.status >= 500);
    const id = bad && (bad.body as ErrorBody | null)?.error?.request_id;
    return JSON.stringify(tally(replies)) + (bad ? ` ${bad.text} ${id ? app.logs.filter((l) => l.includes(id)).join("") : ""}` : "");
  }

  async function board(): Promise<StoryboardWithScenes> {
    const r = await call<StoryboardWithScenes>(alice, "POST", `/projects/${project.id}/storyboards`, { brief: BRIEF });
    expect(r.status, r.text).toBe(202);
    for (let i = 0; i < 200; i++) {
      const g = await get(r.body.id);
      if (g.body.status !== "generating") {
        expect(g.body.status, g.body.error_message ?? "").toBe("completed");
        return g.body;
      }
      await new Promise((res) => setTimeout(res, 150));
    }
    throw new Error("generation did not finish");
  }

  const get = (id: number) => call<StoryboardWithScenes>(alice, "GET", `/storyboards/${id}`);

  it("GET answers the version in the body and as the ETag", async () => {
    const sb = await board();
    const r = await get(sb.id);
    expect(r.body.version).toBeGreaterThanOrEqual(1);
    expect(r.headers.get("etag")).toBe(`"${r.body.version}"`);
  });

  it("50 concurrent reorders: 200 or 409, never 500, and a valid order", async () => {
    const sb = await board();
    const ids = sb.scenes.map((s) => s.id);
    const replies = await Promise.all(Array.from({ length: 50 }, (_, i) => call(alice, "PUT", `/storyboards/${sb.id}/scene-order`, { scene_ids: shuffled(ids, i + 1) })));
    const counts = tally(replies);
    expect(Object.keys(counts).every((s) => s === "200" || s === "409"), statuses(replies)).toBe(true);
    expect(counts[200] ?? 0).toBeGreaterThan(0);
    const after = (await get(sb.id)).body;
    expectConsistent(after);
    expect(after.scenes.map((s) => s.id).sort()).toEqual([...ids].sort());
    // Without If-Match every reorder is applied in turn (last writer wins): one version each.
    expect(after.version).toBe(sb.version + (counts[200] ?? 0));
  });

  it("50 concurrent moves: 200 or 409, never 500, and a valid order", async () => {
    const sb = await board();
    const n = sb.scenes.length;
    const replies = await Promise.all(
      Array.from({ length: 50 }, (_, i) => call(alice, "POST", `/scenes/${sb.scenes[i % n]!.id}/move`, { position: ((i * 7) % n) + 1 })),
    );
    const counts = tally(replies);
    expect(Object.keys(counts).every((s) => s === "200" || s === "409"), statuses(replies)).toBe(true);
    const after = (await get(sb.id)).body;
    expectConsistent(after);
    expect(after.scenes.map((s) => s.id).sort()).toEqual(sb.scenes.map((s) => s.id).sort());
  });

  it("50 concurrent inserts and 5 deletes: 201/204 or 409, never 500, and every scene accounted for", async () => {
    const sb = await board();
    const n = sb.scenes.length;
    const inserts = Array.from({ length: 50 }, (_, i) =>
      call(alice, "POST", `/storyboards/${sb.id}/scenes`, { duration: 2, scene_type: "content", visual_description: `Inserted ${i}`, ...(i % 2 === 0 && { position: 1 + (i % n) }) }),
    );
    const deletes = sb.scenes.slice(0, 5).map((s) => call(alice, "DELETE", `/scenes/${s.id}`));
    const [ins, del] = await Promise.all([Promise.all(inserts), Promise.all(deletes)]);
    const counts = tally([...ins, ...del]);
    expect(Object.keys(counts).every((s) => ["201", "204", "409"].includes(s)), statuses([...ins, ...del])).toBe(true);
    const after = (await get(sb.id)).body;
    expectConsistent(after);
    const inserted = ins.filter((r) => r.status === 201).length;
    const deleted = del.filter((r) => r.status === 204).length;
    expect(after.scenes.length).toBe(n + inserted - deleted);
    expect(after.scenes.filter((s) => s.visual_description.startsWith("Inserted ")).length).toBe(inserted);
  });

  it("If-Match: the current version writes (new ETag), a stale one gets 409 with the current state, none still writes", async () => {
    const sb = await board();
    const ids = sb.scenes.map((s) => s.id);
    const v0 = sb.version;
    const ok = await call<unknown[]>(alice, "PUT", `/storyboards/${sb.id}/scene-order`, { scene_ids: [...ids].reverse() }, { "if-match": `"${v0}"` });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.headers.get("etag")).toBe(`"${v0 + 1}"`);

    // Someone else's edit, made from the version both had read: refused, nothing written.
    const stale = await call<ErrorBody & { current: StoryboardWithScenes }>(alice, "PATCH", `/scenes/${ids[0]}`, { script: "Stale words" }, { "if-match": `"${v0}"` });
    expect(stale.status, stale.text).toBe(409);
    expect(stale.body.error.code).toBe("conflict");
    expect(stale.body.error.message).toMatch(/changed since you loaded it/);
    expect(stale.body.error.fields).toHaveProperty("version");
    expect(stale.body.current.version).toBe(v0 + 1);
    expect(stale.headers.get("etag")).toBe(`"${v0 + 1}"`);
    expect(stale.body.current.scenes.map((s) => s.id)).toEqual([...ids].reverse());
    expect((await get(sb.id)).body.scenes.find((s) => s.id === ids[0])!.script).not.toBe("Stale words");

    // The same through `version` in the body, on every scene-changing route.
    for (const [method, path, body] of [
      ["PUT", `/storyboards/${sb.id}/scene-order`, { scene_ids: ids, version: v0 }],
      ["POST", `/scenes/${ids[1]}/move`, { position: 1, version: v0 }],
      ["POST", `/storyboards/${sb.id}/scenes`, { duration: 2, scene_type: "content", visual_description: "Late", version: v0 }],
      ["PATCH", `/storyboards/${sb.id}`, { title: "Late title", version: v0 }],
    ] as const) {
      const r = await call<ErrorBody>(alice, method, path, body);
      expect(r.status, `${method} ${path}: ${r.text}`).toBe(409);
    }
    for (const [method, path] of [
      ["DELETE", `/scenes/${ids[1]}`],
      ["POST", `/scenes/${ids[1]}/regenerate`],
    ] as const) {
      const r = await call<ErrorBody>(alice, method, path, undefined, { "if-match": `"${v0}"` });
      expect(r.status, `${method} ${path}: ${r.text}`).toBe(409);
    }
    const unchanged = (await get(sb.id)).body;
    expect(unchanged.version).toBe(v0 + 1);
    expect(unchanged.scenes.length).toBe(ids.length);

    // A client without If-Match (an old one) still writes: the last writer wins.
    const blind = await call(alice, "PATCH", `/scenes/${ids[0]}`, { script: "Blind words" });
    expect(blind.status, blind.text).toBe(200);
    expect(blind.headers.get("etag")).toBe(`"${v0 + 2}"`);

    // An If-Match that is not a version is a readable 400.
    const bad = await call<ErrorBody>(alice, "PATCH", `/scenes/${ids[0]}`, { script: "x" }, { "if-match": "yesterday" });
    expect(bad.status, bad.text).toBe(400);
    expect(bad.body.error.fields).toHaveProperty("If-Match");
  });

  it("50 concurrent reorders all sent with the same If-Match: exactly one wins, the others get 409", async () => {
    const sb = await board();
    const ids = sb.scenes.map((s) => s.id);
    const replies = await Promise.all(
      Array.from({ length: 50 }, (_, i) => call(alice, "PUT", `/storyboards/${sb.id}/scene-order`, { scene_ids: shuffled(ids, i + 100) }, { "if-match": `"${sb.version}"` })),
    );
    expect(tally(replies), statuses(replies)).toEqual({ 200: 1, 409: 49 });
    const after = (await get(sb.id)).body;
    expectConsistent(after);
    expect(after.version).toBe(sb.version + 1);
  });

  // ---------------------------------------------------------------- item 8: retries and repeats

  /** Jobs queued for one storyboard's generation, as the queue stores them. */
  async function generationJobs(storyboardId: number): Promise<number> {
    const raw = await openRaw(app.db);
    try {
      const rows =
        dialect === "postgres"
          ? await raw.query<{ n: number }>("SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'generate-storyboard' AND data->>'storyboardId' = $1", [String(storyboardId)])
          : await raw.query<{ n: number }>("SELECT count(*) AS n FROM jobs WHERE name = 'generate-storyboard' AND json_extract(payload, '$.storyboardId') = $1", [storyboardId]);
      return Number(rows[0]!.n);
    } finally {
      await raw.close();
    }
  }

  it("5 concurrent retries of a failed generation: one 202, four 409, one job, and the storyboard completes with its scenes", async () => {
    const sb = await board();
    const raw = await openRaw(app.db);
    await raw.query("UPDATE storyboards SET status = 'error', error_message = 'The storyboard engine failed unexpectedly' WHERE id = $1", [sb.id]);
    await raw.close();
    const jobsBefore = await generationJobs(sb.id);
    const replies = await Promise.all(Array.from({ length: 5 }, () => call(alice, "POST", `/storyboards/${sb.id}/retry`)));
    expect(tally(replies), statuses(replies)).toEqual({ 202: 1, 409: 4 });
    // A loser finds it generating, or (the winner's job being quick) already completed again.
    for (const r of replies.filter((x) => x.status === 409)) expect((r.body as ErrorBody).error.message).toMatch(/already being generated|Only a failed generation/);
    let done = (await get(sb.id)).body;
    for (let i = 0; i < 200 && done.status === "generating"; i++) {
      await new Promise((res) => setTimeout(res, 150));
      done = (await get(sb.id)).body;
    }
    expect(done.status, done.error_message ?? "").toBe("completed");
    expectConsistent(done);
    expect(done.scenes.length).toBe(sb.scenes.length);
    expect(await generationJobs(sb.id)).toBe(jobsBefore + 1);
  });

  it("Idempotency-Key: two concurrent generate POSTs with one key make one storyboard; a repeat replays the first answer", async () => {
    const p = (await call<Project>(alice, "POST", "/projects", { title: "Once" })).body;
    const path = `/projects/${p.id}/storyboards`;
    const key = `gen-${Math.random().toString(36).slice(2)}`;
    const both = await Promise.all([0, 1].map(() => call<StoryboardWithScenes>(alice, "POST", path, { brief: BRIEF }, { "idempotency-key": key })));
    expect(both.every((r) => r.status === 202 || r.status === 409), statuses(both)).toBe(true);
    const accepted = both.filter((r) => r.status === 202);
    expect(accepted.length).toBeGreaterThan(0);
    expect(new Set(accepted.map((r) => r.body.id)).size).toBe(1);
    const list = await call<unknown[]>(alice, "GET", path);
    expect(list.body).toHaveLength(1);

    // The same key again: the first answer, byte for byte, marked as a replay, and still one storyboard.
    const again = await call(alice, "POST", path, { brief: BRIEF }, { "idempotency-key": key });
    expect(again.status).toBe(202);
    expect(again.text).toBe(accepted[0]!.text);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect((await call<unknown[]>(alice, "GET", path)).body).toHaveLength(1);

    // The same key with another body is refused; on another route, or for another user, it is another key.
    const other = await call<ErrorBody>(alice, "POST", path, { brief: `${BRIEF} Another take.` }, { "idempotency-key": key });
    expect(other.status, other.text).toBe(422);
    expect(other.body.error.fields).toHaveProperty("Idempotency-Key");
    const project = await call<Project>(alice, "POST", "/projects", { title: "Same key, other route" }, { "idempotency-key": key });
    expect(project.status, project.text).toBe(201);
    const bob = await new Session(app.baseUrl).signIn(uniqueEmail("bob"), "Bob");
    const bobs = await call<Project>(bob, "POST", "/projects", { title: "Same key, other route" }, { "idempotency-key": key });
    expect(bobs.status, bobs.text).toBe(201);
    expect(bobs.body.id).not.toBe(project.body.id);

    // A failed request does not keep its key: corrected, the same key then creates once.
    const bad = await call(alice, "POST", "/projects", { title: "" }, { "idempotency-key": `fix-${key}` });
    expect(bad.status).toBe(400);
    const good = await call<Project>(alice, "POST", "/projects", { title: "Fixed" }, { "idempotency-key": `fix-${key}` });
    const twice = await call<Project>(alice, "POST", "/projects", { title: "Fixed" }, { "idempotency-key": `fix-${key}` });
    expect([good.status, twice.status]).toEqual([201, 201]);
    expect(twice.body.id).toBe(good.body.id);

    const invalid = await call<ErrorBody>(alice, "POST", "/projects", { title: "x" }, { "idempotency-key": "has space" });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.fields).toHaveProperty("Idempotency-Key");
  });

  describe("in the browser", () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it("the new-storyboard form submitted twice (a double click, a resubmit) makes one storyboard", async () => {
      const context = await browser.newContext({ ...DESKTOP });
      context.setDefaultTimeout(20_000);
      try {
        const page = await signInInBrowser(context, app.baseUrl, uniqueEmail("double"));
        const p = await jsonApi<Project>(context.request, app.baseUrl, "POST", "/projects", { title: "Double submit" });
        await page.goto(`${app.baseUrl}/projects/${p.id}`);
        await page.locator("#sb-brief").fill(BRIEF);
        // Two submits in one task: before the first re-render can disable the button.
        await page.evaluate(() => {
          const form = document.querySelector<HTMLTextAreaElement>("#sb-brief")!.form!;
          form.requestSubmit();
          form.requestSubmit();
        });
        await page.waitForURL(/\/storyboards\/\d+$/);
        await expect.poll(async () => (await jsonApi<unknown[]>(context.request, app.baseUrl, "GET", `/projects/${p.id}/storyboards`)).length, { timeout: 10_000 }).toBe(1);
        // A moment later still one: the second submit was answered with the first one's storyboard.
        await page.waitForTimeout(1_000);
        expect(await jsonApi<unknown[]>(context.request, app.baseUrl, "GET", `/projects/${p.id}/storyboards`)).toHaveLength(1);
      } finally {
        await context.close();
      }
    }, 180_000);

    it("two quick moves in the editor, the second made before the first is answered, are both saved: the page does not meet its own edit as a conflict", async () => {
      const context = await browser.newContext({ ...DESKTOP });
      context.setDefaultTimeout(20_000);
      try {
        const page = await signInInBrowser(context, app.baseUrl, uniqueEmail("quick"));
        const p = await jsonApi<Project>(context.request, app.baseUrl, "POST", "/projects", { title: "Quick moves" });
        const sb = await jsonApi<StoryboardWithScenes>(context.request, app.baseUrl, "POST", `/projects/${p.id}/storyboards`, { brief: BRIEF });
        await expect.poll(async () => (await jsonApi<StoryboardWithScenes>(context.request, app.baseUrl, "GET", `/storyboards/${sb.id}`)).status, { timeout: 30_000 }).toBe("completed");
        await page.goto(`${app.baseUrl}/storyboards/${sb.id}`);
        const cards = page.getByTestId("scene-card");
        await expect.poll(() => cards.first().getAttribute("data-expanded")).toBe("true"); // hydrated
        const ids = () => cards.evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-scene-id"))));
        const [a, b, c, ...rest] = await ids();
        // Every server action answers a second late: the second move is made while the first is on its way.
        await page.route(`${app.baseUrl}/storyboards/${sb.id}`, async (route) => {
          if (route.request().method() === "POST") await new Promise((res) => setTimeout(res, 1_000));
          await route.continue();
        });
        await page.getByRole("button", { name: "Move scene 2 up", exact: true }).click();
        await page.getByRole("button", { name: "Move scene 3 up", exact: true }).click();
        expect(await ids()).toEqual([b, c, a, ...rest]);
        await expect.poll(() => page.getByTestId("undo").getAttribute("aria-label"), { timeout: 30_000 }).toBe("Undo: Move scene 3 to 2");
        expect(await ids()).toEqual([b, c, a, ...rest]);
        expect((await page.locator("[role=alert]").allTextContents()).join(" ")).not.toContain("was changed since you loaded it");
        await page.unroute(`${app.baseUrl}/storyboards/${sb.id}`);
        await page.reload();
        expect(await ids()).toEqual([b, c, a, ...rest]);
        const saved = await jsonApi<StoryboardWithScenes>(context.request, app.baseUrl, "GET", `/storyboards/${sb.id}`);
        expect(saved.scenes.map((s) => s.id)).toEqual([b, c, a, ...rest]);
      } finally {
        await context.close();
      }
    }, 180_000);
  });
});
