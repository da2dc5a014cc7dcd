// WCAG 2.2 AA in a real browser, on SQLite and on PostgreSQL: axe-core (@axe-core/playwright)
// on every page and on the editor's states (a scene expanded, the add-scene form showing an
// error, a confirm dialog open) at 1280 and 390 px, failing on any violation tagged WCAG 2.0/2.1
// A or AA or WCAG 2.2 AA; then a keyboard-only journey (generate, edit, regenerate, reorder, tick,
// add and cancel, delete with confirm) that checks where focus lands after every step, and that
// Shift+Tab never leaves focus hidden under the sticky top bar.
import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DESKTOP, PHONE_390, jsonApi, signInInBrowser, browserForFile } from "./browser";
import { startApp, uniqueEmail, type RunningApp } from "./harness";
import { MEAL_PREP_BRIEF, sevenSceneStoryboard, type FixtureBoard } from "./storyboard-fixture";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
// axe reads the whole page each time: ten pages on two shared cores take minutes, not seconds.
const AXE_TIMEOUT = 300_000;

let browser: Browser;
browserForFile((b) => (browser = b));

/** Every axe violation on the page as "rule: target (summary)", one a line; [] when none. */
async function violations(page: Page): Promise<string[]> {
  const { violations: found } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return found.flatMap((v) => v.nodes.map((n) => `${v.id} [${v.impact}]: ${n.target.join(" ")} (${n.failureSummary?.replace(/\s+/g, " ").slice(0, 200)})`));
}

/** What has focus, as a person would name it: its tag and its label (or text). */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return "body";
    const name = el.getAttribute("aria-label") ?? (el.textContent ?? "").replace(/\s+/g, " ").trim();
    return `${el.tagName.toLowerCase()} ${name}`.trim();
  });
}

/** Presses Tab (or Shift+Tab) until the focused element matches, at most `max` times. */
async function tabTo(page: Page, match: RegExp, { back = false, max = 200 } = {}): Promise<string> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    const now = await focused(page);
    if (match.test(now)) return now;
  }
  throw new Error(`Tab never reached ${match} (last: ${await focused(page)})`);
}

describe.each(["sqlite", "postgres"] as const)("accessibility, WCAG 2.2 AA (%s)", (dialect) => {
  let app: RunningApp;
  const contexts: BrowserContext[] = [];
  const email = uniqueEmail("a11y");
  let board: FixtureBoard;
  let shareUrl: string;

  async function signedIn(device: object): Promise<Page> {
    const context = await browser.newContext({ ...device });
    context.setDefaultTimeout(15_000);
    contexts.push(context);
    return signInInBrowser(context, app.baseUrl, email);
  }
  /** The storyboard page, hydrated (the cards know their screen). */
  async function editor(page: Page, id = board.id) {
    await page.goto(`${app.baseUrl}/storyboards/${id}`);
    await page.locator("[data-testid=scene-card][data-expanded]").first().waitFor();
  }
  const card = (page: Page, n: number) => page.locator(`[data-testid="scene-card"][data-scene-number="${n}"]`);
  const answered = (page: Page) => {
    const r = page.waitForResponse((res) => res.request().method() === "POST" && res.url().startsWith(app.baseUrl));
    r.catch(() => undefined);
    return r;
  };

  beforeAll(async () => {
    app = await startApp(dialect, inject("pgAdminUrl"), { ADMIN_EMAILS: email });
    const context = await browser.newContext();
    contexts.push(context);
    await signInInBrowser(context, app.baseUrl, email);
    board = await sevenSceneStoryboard(context.request, app.baseUrl);
    shareUrl = (await jsonApi<{ url: string }>(context.request, app.baseUrl, "POST", `/storyboards/${board.id}/shares`, { allow_comments: true })).url;
  });
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
    await app?.stop();
  });

  for (const [width, device] of [["1280", DESKTOP], ["390", PHONE_390]] as const) {
    it(`has no WCAG A/AA violation on any page at ${width} px`, async () => {
      // Signed out: the landing page, sign-in, 404, and a share link.
      const visitor = await browser.newContext({ ...device });
      contexts.push(visitor);
      const out = await visitor.newPage();
      const found: Record<string, string[]> = {};
      for (const [name, path] of [["landing", "/"], ["sign-in", "/signin"], ["404", "/no-such-page"]] as const) {
        await out.goto(`${app.baseUrl}${path}`);
        found[name] = await violations(out);
      }
      await out.goto(shareUrl);
      await out.locator("[data-testid=shared-comments][data-ready=true]").first().waitFor();
      found.share = await violations(out);

      const page = await signedIn(device);
      found.dashboard = await violations(page);
      await page.goto(`${app.baseUrl}/projects/${board.project_id}`);
      found.project = await violations(page);
      await editor(page);
      found.editor = await violations(page);
      await page.goto(`${app.baseUrl}/storyboards/${board.id}/play`);
      await page.locator("[data-testid=animatic][data-ready=true]").waitFor();
      found.play = await violations(page);
      await page.goto(`${app.baseUrl}/storyboards/${board.id}/shoot`);
      await page.locator("[data-testid=shoot-mode][data-ready=true]").waitFor();
      found.shoot = await violations(page);
      await page.goto(`${app.baseUrl}/admin`);
      await page.getByRole("heading", { level: 1 }).waitFor();
      found.admin = await violations(page);
      await page.goto(`${app.baseUrl}/storyboards/not-a-number`);
      found["404 signed in"] = await violations(page);
      expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
    }, AXE_TIMEOUT);

    it(`has no WCAG A/AA violation in the editor's states at ${width} px`, async () => {
      const page = await signedIn(device);
      await editor(page);
      const found: Record<string, string[]> = {};
      // A scene expanded (on a phone they start collapsed; on a desktop, expanded).
      const toggle = card(page, 2).getByTestId("scene-toggle");
      if ((await toggle.getAttribute("aria-expanded")) === "false") await toggle.click();
      await expect.poll(() => toggle.getAttribute("aria-expanded")).toBe("true");
      found["scene expanded"] = await violations(page);
      // The add-scene form with an error (nothing described).
      await page.getByRole("button", { name: "+ Add a scene at the end" }).click();
      await page.getByRole("button", { name: "Add scene", exact: true }).click();
      await page.locator("#add-end-visual-error").waitFor();
      found["add-scene error"] = await violations(page);
      await page.keyboard.press("Escape");
      // A confirm dialog open.
      await card(page, 2).getByRole("button", { name: "Delete scene 2" }).click();
      await page.getByRole("alertdialog").waitFor();
      found["confirm open"] = await violations(page);
      await page.keyboard.press("Escape");
      await expect.poll(() => page.getByRole("alertdialog").count()).toBe(0);
      expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
    }, AXE_TIMEOUT);
  }

  it("can be driven by keyboard alone, and focus lands where the last step left it", async () => {
    const page = await signedIn(DESKTOP);
    await page.goto(`${app.baseUrl}/projects/${board.project_id}`);
    await page.locator("#sb-brief").waitFor();
    // The first Tab reaches the skip link; Enter moves past the top bar to the content.
    expect(await tabTo(page, /./, { max: 1 })).toBe("a Skip to content");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");

    // Generate: type the brief, Tab to the button, Enter.
    await tabTo(page, /^textarea/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("sb-brief");
    await page.keyboard.type(MEAL_PREP_BRIEF);
    await tabTo(page, /^button Generate storyboard$/);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/storyboards\/\d+$/);
    await page.locator("[data-testid=scene-card][data-expanded=true]").first().waitFor({ timeout: 30_000 });
    const id = Number(page.url().split("/").pop());
    expect(id).not.toBe(board.id);
    const ids = () => page.getByTestId("scene-card").evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-scene-id"))));
    const initial = await ids();
    expect(initial.length).toBeGreaterThanOrEqual(3);
    // The H1 is named by the title alone.
    const h1 = await page.getByRole("heading", { level: 1 }).evaluate((h) => h.getAttribute("aria-label"));
    expect(await page.getByRole("heading", { level: 1, name: h1!, exact: true }).count()).toBe(1);
    expect(h1).not.toMatch(/^Edit/);

    // Edit scene 1's script: Enter opens the field, Enter saves, focus is back on the field's button.
    await tabTo(page, /^button Edit Script, scene 1/);
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("scene-script-input");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("Sunday is for the park, not the stove.");
    let done = answered(page);
    await page.keyboard.press("Enter");
    await done;
    await expect.poll(() => card(page, 1).getByTestId("scene-script").textContent()).toContain("Sunday is for the park");
    expect(await focused(page)).toMatch(/^button Edit Script, scene 1/);

    // Regenerate scene 2: the button keeps focus while it works and after.
    await tabTo(page, /^button Regenerate scene 2$/);
    done = answered(page);
    await page.keyboard.press("Enter");
    await done;
    await expect.poll(() => card(page, 2).getAttribute("aria-busy")).toBe("false");
    expect(await focused(page)).toBe("button Regenerate scene 2");

    // Reorder with the handle: Space picks scene 1 up, ArrowDown moves it, Space drops it.
    await tabTo(page, /^button Reorder scene 1$/, { back: true });
    // Each key waits for what the live region announces (picked up over its own place, then moved).
    const live = page.locator("[id^=DndLiveRegion]");
    // The regenerate's stack read and refresh arrive after its answer; a fresh render while a
    // scene is picked up drops it (then the pick-up is tried again, Esc first).
    await expect.poll(() => page.getByTestId("undo").getAttribute("aria-label")).toBe("Undo: Regenerate scene 2");
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press("Space");
      await expect.poll(() => live.textContent()).toContain("over the place of scene 1");
      await page.keyboard.press("ArrowDown");
      try {
        await expect.poll(() => live.textContent(), { timeout: 5_000 }).toContain("over the place of scene 2");
        break;
      } catch (e) {
        if (attempt === 3) throw e;
        await page.keyboard.press("Escape");
        if (!/^button Reorder scene 1$/.test(await focused(page))) await tabTo(page, /^button Reorder scene 1$/, { back: true });
      }
    }
    done = answered(page);
    await page.keyboard.press("Space");
    await done;
    await expect.poll(ids).toEqual([initial[1], initial[0], ...initial.slice(2)]);
    await expect.poll(() => focused(page)).toBe("button Reorder scene 2");
    // And with the buttons: "Move scene 3 up" keeps focus on the moved scene's Up button.
    await tabTo(page, /^button Move scene 3 up$/);
    done = answered(page);
    await page.keyboard.press("Enter");
    await done;
    await expect.poll(ids).toEqual([initial[1], initial[2], initial[0], ...initial.slice(3)]);
    await expect.poll(() => focused(page)).toBe("button Move scene 2 up");

    // Tick a task with Space: focus stays on the checkbox (the tasks come before the buttons).
    await tabTo(page, /^input Scene filmed, scene 2$/, { back: true });
    done = answered(page);
    await page.keyboard.press("Space");
    await done;
    expect(await page.getByRole("checkbox", { name: "Scene filmed, scene 2" }).isChecked()).toBe(true);
    expect(await focused(page)).toBe("input Scene filmed, scene 2");

    // The add-scene form: an empty submit focuses the field in error (announced); Esc closes it and
    // focus returns to the button that opened it.
    await tabTo(page, /^button Add a scene after scene 2$/);
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("add-after-2-visual");
    await tabTo(page, /^button Add scene$/);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("add-after-2-visual");
    expect(await page.locator("#add-after-2-visual-error").getAttribute("role")).toBe("alert");
    await page.keyboard.press("Escape");
    await expect.poll(() => focused(page)).toBe("button Add a scene after scene 2");

    // Delete scene 3 with confirm: the dialog opens on Cancel, Tab stays inside, Esc returns focus
    // to the trigger; then Yes deletes it.
    await tabTo(page, /^button Delete scene 3$/);
    await page.keyboard.press("Enter");
    await expect.poll(() => focused(page)).toBe("button Cancel");
    const inDialog = () => page.evaluate(() => Boolean(document.activeElement?.closest("dialog[open]")));
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press("Tab");
      expect(await inDialog()).toBe(true);
    }
    await page.keyboard.press("Escape");
    await expect.poll(() => focused(page)).toBe("button Delete scene 3");
    expect(await page.locator("dialog[open]").count()).toBe(0);
    await page.keyboard.press("Enter");
    await expect.poll(() => focused(page)).toBe("button Cancel");
    await page.keyboard.press("Enter");
    await expect.poll(() => focused(page)).toBe("button Delete scene 3");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Shift+Tab");
    expect(await focused(page)).toBe("button Yes, delete scene 3");
    const before = await ids();
    done = answered(page);
    await page.keyboard.press("Enter");
    await done;
    await expect.poll(ids).toEqual([...before.slice(0, 2), ...before.slice(3)]);
    // Focus goes to the scene now in its place, never to <body>.
    await expect.poll(() => focused(page)).toMatch(/^button Scene 3\b/);
  }, 120_000);

  it("never leaves keyboard focus hidden under the sticky top bar (Shift+Tab through the editor)", async () => {
    const page = await signedIn(DESKTOP);
    await editor(page);
    await page.getByRole("button", { name: "+ Add a scene at the end" }).focus();
    const hidden: string[] = [];
    for (let i = 0; i < 400; i++) {
      await page.keyboard.press("Shift+Tab");
      const where = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const bar = document.querySelector(".topbar")!.getBoundingClientRect();
        const r = el.getBoundingClientRect();
        return { inBar: Boolean(el.closest(".topbar")), covered: r.top < bar.bottom, name: el.getAttribute("aria-label") ?? el.textContent?.trim().slice(0, 40) };
      });
      if (!where) continue;
      if (where.inBar) break; // back at the top
      if (where.covered) hidden.push(`${where.name}`);
    }
    expect(hidden).toEqual([]);
  });
});
