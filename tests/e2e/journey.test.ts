// The creator's journey in a real browser against the production build, on SQLite and on
// PostgreSQL: sign in, plan a video, edit and reorder its scenes, track production, sign out;
// the same on a phone; and the guarantees around it (isolation, validation, escaping).
import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DESKTOP, PHONE, SCREENSHOTS, screenshot, signInInBrowser, browserForFile } from "./browser";
import { startApp, uniqueEmail, type RunningApp } from "./harness";

const BRIEF = [
  "Cold brew coffee subscription for busy professionals.",
  "Mornings are hectic and the coffee shop queue wastes 15 minutes every day.",
  "Show how a bottle in the fridge saves time, tastes great and costs less.",
  "End with: use code BREW20 for 20% off your first box.",
].join(" ");

let browser: Browser;
browserForFile((b) => (browser = b));

describe.each(["sqlite", "postgres"] as const)("creator journey in the browser (%s)", (dialect) => {
  let app: RunningApp;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    app = await startApp(dialect, inject("pgAdminUrl"));
  });
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
    // The server's log, for diagnosing a failure after the fact.
    if (app) fs.writeFileSync(path.join(SCREENSHOTS, "..", `journey-server-${dialect}.log`), app.logs.join(""));
    await app?.stop();
  });

  async function signedIn(label: string, device: typeof DESKTOP | typeof PHONE = DESKTOP): Promise<Page> {
    const context = await browser.newContext({ ...device });
    context.setDefaultTimeout(15_000);
    contexts.push(context);
    return signInInBrowser(context, app.baseUrl, uniqueEmail(label));
  }

  const sceneCards = (page: Page) => page.getByTestId("scene-card");
  const sceneIds = (page: Page) => sceneCards(page).evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-scene-id"))));
  const progressText = (scope: Page | Locator) => scope.locator(".progress-text").first();

  /** Runs a UI step that calls a server action and waits until the server has answered. */
  async function acting(page: Page, step: () => Promise<unknown>) {
    const answered = page.waitForResponse((r) => r.request().method() === "POST" && r.url().startsWith(app.baseUrl));
    answered.catch(() => undefined); // if the step itself fails, report that failure instead
    await step();
    // Next.js answers an action only after it ran; the body may stream on (and Playwright's
    // finished() does not resolve for it), so the response's arrival is the signal.
    await answered;
  }

  async function createProject(page: Page, title: string): Promise<string> {
    await page.locator("#project-title").fill(title);
    await page.getByRole("button", { name: "Create project" }).click();
    await page.waitForURL(/\/projects\/\d+$/);
    await expect.poll(() => page.getByTestId("project-title").textContent()).toContain(title);
    return page.url();
  }

  async function generate(page: Page, brief: string, opts: { refs?: string; duration?: number; platform?: string } = {}): Promise<string> {
    await page.locator("#sb-brief").fill(brief);
    if (opts.refs) await page.locator("#sb-refs").fill(opts.refs);
    if (opts.duration) await page.locator("#sb-duration").fill(String(opts.duration));
    if (opts.platform) await page.locator("#sb-platform").selectOption(opts.platform);
    await page.getByRole("button", { name: "Generate storyboard" }).click();
    await page.waitForURL(/\/storyboards\/\d+$/);
    // Either still generating (progress shown) or already done; it must end with scenes.
    await sceneCards(page).first().waitFor({ timeout: 30_000 });
    expect(await page.getByText("Generating your storyboard…").count()).toBe(0);
    return page.url();
  }

  async function noHorizontalOverflow(page: Page) {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `page ${page.url()} is ${width}px wide`).toBeLessThanOrEqual(360);
  }

  it("signs in, plans, edits, reorders and tracks a storyboard, then signs out (desktop)", async () => {
    const context = await browser.newContext({ ...DESKTOP });
    context.setDefaultTimeout(15_000);
    contexts.push(context);
    const page = await context.newPage();
    // Sign in through the page, arriving from a protected URL.
    await page.goto(`${app.baseUrl}/dashboard`);
    await page.waitForURL(/\/signin\?next=%2Fdashboard/);
    const email = uniqueEmail("journey");
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Sign in locally" }).click();
    await page.waitForURL(`${app.baseUrl}/dashboard`);
    await expect.poll(() => page.getByTestId("user-email").textContent()).toBe(email);
    expect(await page.getByText("Create your first project").count()).toBe(1);

    await createProject(page, "Cold brew launch");
    await generate(page, BRIEF, { duration: 30, platform: "tiktok", refs: "https://www.tiktok.com/@coldbrew/video/7301" });
    const count = await sceneCards(page).count();
    expect(count).toBeGreaterThanOrEqual(3);
    expect(await page.getByTestId("scene-count").textContent()).toBe(`${count} scenes`);
    // Scenes are numbered in order, with running timecodes starting at 0:00.
    expect(await page.getByTestId("scene-number").allTextContents()).toEqual(Array.from({ length: count }, (_, i) => `Scene ${i + 1}`));
    expect(await page.getByTestId("timecode").first().textContent()).toMatch(/^0:00–0:0\d$/);
    await screenshot(page, `storyboard-desktop-${dialect}`);

    // Edit scene 1's script inline; it survives a reload.
    const script = "Stop queueing for coffee. Open the fridge instead.";
    const first = sceneCards(page).first();
    await first.getByTestId("scene-script").click();
    await first.getByTestId("scene-script-input").fill(script);
    await first.getByTestId("scene-script-input").press("Enter");
    await expect.poll(() => first.getByTestId("scene-script").textContent()).toContain(script);
    // Saved: read back after a reload (the editor's undo-stack reads are POSTs too, so "a POST
    // answered" is no sign that this save was).
    await expect
      .poll(async () => {
        await page.reload();
        return sceneCards(page).first().getByTestId("scene-script").textContent();
      }, { timeout: 30_000 })
      .toContain(script);

    // Reorder: drag scene 1 by its handle until it sits over scene 2 (it takes scene 2's place),
    // then move scene 3 up with the keyboard.
    const [a, b, c, ...rest] = await sceneIds(page);
    // A tall window keeps both cards on screen: a drag cannot leave the viewport.
    await page.setViewportSize({ width: DESKTOP.viewport.width, height: 2400 });
    await page.evaluate(() => window.scrollTo(0, 0));
    const handle = (await sceneCards(page).first().getByTestId("drag-handle").boundingBox())!;
    const source = (await sceneCards(page).first().boundingBox())!;
    const target = (await sceneCards(page).nth(1).boundingBox())!;
    // The dragged card's centre ends on scene 2's centre.
    const dy = target.y + target.height / 2 - (source.y + source.height / 2);
    await acting(page, async () => {
      const [x, y] = [handle.x + handle.width / 2, handle.y + handle.height / 2];
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x, y + 12, { steps: 2 });
      await page.mouse.move(x, y + dy, { steps: 10 });
      await page.mouse.up();
    });
    await expect.poll(() => sceneIds(page)).toEqual([b, a, c, ...rest]);
    await page.setViewportSize(DESKTOP.viewport);
    const up = page.getByRole("button", { name: "Move scene 3 up", exact: true });
    await up.focus();
    await acting(page, () => page.keyboard.press("Enter"));
    await expect.poll(() => sceneIds(page)).toEqual([b, c, a, ...rest]);
    // The order shows at once; the move is saved when the undo stack names it (the answered POST
    // above may be the history toolbar's read instead: a reload could beat the save).
    await expect.poll(() => page.getByTestId("undo").getAttribute("aria-label"), { timeout: 30_000 }).toBe("Undo: Move scene 3 to 2");
    await page.reload();
    expect(await sceneIds(page)).toEqual([b, c, a, ...rest]);
    expect(await page.getByTestId("scene-number").allTextContents()).toEqual(Array.from({ length: count }, (_, i) => `Scene ${i + 1}`));
    // The edited script moved with its scene (now scene 3).
    expect(await sceneCards(page).nth(2).getByTestId("scene-script").textContent()).toContain(script);

    // Tick tasks: the storyboard's progress changes in place (no navigation, no reload).
    const total = count * 4;
    const progress = progressText(page.getByTestId("storyboard-progress"));
    expect(await progress.textContent()).toBe(`0 of ${total} tasks · 0%`);
    await page.evaluate(() => ((window as unknown as { __samePage: boolean }).__samePage = true));
    await acting(page, () => page.getByRole("checkbox", { name: "Script written, scene 1", exact: true }).check());
    await acting(page, () => page.getByRole("checkbox", { name: "Scene filmed, scene 1", exact: true }).check());
    await acting(page, () => page.getByRole("checkbox", { name: "Script written, scene 2", exact: true }).check());
    await expect.poll(() => progress.textContent()).toBe(`3 of ${total} tasks · ${Math.round((3 / total) * 100)}%`);
    expect(await page.evaluate(() => (window as unknown as { __samePage?: boolean }).__samePage)).toBe(true);
    expect(await sceneCards(page).first().locator(".scene-progress").textContent()).toBe("Tasks done: 2/4");

    // The dashboard shows the project's progress.
    await page.getByRole("link", { name: "StoryboardAI" }).click();
    await page.waitForURL(`${app.baseUrl}/dashboard`);
    const card = page.getByTestId("project-card").filter({ hasText: "Cold brew launch" });
    await expect.poll(() => progressText(card).textContent()).toBe(`3 of ${total} tasks · ${Math.round((3 / total) * 100)}%`);
    expect(await card.textContent()).toContain("1 storyboard");
    await screenshot(page, `dashboard-desktop-${dialect}`);

    // Sign out: back at sign-in, and the dashboard is closed again.
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/signin\?signed_out=1/);
    await page.goto(`${app.baseUrl}/dashboard`);
    await page.waitForURL(/\/signin/);
  });

  it("works at phone width (360 px) without horizontal scrolling", async () => {
    const page = await signedIn("phone", PHONE);
    await noHorizontalOverflow(page);
    await createProject(page, "Phone-sized project with a rather long title that has to wrap nicely");
    await noHorizontalOverflow(page);
    await generate(page, BRIEF, { duration: 20 });
    await noHorizontalOverflow(page);
    const total = (await sceneCards(page).count()) * 4;
    // On a phone the cards start collapsed; the scene's heading expands it.
    expect(await sceneCards(page).first().getAttribute("data-expanded")).toBe("false");
    await sceneCards(page).first().getByRole("button", { name: "Scene 1", exact: true }).tap();
    await expect.poll(() => sceneCards(page).first().getAttribute("data-expanded")).toBe("true");
    await acting(page, () => page.getByRole("checkbox", { name: "Edited, scene 1", exact: true }).check());
    await expect.poll(() => progressText(page.getByTestId("storyboard-progress")).textContent()).toBe(`1 of ${total} tasks · ${Math.round(100 / total)}%`);
    await sceneCards(page).first().getByTestId("scene-visual").click();
    await noHorizontalOverflow(page);
    await page.keyboard.press("Escape");
    await screenshot(page, `storyboard-phone-${dialect}`);
    await page.getByRole("link", { name: "StoryboardAI" }).click();
    await page.waitForURL(`${app.baseUrl}/dashboard`);
    await expect.poll(() => progressText(page.getByTestId("project-card").first()).textContent()).toBe(`1 of ${total} tasks · ${Math.round(100 / total)}%`);
    await noHorizontalOverflow(page);
    await screenshot(page, `dashboard-phone-${dialect}`);
  });

  it("keeps one creator's project away from another (404, not on their dashboard)", async () => {
    const owner = await signedIn("owner");
    const projectUrl = await createProject(owner, "Owner's secret project");
    const storyboardUrl = await generate(owner, BRIEF);

    const other = await signedIn("other");
    expect(await other.getByText("Owner's secret project").count()).toBe(0);
    for (const url of [projectUrl, storyboardUrl]) {
      const res = await other.goto(url);
      expect(res?.status()).toBe(404);
      await other.getByRole("heading", { name: "We can't find that page" }).waitFor();
      expect(await other.getByText("Owner's secret project").count()).toBe(0);
    }
    expect((await other.goto(`${app.baseUrl}/projects/not-a-number`))?.status()).toBe(404);
    await other.getByRole("heading", { name: "We can't find that page" }).waitFor();
    await other.goto(`${app.baseUrl}/dashboard`);
    expect(await other.getByTestId("project-card").count()).toBe(0);
  });

  it("shows each invalid field's message and saves nothing", async () => {
    const page = await signedIn("invalid");
    // Empty project title.
    await page.getByRole("button", { name: "Create project" }).click();
    expect(await page.locator("#project-title-error").textContent()).toContain("Title is required");
    expect(await page.locator("#project-title").getAttribute("aria-invalid")).toBe("true");
    await page.reload();
    expect(await page.getByTestId("project-card").count()).toBe(0);
    expect(await page.getByText("Create your first project").count()).toBe(1);

    await createProject(page, "Validation project");
    // A brief over 10,000 characters: the counter warns and the server refuses.
    await page.locator("#sb-brief").fill("x".repeat(10_001));
    expect(await page.locator("#sb-brief-count").textContent()).toContain("1 too many");
    // The form checks with the server's own schema before sending: the message comes at once.
    await page.getByRole("button", { name: "Generate storyboard" }).click();
    expect(await page.locator("#sb-brief-error").textContent()).toMatch(/Brief must be at most 10000 characters/);
    // A reference URL that is not http(s): the message names the line, the text is kept.
    await page.locator("#sb-brief").fill(BRIEF);
    await page.locator("#sb-refs").fill("https://www.tiktok.com/@brand/video/1\nftp://files.example.com/clip.mp4");
    await page.getByRole("button", { name: "Generate storyboard" }).click();
    expect(await page.locator("#sb-reference_urls-error").textContent()).toContain("Line 2");
    expect(await page.locator("#sb-refs").inputValue()).toContain("ftp://files.example.com/clip.mp4");
    expect(page.url()).toMatch(/\/projects\/\d+$/);
    await page.reload();
    expect(await page.getByTestId("storyboard-card").count()).toBe(0);
    expect(await page.getByText("No storyboards yet").count()).toBe(1);
    await page.goto(`${app.baseUrl}/dashboard`);
    expect(await page.getByTestId("project-card").count()).toBe(1);
    expect(await progressText(page.getByTestId("project-card")).textContent()).toBe("No tasks yet");
    expect(await page.getByTestId("project-card").textContent()).toContain("0 storyboards");
  });

  it("renders HTML and script in user text as plain text", async () => {
    const payload = `<script>alert(1)</script><img src=x onerror="alert(2)">`;
    const page = await signedIn("xss");
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await createProject(page, `Launch ${payload}`);
    await generate(page, `${payload} ${BRIEF}`);
    const first = sceneCards(page).first();
    await first.getByTestId("scene-script").click();
    await first.getByTestId("scene-script-input").fill(`Say ${payload}`);
    await first.getByTestId("scene-script-input").press("Enter");
    // Saved: read back after a reload (the editor also posts its undo stack's reads, so "a POST
    // answered" is no sign that this save was).
    await expect
      .poll(async () => {
        await page.reload();
        return sceneCards(page).first().getByTestId("scene-script").textContent();
      }, { timeout: 30_000 })
      .toContain(`Say ${payload}`);
    await page.locator("details.brief summary").click();
    expect(await page.locator(".brief-text").textContent()).toContain(payload);
    expect(await sceneCards(page).first().getByTestId("scene-script").textContent()).toContain(`Say ${payload}`);
    // The title is written from the brief's topic (no longer its pasted first words); whatever it holds stays text.
    expect(await page.getByTestId("storyboard-title").locator("script, img").count()).toBe(0);
    await page.goto(`${app.baseUrl}/dashboard`);
    expect(await page.getByTestId("project-card").first().locator("a.title").textContent()).toBe(`Launch ${payload}`);
    await page.getByTestId("project-card").first().locator("a.title").click();
    await page.waitForURL(/\/projects\/\d+$/);
    expect(await page.getByTestId("project-title").textContent()).toContain(`Launch ${payload}`);
    expect(await page.locator("img[src='x']").count()).toBe(0);
    expect(dialogs).toEqual([]);
  });
});
