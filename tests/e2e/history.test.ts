// Undo and history in the browser (issue 14, item 1), on both databases, at 1280 and 390 px:
// a hand edit, then Regenerate asks first and names the edit, Undo (Ctrl+Z) brings it back and
// Shift+Ctrl+Z redoes; a named version is saved, compared with the storyboard scene by scene,
// restored, and the restore undone; a deleted project comes back through the toast's Undo; an
// uploaded picture goes with Undo and comes back with Redo.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DESKTOP, PHONE_390, openMoreActions, openSceneCard, screenshot, signInInBrowser, appForSuite, browserForFile } from "./browser";
import { Session, uniqueEmail, type RunningApp } from "./harness";

const BRIEF = "A 30-second TikTok for a reusable coffee cup: keeps drinks hot for 6 hours. Show the morning rush, then the cup. End with: link in bio.";

interface Board {
  id: number;
  status: string;
  scenes: { id: number; scene_number: number; script: string | null }[];
}

let browser: Browser;
browserForFile((b) => (browser = b));

describe.each(["sqlite", "postgres"] as const)("undo and history in the editor (%s)", (dialect) => {
  let app: RunningApp;
  const contexts: BrowserContext[] = [];
  appForSuite(dialect, (a) => (app = a), contexts);

  const json = async <T>(res: Response, status = 200): Promise<T> => {
    const body = await res.text();
    expect(res.status, body).toBe(status);
    return JSON.parse(body) as T;
  };

  async function setUp(label: string) {
    const email = uniqueEmail(label);
    const session = await new Session(app.baseUrl).signIn(email);
    const project = await json<{ id: number }>(await session.fetch("/api/v1/projects", { method: "POST", json: { title: `Coffee cup ${label}` } }), 201);
    const created = await json<{ id: number }>(await session.fetch(`/api/v1/projects/${project.id}/storyboards`, { method: "POST", json: { brief: BRIEF, title: "Morning rush" } }), 202);
    let board: Board;
    for (const deadline = Date.now() + 30_000; ; await new Promise((r) => setTimeout(r, 250))) {
      board = await json<Board>(await session.fetch(`/api/v1/storyboards/${created.id}`));
      if (board.status === "completed") break;
      if (Date.now() > deadline) throw new Error(`the storyboard is still ${board.status}`);
    }
    return { email, session, projectId: project.id, board };
  }

  /** Waits for what the page shows to settle (server actions on a loaded machine take seconds). */
  const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 30_000, interval: 100 });
  const cardOf = (page: Page, n: number) => page.locator(`[data-testid=scene-card][data-scene-number="${n}"]`);
  const scriptOf = (page: Page, n: number) => cardOf(page, n).getByTestId("scene-script");
  /** On a phone the cards start collapsed: the scene's heading button opens one. */
  async function expand(page: Page, n: number) {
    await cardOf(page, n).waitFor();
    await openSceneCard(cardOf(page, n));
  }

  it("puts an uploaded picture on the stack: Undo takes it away, Redo brings it back", async () => {
    const { email, board } = await setUp("history-picture");
    const context = await browser.newContext(DESKTOP);
    contexts.push(context);
    const page = await signInInBrowser(context, app.baseUrl, email);
    await page.goto(`${app.baseUrl}/storyboards/${board.id}`);
    const frame = cardOf(page, 1).getByTestId("scene-frame");
    await poll(() => frame.getAttribute("data-kind")).toBe("sketch");
    // A file chosen before the editor hydrates has no change handler to answer it: wait for it
    // (a hydrated card has data-expanded).
    await poll(() => cardOf(page, 1).getAttribute("data-expanded")).toBe("true");
    const png = path.join(os.tmpdir(), `history-picture-${dialect}-${process.pid}.png`);
    await sharp({ create: { width: 540, height: 960, channels: 3, background: "#3a7bc9" } }).png().toFile(png);
    await cardOf(page, 1).getByTestId("frame-file").setInputFiles(png);
    fs.rmSync(png, { force: true });
    await poll(() => frame.getAttribute("data-kind")).toBe("image");
    await poll(() => page.getByTestId("undo").getAttribute("aria-label")).toBe("Undo: Add a picture to scene 1");

    await page.getByTestId("undo").click();
    await poll(() => frame.getAttribute("data-kind")).toBe("sketch");
    await poll(() => page.getByTestId("redo").getAttribute("aria-label")).toBe("Redo: Add a picture to scene 1");
    await page.reload();
    await poll(() => cardOf(page, 1).getByTestId("scene-frame").getAttribute("data-kind")).toBe("sketch");

    await page.getByTestId("redo").click();
    await poll(() => cardOf(page, 1).getByTestId("scene-frame").getAttribute("data-kind")).toBe("image");
    await poll(() => cardOf(page, 1).locator(".frame-art img").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(540);
    await screenshot(page, `history-picture-redone-${dialect}`);
  }, 120_000);

  for (const [width, device] of [["1280", DESKTOP], ["390", PHONE_390]] as const) {
    it(`edit, regenerate with a confirm that names the edit, undo and redo by keyboard, versions, and Undo of a deleted project at ${width} px`, async () => {
      const { email, session, projectId, board } = await setUp(`history-${width}`);
      const scene = board.scenes[1]!;
      const engineLine = scene.script;
      await json(await session.fetch(`/api/v1/scenes/${scene.id}`, { method: "PATCH", json: { script: "My own line for the rush." } }));

      const context = await browser.newContext(device);
      contexts.push(context);
      const page = await signInInBrowser(context, app.baseUrl, email);
      await page.goto(`${app.baseUrl}/storyboards/${board.id}`);
      await expand(page, 2);
      await poll(() => scriptOf(page, 2).textContent()).toContain("My own line for the rush.");
      await poll(() => page.getByTestId("undo").getAttribute("aria-label")).toBe("Undo: Edit scene 2: voice-over");

      // Regenerate asks first and names the hand edit; "Keep my edits" changes nothing.
      await page.getByRole("button", { name: "Regenerate scene 2" }).click();
      const dialog = page.getByTestId("regenerate-confirm");
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain("Scene 2: voice-over");
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "detached" });
      expect(await scriptOf(page, 2).textContent()).toContain("My own line for the rush.");
      await page.getByRole("button", { name: "Regenerate scene 2" }).click();
      await page.getByRole("button", { name: "Regenerate anyway" }).click();
      await poll(() => scriptOf(page, 2).textContent()).not.toContain("My own line for the rush.");
      await poll(() => page.getByTestId("undo").getAttribute("aria-label")).toBe("Undo: Regenerate scene 2");
      await screenshot(page, `history-regenerated-${dialect}-${width}`);

      // Ctrl+Z (focus is not in a text field) brings the edit back; Shift+Ctrl+Z redoes the regenerate.
      await page.keyboard.press("Control+z");
      await poll(() => scriptOf(page, 2).textContent()).toContain("My own line for the rush.");
      expect(await page.getByTestId("history-message").textContent()).toBe("Undone: Regenerate scene 2");
      await page.keyboard.press("Control+Shift+z");
      await poll(() => scriptOf(page, 2).textContent()).not.toContain("My own line for the rush.");
      await page.getByTestId("undo").click();
      await poll(() => scriptOf(page, 2).textContent()).toContain("My own line for the rush.");
      // Across a reload: the stack is the server's.
      await page.reload();
      await expand(page, 2);
      await poll(() => page.getByTestId("redo").getAttribute("aria-label")).toBe("Redo: Regenerate scene 2");

      // A named version, compared after the next undo, restored, and the restore undone.
      await openMoreActions(page);
      await page.getByTestId("versions").locator("summary").click();
      await page.getByLabel("Version name").fill("Hand edit");
      await page.getByRole("button", { name: "Save version" }).click();
      await page.getByRole("button", { name: "Compare “Hand edit”" }).waitFor();
      expect(await page.getByTestId("version").first().textContent()).toContain("Hand edit");
      await page.getByTestId("undo").click();
      await poll(() => scriptOf(page, 2).textContent()).toContain(engineLine ?? "Add a voice-over script");
      await page.getByRole("button", { name: "Compare “Hand edit”" }).click();
      await poll(() => page.getByTestId("version-diff").textContent()).toContain("Scene 2: changed");
      expect(await page.getByTestId("version-diff").textContent()).toContain("voice-over: “My own line for the rush.” in the version");
      await screenshot(page, `history-version-diff-${dialect}-${width}`);
      await page.getByRole("button", { name: "Restore “Hand edit”" }).click();
      await poll(() => scriptOf(page, 2).textContent()).toContain("My own line for the rush.");
      await poll(() => page.getByTestId("undo").getAttribute("aria-label")).toBe("Undo: Restore version “Hand edit”");
      await page.getByTestId("undo").click();
      await poll(() => scriptOf(page, 2).textContent()).not.toContain("My own line for the rush.");

      // A deleted project comes back with the toast's Undo (focused, so Enter is enough).
      await page.goto(`${app.baseUrl}/projects/${projectId}`);
      await page.getByRole("button", { name: "Delete project" }).click();
      await page.getByRole("button", { name: "Yes, delete project" }).click();
      await page.waitForURL(/\/dashboard\?/);
      const toast = page.getByTestId("undo-toast");
      await toast.waitFor();
      expect(await toast.textContent()).toContain(`Project “Coffee cup history-${width}” deleted.`);
      expect(await page.getByRole("link", { name: `Coffee cup history-${width}` }).count()).toBe(0);
      await screenshot(page, `history-deleted-toast-${dialect}-${width}`);
      await poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Undo");
      await page.keyboard.press("Enter");
      await page.waitForURL(`${app.baseUrl}/projects/${projectId}`);
      await page.getByText(`Coffee cup history-${width}`).first().waitFor();
      expect((await session.fetch(`/api/v1/projects/${projectId}`)).status).toBe(200);
    });
  }
});
