// Debian's Chromium driven by playwright-core (never `playwright install`), headless, with the
// flags this machine's closed network needs. Screenshots go under test-results/.
import fs from "node:fs";
import path from "node:path";
import { chromium, type APIRequestContext, type Browser, type BrowserContext, type Page } from "playwright-core";
import { ROOT } from "./harness";

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
