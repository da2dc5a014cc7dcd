// Honest validation in a real browser against the production build, on SQLite and PostgreSQL, at
// 1280 px and 390 px: scene lengths of 0 s and 999 s refused with the message next to the field,
// every bad field of a form shown at once, a server-side refusal (the platform's maximum) shown
// next to its field too; the sign-in page without developer text; the favicon, app icons and
// web manifest served, and no page logging a missing one.
import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Project, Storyboard, StoryboardWithScenes } from "../../src/domain/types";
import { DESKTOP, PHONE_390, SCREENSHOTS, jsonApi, openMoreActions, openSceneCard, screenshot, signInInBrowser, browserForFile } from "./browser";
import { startApp, uniqueEmail, type RunningApp } from "./harness";

const BRIEF = "TikTok for a cold brew coffee subscription. Busy professionals skip breakfast; show how a bottle in the fridge saves ten minutes. End with: use code BREW20 for 20% off.";
const WIDTHS = [["1280", DESKTOP], ["390", PHONE_390]] as const;

let browser: Browser;
browserForFile((b) => (browser = b));

describe.each(["sqlite", "postgres"] as const)("validation in the browser (%s)", (dialect) => {
  let app: RunningApp;
  const contexts: BrowserContext[] = [];
  /** Console errors and failed requests of every page, to prove none is about an icon. */
  const problems: string[] = [];

  beforeAll(async () => {
    app = await startApp(dialect, inject("pgAdminUrl"));
  });
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
    if (app) fs.writeFileSync(path.join(SCREENSHOTS, "..", `validation-server-${dialect}.log`), app.logs.join(""));
    await app?.stop();
  });

  async function open(width: (typeof WIDTHS)[number][1]): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ ...width });
    context.setDefaultTimeout(20_000);
    contexts.push(context);
    context.on("page", (p) => watch(p));
    const page = await signInInBrowser(context, app.baseUrl, uniqueEmail("valid"));
    return { context, page };
  }
  function watch(page: Page) {
    page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
    page.on("response", (r) => { if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`); });
  }

  /** A generated TikTok storyboard, opened in the editor. */
  async function storyboard(page: Page): Promise<number> {
    const project = await jsonApi<Project>(page.request, app.baseUrl, "POST", "/projects", { title: "Cold brew" });
    const sb = await jsonApi<Storyboard>(page.request, app.baseUrl, "POST", `/projects/${project.id}/storyboards`, { brief: BRIEF, platform: "tiktok", duration: 30 });
    await page.goto(`${app.baseUrl}/storyboards/${sb.id}`);
    await page.getByTestId("scene-card").first().waitFor({ timeout: 30_000 });
    return sb.id;
  }

  /** On a phone the cards start collapsed: a tap on the scene's title opens its fields. */
  const expand = (card: ReturnType<Page["getByTestId"]>) => openSceneCard(card, 15_000);

  /** The inline field's message, found through the input's aria-describedby (so: next to it, and tied to it). */
  async function describedError(page: Page, testId: string): Promise<string> {
    const input = page.getByTestId(`${testId}-input`).first();
    await expect.poll(() => input.getAttribute("aria-invalid")).toBe("true");
    const id = await input.getAttribute("aria-describedby");
    const message = page.locator(`[id="${id}"]`);
    expect(await message.getAttribute("role")).toBe("alert");
    // The message sits in the same inline editor as the field.
    expect(await input.locator("xpath=..").locator(`[id="${id}"]`).count()).toBe(1);
    return (await message.textContent()) ?? "";
  }

  it.each(WIDTHS)("the sign-in page has no developer text, and the icons and manifest are served (%s px)", async (label, width) => {
    const context = await browser.newContext({ ...width });
    contexts.push(context);
    const page = await context.newPage();
    watch(page);
    await page.goto(`${app.baseUrl}/signin`);
    const text = (await page.locator("body").innerText()).toUpperCase();
    expect(text).not.toContain("AUTH_DEV_LOGIN");
    expect(text).not.toContain("DEVELOPMENT ONLY");
    expect(text).not.toContain("README");
    await expect.poll(() => page.getByRole("heading", { name: "Sign in with your email" }).isVisible()).toBe(true);
    // The page names its icons, so the browser never asks for a missing one.
    expect(await page.locator('link[rel="icon"]').count()).toBeGreaterThan(0);
    expect(await page.locator('link[rel="apple-touch-icon"]').count()).toBe(1);
    expect(await page.locator('link[rel="manifest"]').getAttribute("href")).toBe("/manifest.webmanifest");
    await screenshot(page, `validation-signin-${dialect}-${label}`);
    for (const [p, type] of [["/favicon.ico", "image/x-icon"], ["/icon.svg", "image/svg+xml"], ["/apple-icon.png", "image/png"], ["/manifest.webmanifest", "application/manifest+json"]] as const) {
      const r = await page.request.get(`${app.baseUrl}${p}`);
      expect(r.status(), p).toBe(200);
      expect(r.headers()["content-type"], p).toContain(type);
    }
    const manifest = (await (await page.request.get(`${app.baseUrl}/manifest.webmanifest`)).json()) as { name: string; icons: { src: string }[] };
    expect(manifest.name).toBe("StoryboardAI");
    for (const icon of manifest.icons) expect((await page.request.get(`${app.baseUrl}${icon.src}`)).status(), icon.src).toBe(200);
  });

  it.each(WIDTHS)("inline edit refuses 0 s and 999 s with the message next to the field; the server's platform maximum lands there too (%s px)", async (label, width) => {
    const { page } = await open(width);
    const id = await storyboard(page);
    const card = page.getByTestId("scene-card").first();
    const timecode = await card.getByTestId("timecode").textContent();
    await expand(card);
    await card.getByTestId("scene-duration").click();
    const input = card.getByTestId("scene-duration-input");
    await input.fill("0");
    await input.press("Enter");
    expect(await describedError(page, "scene-duration")).toBe("Duration must be at least 1 second");
    await input.fill("999");
    await input.press("Enter");
    expect(await describedError(page, "scene-duration")).toMatch(/^Duration must be at most 60 seconds/);
    await input.fill("abc");
    await input.press("Enter");
    expect(await describedError(page, "scene-duration")).toBe("Duration must be a whole number of seconds");
    await screenshot(page, `validation-inline-duration-${dialect}-${label}`);
    await input.press("Escape");
    expect(await card.getByTestId("timecode").textContent()).toBe(timecode);

    // Scenes of 60 s each, one after another: the one that would take the board past TikTok's
    // 180 s is refused by the server, and its message shows next to that field.
    const cards = page.getByTestId("scene-card");
    let refused = "";
    for (let i = 0; i < (await cards.count()) && !refused; i++) {
      const c = cards.nth(i);
      await expand(c);
      await c.getByTestId("scene-duration").click();
      const field = c.getByTestId("scene-duration-input");
      await field.fill("60");
      await field.press("Enter");
      await expect.poll(async () => (await field.count()) === 0 || (await field.getAttribute("aria-invalid")) === "true", { timeout: 15_000 }).toBe(true);
      if ((await field.count()) > 0) refused = await describedError(page, "scene-duration");
    }
    expect(refused).toMatch(/^The storyboard would run \d+ s; TikTok allows at most 180 s/);
    await screenshot(page, `validation-total-${dialect}-${label}`);
    const saved = await jsonApi<Storyboard>(page.request, app.baseUrl, "GET", `/storyboards/${id}`);
    expect(saved.total_duration).toBeLessThanOrEqual(180);
  });

  it.each(WIDTHS)("the add-scene form shows both bad fields at once, announced and tied to their fields (%s px)", async (label, width) => {
    const { page } = await open(width);
    await storyboard(page);
    const before = await page.getByTestId("scene-card").count();
    await page.getByRole("button", { name: "+ Add a scene at the end" }).click();
    const form = page.getByRole("form", { name: "Add a scene at the end" });
    await form.getByLabel("Duration (s)").fill("0");
    await form.getByRole("button", { name: "Add scene" }).click();
    const visual = form.getByLabel("Visual description");
    const duration = form.getByLabel("Duration (s)");
    for (const [field, message] of [[visual, "Visual description is required: say what the camera sees"], [duration, "Duration must be at least 1 second"]] as const) {
      await expect.poll(() => field.getAttribute("aria-invalid")).toBe("true");
      const error = page.locator(`[id="${await field.getAttribute("aria-describedby")}"]`);
      expect(await error.textContent()).toBe(message);
      expect(await error.getAttribute("role")).toBe("alert");
    }
    await screenshot(page, `validation-add-scene-${dialect}-${label}`);
    await visual.fill("Bottle taken from the fridge");
    await duration.fill("4");
    await form.getByRole("button", { name: "Add scene" }).click();
    await expect.poll(() => page.getByTestId("scene-card").count()).toBe(before + 1);
  });

  it.each(WIDTHS)("the new-storyboard form shows every bad field at once (%s px)", async (label, width) => {
    const { page } = await open(width);
    await page.locator("#project-title").fill("Forms");
    await page.getByRole("button", { name: "Create project" }).click();
    await page.waitForURL(/\/projects\/\d+$/);
    await page.locator("#sb-refs").fill("https://www.tiktok.com/@a/video/1\nnot a link");
    await page.locator("#sb-duration").fill("500");
    await page.getByRole("button", { name: "Generate storyboard" }).click();
    const expected: [string, string][] = [
      ["#sb-brief", "Brief is required: describe the video you want to make"],
      ["#sb-refs", 'Line 2 ("not a link") is not an http(s) address'],
      ["#sb-duration", "Target duration must be at most 180 seconds"],
    ];
    for (const [sel, message] of expected) {
      await expect.poll(() => page.locator(sel).getAttribute("aria-invalid")).toBe("true");
      const ids = (await page.locator(sel).getAttribute("aria-describedby"))!.split(" ");
      const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
      expect(texts).toContain(message);
    }
    await screenshot(page, `validation-new-storyboard-${dialect}-${label}`);
    expect(page.url()).toMatch(/\/projects\/\d+$/);
  });

  it.each(WIDTHS)("a generated storyboard reads Ready, with production progress as its own bar; untitled storyboards get readable, distinct titles (%s px)", async (label, width) => {
    const { page } = await open(width);
    const project = await jsonApi<Project>(page.request, app.baseUrl, "POST", "/projects", { title: "Titles" });
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) ids.push((await jsonApi<Storyboard>(page.request, app.baseUrl, "POST", `/projects/${project.id}/storyboards`, { brief: BRIEF, platform: "tiktok", duration: 30 })).id);
    await page.goto(`${app.baseUrl}/storyboards/${ids[0]}`);
    await page.getByTestId("scene-card").first().waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("storyboard-status").textContent()).toBe("Ready");
    expect(await page.getByRole("progressbar", { name: "Storyboard progress" }).getAttribute("aria-valuenow")).toBe("0");
    await screenshot(page, `validation-ready-${dialect}-${label}`);
    // All three generated: the project lists them Ready, each with a title of its own.
    const done = async () => Promise.all(ids.map((id) => jsonApi<Storyboard>(page.request, app.baseUrl, "GET", `/storyboards/${id}`)));
    await expect.poll(async () => (await done()).every((s) => s.status === "completed"), { timeout: 30_000 }).toBe(true);
    const titles = (await done()).map((s) => s.title);
    expect(new Set(titles.map((t) => t.toLowerCase())).size).toBe(3);
    const base = titles.find((t) => !/ \(\d\)$/.test(t))!;
    expect(titles.sort()).toEqual([base, `${base} (2)`, `${base} (3)`].sort());
    expect(base.length).toBeLessThanOrEqual(80);
    expect(base).not.toMatch(/…$/);
    await page.goto(`${app.baseUrl}/projects/${project.id}`);
    const cards = page.getByTestId("storyboard-card");
    await expect.poll(() => cards.count()).toBe(3);
    expect(await cards.getByTestId("storyboard-status").allTextContents()).toEqual(["Ready", "Ready", "Ready"]);
    // The project's own status select offers "Completed"; the storyboards never say it.
    expect((await page.getByRole("list", { name: "Storyboards" }).innerText()).toUpperCase()).not.toContain("COMPLETED");
    await screenshot(page, `validation-project-titles-${dialect}-${label}`);
  });

  it.each(WIDTHS)("marking a project Completed with open tasks on its main storyboard asks first, naming the count (%s px)", async (label, width) => {
    const { page } = await open(width);
    const id = await storyboard(page);
    const board = await jsonApi<StoryboardWithScenes>(page.request, app.baseUrl, "GET", `/storyboards/${id}`);
    const tasks = board.scenes.flatMap((s) => s.tasks);
    for (const t of tasks.slice(0, 3)) await jsonApi(page.request, app.baseUrl, "PATCH", `/tasks/${t.id}`, { completed: true });
    const question = `${tasks.length - 3} of ${tasks.length} tasks are still open. Mark completed anyway?`;
    await page.goto(`${app.baseUrl}/projects/${board.project_id}`);
    const select = page.getByLabel("Status", { exact: true });
    await select.selectOption("completed");
    const dialog = page.getByRole("alertdialog");
    await expect.poll(() => dialog.textContent()).toContain(question);
    expect(await select.inputValue()).toBe("active");
    // Focus is on the answer, and "Keep" (or Esc) leaves the project as it was.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Mark completed");
    await screenshot(page, `validation-complete-confirm-${dialect}-${label}`);
    await dialog.getByRole("button", { name: "Keep it active" }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect((await jsonApi<Project>(page.request, app.baseUrl, "GET", `/projects/${board.project_id}`)).status).toBe("active");
    await select.selectOption("completed");
    await dialog.getByRole("button", { name: "Mark completed" }).click();
    await expect.poll(async () => (await jsonApi<Project>(page.request, app.baseUrl, "GET", `/projects/${board.project_id}`)).status).toBe("completed");
    await page.reload();
    expect(await page.getByLabel("Status", { exact: true }).inputValue()).toBe("completed");
    // With every task done, no question: straight to Completed.
    await select.selectOption("active");
    await expect.poll(async () => (await jsonApi<Project>(page.request, app.baseUrl, "GET", `/projects/${board.project_id}`)).status).toBe("active");
    for (const t of tasks.slice(3)) await jsonApi(page.request, app.baseUrl, "PATCH", `/tasks/${t.id}`, { completed: true });
    await page.reload();
    await page.getByLabel("Status", { exact: true }).selectOption("completed");
    await expect.poll(async () => (await jsonApi<Project>(page.request, app.baseUrl, "GET", `/projects/${board.project_id}`)).status).toBe("completed");
    expect(await page.getByRole("alertdialog").count()).toBe(0);
  });

  it.each(WIDTHS)("the brief, reference URLs and options are edited after generation and the storyboard regenerated from them (%s px)", async (label, width) => {
    const { page } = await open(width);
    const id = await storyboard(page);
    const NEW_BRIEF = "Instagram Reel for a meal prep service. Busy parents cook once on Sunday; show three containers for the week. End with: order by Friday at mealbox.example.";
    await openMoreActions(page);
    await page.locator("details.brief > summary").click();
    await page.getByRole("button", { name: "Edit brief" }).click();
    const form = page.getByRole("form", { name: "Edit brief and regenerate" });
    const brief = form.getByLabel("Brief", { exact: true });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("brief-edit-brief");
    await brief.fill(" ");
    await form.locator("#brief-edit-refs").fill("https://www.instagram.com/reel/abc\nnope");
    await form.getByLabel("Target duration (s)").fill("500");
    await form.getByRole("button", { name: "Regenerate from this brief" }).click();
    for (const [sel, message] of [
      ["#brief-edit-brief", "Brief is required: describe the video you want to make"],
      ["#brief-edit-refs", 'Line 2 ("nope") is not an http(s) address'],
      ["#brief-edit-duration", "Target duration must be at most 180 seconds"],
    ] as const) {
      await expect.poll(() => form.locator(sel).getAttribute("aria-invalid")).toBe("true");
      const ids = (await form.locator(sel).getAttribute("aria-describedby"))!.split(" ");
      expect(await Promise.all(ids.map((i) => page.locator(`[id="${i}"]`).textContent()))).toContain(message);
    }
    await screenshot(page, `validation-brief-errors-${dialect}-${label}`);
    await brief.fill(NEW_BRIEF);
    await form.locator("#brief-edit-refs").fill("https://www.instagram.com/reel/abc");
    await form.getByLabel("Target duration (s)").fill("20");
    await form.getByLabel("Platform").selectOption("instagram_reels");
    await form.getByRole("button", { name: "Regenerate from this brief" }).click();
    const dialog = form.getByRole("alertdialog");
    await expect.poll(() => dialog.textContent()).toMatch(/Regenerate “.+” from this brief\? Its \d+ scenes, with your edits and ticked tasks, are replaced\./);
    await dialog.getByRole("button", { name: "Yes, regenerate" }).click();
    await expect.poll(async () => {
      const sb = await jsonApi<StoryboardWithScenes>(page.request, app.baseUrl, "GET", `/storyboards/${id}`);
      return sb.status === "completed" && sb.brief === NEW_BRIEF;
    }, { timeout: 30_000 }).toBe(true);
    const sb = await jsonApi<StoryboardWithScenes>(page.request, app.baseUrl, "GET", `/storyboards/${id}`);
    expect(sb.reference_urls).toEqual(["https://www.instagram.com/reel/abc"]);
    expect(sb.generation_options).toMatchObject({ platform: "instagram_reels", duration: 20 });
    expect(sb.scenes.map((s) => `${s.script ?? ""} ${s.visual_description}`).join(" ")).toMatch(/meal|Sunday|container/i);
    await expect.poll(() => page.getByTestId("storyboard-status").textContent(), { timeout: 30_000 }).toBe("Ready");
    await page.locator("details.brief > summary").click();
    await expect.poll(() => page.locator(".brief-text").textContent()).toBe(NEW_BRIEF);
    await screenshot(page, `validation-brief-regenerated-${dialect}-${label}`);
  });

  it("no page logged a missing favicon or icon", () => {
    expect(problems.filter((p) => /favicon|icon|manifest/i.test(p))).toEqual([]);
  });
});
