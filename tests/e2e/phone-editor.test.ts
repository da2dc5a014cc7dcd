// The storyboard editor on a phone (390 px, touch), on SQLite and on PostgreSQL: scene cards
// start collapsed (a 7-scene board fits in 2,000 px), a tap on a scene's heading expands it, a
// finger drags a scene by its handle to a new place (saved: it survives a reload), every control
// is at least 44 x 44 px, and no keyboard hints are shown. At 1280 px the cards start expanded.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DESKTOP, PHONE_390, jsonApi, screenshot, signInInBrowser, browserForFile, touchDrag } from "./browser";
import { startApp, uniqueEmail, type RunningApp } from "./harness";
import { sevenSceneStoryboard, type FixtureBoard } from "./storyboard-fixture";

let browser: Browser;
browserForFile((b) => (browser = b));

describe.each(["sqlite", "postgres"] as const)("phone-first storyboard editor (%s)", (dialect) => {
  let app: RunningApp;
  const contexts: BrowserContext[] = [];
  let email: string;
  let board: FixtureBoard;

  async function open(device: object): Promise<Page> {
    const context = await browser.newContext({ ...device });
    context.setDefaultTimeout(15_000);
    contexts.push(context);
    const page = await signInInBrowser(context, app.baseUrl, email);
    await page.goto(`${app.baseUrl}/storyboards/${board.id}`);
    // Hydrated: the cards know the screen they are on.
    await page.locator("[data-testid=scene-card][data-expanded]").first().waitFor();
    return page;
  }
  const cards = (page: Page) => page.getByTestId("scene-card");
  const ids = (page: Page) => cards(page).evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-scene-id"))));

  beforeAll(async () => {
    app = await startApp(dialect, inject("pgAdminUrl"));
    email = uniqueEmail("phone");
    const context = await browser.newContext();
    contexts.push(context);
    await signInInBrowser(context, app.baseUrl, email);
    board = await sevenSceneStoryboard(context.request, app.baseUrl);
  });
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
    await app?.stop();
  });

  it("shows 7 collapsed scene cards in at most 2,000 px at 390 px; a tap on a heading expands one", async () => {
    const page = await open(PHONE_390);
    expect(await cards(page).count()).toBe(7);
    expect(await cards(page).evaluateAll((els) => els.map((e) => e.getAttribute("data-expanded")))).toEqual(Array(7).fill("false"));
    const height = await page.evaluate(() => document.scrollingElement!.scrollHeight);
    expect(height, `the 7-scene page is ${height} px tall`).toBeLessThanOrEqual(2000);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // Collapsed: number, type, time range, on-screen text and the frame's thumbnail; no fields.
    const second = cards(page).nth(1);
    for (const id of ["scene-number", "timecode", "scene-summary", "scene-frame"]) expect(await second.getByTestId(id).isVisible(), id).toBe(true);
    expect(await second.getByRole("combobox", { name: "Scene type, scene 2" }).isVisible()).toBe(true);
    expect(await second.getByTestId("scene-script").isVisible()).toBe(false);
    expect(await second.locator("input[type=checkbox]").count()).toBe(4);
    expect(await second.locator("input[type=checkbox]").first().isVisible()).toBe(false);
    await screenshot(page, `phone-editor-collapsed-${dialect}`);

    // The heading is a real button that says whether it is expanded.
    const heading = second.getByRole("heading", { name: "Scene 2", exact: true });
    expect(await heading.count()).toBe(1);
    const toggle = heading.getByRole("button", { name: "Scene 2", exact: true });
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    await toggle.tap();
    await expect.poll(() => toggle.getAttribute("aria-expanded")).toBe("true");
    expect(await second.getByTestId("scene-script").isVisible()).toBe(true);
    expect(await second.getByRole("checkbox", { name: "Script written, scene 2" }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, `phone-editor-expanded-${dialect}`);
    await toggle.tap();
    await expect.poll(() => toggle.getAttribute("aria-expanded")).toBe("false");
    expect(await second.getByTestId("scene-script").isVisible()).toBe(false);
  });

  it("reorders scenes by dragging a handle with a finger, and the order is saved", async () => {
    const page = await open(PHONE_390);
    const before = await ids(page);
    const first = cards(page).first();
    // Scene 1's card at the top of the screen, so that scene 3's centre, where the finger stops, is
    // well inside it: a finger resting near the bottom edge makes the list scroll under it.
    await first.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - 80));
    const handle = (await first.getByTestId("drag-handle").boundingBox())!;
    const source = (await first.boundingBox())!;
    const target = (await cards(page).nth(2).boundingBox())!;
    const saved = page.waitForResponse((r) => r.request().method() === "POST" && r.url().startsWith(app.baseUrl));
    // Scene 1's card is dragged until its centre is on scene 3's: it takes scene 3's place.
    await touchDrag(page, { x: handle.x + handle.width / 2, y: handle.y + handle.height / 2 }, target.y + target.height / 2 - (source.y + source.height / 2));
    await saved;
    const expected = [before[1], before[2], before[0], ...before.slice(3)];
    await expect.poll(() => ids(page)).toEqual(expected);
    expect(await page.getByTestId("scene-number").allTextContents()).toEqual(Array.from({ length: 7 }, (_, i) => `Scene ${i + 1}`));
    await page.reload();
    await cards(page).first().waitFor();
    expect(await ids(page)).toEqual(expected);
    const api = await jsonApi<FixtureBoard>(page.context().request, app.baseUrl, "GET", `/storyboards/${board.id}`);
    expect(api.scenes.map((s) => s.id)).toEqual(expected);
  });

  it("makes every control of the editor at least 44 x 44 px on touch, with no keyboard hints", async () => {
    const page = await open(PHONE_390);
    await cards(page).first().getByTestId("scene-toggle").tap();
    const small = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>(".sb-header button, .sb-header a.btn, .sb-header summary, .sb-header select, .scene-card button, .scene-card select, .scene-card label.task, .add-end")]
        .filter((e) => e.checkVisibility({ visibilityProperty: true }))
        .map((e) => ({ what: e.getAttribute("aria-label") ?? e.textContent!.trim().slice(0, 30), ...e.getBoundingClientRect().toJSON() }))
        .filter((r) => r.width < 44 || r.height < 44)
        .map((r) => `${r.what} ${Math.round(r.width)}x${Math.round(r.height)}`),
    );
    expect(small).toEqual([]);
    // A checkbox's target is its label, 44 px and more in both directions.
    const tick = (await cards(page).first().locator("label.task").first().boundingBox())!;
    expect(Math.min(tick.width, tick.height)).toBeGreaterThanOrEqual(44);
    // Editing a field shows Save/Cancel but no "Enter saves · Shift+Enter new line" on a phone.
    await cards(page).first().getByTestId("scene-script").tap();
    await cards(page).first().getByTestId("scene-script-input").waitFor();
    expect(await page.locator(".hint-keys").count()).toBe(1);
    expect(await page.locator(".hint-keys").isVisible()).toBe(false);
    expect(await page.getByText("Shift+Enter").isVisible()).toBe(false);
  });

  it("starts with the cards expanded at 1280 px, where the hint for the keyboard shows", async () => {
    const page = await open(DESKTOP);
    expect(await cards(page).evaluateAll((els) => els.map((e) => e.getAttribute("data-expanded")))).toEqual(Array(7).fill("true"));
    expect(await cards(page).first().getByTestId("scene-script").isVisible()).toBe(true);
    const toggle = cards(page).first().getByTestId("scene-toggle");
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    await toggle.click();
    await expect.poll(() => toggle.getAttribute("aria-expanded")).toBe("false");
    expect(await cards(page).first().getByTestId("scene-script").isVisible()).toBe(false);
    await cards(page).nth(1).getByTestId("scene-script").click();
    expect(await page.getByText("Enter saves · Shift+Enter new line · Esc cancels").isVisible()).toBe(true);
    await page.keyboard.press("Escape");
    await screenshot(page, `desktop-editor-${dialect}`);
  });
});
