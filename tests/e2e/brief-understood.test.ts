// "We read": the new-storyboard form shows what the engine understood in the brief before
// generating, and a corrected field is what the storyboard is written from. Issue 12's Brief B,
// typed into the form of the production build, on SQLite and PostgreSQL, at 1280 px and 390 px.
import type { Browser, BrowserContext } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { StoryboardWithScenes } from "../../src/domain/types";
import { DESKTOP, PHONE_390, jsonApi, screenshot, signInInBrowser, appForSuite, browserForFile } from "./browser";
import { uniqueEmail, type RunningApp } from "./harness";

const BRIEF_B =
  "YouTube Shorts, 30s. Product: ShiftPilot - rota planning for restaurants.\n- pain: managers lose 5 hours a week building schedules\n- proof: used by 800 restaurants\n- CTA: start a free trial\nTone: calm, practical";
const CORRECTED_CTA = "book a demo at shiftpilot.com";
const WIDTHS = [["1280", DESKTOP], ["390", PHONE_390]] as const;

let browser: Browser;
browserForFile((b) => (browser = b));

describe.each(["sqlite", "postgres"] as const)("the brief as read, before generating (%s)", (dialect) => {
  let app: RunningApp;
  const contexts: BrowserContext[] = [];
  appForSuite(dialect, (a) => (app = a), contexts);

  it.each(WIDTHS)("shows product, pain, proof, CTA and tone; a corrected CTA is the storyboard's (%s px)", async (label, width) => {
    const context = await browser.newContext({ ...width });
    context.setDefaultTimeout(20_000);
    contexts.push(context);
    const page = await signInInBrowser(context, app.baseUrl, uniqueEmail("read"));
    await page.locator("#project-title").fill("ShiftPilot launch");
    await page.getByRole("button", { name: "Create project" }).click();
    await page.waitForURL(/\/projects\/\d+$/);

    await page.locator("#sb-brief").fill(BRIEF_B);
    const check = page.getByRole("button", { name: "Check what we read" });
    const summary = page.getByTestId("brief-summary");
    // A click before the page has hydrated does nothing: clicked again until the summary shows.
    await expect
      .poll(async () => {
        if (!(await summary.isVisible())) await check.click();
        return summary.isVisible();
      }, { timeout: 20_000 })
      .toBe(true);
    expect(await summary.textContent()).toBe(
      "We read: product ShiftPilot (rota planning for restaurants) · pain: managers lose 5 hours a week building schedules · proof: used by 800 restaurants · CTA: start a free trial · tone: calm, practical",
    );
    // Each field is shown for correction, filled with what was read; tone and labels are not content.
    expect(await page.getByLabel("Product").inputValue()).toBe("ShiftPilot");
    expect(await page.getByLabel("Pain points (one a line)").inputValue()).toBe("managers lose 5 hours a week building schedules");
    expect(await page.getByLabel("Proof (one a line)").inputValue()).toBe("used by 800 restaurants");
    expect(await page.getByLabel("Tone (comma-separated)").inputValue()).toBe("calm, practical");
    const cta = page.getByLabel("Call to action");
    expect(await cta.inputValue()).toBe("start a free trial");
    if (label === "390") {
      // Touch targets of the panel: the check button, the summary and the fields, 44 px high.
      for (const target of [check, summary, cta, page.getByLabel("Pain points (one a line)")]) {
        const box = await target.boundingBox();
        expect(box!.height, await target.evaluate((e) => e.outerHTML.slice(0, 80))).toBeGreaterThanOrEqual(44);
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(overflow).toBeLessThanOrEqual(390);
    }

    await cta.fill(CORRECTED_CTA);
    await screenshot(page, `brief-understood-${dialect}-${label}`);
    await page.getByRole("button", { name: "Generate storyboard" }).click();
    await page.waitForURL(/\/storyboards\/\d+$/);
    const id = Number(/\/storyboards\/(\d+)$/.exec(page.url())![1]);
    let board: StoryboardWithScenes;
    await expect
      .poll(async () => {
        board = await jsonApi<StoryboardWithScenes>(page.request, app.baseUrl, "GET", `/storyboards/${id}`);
        return board.status;
      }, { timeout: 30_000 })
      .toBe("completed");
    // The correction is stored with the storyboard and is what its call to action says and shows.
    expect(board!.generation_options).toMatchObject({ brief_fields: { cta: CORRECTED_CTA } });
    const last = board!.scenes[board!.scenes.length - 1]!;
    expect(last.scene_type).toBe("cta");
    expect((last.script ?? "").toLowerCase()).toContain(CORRECTED_CTA);
    expect(JSON.stringify(board!.scenes)).not.toMatch(/free trial/i);
    await page.getByTestId("scene-card").first().waitFor({ timeout: 30_000 });
    await screenshot(page, `brief-understood-storyboard-${dialect}-${label}`);
  });
});
