// The data lifecycle as a creator meets it, against the production build on both databases: the
// project history (from the audit log) over the API and in the browser.
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DESKTOP, PHONE, screenshot, signInInBrowser, browserForFile } from "./browser";
import { Session, startApp, uniqueEmail, type RunningApp } from "./harness";

const BRIEF = "A 30-second TikTok for a reusable coffee cup: keeps drinks hot for 6 hours. Show the morning rush, then the cup. End with: link in bio.";

interface StoryboardView {
  id: number;
  status: string;
  scenes: Array<{ id: number; scene_number: number; tasks: Array<{ id: number; task_type: string }> }>;
}
interface HistoryPage {
  entries: Array<{ id: string; at: string; summary: string; user_id: string | null; storyboard_id: number | null }>;
  next_before: number | null;
}

let browser: Browser;
browserForFile((b) => (browser = b));

describe.each(["sqlite", "postgres"] as const)("project history (%s)", (dialect) => {
  let app: RunningApp;
  let session: Session;
  let email: string;
  let projectId: number;
  let storyboard: StoryboardView;
  const contexts: BrowserContext[] = [];

  const json = async <T>(res: Response, status = 200): Promise<T> => {
    const body = await res.text();
    expect(res.status, body).toBe(status);
    return JSON.parse(body) as T;
  };

  beforeAll(async () => {
    app = await startApp(dialect, inject("pgAdminUrl"));
    email = uniqueEmail("history");
    session = await new Session(app.baseUrl).signIn(email);
    projectId = (await json<{ id: number }>(await session.fetch("/api/v1/projects", { method: "POST", json: { title: "Coffee cup launch" } }), 201)).id;
    const sb = await json<{ id: number }>(await session.fetch(`/api/v1/projects/${projectId}/storyboards`, { method: "POST", json: { brief: BRIEF, title: "Morning rush" } }), 202);
    // (expect.poll works only inside a test)
    for (const deadline = Date.now() + 20_000; ; await new Promise((r) => setTimeout(r, 250))) {
      storyboard = await json<StoryboardView>(await session.fetch(`/api/v1/storyboards/${sb.id}`));
      if (storyboard.status === "completed") break;
      if (Date.now() > deadline) throw new Error(`the storyboard is still ${storyboard.status}`);
    }
  });
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
    await app?.stop();
  });

  it("lists who changed what and when, newest first, a page at a time", async () => {
    const scene = storyboard.scenes[0]!;
    await json(await session.fetch(`/api/v1/scenes/${scene.id}`, { method: "PATCH", json: { script: "Your coffee, still hot at 3 pm." } }));
    await json(await session.fetch(`/api/v1/tasks/${scene.tasks[1]!.id}`, { method: "PATCH", json: { completed: true } }));

    const first = await json<HistoryPage>(await session.fetch(`/api/v1/projects/${projectId}/history?limit=3`));
    expect(first.entries.map((e) => e.summary)).toEqual([
      `Task “Scene filmed” ticked on scene 1 in storyboard “Morning rush”`,
      `Scene 1 script edited in storyboard “Morning rush”`,
      `Storyboard “Morning rush” generated (${storyboard.scenes.length} scenes)`,
    ]);
    expect(first.entries.every((e) => e.user_id === first.entries[0]!.user_id && e.storyboard_id === storyboard.id)).toBe(true);
    expect(first.next_before).not.toBeNull();
    const rest = await json<HistoryPage>(await session.fetch(`/api/v1/projects/${projectId}/history?limit=3&before=${first.next_before}`));
    expect(rest.entries.map((e) => e.summary)).toEqual(["Generation of storyboard “Morning rush” started", "Project “Coffee cup launch” created"]);
    expect(rest.next_before).toBeNull();
  });

  it("refuses a bad page naming the parameter, and another user's project as not found", async () => {
    const bad = await json<{ error: { fields: Record<string, string> } }>(await session.fetch(`/api/v1/projects/${projectId}/history?limit=0`), 400);
    expect(bad.error.fields).toHaveProperty("limit");
    const other = await new Session(app.baseUrl).signIn(uniqueEmail("stranger"));
    expect((await other.fetch(`/api/v1/projects/${projectId}/history`)).status).toBe(404);
  });

  it.each([
    ["desktop", DESKTOP],
    ["phone", PHONE],
  ] as const)("shows the history panel on the project page, with older changes on demand (%s)", async (label, device) => {
    // Enough ticks for a second page.
    for (const t of storyboard.scenes.flatMap((s) => s.tasks).slice(2, 12)) {
      await json(await session.fetch(`/api/v1/tasks/${t.id}`, { method: "PATCH", json: { completed: label === "desktop" } }));
    }
    const context = await browser.newContext({ ...device });
    context.setDefaultTimeout(15_000);
    contexts.push(context);
    const page = await signInInBrowser(context, app.baseUrl, email);
    await page.goto(`${app.baseUrl}/projects/${projectId}`);
    const panel = page.getByRole("region", { name: "History" });
    const entries = panel.getByTestId("history-entry");
    await expect.poll(() => entries.count()).toBe(10);
    expect(await entries.first().textContent()).toMatch(/^Task “.+” (un)?ticked on scene \d+ in storyboard “Morning rush”You · just now$/);
    const older = panel.getByRole("button", { name: "Show older changes" });
    // Page back to the first change: every change once, the oldest last.
    for (let shown = 10; await older.count(); ) {
      await older.click();
      await expect.poll(() => entries.count()).toBeGreaterThan(shown);
      shown = await entries.count();
    }
    expect(await entries.last().textContent()).toMatch(/^Project “Coffee cup launch” created/);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(device.viewport.width);
    await screenshot(page, `history-${dialect}-${label}`);
  });
});
