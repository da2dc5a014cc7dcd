// The archive and the statistics as a creator and an operator meet them, against the production
// build on both databases: `npx storyboard archive` moves an old completed project away, the
// dashboard's Archived filter shows it read-only, Restore brings it back whole; another user sees
// and restores nothing; `npx storyboard stats --refresh` fills the dashboard header's figures.
import { spawn } from "node:child_process";
import path from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DESKTOP, screenshot, signInInBrowser, browserForFile } from "./browser";
import { ROOT, Session, databaseUrlOf, startApp, uniqueEmail, type RunningApp } from "./harness";
import { openRaw } from "../support/raw";

const BRIEF = "A 30-second TikTok for a reusable coffee cup: keeps drinks hot for 6 hours. Show the morning rush, then the cup. End with: link in bio.";

interface ArchivedProject {
  id: number;
  title: string;
  archived_at: string;
  storyboards: Array<{ id: number; title: string }>;
}

/** Runs `npx storyboard …` on the app's database (and its Redis, so the dashboards' cache is cleared). */
function cli(app: RunningApp, args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, "bin/storyboard.mjs"), ...args], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "/tmp",
        NODE_ENV: "development",
        DATABASE_URL: databaseUrlOf(app.db),
        DATABASE_POOL_MAX: "2",
        DATABASE_POOL_MIN: "0",
        AUTH_SECRET: "test-secret-not-for-production-0123456789abcdef",
        ...(process.env.TEST_REDIS_URL ? { REDIS_URL: process.env.TEST_REDIS_URL } : {}),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code: code ?? 1, out }));
  });
}

let browser: Browser;
browserForFile((b) => (browser = b));

describe.each(["sqlite", "postgres"] as const)("archive and statistics (%s)", (dialect) => {
  let app: RunningApp;
  let session: Session;
  let email: string;
  let projectId: number;
  const contexts: BrowserContext[] = [];

  const json = async <T>(res: Response, status = 200): Promise<T> => {
    const body = await res.text();
    expect(res.status, body).toBe(status);
    return JSON.parse(body) as T;
  };

  beforeAll(async () => {
    app = await startApp(dialect, inject("pgAdminUrl"));
    email = uniqueEmail("archive");
    session = await new Session(app.baseUrl).signIn(email);
    projectId = (await json<{ id: number }>(await session.fetch("/api/v1/projects", { method: "POST", json: { title: "Old spring launch", status: "completed" } }), 201)).id;
    await json(await session.fetch("/api/v1/projects", { method: "POST", json: { title: "Current campaign" } }), 201);
    const sb = await json<{ id: number }>(await session.fetch(`/api/v1/projects/${projectId}/storyboards`, { method: "POST", json: { brief: BRIEF, title: "Morning rush" } }), 202);
    for (const deadline = Date.now() + 20_000; ; await new Promise((r) => setTimeout(r, 250))) {
      const view = await json<{ status: string }>(await session.fetch(`/api/v1/storyboards/${sb.id}`));
      if (view.status === "completed") break;
      if (Date.now() > deadline) throw new Error(`the storyboard is still ${view.status}`);
    }
    // Three years without a change.
    const raw = await openRaw(app.db);
    const old = new Date(Date.now() - 3 * 365 * 86_400_000);
    await raw.query("UPDATE projects SET updated_at = $1 WHERE id = $2", [dialect === "sqlite" ? old.getTime() : old, projectId]);
    await raw.close();
  });
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
    await app?.stop();
  });

  it("archives the old completed project from the command line, with figures", async () => {
    const run = await cli(app, ["archive", "--batch-size", "10"]);
    expect(run.code, run.out).toBe(0);
    expect(run.out).toMatch(/archive: 1 completed project not updated for 730 days/);
    expect(run.out).toMatch(/archive: 1 projects moved in 1 batches/);
    expect(run.out).toMatch(/storyboards\s+1/);
    const archived = await json<ArchivedProject[]>(await session.fetch("/api/v1/projects/archived"));
    expect(archived.map((p) => p.id)).toEqual([projectId]);
    expect(archived[0]!.storyboards.map((s) => s.title)).toEqual(["Morning rush"]);
    expect((await session.fetch(`/api/v1/projects/${projectId}`)).status).toBe(404);
    const live = await json<Array<{ id: number }>>(await session.fetch("/api/v1/projects"));
    expect(live.map((p) => p.id)).not.toContain(projectId);

    const other = await new Session(app.baseUrl).signIn(uniqueEmail("stranger"));
    expect(await json(await other.fetch("/api/v1/projects/archived"))).toEqual([]);
    expect((await other.fetch(`/api/v1/projects/${projectId}/restore`, { method: "POST" })).status).toBe(404);
    // A second run finds nothing more to do.
    expect((await cli(app, ["archive"])).out).toMatch(/archive: 0 projects moved/);
  });

  it("shows it read-only under the Archived filter, and Restore brings it back whole", async () => {
    const context = await browser.newContext({ ...DESKTOP });
    context.setDefaultTimeout(15_000);
    contexts.push(context);
    const page = await signInInBrowser(context, app.baseUrl, email);
    expect(await page.getByTestId("archived-project-card").count()).toBe(0);
    await page.getByRole("link", { name: "Archived" }).click();
    await page.waitForURL(`${app.baseUrl}/dashboard?status=archived`);
    const card = page.getByTestId("archived-project-card");
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.textContent()).toMatch(/Old spring launch.*Morning rush/);
    // Read-only: nothing in it opens an editor.
    expect(await card.getByRole("link").count()).toBe(0);
    expect(await card.getByRole("textbox").count()).toBe(0);
    await screenshot(page, `archive-${dialect}-archived`);

    await card.getByRole("button", { name: "Restore Old spring launch" }).click();
    await page.waitForURL(`${app.baseUrl}/projects/${projectId}`);
    await expect.poll(() => page.getByText("Morning rush").count()).toBeGreaterThan(0);
    expect(await json(await session.fetch("/api/v1/projects/archived"))).toEqual([]);
    const detail = await json<{ project: { id: number }; storyboards: Array<{ title: string; scenes: unknown[] }> }>(await session.fetch(`/api/v1/projects/${projectId}/detail`));
    expect(detail.storyboards.map((s) => s.title)).toEqual(["Morning rush"]);
    expect(detail.storyboards[0]!.scenes.length).toBeGreaterThan(0);
    const history = await json<{ entries: Array<{ summary: string }> }>(await session.fetch(`/api/v1/projects/${projectId}/history?limit=2`));
    expect(history.entries.map((e) => e.summary)).toEqual(["Project restored from the archive", "Project moved to the archive (1 storyboards) after 730 days without changes"]);
  });

  it("prints the statistics as tables and shows the user's figures in the dashboard header", async () => {
    const run = await cli(app, ["stats", "--refresh", "--days", "7"]);
    expect(run.code, run.out).toBe(0);
    expect(run.out).toContain("user_project_stats");
    expect(run.out).toMatch(new RegExp(`${email.replace(/[.]/g, "\\.")}\\s+2\\s+1\\s`));
    expect(run.out).toMatch(/user_engagement_metrics/);
    expect(run.out).toMatch(new RegExp(`${new Date().toISOString().slice(0, 10)}\\s+\\d+\\s+\\d+`));

    const context = await browser.newContext({ ...DESKTOP });
    contexts.push(context);
    const page = await signInInBrowser(context, app.baseUrl, email);
    const header = page.getByTestId("user-stats");
    await expect.poll(() => header.count()).toBe(1);
    expect(await header.textContent()).toMatch(/^2 projects, 1 active · Last activity .+ · as of /);
  });
});
