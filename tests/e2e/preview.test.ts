// Preview and shoot in a real browser against the production build, on SQLite and PostgreSQL:
// the animatic timed by the page's own clock (Playwright's clock drives it, nothing waits in
// real time), scrubbing and playing from a scene; shoot mode on a touch phone (swipes, one tap
// to tick "scene filmed", a tick made offline sent once back online, the teleprompter's pace).
import type { APIRequestContext, Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { timecode } from "../../src/components/format";
import { DESKTOP, PHONE_390, jsonApi, screenshot, signInInBrowser, browserForFile } from "./browser";
import { startApp, uniqueEmail, type RunningApp } from "./harness";

/** A phone at the width the product is designed for (iPhone 12-15), with touch. */

const BRIEF = [
  "Foldable e-bike for city commuters who hate crowded trains.",
  "It folds in 10 seconds, fits under a desk and charges from a normal socket.",
  "Show a morning ride past the traffic, the fold at the office door, the bike under the desk.",
  "End with: test ride it this weekend, link in bio.",
].join(" ");

interface Board {
  id: number;
  project_id: number;
  total_duration: number;
  status: string;
  scenes: Array<{ id: number; scene_number: number; duration: number; script: string | null; tasks: Array<{ id: number; task_type: string; completed: boolean }> }>;
}

let browser: Browser;
browserForFile((b) => (browser = b));

describe.each(["sqlite", "postgres"] as const)("preview and shoot (%s)", (dialect) => {
  let app: RunningApp;
  const contexts: BrowserContext[] = [];
  /** One creator's storyboard, generated once for the tests below. */
  let owner: { context: BrowserContext; page: Page; board: Board };

  async function newContext(device: object): Promise<BrowserContext> {
    const context = await browser.newContext({ ...device });
    context.setDefaultTimeout(15_000);
    contexts.push(context);
    return context;
  }

  const api = <T>(request: APIRequestContext, method: string, path: string, data?: unknown) => jsonApi<T>(request, app.baseUrl, method, path, data);

  async function generated(request: APIRequestContext): Promise<Board> {
    const project = await api<{ id: number }>(request, "POST", "/projects", { title: "E-bike launch" });
    const started = await api<{ id: number }>(request, "POST", `/projects/${project.id}/storyboards`, { brief: BRIEF, platform: "tiktok", duration: 30, seed: 11 });
    for (;;) {
      const board = await api<Board>(request, "GET", `/storyboards/${started.id}`);
      if (board.status !== "generating") return board;
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  beforeAll(async () => {
    app = await startApp(dialect, inject("pgAdminUrl"));
    const context = await newContext(DESKTOP);
    const page = await signInInBrowser(context, app.baseUrl, uniqueEmail("preview"));
    owner = { context, page, board: await generated(context.request) };
    expect(owner.board.status).toBe("completed");
    expect(owner.board.scenes.length).toBeGreaterThanOrEqual(4);
  });
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
    await app?.stop();
  });

  const attr = (page: Page, testId: string, name: string) => page.getByTestId(testId).first().getAttribute(name);

  async function noHorizontalScroll(page: Page, width: number) {
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, ...[...document.querySelectorAll(".pv-player, .pv-shoot")].map((e) => e.scrollWidth)]);
    for (const w of widths) expect(w, `${page.url()} scrolls sideways (${widths.join(", ")} px)`).toBeLessThanOrEqual(width);
  }

  it("plays the whole storyboard in exactly its runtime, by the page's own clock; scrubbing and scene chips land on the right scene", async () => {
    const { board } = owner;
    const context = owner.context;
    await context.clock.install({ time: new Date("2030-01-01T08:00:00Z") });
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/storyboards/${board.id}/play`);
    await expect.poll(() => attr(page, "animatic", "data-ready")).toBe("true");
    await page.clock.pauseAt(new Date("2030-01-01T09:00:00Z"));
    expect(await page.getByTestId("animatic-time").textContent()).toBe(`0:00 / ${timecode(board.total_duration)}`);
    expect(await page.getByTestId("frame-overlay").count()).toBeLessThanOrEqual(1);

    const t0 = await page.evaluate(() => Date.now());
    await page.getByTestId("play").click();
    await expect.poll(() => attr(page, "animatic", "data-state")).toBe("playing");
    for (const [i, scene] of board.scenes.entries()) {
      await expect.poll(() => attr(page, "animatic", "data-scene")).toBe(String(scene.scene_number));
      if (i === 1) {
        // Mid-scene: the frame shows the overlay and the caption of what is being said.
        await page.clock.runFor(Math.floor((scene.duration * 1000) / 2));
        await expect.poll(() => page.getByTestId("frame-caption").count()).toBe(scene.script ? 1 : 0);
        await screenshot(page, `animatic-desktop-${dialect}`);
        await page.clock.runFor(scene.duration * 1000 - Math.floor((scene.duration * 1000) / 2) - 1);
      } else {
        await page.clock.runFor(scene.duration * 1000 - 1);
      }
      // One millisecond before its cut, the scene is still on screen.
      expect(await attr(page, "animatic", "data-scene")).toBe(String(scene.scene_number));
      await page.clock.runFor(1);
    }
    await expect.poll(() => attr(page, "animatic", "data-state")).toBe("ended");
    const t1 = await page.evaluate(() => Date.now());
    expect(t1 - t0).toBe(board.total_duration * 1000);
    const started = Number(await attr(page, "animatic", "data-run-started-at"));
    const ended = Number(await attr(page, "animatic", "data-run-ended-at"));
    expect(ended - started).toBe(board.total_duration * 1000);
    expect(await page.getByTestId("animatic-time").textContent()).toBe(`${timecode(board.total_duration)} / ${timecode(board.total_duration)}`);

    // Scrub: a click on the timeline in the middle of scene 3 shows scene 3 at that time.
    const starts = board.scenes.reduce<number[]>((acc, s, i) => [...acc, i === 0 ? 0 : acc[i - 1]! + board.scenes[i - 1]!.duration], []);
    const k = 2;
    const middle = starts[k]! + board.scenes[k]!.duration / 2;
    const slider = page.getByTestId("scrubber");
    const box = (await slider.boundingBox())!;
    // A range input maps the track between the thumb's half-widths (22 px thumb) to min..max.
    const x = 11 + ((box.width - 22) * middle) / board.total_duration;
    await slider.click({ position: { x, y: box.height / 2 } });
    await expect.poll(() => attr(page, "animatic", "data-scene")).toBe(String(k + 1));
    expect(await attr(page, "animatic", "data-state")).toBe("paused");
    const value = Number(await slider.inputValue());
    expect(Math.abs(value - middle)).toBeLessThan(board.scenes[k]!.duration / 2);

    // Play from a scene: its chip starts playback at its first frame.
    const last = board.scenes.length - 1;
    await page.getByTestId("scene-chip").nth(last - 1).click();
    await expect.poll(() => attr(page, "animatic", "data-scene")).toBe(String(last));
    expect(await attr(page, "animatic", "data-state")).toBe("playing");
    await page.clock.runFor(board.scenes[last - 1]!.duration * 1000);
    await expect.poll(() => attr(page, "animatic", "data-scene")).toBe(String(last + 1));
    // Keyboard: Space pauses, the arrows change scene.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press("Space");
    await expect.poll(() => attr(page, "animatic", "data-state")).toBe("paused");
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => attr(page, "animatic", "data-scene")).toBe(String(last));
    await noHorizontalScroll(page, 1280);
    await page.close();
  });

  it("fits the animatic on a phone", async () => {
    const context = await newContext(PHONE_390);
    await context.addCookies(await owner.context.cookies());
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/storyboards/${owner.board.id}/play`);
    await expect.poll(() => attr(page, "animatic", "data-ready")).toBe("true");
    await page.getByTestId("scene-chip").nth(1).tap();
    await expect.poll(() => attr(page, "animatic", "data-scene")).toBe("2");
    await page.getByTestId("play").tap();
    await expect.poll(() => attr(page, "animatic", "data-state")).toBe("paused");
    await noHorizontalScroll(page, 390);
    // The frame fills the stage at 9:16 without overflowing the screen.
    const frame = (await page.getByTestId("preview-frame").boundingBox())!;
    expect(frame.width).toBeLessThanOrEqual(390);
    expect(frame.height).toBeLessThanOrEqual(844);
    expect(frame.width / frame.height).toBeCloseTo(9 / 16, 2);
    await screenshot(page, `animatic-phone-${dialect}`);
  });

  it("shoot mode: swipes scene to scene, one tap ticks 'scene filmed' (shown in the project's progress), an offline tick is sent once back online", async () => {
    const { board } = owner;
    const context = await newContext(PHONE_390);
    await context.addCookies(await owner.context.cookies());
    await context.clock.install({ time: new Date("2030-01-02T08:00:00Z") });
    const page = await context.newPage();
    const taskCalls: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/api/v1/tasks/")) taskCalls.push(`${r.method()} ${new URL(r.url()).pathname}`);
    });
    await page.goto(`${app.baseUrl}/storyboards/${board.id}/shoot`);
    await expect.poll(() => attr(page, "shoot-mode", "data-ready")).toBe("true");
    expect(await attr(page, "shoot-mode", "data-scene")).toBe("1");
    await noHorizontalScroll(page, 390);

    // Swipes move one scene at a time; a swipe right goes back.
    await swipe(page, -1);
    await expect.poll(() => attr(page, "shoot-mode", "data-scene")).toBe("2");
    await swipe(page, -1);
    await expect.poll(() => attr(page, "shoot-mode", "data-scene")).toBe("3");
    await swipe(page, 1);
    await expect.poll(() => attr(page, "shoot-mode", "data-scene")).toBe("2");
    await noHorizontalScroll(page, 390);

    // The teleprompter runs through the script in the time it takes to say it.
    const scene2 = board.scenes[1]!;
    if (scene2.script) {
      expect(await page.getByTestId("prompter-pace").textContent()).toMatch(/^\d+\.\d s at 2\.8 words\/s$/);
      const seconds = Number(await attr(page, "teleprompter", "data-seconds"));
      expect(seconds).toBeGreaterThan(0);
      await page.clock.pauseAt(new Date("2030-01-02T09:00:00Z"));
      await page.getByTestId("prompter-toggle").tap();
      await expect.poll(() => attr(page, "teleprompter", "data-state")).toBe("running");
      await page.clock.runFor(Math.round(seconds * 500));
      const half = await page.getByTestId("teleprompter").evaluate((el) => el.scrollTop / (el.querySelector("p") as HTMLElement).offsetHeight);
      expect(half).toBeGreaterThan(0.35);
      expect(half).toBeLessThan(0.65);
      expect(await attr(page, "teleprompter", "data-state")).toBe("running");
      // Animation frames come every 16 ms: the last one past the end finishes it.
      await page.clock.runFor(Math.round(seconds * 500) + 100);
      await expect.poll(() => attr(page, "teleprompter", "data-state")).toBe("done");
      await page.clock.resume();
    }
    await screenshot(page, `shoot-phone-${dialect}`);

    // One tap ticks "scene filmed" for scene 2, online.
    const filmed = page.getByTestId("scene-filmed");
    expect(await filmed.getAttribute("aria-pressed")).toBe("false");
    await filmed.tap();
    expect(await filmed.getAttribute("aria-pressed")).toBe("true");
    await expect.poll(() => attr(page, "shoot-mode", "data-sync")).toBe("synced");
    expect(await page.getByTestId("filmed-count").textContent()).toContain(`1 of ${board.scenes.length} filmed`);
    const totalTasks = board.scenes.length * 4;
    expect(await projectProgress(context, board.project_id)).toBe(`1 of ${totalTasks} tasks`);

    // Offline: the tick waits on the phone, then goes out once (and only once) when back online.
    await swipe(page, -1);
    await expect.poll(() => attr(page, "shoot-mode", "data-scene")).toBe("3");
    await context.setOffline(true);
    const before = taskCalls.length;
    await filmed.tap();
    expect(await filmed.getAttribute("aria-pressed")).toBe("true");
    await expect.poll(() => attr(page, "shoot-mode", "data-sync")).toBe("offline");
    expect(await attr(page, "shoot-mode", "data-pending")).toBe("1");
    expect(await page.getByTestId("sync-status").textContent()).toContain("1 to send");
    expect(taskCalls.length).toBe(before);
    const sent = page.waitForResponse((r) => r.url().endsWith(`/api/v1/tasks/${board.scenes[2]!.tasks.find((t) => t.task_type === "scene_filmed")!.id}`));
    await context.setOffline(false);
    expect((await sent).status()).toBe(200);
    await expect.poll(() => attr(page, "shoot-mode", "data-pending")).toBe("0");
    await expect.poll(() => attr(page, "shoot-mode", "data-sync")).toBe("synced");
    expect(taskCalls.slice(before)).toEqual([`PATCH /api/v1/tasks/${board.scenes[2]!.tasks.find((t) => t.task_type === "scene_filmed")!.id}`]);
    expect(await projectProgress(context, board.project_id)).toBe(`2 of ${totalTasks} tasks`);
    expect(["on", "denied", "unsupported"]).toContain(await attr(page, "shoot-mode", "data-wake-lock"));
    await noHorizontalScroll(page, 390);

    // The same screen on a desktop.
    const desk = await (await newContext(DESKTOP)).newPage();
    await desk.context().addCookies(await owner.context.cookies());
    await desk.goto(`${app.baseUrl}/storyboards/${board.id}/shoot`);
    await expect.poll(() => attr(desk, "shoot-mode", "data-ready")).toBe("true");
    await desk.keyboard.press("ArrowRight");
    await expect.poll(() => attr(desk, "shoot-mode", "data-scene")).toBe("2");
    expect(await desk.getByTestId("scene-filmed").getAttribute("aria-pressed")).toBe("true");
    await screenshot(desk, `shoot-desktop-${dialect}`);
  });

  /** The project page's progress line, as the creator sees it. */
  async function projectProgress(context: BrowserContext, projectId: number): Promise<string> {
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/projects/${projectId}`);
    const text = (await page.locator(".progress-text").first().textContent()) ?? "";
    await page.close();
    return text.split(" · ")[0]!;
  }
});

/** A horizontal finger swipe across the middle of the screen (-1: to the left, next scene). */
async function swipe(page: Page, direction: -1 | 1) {
  const cdp = await page.context().newCDPSession(page);
  const { width, height } = page.viewportSize()!;
  const y = Math.round(height * 0.45);
  const from = direction < 0 ? width * 0.8 : width * 0.2;
  const to = direction < 0 ? width * 0.2 : width * 0.8;
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x: from, y }] });
  for (let i = 1; i <= 6; i++) await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x: from + ((to - from) * i) / 6, y }] });
  // The finger rests before lifting: a lift at speed starts a fling, and Chrome turns the next
  // tap into "stop the fling" instead of a click.
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 30));
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x: to, y }] });
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await cdp.detach();
}
