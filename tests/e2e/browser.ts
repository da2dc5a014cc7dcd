// Debian's Chromium driven by playwright-core (never `playwright install`), headless, with the
// flags this machine's closed network needs. Screenshots go under test-results/.
import fs from "node:fs";
import path from "node:path";
import { chromium, type APIRequestContext, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject } from "vitest";
import { ROOT, startApp, type RunningApp } from "./harness";
import type { Dialect } from "../support/databases";

export const SCREENSHOTS = path.join(ROOT, "test-results", "screenshots");

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** The file's browser: launched before its tests, closed after; `set` receives it. */
export function browserForFile(set: (browser: Browser) => void): void {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    set(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });
}

/**
 * The app on a fresh database of the dialect for the enclosing describe block (`set` receives it),
 * stopped after its tests together with the browser contexts they pushed on `contexts`.
 */
export function appForSuite(dialect: Dialect, set: (app: RunningApp) => void, contexts: BrowserContext[]): void {
  let app: RunningApp | undefined;
  beforeAll(async () => {
    app = await startApp(dialect, inject("pgAdminUrl"));
    set(app);
  });
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
    await app?.stop();
  });
}

export const PHONE = { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true } as const;
export const DESKTOP = { viewport: { width: 1280, height: 900 } } as const;
/** A phone at the width the product is designed for (iPhone 12-15), with touch. */
export const PHONE_390 = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;

/** A JSON API call with a context's cookies; anything but 2xx throws with the answer's text. */
export async function jsonApi<T>(request: APIRequestContext, baseUrl: string, method: string, path: string, data?: unknown): Promise<T> {
  const r = await request.fetch(`${baseUrl}/api/v1${path}`, { method, ...(data === undefined ? {} : { data }) });
  if (!r.ok()) throw new Error(`${method} ${path}: HTTP ${r.status()} ${await r.text()}`);
  return (await r.json()) as T;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Signs in through the sign-in page's local form, as a person would. */
export async function signInInBrowser(context: BrowserContext, baseUrl: string, email: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/signin`);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Sign in locally" }).click();
  await page.waitForURL(`${baseUrl}/dashboard`);
  return page;
}

/**
 * Opens a scene card (a phone starts them collapsed) and waits until its fields show. Before the
 * editor hydrates a card has no data-expanded at all and a tap does nothing, and hydration then
 * collapses it on a phone: so the toggle is tapped again for as long as the card stays closed.
 */
export async function openSceneCard(card: Locator, timeout = 30_000): Promise<void> {
  await expect
    .poll(async () => {
      if ((await card.getAttribute("data-expanded")) === "false") await card.getByTestId("scene-toggle").click();
      return (await card.getAttribute("data-expanded")) === "true" && (await card.getByTestId("scene-duration").isVisible());
    }, { timeout, interval: 250 })
    .toBe(true);
}

/**
 * Opens the storyboard page's "More actions" on a phone (where the secondary actions are folded);
 * on a wide screen, where they always show, it does nothing.
 */
export async function openMoreActions(page: Page): Promise<void> {
  const more = page.getByRole("button", { name: "More actions" });
  if (!(await more.isVisible())) return;
  // Before hydration a tap does nothing: tapped again for as long as it stays closed.
  await expect
    .poll(async () => {
      if ((await more.getAttribute("aria-expanded")) !== "true") await more.click();
      return more.getAttribute("aria-expanded");
    }, { timeout: 15_000, interval: 500 })
    .toBe("true");
}

/** A finger on `from`, moved in small steps by (0, dy), resting, then lifted (Chrome's touch emulation through CDP). */
export async function touchDrag(page: Page, from: { x: number; y: number }, dy: number) {
  const cdp = await page.context().newCDPSession(page);
  const point = (y: number) => [{ x: Math.round(from.x), y: Math.round(y) }];
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: point(from.y) });
  for (let i = 1; i <= 12; i++) {
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: point(from.y + (dy * i) / 12) });
  }
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 30));
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: point(from.y + dy) });
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await cdp.detach();
}
