// Hostile input against the production build, on SQLite and on PostgreSQL (issue 10): redirect
// targets, control characters, oversized and deeply nested bodies, the scene cap, cross-origin
// and Origin-less writes, non-canonical ids and readable error messages. Each test failed on the
// code before its fix; docs/security.md lists which control each one proves.
import type { Browser, BrowserContext } from "playwright-core";
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path_ from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Project, Storyboard, StoryboardWithScenes } from "../../src/domain/types";
import type { ErrorBody } from "../../src/server/errors";
import { DIALECTS } from "../support/databases";
import { DESKTOP, launchBrowser } from "./browser";
import { Session, startApp, uniqueEmail, type RunningApp, call, type Reply } from "./harness";



function expectFieldError(r: Reply<unknown>, status: number, field: string): string {
  expect(r.status, r.text).toBe(status);
  const { error } = r.body as ErrorBody;
  expect(error.fields, r.text).toBeDefined();
  expect(Object.keys(error.fields!), r.text).toContain(field);
  return error.fields![field]!;
}

const execFileP = promisify(execFile);

/** A marker that must never reach the server's log: the content of a refused field. */
const SECRET = "c0ntent-that-must-not-be-logged";

describe.each(DIALECTS)("hostile input on %s", (dialect) => {
  let app: RunningApp;
  let alice: Session;
  let browser: Browser;
  let project: Project;
  let board: StoryboardWithScenes;

  beforeAll(async () => {
    app = await startApp(dialect, inject("pgAdminUrl"));
    alice = await new Session(app.baseUrl).signIn(uniqueEmail("alice"), "Alice");
    const p = await call<Project>(alice, "POST", "/projects", { title: "Hardening" });
    expect(p.status, p.text).toBe(201);
    project = p.body;
    const gen = await call<Storyboard>(alice, "POST", `/projects/${project.id}/storyboards`, { title: "Base", brief: "Three tips for better phone photos", platform: "tiktok", duration: 30 });
    expect(gen.status, gen.text).toBe(202);
    for (;;) {
      const r = await call<StoryboardWithScenes>(alice, "GET", `/storyboards/${gen.body.id}`);
      if (r.body.status !== "generating") {
        board = r.body;
        break;
      }
      await new Promise((res) => setTimeout(res, 150));
    }
    expect(board.status).toBe("completed");
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  // ------------------------------------------------------------------ 1, 12: redirect targets

  /** A browser context that records (and aborts) every request leaving the app's origin. */
  const trackedContext = async (): Promise<{ context: BrowserContext; offOrigin: string[] }> => {
    const context = await browser.newContext(DESKTOP);
    const offOrigin: string[] = [];
    await context.route(
      (url) => url.origin !== app.baseUrl,
      (route) => {
        offOrigin.push(route.request().url());
        return route.abort();
      },
    );
    return { context, offOrigin };
  };

  for (const next of ["/%5Cevil.com", "/%09/evil.com", "//evil.com", "/%5C%5Cevil.com"]) {
    it(`a signed-in user following /signin?next=${next} stays on the app (Chromium)`, async () => {
      const { context, offOrigin } = await trackedContext();
      const page = await context.newPage();
      await page.goto(`${app.baseUrl}/signin`);
      await page.getByLabel("Email").fill(uniqueEmail("redirect"));
      await page.getByRole("button", { name: "Sign in locally" }).click();
      await page.waitForURL(`${app.baseUrl}/dashboard`);
      await page.goto(`${app.baseUrl}/signin?next=${next}`).catch(() => undefined);
      expect(offOrigin).toEqual([]);
      expect(page.url()).toBe(`${app.baseUrl}/dashboard`);
      await context.close();
    });

    it(`signing in from /signin?next=${next} lands on the dashboard, not off-site (Chromium)`, async () => {
      const { context, offOrigin } = await trackedContext();
      const page = await context.newPage();
      await page.goto(`${app.baseUrl}/signin?next=${next}`);
      await page.getByLabel("Email").fill(uniqueEmail("redirect-in"));
      await page.getByRole("button", { name: "Sign in locally" }).click();
      await page.waitForURL((url) => url.pathname === "/dashboard" || url.origin !== app.baseUrl).catch(() => undefined);
      expect(offOrigin).toEqual([]);
      expect(page.url()).toBe(`${app.baseUrl}/dashboard`);
      await context.close();
    });
  }

  it("a redirect target with a control character falls back to /dashboard instead of a 500", async () => {
    for (const next of ["%2Fdashboard%0Aenv", "%2Fdashboard%00", "%2Fdashboard%0d%0aSet-Cookie:%20x=1", "/%5Cevil.com", "/%09/evil.com"]) {
      const res = await alice.fetch(`/signin?next=${next}`);
      expect(res.status, next).toBe(307);
      expect(res.headers.get("location"), next).toBe("/dashboard");
    }
    const kept = await alice.fetch(`/signin?next=${encodeURIComponent(`/projects/${project.id}?tab=history`)}`);
    expect(kept.status).toBe(307);
    expect(kept.headers.get("location")).toBe(`/projects/${project.id}?tab=history`);
  });

  // ------------------------------------------------------------------ 2: control characters

  const bad = (c = "\u0000") => `a${c}${SECRET}`;

  it("a NUL or other control character in any text field is a 400 naming the field, never a 500", async () => {
    const sceneId = board.scenes[0]!.id;
    const cases: Array<[string, string, (v: string) => unknown, string]> = [
      ["POST", "/projects", (v) => ({ title: v }), "title"],
      ["POST", "/projects", (v) => ({ title: "ok", description: v }), "description"],
      ["PATCH", `/projects/${project.id}`, (v) => ({ title: v }), "title"],
      ["PATCH", `/projects/${project.id}`, (v) => ({ description: v }), "description"],
      ["POST", `/projects/${project.id}/storyboards`, (v) => ({ title: v, brief: "A brief" }), "title"],
      ["POST", `/projects/${project.id}/storyboards`, (v) => ({ brief: v }), "brief"],
      ["POST", `/projects/${project.id}/storyboards`, (v) => ({ brief: "A brief", reference_urls: [`https://example.com/${v}`] }), "reference_urls.0"],
      ["POST", `/projects/${project.id}/storyboards`, (v) => ({ brief: "A brief", pattern: v }), "pattern"],
      ["PATCH", `/storyboards/${board.id}`, (v) => ({ title: v }), "title"],
      ["PATCH", `/storyboards/${board.id}`, (v) => ({ brief: v }), "brief"],
      ["PATCH", `/storyboards/${board.id}`, (v) => ({ reference_urls: [`https://example.com/${v}`] }), "reference_urls.0"],
      ["POST", `/storyboards/${board.id}/scenes`, (v) => ({ visual_description: v }), "visual_description"],
      ["POST", `/storyboards/${board.id}/scenes`, (v) => ({ visual_description: "ok", script: v }), "script"],
      ["POST", `/storyboards/${board.id}/scenes`, (v) => ({ visual_description: "ok", camera_angle: v }), "camera_angle"],
      ["POST", `/storyboards/${board.id}/scenes`, (v) => ({ visual_description: "ok", text_overlay: v }), "text_overlay"],
      ["PATCH", `/scenes/${sceneId}`, (v) => ({ visual_description: v }), "visual_description"],
      ["PATCH", `/scenes/${sceneId}`, (v) => ({ script: v }), "script"],
      ["PATCH", `/scenes/${sceneId}`, (v) => ({ camera_angle: v }), "camera_angle"],
      ["PATCH", `/scenes/${sceneId}`, (v) => ({ text_overlay: v }), "text_overlay"],
      ["PATCH", `/scenes/${sceneId}`, (v) => ({ beat: v }), "beat"],
      ["PATCH", `/scenes/${sceneId}`, (v) => ({ needs_input: v }), "needs_input"],
    ];
    for (const [method, path, body, field] of cases) {
      for (const c of ["\u0000", "\u0007", "\u001b", "\u007f"]) {
        const message = expectFieldError(await call(alice, method, path, body(bad(c))), 400, field);
        expect(message, `${method} ${path} ${field}`).toMatch(/control characters/);
        expect(message).not.toContain(SECRET);
      }
    }
    // One-line fields refuse line breaks; multi-line fields keep them (and tabs) as written.
    expectFieldError(await call(alice, "POST", "/projects", { title: "two\nlines" }), 400, "title");
    const kept = await call<Project>(alice, "POST", "/projects", { title: "tab\there", description: "line one\nline two\r\n\tindented" });
    expect(kept.status, kept.text).toBe(201);
    expect(kept.body.description).toBe("line one\nline two\r\n\tindented");
    expect(app.logs.join("")).not.toContain(SECRET);
  });

  // ------------------------------------------------------------------ 3: body limits

  /**
   * A POST of `bytes` bytes of JSON by curl (`chunked`: no Content-Length). The server answers
   * 413 and closes before the upload ends; curl reads that early answer, where Node's HTTP client
   * may lose it to the connection reset.
   */
  const bigPost = async (s: Session, path: string, bytes: number, chunked = false, headers: Record<string, string> = {}) => {
    const file = path_.join(os.tmpdir(), `storyboard-big-${process.pid}-${bytes}.json`);
    if (!fs.existsSync(file)) fs.writeFileSync(file, `{"title":"big","junk":"${"x".repeat(bytes - 30)}"}`);
    const all = { "content-type": "application/json", cookie: s.cookieHeader(), ...headers, ...(chunked && { "transfer-encoding": "chunked" }) };
    const args = ["-s", "-o", "-", "-w", "\n%{http_code}", "-X", "POST", "--data-binary", `@${file}`];
    for (const [k, v] of Object.entries(all)) if (v) args.push("-H", `${k}: ${v}`);
    const { stdout } = await execFileP("curl", [...args, new URL(path, app.baseUrl).toString()], { maxBuffer: 1024 * 1024 });
    const at = stdout.lastIndexOf("\n");
    return { status: Number(stdout.slice(at + 1)), text: stdout.slice(0, at) };
  };

  it("a 10 MB JSON body is refused with 413, declared or streamed, and nothing is created", async () => {
    const before = await call<unknown[]>(alice, "GET", "/projects");
    for (const chunked of [false, true]) {
      const r = await bigPost(alice, "/api/v1/projects", 10 * 1024 * 1024, chunked);
      expect(r.status, r.text.slice(0, 300)).toBe(413);
      expect(JSON.parse(r.text).error.code).toBe("payload_too_large");
    }
    // Routes that read no body refuse a declared oversize one too.
    expect((await bigPost(alice, `/api/v1/storyboards/${board.id}/duplicate`, 10 * 1024 * 1024)).status).toBe(413);
    expect((await call<unknown[]>(alice, "GET", "/projects")).body.length).toBe(before.body.length);
    // A body just under the limit is still read (and its unknown field ignored).
    expect((await bigPost(alice, "/api/v1/projects", 900 * 1024)).status).toBe(201);
  });

  it("JSON nested deeper than 32 levels is a 400 naming the body, and 32 levels are fine", async () => {
    const deep = `{"title":"deep","x":${"[".repeat(100_000)}${"]".repeat(100_000)}}`;
    const res = await alice.fetch("/api/v1/projects", { method: "POST", headers: { "content-type": "application/json" }, body: deep });
    const r = { status: res.status, text: await res.text(), body: null as unknown, headers: res.headers };
    r.body = JSON.parse(r.text);
    expect(expectFieldError(r, 400, "body")).toMatch(/nested too deeply/);
    const ok = `{"title":"shallow","x":${"[".repeat(30)}${"]".repeat(30)}}`;
    expect((await alice.fetch("/api/v1/projects", { method: "POST", headers: { "content-type": "application/json" }, body: ok })).status).toBe(201);
  });

  it("sign-in and server-action posts have a body limit too (413)", async () => {
    const anon = new Session(app.baseUrl);
    const auth = await bigPost(anon, "/api/auth/callback/dev-login", 10 * 1024 * 1024, false, { "content-type": "application/x-www-form-urlencoded" });
    expect(auth.status).toBe(413);
    const chunkedAuth = await bigPost(anon, "/api/auth/callback/dev-login", 2 * 1024 * 1024, true, { "content-type": "application/x-www-form-urlencoded" });
    expect(chunkedAuth.status).toBe(413);
    const action = await bigPost(alice, "/dashboard", 10 * 1024 * 1024, false, { origin: app.baseUrl, "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" });
    expect(action.status).toBe(413);
  });

  it("a storyboard runs at most its platform's maximum: 1-second scenes are added up to 180 s on TikTok, the next one is refused (400 naming duration)", async () => {
    // Scenes are 1 to 60 s and TikTok allows 180 s, so the running time bounds a storyboard
    // before the 200-scene cap does (180 one-second scenes at most).
    const copy = await call<StoryboardWithScenes>(alice, "POST", `/storyboards/${board.id}/duplicate`);
    expect(copy.status, copy.text).toBe(201);
    for (let total = copy.body.total_duration; total < 180; total++) {
      const r = await call(alice, "POST", `/storyboards/${copy.body.id}/scenes`, { visual_description: `Second ${total + 1}`, duration: 1 });
      expect(r.status, r.text).toBe(201);
    }
    const over = await call(alice, "POST", `/storyboards/${copy.body.id}/scenes`, { visual_description: "One too many", duration: 1, position: 1 });
    expect(over.status, over.text).toBe(400);
    expect((over.body as ErrorBody).error.fields).toHaveProperty("duration");
    expect((over.body as ErrorBody).error.fields?.duration).toMatch(/would run 181 s; TikTok allows at most 180 s/);
    const full = await call<StoryboardWithScenes>(alice, "GET", `/storyboards/${copy.body.id}`);
    expect(full.body.total_duration).toBe(180);
    expect(full.body.scenes.reduce((a, s) => a + s.duration, 0)).toBe(180);
    // Lengthening a scene past the maximum is refused the same way; shortening one is fine.
    const last = full.body.scenes.at(-1)!;
    expect((await call(alice, "PATCH", `/scenes/${last.id}`, { duration: last.duration + 1 })).status).toBe(400);
    expect((await call(alice, "PATCH", `/scenes/${full.body.scenes[0]!.id}`, { duration: 1 })).status).toBe(200);
  });

  // ------------------------------------------------------------------ 12: cross-origin writes

  it("a cross-origin server-action POST is a 403, not a 500; so is one with no Origin", async () => {
    const action = { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" };
    const cross = await alice.fetch("/dashboard", { method: "POST", headers: { ...action, origin: "http://evil.example" }, body: "[]" });
    expect(cross.status).toBe(403);
    const none = await alice.fetch("/dashboard", { method: "POST", headers: action, body: "[]" });
    expect(none.status).toBe(403);
    const otherPort = await alice.fetch("/dashboard", { method: "POST", headers: { ...action, origin: app.baseUrl.replace(/:(\d+)$/, (_, p: string) => `:${Number(p) + 1}`) }, body: "[]" });
    expect(otherPort.status).toBe(403);
  });

  it("sign-out POST without an Origin (or from another site) is refused and the session stays", async () => {
    const s = await new Session(app.baseUrl).signIn(uniqueEmail("signout"));
    const csrf = (await (await s.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const form = { "content-type": "application/x-www-form-urlencoded" };
    const body = new URLSearchParams({ csrfToken: csrf.csrfToken }).toString();
    expect((await s.fetch("/api/auth/signout", { method: "POST", headers: form, body })).status).toBe(403);
    expect((await s.fetch("/api/auth/signout", { method: "POST", headers: { ...form, origin: "http://evil.example" }, body })).status).toBe(403);
    const me = (await (await s.fetch("/api/auth/session")).json()) as { user?: { email?: string } } | null;
    expect(me?.user?.email).toMatch(/^signout-/);
    const ok = await s.fetch("/api/auth/signout", { method: "POST", headers: { ...form, origin: app.baseUrl }, body });
    expect(ok.status).toBe(302);
  });

  it("the API's Origin check compares scheme, host and port, and ignores X-Forwarded-Host", async () => {
    const https = app.baseUrl.replace("http:", "https:");
    expect((await call(alice, "POST", "/projects", { title: "x" }, { origin: https })).status).toBe(403);
    expect((await call(alice, "POST", "/projects", { title: "x" }, { origin: "http://evil.example", "x-forwarded-host": "evil.example" })).status).toBe(403);
    expect((await call(alice, "POST", "/projects", { title: "same origin" }, { origin: app.baseUrl })).status).toBe(201);
  });

  // ------------------------------------------------------------------ 11, 12: ids and messages

  it("only canonical ids address a record: 00001, 01, +1 and 1.0 are 404", async () => {
    expect((await call(alice, "GET", `/projects/${project.id}`)).status).toBe(200);
    for (const id of [`0${project.id}`, `0000${project.id}`, `+${project.id}`, `${project.id}.0`, `${project.id}e0`, ` ${project.id}`]) {
      expect((await call(alice, "GET", `/projects/${encodeURIComponent(id)}`)).status, id).toBe(404);
    }
    expect((await alice.fetch(`/projects/0${project.id}`)).status).toBe(404);
  });

  it("error messages are sentences a person can read, never Zod's wording", async () => {
    const messages: string[] = [];
    const collect = (r: Reply<unknown>) => {
      const { error } = r.body as ErrorBody;
      messages.push(error.message, ...Object.values(error.fields ?? {}));
      return error;
    };
    expect(collect(await call(alice, "POST", "/projects", {})).fields).toEqual({ title: "Title is required" });
    collect(await call(alice, "POST", "/projects", ["title"]));
    collect(await call(alice, "POST", `/projects/${project.id}/storyboards`, { brief: "b", seed: 2 ** 40 }));
    collect(await call(alice, "POST", `/projects/${project.id}/storyboards`, { brief: "b", seed: -1, pattern: 5 }));
    collect(await call(alice, "PUT", `/storyboards/${board.id}/scene-order`, { scene_ids: "1,2" }));
    collect(await call(alice, "PUT", `/storyboards/${board.id}/scene-order`, [1, 2]));
    collect(await call(alice, "PATCH", `/tasks/${board.scenes[0]!.tasks[0]!.id}`, { completed: "yes" }));
    collect(await call(alice, "POST", `/storyboards/${board.id}/shares`, { allow_comments: 1 }));
    for (const m of messages) {
      expect(m).not.toMatch(/Invalid input|Too big|Too small|expected \w+, received|Invalid option|<=|>=/);
      expect(m).toMatch(/^[A-Z]/);
    }
  });

  it("a DELETE with a non-JSON Content-Type is refused as documented (400); without one it works", async () => {
    const p = await call<Project>(alice, "POST", "/projects", { title: "to delete" });
    const refused = await alice.fetch(`/api/v1/projects/${p.body.id}`, { method: "DELETE", headers: { "content-type": "text/plain" }, body: "x" });
    expect(refused.status).toBe(400);
    expect((await alice.fetch(`/api/v1/projects/${p.body.id}`, { method: "DELETE" })).status).toBe(204);
  });

  it("a control character in the sign-in name is refused without a 500 or a user", async () => {
    const s = new Session(app.baseUrl);
    const csrf = (await (await s.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const res = await s.fetch("/api/auth/callback/dev-login", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken: csrf.csrfToken, email: uniqueEmail("nul"), name: bad(), callbackUrl: `${app.baseUrl}/dashboard` }).toString(),
    });
    expect(res.status).toBeLessThan(500);
    expect(s.cookieHeader()).not.toMatch(/session-token/);
    expect(app.logs.join("")).not.toContain(SECRET);
  });
});
