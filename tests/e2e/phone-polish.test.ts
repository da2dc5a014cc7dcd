// The storyboard page on a phone (390 x 844, touch), on SQLite and on PostgreSQL, after the
// review of issue 14: the first scene card starts on the first screen (the secondary actions
// fold into "More actions", a real disclosure: 44 px, keyboard usable, axe clean); no "Draft"
// badge anywhere; Undo of a regenerate whose generation failed brings the storyboard back Ready
// with its scenes; the undo toast never covers a control; a scene dragged by touch on a page
// scrolled to the middle keeps its new place after a reload.
import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DESKTOP, PHONE_390, jsonApi, openMoreActions, screenshot, signInInBrowser, browserForFile, touchDrag } from "./browser";
import { startApp, uniqueEmail, type RunningApp } from "./harness";
import { openRaw } from "../support/raw";
import { sevenSceneStoryboard, type FixtureBoard } from "./storyboard-fixture";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
// axe reads the whole page: on two shared cores that takes minutes, not seconds (as in accessibility.test.ts).
const AXE_TIMEOUT = 300_000;

let browser: Browser;
browserForFile((b) => (browser = b));


/** Every visible element whose text or label is a badge reading "Draft" (any case). */
const draftBadges = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>(".badge, [data-testid$=badge], [data-testid=storyboard-status]")]
      .filter((e) => e.checkVisibility() && /^\s*draft\s*$/i.test(e.innerText))
      .map((e) => e.outerHTML.slice(0, 120)),
  );

describe.each(["sqlite", "postgres"] as const)("the storyboard page on a phone, polished (%s)", (dialect) => {
  let app: RunningApp;
  const contexts: BrowserContext[] = [];
  let email: string;

  const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 30_000, interval: 100 });
  const cards = (page: Page) => page.getByTestId("scene-card");
  const ids = (page: Page) => cards(page).evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-scene-id"))));

  async function open(device: object, id: number): Promise<Page> {
    const context = await browser.newContext({ ...device });
    context.setDefaultTimeout(15_000);
    contexts.push(context);
    const page = await signInInBrowser(context, app.baseUrl, email);
    await page.goto(`${app.baseUrl}/storyboards/${id}`);
    await page.locator("[data-testid=scene-card][data-expanded]").first().waitFor();
    return page;
  }
  async function board(): Promise<FixtureBoard> {
    const context = await browser.newContext();
    contexts.push(context);
    await signInInBrowser(context, app.baseUrl, email);
    return sevenSceneStoryboard(context.request, app.baseUrl, `Meal prep ${Math.random().toString(36).slice(2, 7)}`);
  }

  beforeAll(async () => {
    // One attempt per generation: a failed one is final at once (the job's own retries are tested elsewhere).
    app = await startApp(dialect, inject("pgAdminUrl"), { GENERATION_JOB_RETRIES: "0" });
    email = uniqueEmail("polish");
  });
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
    await app?.stop();
  });

  it("starts the first scene card on the first screen at 390 px; the secondary actions are behind a 44 px, keyboard-usable More actions", async () => {
    const sb = await board();
    const page = await open(PHONE_390, sb.id);
    const first = (await cards(page).first().boundingBox())!;
    const top = first.y + (await page.evaluate(() => window.scrollY));
    expect(top, `the first scene card starts ${Math.round(top)} px down the page`).toBeLessThan(844 - 60);
    await screenshot(page, `phone-polish-first-screen-${dialect}`);

    // Undo/Redo, Play and Shoot stay on the first screen; the rest is folded.
    for (const id of ["undo", "redo"]) expect(await page.getByTestId(id).isVisible(), id).toBe(true);
    expect(await page.getByRole("link", { name: "▶ Play animatic" }).isVisible()).toBe(true);
    const more = page.getByRole("button", { name: "More actions" });
    expect(await more.getAttribute("aria-expanded")).toBe("false");
    const box = (await more.boundingBox())!;
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
    for (const id of ["new-variation", "export-menu", "share-panel", "versions", "approval-control"]) {
      expect(await page.getByTestId(id).isVisible(), `${id} is folded`).toBe(false);
    }
    expect(await page.getByRole("button", { name: "Delete storyboard" }).isVisible()).toBe(false);
    // By keyboard: focus on it, Enter opens, the actions show; Enter again closes.
    await more.focus();
    await page.keyboard.press("Enter");
    await poll(() => more.getAttribute("aria-expanded")).toBe("true");
    for (const id of ["new-variation", "export-menu", "share-panel", "versions", "approval-control"]) {
      expect(await page.getByTestId(id).isVisible(), `${id} shows`).toBe(true);
    }
    expect(await page.getByRole("button", { name: "Delete storyboard" }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    expect(violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`))).toEqual([]);
    await screenshot(page, `phone-polish-more-open-${dialect}`);
    await page.keyboard.press("Enter");
    await poll(() => more.getAttribute("aria-expanded")).toBe("false");
    expect(await page.getByTestId("new-variation").isVisible()).toBe(false);

    // At 1280 px there is nothing to fold: every action shows, no More actions.
    const wide = await open(DESKTOP, sb.id);
    expect(await wide.getByRole("button", { name: "More actions" }).isVisible()).toBe(false);
    for (const id of ["new-variation", "export-menu", "share-panel", "versions", "approval-control"]) {
      expect(await wide.getByTestId(id).isVisible(), `${id} at 1280`).toBe(true);
    }
    await screenshot(wide, `phone-polish-desktop-${dialect}`);
  }, AXE_TIMEOUT);

  it("shows no Draft badge on the storyboard page, the project page or the dashboard", async () => {
    const sb = await board();
    for (const device of [PHONE_390, DESKTOP]) {
      const page = await open(device, sb.id);
      await openMoreActions(page);
      expect(await page.getByTestId("storyboard-status").textContent()).toBe("Ready");
      expect(await draftBadges(page)).toEqual([]);
      await page.goto(`${app.baseUrl}/projects/${sb.project_id}`);
      await page.getByTestId("storyboard-card").first().waitFor();
      expect(await draftBadges(page)).toEqual([]);
      await page.goto(`${app.baseUrl}/dashboard`);
      await page.getByTestId("project-card").first().waitFor();
      expect(await draftBadges(page)).toEqual([]);
    }
  });

  it("Undo of a regenerate whose generation failed brings back the scenes and the status Ready", async () => {
    const sb = await board();
    const raw = await openRaw(app.db);
    // A fault the engine cannot explain: writing this storyboard's new scenes fails (the job's failure path).
    if (dialect === "sqlite") {
      await raw.exec(`CREATE TRIGGER polish_fault BEFORE INSERT ON scenes WHEN NEW.storyboard_id = ${sb.id} BEGIN SELECT RAISE(ABORT, 'injected fault'); END`);
    } else {
      await raw.exec(`CREATE FUNCTION polish_fault() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.storyboard_id = ${sb.id} THEN RAISE EXCEPTION 'injected fault'; END IF; RETURN NEW; END $$`);
      await raw.exec("CREATE TRIGGER polish_fault BEFORE INSERT ON scenes FOR EACH ROW EXECUTE FUNCTION polish_fault()");
    }
    const page = await open(PHONE_390, sb.id);
    const sceneIds = await ids(page);
    try {
      await openMoreActions(page);
      await page.locator("details.brief > summary").click();
      await page.getByRole("button", { name: "Edit brief" }).click();
      await page.locator("#brief-edit-brief").fill("Meal prep kit for busy parents, told as a countdown of five reasons. End with: code PREP10.");
      await page.getByRole("button", { name: "Regenerate from this brief" }).click();
      await page.getByRole("button", { name: "Yes, regenerate" }).click();
      await page.getByText("Generation failed.").waitFor({ timeout: 60_000 });
    } finally {
      await raw.exec(dialect === "sqlite" ? "DROP TRIGGER polish_fault" : "DROP TRIGGER polish_fault ON scenes; DROP FUNCTION polish_fault()");
      await raw.close();
    }
    expect(await page.getByTestId("storyboard-status").textContent()).toBe("Failed");
    await screenshot(page, `phone-polish-regenerate-failed-${dialect}`);

    // Undo is there, and names the regenerate; it brings the storyboard back as it was, Ready.
    const undo = page.getByTestId("undo");
    await poll(() => undo.getAttribute("aria-label")).toBe("Undo: Edit brief and regenerate");
    await undo.click();
    await poll(() => page.getByTestId("storyboard-status").textContent()).toBe("Ready");
    await poll(() => ids(page)).toEqual(sceneIds);
    expect(await page.getByText("Generation failed.").count()).toBe(0);
    const api = await jsonApi<FixtureBoard & { brief: string; error_message: string | null }>(page.context().request, app.baseUrl, "GET", `/storyboards/${sb.id}`);
    expect(api).toMatchObject({ status: "completed", error_message: null });
    expect(api.brief).toContain("Sunday cooking takes three hours");
    expect(api.scenes.map((s) => s.id)).toEqual(sceneIds);
    await page.reload();
    await cards(page).first().waitFor();
    expect(await page.getByTestId("storyboard-status").textContent()).toBe("Ready");
    expect(await ids(page)).toEqual(sceneIds);
    await screenshot(page, `phone-polish-regenerate-undone-${dialect}`);
  });

  it("never lets the undo toast cover a control at 390 x 844, and it can be dismissed with a 44 px target", async () => {
    const sb = await board();
    // A second storyboard to delete: the project page then shows the toast with the first one's card.
    const context = await browser.newContext({ ...PHONE_390 });
    context.setDefaultTimeout(15_000);
    contexts.push(context);
    const page = await signInInBrowser(context, app.baseUrl, email);
    const copy = await jsonApi<{ id: number }>(page.context().request, app.baseUrl, "POST", `/storyboards/${sb.id}/duplicate`);
    await page.goto(`${app.baseUrl}/storyboards/${copy.id}`);
    await openMoreActions(page);
    await page.getByRole("button", { name: "Delete storyboard" }).click();
    await page.getByRole("button", { name: "Yes, delete storyboard" }).click();
    await page.waitForURL(/\/projects\/\d+\?/);
    const toast = page.getByTestId("undo-toast");
    await toast.waitFor();
    await screenshot(page, `phone-polish-toast-${dialect}`);
    // From the top of the page to its end, a screen at a time: nothing to press is under the toast.
    const height = await page.evaluate(() => document.scrollingElement!.scrollHeight);
    const covered: string[] = [];
    for (let y = 0; y <= height; y += 300) {
      await page.evaluate((to) => window.scrollTo(0, to), y);
      covered.push(
        ...(await page.evaluate(() => {
          const t = document.querySelector("[data-testid=undo-toast]")!.getBoundingClientRect();
          return [...document.querySelectorAll<HTMLElement>("a, button, input, select, textarea, summary, label")]
            .filter((e) => !e.closest("[data-testid=undo-toast]") && e.checkVisibility())
            .map((e) => ({ e, r: e.getBoundingClientRect() }))
            .filter(({ r }) => r.width > 0 && r.bottom > 0 && r.top < window.innerHeight && r.left < t.right && r.right > t.left && r.top < t.bottom && r.bottom > t.top)
            .map(({ e }) => `${window.scrollY}: ${e.getAttribute("aria-label") ?? e.textContent?.trim().slice(0, 30)}`);
        })),
      );
    }
    expect(covered).toEqual([]);
    const dismiss = toast.getByRole("button", { name: "Dismiss" });
    const box = (await dismiss.boundingBox())!;
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
    await dismiss.tap();
    await poll(() => toast.count()).toBe(0);

    // On the storyboard page the history toolbar is part of the header: it covers no scene card's button.
    const editor = await open(PHONE_390, sb.id);
    const overlaps = await editor.evaluate(() => {
      const bar = document.querySelector(".history-toolbar")!.getBoundingClientRect();
      return [...document.querySelectorAll<HTMLElement>(".scene-card button")]
        .map((b) => b.getBoundingClientRect())
        .filter((r) => r.width > 0 && r.left < bar.right && r.right > bar.left && r.top < bar.bottom && r.bottom > bar.top).length;
    });
    expect(overlaps).toBe(0);
  });

  it("drags scene 3 above scene 2 with a finger on a page scrolled to the middle, and the order is saved", async () => {
    const sb = await board();
    const page = await open(PHONE_390, sb.id);
    const before = await ids(page);
    // Scene 3 in the middle of the screen, not at its top.
    const third = cards(page).nth(2);
    await page.evaluate((id) => {
      const el = document.querySelector(`[data-testid=scene-card][data-scene-id="${id}"]`)!;
      const r = el.getBoundingClientRect();
      window.scrollBy(0, r.top + r.height / 2 - window.innerHeight / 2);
    }, before[2]);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(100);
    const handle = (await third.getByTestId("drag-handle").boundingBox())!;
    const source = (await third.boundingBox())!;
    const target = (await cards(page).nth(1).boundingBox())!;
    expect(source.y).toBeGreaterThan(844 / 4);
    const saved = page.waitForResponse((r) => r.request().method() === "POST" && r.url().startsWith(app.baseUrl));
    await touchDrag(page, { x: handle.x + handle.width / 2, y: handle.y + handle.height / 2 }, target.y + target.height / 2 - (source.y + source.height / 2));
    await saved;
    const expected = [before[0], before[2], before[1], ...before.slice(3)];
    await poll(() => ids(page)).toEqual(expected);
    await page.reload();
    await cards(page).first().waitFor();
    expect(await ids(page)).toEqual(expected);
    const api = await jsonApi<FixtureBoard>(page.context().request, app.baseUrl, "GET", `/storyboards/${sb.id}`);
    expect(api.scenes.map((s) => s.id)).toEqual(expected);
  });
  it("says whether a pattern was the creator's choice or picked for the brief, and names a duplicate on the undo stack", async () => {
    const sb = await board();
    const context = await browser.newContext({ ...PHONE_390 });
    context.setDefaultTimeout(15_000);
    contexts.push(context);
    const page = await signInInBrowser(context, app.baseUrl, email);
    const { request } = page.context();
    const settled = async (id: number) => {
      for (let i = 0; i < 300; i++) {
        const b = await jsonApi<{ status: string; generation_options: Record<string, unknown> }>(request, app.baseUrl, "GET", `/storyboards/${id}`);
        if (b.status !== "generating") return b;
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`storyboard ${id} still generating`);
    };
    const hintOf = async (id: number) => {
      await page.goto(`${app.baseUrl}/storyboards/${id}`);
      await page.locator("[data-testid=new-variation][data-ready=true]").waitFor({ state: "attached" });
      await openMoreActions(page);
      await page.getByTestId("new-variation").click();
      return page.getByTestId("current-pattern").textContent();
    };
    // The fixture's storyboard was generated without a pattern: the engine picked it.
    expect((await settled(sb.id)).generation_options.auto_pattern).toBe(true);
    expect(await hintOf(sb.id)).toMatch(/^This storyboard: .+, picked for your brief\.$/);
    // A variation whose pattern the creator chose says so; one left to the default was picked.
    const chosen = await jsonApi<{ id: number }>(request, app.baseUrl, "POST", `/storyboards/${sb.id}/variations`, { pattern: "tutorial" });
    expect((await settled(chosen.id)).generation_options).toMatchObject({ pattern: "tutorial", auto_pattern: false });
    expect(await hintOf(chosen.id)).toBe("This storyboard: Tutorial / how-to (your choice).");
    await screenshot(page, `phone-polish-variation-choice-${dialect}`);
    const picked = await jsonApi<{ id: number }>(request, app.baseUrl, "POST", `/storyboards/${sb.id}/variations`, {});
    expect((await settled(picked.id)).generation_options.auto_pattern).toBe(true);
    expect(await hintOf(picked.id)).toMatch(/, picked for your brief\.$/);

    // A duplicate is one entry on the project's undo stack, named as such.
    const copy = await jsonApi<{ id: number; title: string }>(request, app.baseUrl, "POST", `/storyboards/${sb.id}/duplicate`);
    expect(copy.title).toMatch(/ \(copy\)$/);
    await page.goto(`${app.baseUrl}/projects/${sb.project_id}`);
    await poll(() => page.getByTestId("undo").getAttribute("aria-label")).toBe(`Undo: Duplicate “${copy.title}”`);
  });
});
