// The project page's Undo and Redo (issue 14, item 1), on both databases, at 1280 and 390 px: a
// title edit is undone by the Undo button, and after a reload redone by Redo; "Make main" is undone
// by Ctrl+Z, the previous main is back and the project's progress follows it. Over the API:
// Completed with open tasks answers 409 with the count unless confirm_open_tasks; a variation's
// length beyond the platform's maximum is refused on `duration` (issue 14, item 3).
import type { Browser, BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DESKTOP, PHONE_390, openMoreActions, screenshot, signInInBrowser, appForSuite, browserForFile } from "./browser";
import { Session, call, uniqueEmail, type RunningApp } from "./harness";

const BRIEF = "A 30-second TikTok for a reusable coffee cup: keeps drinks hot for 6 hours. Show the morning rush, then the cup. End with: link in bio.";

interface Board {
  id: number;
  title: string;
  status: string;
  total_tasks: number;
  scenes: { id: number; tasks: { id: number }[] }[];
}
type ApiError = { error: { code: string; message: string; fields?: Record<string, string> } };

let browser: Browser;
browserForFile((b) => (browser = b));

describe.each(["sqlite", "postgres"] as const)("the project page's undo and redo (%s)", (dialect) => {
  let app: RunningApp;
  const contexts: BrowserContext[] = [];
  appForSuite(dialect, (a) => (app = a), contexts);

  async function ok<T>(session: Session, method: string, path: string, json?: unknown, status = 200): Promise<T> {
    const r = await call<T>(session, method, path, json);
    expect(r.status, r.text).toBe(status);
    return r.body;
  }
  async function generated(session: Session, path: string, body: unknown): Promise<Board> {
    const { id } = await ok<{ id: number }>(session, "POST", path, body, 202);
    for (const deadline = Date.now() + 30_000; ; await new Promise((r) => setTimeout(r, 250))) {
      const board = await ok<Board>(session, "GET", `/storyboards/${id}`);
      if (board.status === "completed") return board;
      if (Date.now() > deadline) throw new Error(`storyboard ${id} is still ${board.status}`);
    }
  }

  /** A project with a storyboard (main) and a variation with 2 ticked tasks. */
  async function setUp(label: string) {
    const email = uniqueEmail(label);
    const session = await new Session(app.baseUrl).signIn(email);
    const project = await ok<{ id: number; title: string }>(session, "POST", "/projects", { title: `Coffee cup ${label}` }, 201);
    const main = await generated(session, `/projects/${project.id}/storyboards`, { brief: BRIEF, title: "Morning rush" });
    const variation = await generated(session, `/storyboards/${main.id}/variations`, {});
    for (const t of variation.scenes.flatMap((s) => s.tasks).slice(0, 2)) await ok(session, "PATCH", `/tasks/${t.id}`, { completed: true });
    return { email, session, project, main, variation };
  }

  /** Waits for what the page shows to settle (server actions on a loaded machine take seconds). */
  const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 30_000, interval: 100 });
  const progress = async (page: Page) => {
    const bar = page.locator("[data-testid=project-progress] [role=progressbar]");
    return [Number(await bar.getAttribute("aria-valuenow")), Number(await bar.getAttribute("aria-valuemax"))];
  };
  /** The project's title as shown (the button's name starts with a hidden "Edit Project title: "). */
  const titleOf = async (page: Page) => (await page.getByTestId("project-title").textContent())?.replace(/^Edit Project title:\s*/, "");
  const mainTitle = (page: Page) => page.getByTestId("storyboard-card").filter({ has: page.getByTestId("main-badge") }).locator("a.title").textContent();

  for (const [width, device] of [["1280", DESKTOP], ["390", PHONE_390]] as const) {
    it(`title edit undone by the Undo button, redone after a reload; Make main undone by Ctrl+Z with the project's progress at ${width} px`, async () => {
      const { email, project, main, variation } = await setUp(`project-undo-${width}`);
      const context = await browser.newContext(device);
      contexts.push(context);
      const page = await signInInBrowser(context, app.baseUrl, email);
      await page.goto(`${app.baseUrl}/projects/${project.id}`);
      await poll(() => page.getByTestId("undo").getAttribute("aria-label")).toBe(`Undo: New variation “${variation.title}”`);
      expect(await page.getByTestId("redo").isDisabled()).toBe(true);
      if (width === "390") {
        const box = await page.getByTestId("undo").boundingBox();
        expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
      }

      // The title, edited in place, then undone by the button.
      const renamed = `Cold cup ${width}`;
      await page.getByTestId("project-title").click();
      await page.getByTestId("project-title-input").fill(renamed);
      await page.keyboard.press("Enter");
      await poll(() => titleOf(page)).toBe(renamed);
      await poll(() => page.getByTestId("undo").getAttribute("aria-label")).toBe("Undo: Edit project: title");
      await page.getByTestId("undo").click();
      await poll(() => titleOf(page)).toBe(project.title);
      await poll(() => page.getByTestId("history-message").textContent()).toBe("Undone: Edit project: title");
      await screenshot(page, `project-undo-title-${dialect}-${width}`);

      // Across a reload the stack is the server's: Redo renames it again.
      await page.reload();
      await poll(() => page.getByTestId("redo").getAttribute("aria-label")).toBe("Redo: Edit project: title");
      await page.getByTestId("redo").click();
      await poll(() => titleOf(page)).toBe(renamed);

      // Make main: the variation's 2 of its tasks become the project's progress; Ctrl+Z brings the first back.
      expect(await mainTitle(page)).toBe(main.title);
      await poll(() => progress(page)).toEqual([0, main.total_tasks]);
      const variationCard = page.getByTestId("storyboard-card").filter({ hasText: variation.title });
      const make = variationCard.getByTestId("make-main");
      await poll(() => make.getAttribute("data-ready")).toBe("true");
      await make.click();
      await poll(() => mainTitle(page)).toBe(variation.title);
      await poll(() => progress(page)).toEqual([2, variation.total_tasks]);
      await poll(() => page.getByTestId("undo").getAttribute("aria-label")).toBe(`Undo: Make “${variation.title}” main`);
      await page.locator("body").click({ position: { x: 2, y: 2 } });
      await page.keyboard.press("Control+z");
      await poll(() => mainTitle(page)).toBe(main.title);
      await poll(() => progress(page)).toEqual([0, main.total_tasks]);
      await poll(() => page.getByTestId("history-message").textContent()).toBe(`Undone: Make “${variation.title}” main`);
      await screenshot(page, `project-undo-main-${dialect}-${width}`);
      // Shift+Ctrl+Z makes the variation main again.
      await page.keyboard.press("Control+Shift+z");
      await poll(() => mainTitle(page)).toBe(variation.title);
      await poll(() => progress(page)).toEqual([2, variation.total_tasks]);

      // The variation form refuses a length beyond the chosen platform's maximum next to the field, before sending.
      await page.goto(`${app.baseUrl}/storyboards/${main.id}`);
      const toggle = page.getByTestId("new-variation");
      await poll(() => toggle.getAttribute("data-ready")).toBe("true");
      await openMoreActions(page);
      await toggle.click();
      await page.locator("#var-platform").selectOption("facebook_reels");
      await page.locator("#var-duration").fill("120");
      await page.getByTestId("generate-variation").click();
      await poll(() => page.locator("#var-duration-error").textContent()).toBe("Target duration must be at most 90 seconds on Facebook Reels");
      expect(await page.locator("#var-duration").getAttribute("aria-invalid")).toBe("true");
      await screenshot(page, `project-undo-variation-length-${dialect}-${width}`);
    });
  }

  it("PATCH status completed with open tasks is a 409 naming how many unless confirm_open_tasks; a variation beyond the platform's maximum is refused on duration", async () => {
    const { session, project, main } = await setUp("project-undo-api");
    const open = main.total_tasks;
    const refused = await call<ApiError>(session, "PATCH", `/projects/${project.id}`, { status: "completed" });
    expect(refused.status, refused.text).toBe(409);
    expect(refused.body.error).toMatchObject({ code: "conflict", message: `${open} of ${open} tasks are still open. Mark completed anyway?` });
    expect(refused.body.error.fields?.confirm_open_tasks).toContain("send confirm_open_tasks: true");
    const bad = await call<ApiError>(session, "PATCH", `/projects/${project.id}`, { status: "completed", confirm_open_tasks: "yes" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual({ confirm_open_tasks: "confirm_open_tasks must be true or false" });
    expect((await ok<{ status: string }>(session, "GET", `/projects/${project.id}`)).status).toBe("active");
    expect(await ok<{ status: string }>(session, "PATCH", `/projects/${project.id}`, { status: "completed", confirm_open_tasks: true })).toMatchObject({ status: "completed" });

    const tooLong = await call<ApiError>(session, "POST", `/storyboards/${main.id}/variations`, { platform: "facebook_reels", duration: 120 });
    expect(tooLong.status, tooLong.text).toBe(400);
    expect(tooLong.body.error.fields).toEqual({ duration: "Target duration must be at most 90 seconds on Facebook Reels" });
    // The source's own length (120 s on TikTok) carried to a platform that allows less: refused, not cut.
    const long = await generated(session, `/projects/${project.id}/storyboards`, { brief: BRIEF, title: "Long cut", platform: "tiktok", duration: 120 });
    const carried = await call<ApiError>(session, "POST", `/storyboards/${long.id}/variations`, { platform: "facebook_reels" });
    expect(carried.status, carried.text).toBe(400);
    expect(carried.body.error.fields?.duration).toBe("Target duration must be at most 90 seconds on Facebook Reels (this storyboard's length is 120 s: choose a shorter one)");
    expect((await ok<unknown[]>(session, "GET", `/projects/${project.id}/storyboards`)).length).toBe(3);
  });
});
