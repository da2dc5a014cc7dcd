// Shoot-ready output in a real browser against the production build, on SQLite and PostgreSQL:
// frames on every scene in the storyboard's aspect ratio, an uploaded picture, the PDF (read back
// with poppler), CSV (parsed), JSON and Markdown exports, a share link opened signed out and then
// revoked, and the print stylesheet. Screenshots go to test-results/screenshots.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { parseCsv } from "../support/csv";
import { DESKTOP, SCREENSHOTS, screenshot, signInInBrowser, browserForFile } from "./browser";
import { startApp, uniqueEmail, type RunningApp } from "./harness";

const PHONE_390 = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;
const BRIEF = "Cold brew coffee subscription for busy professionals. Mornings are hectic; show how a bottle in the fridge saves time. End with: use code BREW20 for 20% off.";

let browser: Browser;
browserForFile((b) => (browser = b));

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "shoot-ready-"));
/** Waits for what the server does (an upload is decoded and re-encoded): longer than the default second. */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000, interval: 100 });

describe.each(["sqlite", "postgres"] as const)("shoot-ready output in the browser (%s)", (dialect) => {
  let app: RunningApp;
  let owner: Page;
  let storyboardUrl: string;
  let storyboardId: number;
  let sceneCount: number;
  let shareUrl: string;
  const email = uniqueEmail("shoot");
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    app = await startApp(dialect, inject("pgAdminUrl"));
    const context = await browser.newContext({ ...DESKTOP, acceptDownloads: true });
    context.setDefaultTimeout(20_000);
    contexts.push(context);
    owner = await signInInBrowser(context, app.baseUrl, email);
  });
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
    if (app) fs.writeFileSync(path.join(SCREENSHOTS, "..", `shoot-ready-server-${dialect}.log`), app.logs.join(""));
    await app?.stop();
  });

  const frames = (page: Page) => page.getByTestId("scene-frame");
  const api = (p: string) => owner.request.get(`${app.baseUrl}${p}`);

  it("draws a frame for every scene, in the aspect ratio chosen, and shows an uploaded picture", async () => {
    await owner.locator("#project-title").fill("Cold brew launch");
    await owner.getByRole("button", { name: "Create project" }).click();
    await owner.waitForURL(/\/projects\/\d+$/);
    await owner.locator("#sb-brief").fill(BRIEF);
    await owner.locator("#sb-platform").selectOption("tiktok");
    await owner.locator("#sb-duration").fill("30");
    await owner.getByRole("button", { name: "Generate storyboard" }).click();
    await owner.waitForURL(/\/storyboards\/\d+$/);
    await owner.getByTestId("scene-card").first().waitFor({ timeout: 30_000 });
    storyboardUrl = owner.url();
    storyboardId = Number(/\/storyboards\/(\d+)$/.exec(storyboardUrl)![1]);
    sceneCount = await owner.getByTestId("scene-card").count();
    expect(sceneCount).toBeGreaterThanOrEqual(3);
    // One frame per scene, each a sketch whose label names its camera set-up.
    await poll(() => frames(owner).count()).toBe(sceneCount);
    const label = await frames(owner).first().locator("svg").getAttribute("aria-label");
    expect(label).toMatch(/^Scene 1 frame: (Close-up|Extreme close-up|Medium close-up|Selfie)/);
    expect(await frames(owner).first().getAttribute("style")).toContain("9 / 16");

    // Switch to 16:9: every frame redraws at once and the choice survives a reload.
    await owner.getByTestId("aspect-ratio").selectOption("16:9");
    await poll(() => frames(owner).evaluateAll((els) => els.every((e) => e.getAttribute("style")?.includes("16 / 9")))).toBe(true);
    await owner.reload();
    expect(await owner.getByTestId("aspect-ratio").inputValue()).toBe("16:9");
    const box = (await frames(owner).first().boundingBox())!;
    expect(box.width / box.height).toBeCloseTo(16 / 9, 1);
    await owner.getByTestId("aspect-ratio").selectOption("9:16");
    await poll(() => frames(owner).first().getAttribute("style")).toContain("9 / 16");
    // The change is saved (the picker is enabled again) and the page has its fresh server render.
    await poll(() => owner.getByTestId("aspect-ratio").isEnabled()).toBe(true);
    await owner.waitForLoadState("networkidle");

    // Upload a picture for scene 2: it replaces the sketch, and an SVG is refused.
    const png = path.join(tmp, `photo-${dialect}.png`);
    await sharp({ create: { width: 540, height: 960, channels: 3, background: "#c97b3a" } }).png().toFile(png);
    const second = owner.getByTestId("scene-card").nth(1);
    await second.getByTestId("frame-file").setInputFiles(png);
    await poll(() => second.getByTestId("scene-frame").getAttribute("data-kind")).toBe("image");
    await poll(() => second.locator(".frame-art img").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    const svg = path.join(tmp, "evil.png");
    fs.writeFileSync(svg, '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    await owner.getByTestId("scene-card").nth(2).getByTestId("frame-file").setInputFiles(svg);
    await poll(() => owner.getByTestId("scene-card").nth(2).getByRole("alert").textContent()).toMatch(/PNG, JPEG or WebP/);
    await owner.reload();
    expect(await owner.getByTestId("scene-card").nth(1).getByTestId("scene-frame").getAttribute("data-kind")).toBe("image");
    expect(await owner.getByTestId("scene-card").nth(2).getByTestId("scene-frame").getAttribute("data-kind")).toBe("sketch");
    await screenshot(owner, `shoot-storyboard-desktop-${dialect}`);
  });

  it("exports a PDF, a CSV shot list, JSON and Markdown from the page and the API", async () => {
    // A formula in an overlay must reach the spreadsheet as text.
    const view = (await (await api(`/api/v1/storyboards/${storyboardId}`)).json()) as { title: string; scenes: Array<{ id: number }> };
    const patched = await owner.request.patch(`${app.baseUrl}/api/v1/scenes/${view.scenes[2]!.id}`, { data: { text_overlay: '=HYPERLINK("http://evil.test","win")' } });
    expect(patched.status()).toBe(200);

    // The PDF, through the page's own button.
    await owner.getByTestId("export-menu").locator("summary").click();
    await owner.getByTestId("pdf-layout").selectOption("2");
    const [download] = await Promise.all([owner.waitForEvent("download"), owner.getByTestId("export-pdf").click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const pdfFile = path.join(tmp, `storyboard-${dialect}.pdf`);
    await download.saveAs(pdfFile);
    const info = execFileSync("pdfinfo", [pdfFile], { encoding: "utf8" });
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBe(1 + Math.ceil(sceneCount / 2));
    const text = execFileSync("pdftotext", ["-layout", pdfFile, "-"], { encoding: "utf8" });
    for (const s of ["Cold brew launch", view.title.slice(0, 30), "TikTok", "9:16", "Scene 1", `Scene ${sceneCount}`, "VOICE-OVER", `Page 2 of ${1 + Math.ceil(sceneCount / 2)}`]) expect(text).toContain(s);
    execFileSync("pdftoppm", ["-png", "-r", "80", "-f", "2", "-l", "2", "-singlefile", pdfFile, path.join(SCREENSHOTS, `shoot-pdf-page-${dialect}`)]);

    // The API's variants: landscape 6-up, with headers that make a browser download a named file.
    const landscape = await api(`/api/v1/storyboards/${storyboardId}/export?format=pdf&layout=6&orientation=landscape&fields=overlay,camera`);
    expect(landscape.headers()["content-type"]).toBe("application/pdf");
    expect(landscape.headers()["content-disposition"]).toMatch(/^attachment; filename="[a-z0-9-]+\.pdf"; filename\*=UTF-8''/);
    const land = path.join(tmp, `land-${dialect}.pdf`);
    fs.writeFileSync(land, await landscape.body());
    expect(execFileSync("pdfinfo", [land], { encoding: "utf8" })).toMatch(new RegExp(`Pages:\\s+${1 + Math.ceil(sceneCount / 6)}`));

    const csv = await api(`/api/v1/storyboards/${storyboardId}/export?format=csv`);
    expect(csv.headers()["content-type"]).toMatch(/^text\/csv; charset=utf-8/);
    expect(csv.headers()["content-disposition"]).toMatch(/filename="[a-z0-9-]+\.csv"/);
    const csvText = (await csv.body()).toString("utf8");
    expect(csvText.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(csvText.slice(1));
    expect(rows).toHaveLength(sceneCount + 1);
    expect(rows[0]!.slice(0, 5)).toEqual(["scene", "type", "start", "end", "duration_s"]);
    expect(rows[3]![rows[0]!.indexOf("text_overlay")]).toBe(`'=HYPERLINK("http://evil.test","win")`);
    expect(rows.slice(1).map((r) => r[0])).toEqual(Array.from({ length: sceneCount }, (_, i) => String(i + 1)));

    const json = await api(`/api/v1/storyboards/${storyboardId}/export?format=json`);
    expect(json.headers()["content-type"]).toMatch(/^application\/json/);
    const body = (await json.json()) as { id: number; aspect_ratio: string; scenes: Array<{ image: unknown }> };
    expect(body).toMatchObject({ id: storyboardId, aspect_ratio: "9:16" });
    expect(body.scenes).toHaveLength(sceneCount);
    expect(body.scenes[1]!.image).toMatchObject({ content_type: "image/jpeg", width: 540, height: 960 }); // no transparency: stored as JPEG

    const md = await api(`/api/v1/storyboards/${storyboardId}/export?format=md`);
    expect(md.headers()["content-type"]).toMatch(/^text\/markdown/);
    const mdText = await md.text();
    expect(mdText).toContain(`# ${view.title}`);
    expect(mdText).toContain("| # | Type | Beat | Time | Duration | Camera | Visual | Voice-over | On screen |");

    const bad = await api(`/api/v1/storyboards/${storyboardId}/export?format=docx`);
    expect(bad.status()).toBe(400);
    expect(((await bad.json()) as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty("format");
  });

  it("shares a read-only link that works signed out and on a phone, then revokes it to a plain 404", async () => {
    await owner.goto(storyboardUrl);
    await owner.getByTestId("share-panel").locator("summary").click();
    await owner.getByTestId("create-share").click();
    await poll(() => owner.getByTestId("share-url").inputValue()).toMatch(/\/s\/[A-Za-z0-9_-]{43}$/);
    shareUrl = await owner.getByTestId("share-url").inputValue();
    expect(shareUrl.startsWith(app.baseUrl)).toBe(true);

    for (const [device, name] of [[DESKTOP, "desktop"], [PHONE_390, "phone"]] as const) {
      const visitor = await browser.newContext({ ...device });
      contexts.push(visitor);
      const page = await visitor.newPage();
      const res = await page.goto(shareUrl);
      expect(res!.status()).toBe(200);
      expect(res!.headers()["x-robots-tag"]).toMatch(/noindex/);
      expect(await page.locator('meta[name="robots"]').getAttribute("content")).toMatch(/noindex/);
      await poll(() => page.getByTestId("shared-scene").count()).toBe(sceneCount);
      expect(await page.getByTestId("scene-frame").count()).toBe(sceneCount);
      expect(await page.getByTestId("shared-scene").nth(1).getByTestId("scene-frame").getAttribute("data-kind")).toBe("image");
      await poll(() => page.getByTestId("shared-scene").nth(1).locator("img").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
      const html = await page.content();
      expect(html).not.toContain(email);
      expect(html).not.toContain("Test Creator");
      expect(await page.locator("input, textarea, select, button").count()).toBe(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(device.viewport.width);
      await screenshot(page, `shoot-shared-${name}-${dialect}`);
      // The downloads, signed out.
      const pdf = await page.request.get(`${shareUrl}/export?format=pdf`);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()["content-type"]).toBe("application/pdf");
      const csv = await page.request.get(`${shareUrl}/export?format=csv`);
      expect(parseCsv((await csv.body()).toString("utf8").slice(1))).toHaveLength(sceneCount + 1);
      expect((await page.request.get(`${shareUrl}/export?format=json`)).status()).toBe(400);
    }

    // The owner sees when it was opened; a second link for the phone screenshot of the owner's page.
    await owner.reload();
    await owner.getByTestId("share-panel").locator("summary").click();
    await poll(() => owner.getByTestId("share-link").first().textContent()).toMatch(/last opened/);

    await owner.getByTestId("share-link").first().getByRole("button", { name: "Revoke" }).click();
    await owner.getByRole("button", { name: "Yes, revoke" }).click();
    await poll(() => owner.getByTestId("share-link").count()).toBe(0);
    const visitor = await browser.newContext();
    contexts.push(visitor);
    const page = await visitor.newPage();
    expect((await page.goto(shareUrl))!.status()).toBe(404);
    expect((await page.request.get(`${shareUrl}/export?format=csv`)).status()).toBe(404);
    expect((await page.goto(`${app.baseUrl}/s/${"A".repeat(43)}`))!.status()).toBe(404);
  });

  it("prints frames and text with no buttons, and fits a phone", async () => {
    await owner.goto(storyboardUrl);
    await frames(owner).first().waitFor();
    await owner.emulateMedia({ media: "print" });
    // No control is printed: the editable texts (buttons on screen) print as plain text.
    expect(await owner.locator("button:not(.inline-view), .btn, summary, input[type=checkbox], input[type=file]").evaluateAll((els) => els.filter((e) => getComputedStyle(e).display !== "none" && e.getClientRects().length > 0).length)).toBe(0);
    expect(await owner.locator(".inline-view").evaluateAll((els) => els.filter((e) => getComputedStyle(e).display !== "none").every((e) => getComputedStyle(e).borderTopStyle === "none" || getComputedStyle(e).borderTopWidth === "0px"))).toBe(true);
    expect(await frames(owner).evaluateAll((els) => els.filter((e) => e.getClientRects().length > 0).length)).toBe(sceneCount);
    expect(await owner.getByTestId("scene-script").first().isVisible()).toBe(true);
    await owner.emulateMedia({ media: "screen" });

    const phone = await browser.newContext({ ...PHONE_390 });
    contexts.push(phone);
    const cookies = await owner.context().cookies();
    await phone.addCookies(cookies);
    const page = await phone.newPage();
    await page.goto(storyboardUrl);
    await frames(page).first().waitFor();
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll("body *")].filter((e) => e.getBoundingClientRect().right > 391).slice(0, 5).map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`),
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth), wide.join(", ")).toBeLessThanOrEqual(390);
    await screenshot(page, `shoot-storyboard-phone-${dialect}`);
  });
});
