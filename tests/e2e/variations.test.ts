// Variations in a real browser against the production build, on SQLite and PostgreSQL, at 1280 px
// and at 390 px (touch): the main storyboard drives the project's progress and the dashboard's
// figure ("Make main" on the project page and in the editor), each variation keeps its own; a new
// variation with chosen pattern, platform, length and aspect ratio differs and shows them (and
// one with no choices still differs: pattern, hook, camera plan); the compare view shows three
// side by side at 1280 px and one at a time with tabs at 390 px, and says what to do when there
// is nothing to compare yet.
import type { APIRequestContext, Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DESKTOP, PHONE_390, SCREENSHOTS, jsonApi, openMoreActions, screenshot, signInInBrowser, browserForFile } from "./browser";
import { startApp, uniqueEmail, type RunningApp } from "./harness";

const BRIEF = "Meal-prep containers for gym-goers: stackable, microwave safe, leak proof. Show Sunday prep, the gym bag, lunch at work. End with: get the starter set, link in bio.";

interface Board {
  id: number;
  project_id: number;
  title: string;
  status: string;
  is_main: boolean;
  total_tasks: number;
  total_duration: number;
  pattern_source: string | null;
  aspect_ratio: string;
  generation_options: { platform?: string; duration?: number; pattern?: string };
  scenes: Array<{ id: number; scene_number: number; scene_type: string; script: string | null; camera_angle: string | null; tasks: Array<{ id: number }> }>;
}

const hookOf = (b: Board) => b.scenes.find((s) => s.scene_type === "hook")?.script ?? null;

let browser: Browser;
browserForFile((b) => (browser = b));

const WIDTHS = [
  ["1280", DESKTOP],
  ["390", PHONE_390],
] as const;

describe.each(["sqlite", "postgres"] as const)("variations (%s)", (dialect) => {
  let app: RunningApp;
  const contexts: BrowserContext[] = [];

  async function signedIn(device: object, label: string): Promise<Page> {
    const context = await browser.newContext({ ...device });
    context.setDefaultTimeout(15_000);
    contexts.push(context);
    return signInInBrowser(context, app.baseUrl, uniqueEmail(label));
  }
  const api = <T>(request: APIRequestContext, method: string, path: string, data?: unknown) => jsonApi<T>(request, app.baseUrl, method, path, data);
  async function generated(request: APIRequestContext, path: string, body: unknown): Promise<Board> {
    const started = await api<{ id: number }>(request, "POST", path, body);
    for (;;) {
      const board = await api<Board>(request, "GET", `/storyboards/${started.id}`);
      if (board.status !== "generating") {
        expect(board.status).toBe("completed");
        return board;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  /** done/total of the progress bar inside `scope`. */
  async function progressIn(page: Page, scope: string): Promise<[number, number]> {
    const bar = page.locator(`${scope} [role=progressbar]`).first();
    return [Number(await bar.getAttribute("aria-valuenow")), Number(await bar.getAttribute("aria-valuemax"))];
  }

  beforeAll(async () => {
    app = await startApp(dialect, inject("pgAdminUrl"));
  });
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
    await app?.stop();
  });

  describe.each(WIDTHS)("at %s px", (width, device) => {
    it("the main storyboard drives the project's progress and the dashboard's figure", async () => {
      const page = await signedIn(device, `main-${width}`);
      const { request } = page.context();
      const project = await api<{ id: number }>(request, "POST", "/projects", { title: `Meal prep ${width}` });
      const first = await generated(request, `/projects/${project.id}/storyboards`, { brief: BRIEF, platform: "tiktok", duration: 30, seed: 3 });
      const copy = await api<Board>(request, "POST", `/storyboards/${first.id}/duplicate`);
      expect([first.is_main, copy.is_main]).toEqual([true, false]);
      for (const scene of copy.scenes.slice(0, 2)) await api(request, "PATCH", `/tasks/${scene.tasks[0]!.id}`, { completed: true });

      // The project page: the first storyboard is main, the copy's ticks are its own.
      await page.goto(`${app.baseUrl}/projects/${project.id}`);
      const cards = page.getByTestId("storyboard-card");
      const firstCard = cards.filter({ hasText: first.title }).filter({ hasNot: page.getByText("(copy)") });
      const copyCard = cards.filter({ hasText: copy.title });
      await expect.poll(() => firstCard.getByTestId("main-badge").count()).toBe(1);
      expect(await copyCard.getByTestId("main-badge").count()).toBe(0);
      expect(await progressIn(page, "[data-testid=project-progress]")).toEqual([0, first.total_tasks]);
      expect(await copyCard.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("2");
      await page.goto(`${app.baseUrl}/dashboard`);
      const dashCard = page.getByTestId("project-card").filter({ hasText: `Meal prep ${width}` });
      expect(await dashCard.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("0");

      // Make the copy main on the project page: the project's figure and the dashboard's follow it.
      await page.goto(`${app.baseUrl}/projects/${project.id}`);
      await copyCard.locator("[data-testid=make-main][data-ready=true]").click();
      await copyCard.getByTestId("main-badge").waitFor();
      await expect.poll(() => progressIn(page, "[data-testid=project-progress]")).toEqual([2, copy.total_tasks]);
      expect(await firstCard.getByTestId("make-main").count()).toBe(1);
      await screenshot(page, `variations-main-project-${dialect}-${width}`);
      await page.goto(`${app.baseUrl}/dashboard`);
      expect(await dashCard.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("2");

      // And back from the editor of the first storyboard.
      await page.goto(`${app.baseUrl}/storyboards/${first.id}`);
      await page.locator("[data-testid=make-main][data-ready=true]").waitFor({ state: "attached" });
      await openMoreActions(page);
      await page.locator("[data-testid=make-main][data-ready=true]").click();
      await page.getByTestId("main-badge").waitFor();
      await page.goto(`${app.baseUrl}/dashboard`);
      expect(await dashCard.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("0");
      await page.goto(`${app.baseUrl}/projects/${project.id}`);
      expect(await progressIn(page, "[data-testid=project-progress]")).toEqual([0, first.total_tasks]);
      expect(await copyCard.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("2");
    });

    it("a new variation with chosen pattern, platform, length and aspect ratio differs, and shows them", async () => {
      const page = await signedIn(device, `variation-${width}`);
      const { request } = page.context();
      const project = await api<{ id: number }>(request, "POST", "/projects", { title: `Cold brew ${width}` });
      const first = await generated(request, `/projects/${project.id}/storyboards`, { brief: BRIEF, platform: "tiktok", duration: 30, seed: 3 });
      const firstPattern = first.pattern_source!.split(" ")[0]!;
      const want = firstPattern === "listicle" ? { id: "tutorial", name: "Tutorial" } : { id: "listicle", name: "Listicle" };

      await page.goto(`${app.baseUrl}/storyboards/${first.id}`);
      await page.locator("[data-testid=new-variation][data-ready=true]").waitFor({ state: "attached" });
      await openMoreActions(page);
      await page.locator("[data-testid=new-variation][data-ready=true]").click();
      const form = page.getByTestId("variation-form");
      await form.waitFor();
      // Every bad field at once, next to its field; nothing is generated.
      await form.getByLabel("Length (s)").fill("999");
      await form.getByTestId("generate-variation").click();
      await expect.poll(() => form.locator("#var-duration-error").textContent()).toMatch(/at most 180/);
      expect(await form.getByLabel("Length (s)").getAttribute("aria-invalid")).toBe("true");
      await screenshot(page, `variations-form-error-${dialect}-${width}`);

      await form.getByLabel("Pattern").selectOption(want.id);
      await form.getByLabel("Platform").selectOption("youtube_shorts");
      await form.getByLabel("Length (s)").fill("45");
      await form.getByLabel("Aspect ratio").selectOption("1:1");
      await form.getByTestId("generate-variation").click();
      await page.waitForURL((u) => /\/storyboards\/\d+$/.test(u.pathname) && !u.pathname.endsWith(`/${first.id}`));
      const id = Number(new URL(page.url()).pathname.split("/").pop());
      const meta = page.getByTestId("storyboard-meta");
      // The platform shows while it generates; the pattern once it is done.
      await expect.poll(() => meta.textContent(), { timeout: 30_000 }).toContain(`Pattern: ${want.id}`);
      expect(await meta.textContent()).toContain("YouTube Shorts");
      await screenshot(page, `variations-new-${dialect}-${width}`);
      const made = await api<Board>(request, "GET", `/storyboards/${id}`);
      expect(made).toMatchObject({ status: "completed", aspect_ratio: "1:1", is_main: false, generation_options: { platform: "youtube_shorts", duration: 45, pattern: want.id } });
      expect(made.title).toMatch(/\(variation 2\)$/);
      expect(hookOf(made)).not.toBe(hookOf(first));

      // With no choices: another pattern that fits the brief, another hook, another camera plan.
      const plain = await generated(request, `/storyboards/${first.id}/variations`, {});
      expect(plain.pattern_source!.split(" ")[0]).not.toBe(firstPattern);
      expect(hookOf(plain)).not.toBe(hookOf(first));
      expect(plain.scenes.map((s) => s.camera_angle)).not.toEqual(first.scenes.map((s) => s.camera_angle));
      expect(plain.generation_options).toMatchObject({ platform: "tiktok", duration: 30 });
      expect(plain.aspect_ratio).toBe(first.aspect_ratio);
    });

    it("compares three variations: side by side at 1280 px, one at a time with tabs at 390 px", async () => {
      const page = await signedIn(device, `compare-${width}`);
      const { request } = page.context();
      const project = await api<{ id: number }>(request, "POST", "/projects", { title: `Compare ${width}` });
      const first = await generated(request, `/projects/${project.id}/storyboards`, { brief: BRIEF, platform: "tiktok", duration: 30, seed: 3 });

      // One storyboard: nothing to compare yet, and the page says what to do.
      await page.goto(`${app.baseUrl}/projects/${project.id}`);
      expect(await page.getByTestId("compare-picker").getByTestId("compare-empty").textContent()).toContain("Create a variation to compare");
      await page.goto(`${app.baseUrl}/projects/${project.id}/compare`);
      expect(await page.getByTestId("compare-empty").textContent()).toContain("Create a variation to compare");

      const second = await generated(request, `/storyboards/${first.id}/variations`, { platform: "instagram_reels", duration: 20 });
      const third = await generated(request, `/storyboards/${first.id}/variations`, { pattern: "problem-agitate-solve", platform: "youtube_shorts" });
      const boards = [first, second, third];

      // Picked on the project page.
      await page.goto(`${app.baseUrl}/projects/${project.id}`);
      const picker = page.locator("[data-testid=compare-picker][data-ready=true]");
      for (const b of boards) await picker.locator(`[data-testid=compare-option][data-storyboard-id="${b.id}"]`).check();
      await picker.getByTestId("compare-link").click();
      await page.waitForURL((u) => u.pathname === `/projects/${project.id}/compare`);
      expect(new URL(page.url()).searchParams.get("ids")).toBe(boards.map((b) => b.id).join(","));
      await page.locator("[data-testid=compare-view][data-ready=true]").waitFor();

      const columns = page.getByTestId("compare-column");
      expect(await columns.count()).toBe(3);
      for (const [i, b] of boards.entries()) {
        const col = columns.nth(i);
        expect(await col.getAttribute("data-storyboard-id")).toBe(String(b.id));
        expect(await col.getByTestId("compare-runtime").textContent()).toContain(`${b.total_duration} s`);
        expect(await col.getByTestId("compare-checks").textContent()).toMatch(/checks? (pass|of \d+ to look at)/);
      }
      expect(await columns.nth(1).getByTestId("compare-platform").textContent()).toContain("Instagram Reels");
      expect(await columns.nth(2).getByTestId("compare-platform").textContent()).toContain("YouTube Shorts");
      expect(await columns.nth(2).getByTestId("compare-pattern").textContent()).toBe("Problem, agitate, solve");
      const rows = page.getByTestId("compare-row");
      expect(await rows.first().getAttribute("data-kind")).toBe("hook");
      expect(await rows.last().getAttribute("data-kind")).toBe("cta");
      // The hook row holds each storyboard's hook scene (at 390 px two of them are hidden, below).
      expect(await rows.first().locator("[data-testid=compare-scene][data-scene-type=hook]").count()).toBe(3);

      if (width === "1280") {
        expect(await page.getByTestId("compare-tab").first().isVisible()).toBe(false);
        const boxes = await Promise.all([0, 1, 2].map(async (i) => (await columns.nth(i).boundingBox())!));
        expect(boxes.every((b) => Math.abs(b.y - boxes[0]!.y) < 2)).toBe(true);
        expect(boxes[0]!.x < boxes[1]!.x && boxes[1]!.x < boxes[2]!.x).toBe(true);
        expect(boxes[2]!.x + boxes[2]!.width).toBeLessThanOrEqual(1280);
        await screenshot(page, `variations-compare-${dialect}-1280`);
      } else {
        const tabs = page.getByTestId("compare-tab");
        expect(await tabs.count()).toBe(3);
        expect(await tabs.first().getAttribute("aria-selected")).toBe("true");
        const visible = async () => Promise.all([0, 1, 2].map((i) => columns.nth(i).isVisible()));
        expect(await visible()).toEqual([true, false, false]);
        await page.screenshot({ path: `${SCREENSHOTS}/variations-compare-${dialect}-390-first.png` });
        await tabs.nth(2).click();
        expect(await visible()).toEqual([false, false, true]);
        expect(await tabs.nth(2).getAttribute("aria-selected")).toBe("true");
        const box = (await columns.nth(2).boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(390);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await screenshot(page, `variations-compare-${dialect}-390`);
      }
    });
  });
});
