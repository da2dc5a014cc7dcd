// The pictures of README's tour (docs/images/*.png), taken from a running app with the local
// sign-in, which `npm run dev` has:
//
//   npx tsx scripts/screenshots.ts [BASE_URL]        (default http://localhost:3000)
//
// Signs in as tour@storyboard.local, makes a project with a storyboard, a variation and some
// ticked tasks through the JSON API, then photographs the dashboard, the storyboard editor at
// 1280 px, the editor on a phone (390 px, touch) and the first page of the PDF export (pdftoppm,
// Debian's poppler-utils). Debian's Chromium, as the browser tests use it.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { DESKTOP, jsonApi, launchBrowser, PHONE_390 } from "../tests/e2e/browser";
import { ROOT } from "../tests/e2e/harness";

const BASE = (process.argv[2] ?? "http://localhost:3000").replace(/\/$/, "");
const OUT = path.join(ROOT, "docs", "images");
const EMAIL = "tour@storyboard.local";
const BRIEF = [
  "30s TikTok for Ridge Roasters, a small-batch coffee roaster.",
  "Show 3 mistakes people make brewing pour-over at home: water too hot, grind too fine, no bloom.",
  "Proof: roasted to order, shipped within 48 hours.",
  "CTA: get 20% off your first bag at ridgeroasters.com",
  "Tone: warm, practical",
].join("\n");

interface Storyboard {
  id: number;
  status: string;
  scenes: Array<{ tasks: Array<{ id: number }> }>;
}

/** Signs the context in with the local sign-in (Auth.js's credentials callback), as the form does. */
async function signIn(context: BrowserContext) {
  const csrf = (await (await context.request.get(`${BASE}/api/auth/csrf`)).json()) as { csrfToken: string };
  const r = await context.request.post(`${BASE}/api/auth/callback/dev-login`, {
    form: { csrfToken: csrf.csrfToken, email: EMAIL, name: "Tour", callbackUrl: `${BASE}/dashboard` },
    headers: { origin: BASE },
    maxRedirects: 0,
  });
  if (r.status() >= 400) throw new Error(`sign-in: HTTP ${r.status()} (is the local sign-in on? npm run dev has it)`);
}

async function generated(context: BrowserContext, id: number): Promise<Storyboard> {
  for (let i = 0; i < 240; i++) {
    const sb = await jsonApi<Storyboard>(context.request, BASE, "GET", `/storyboards/${id}`);
    if (sb.status !== "generating") return sb;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`storyboard ${id} still generating after a minute`);
}

async function shot(page: Page, name: string, fullPage = false) {
  await page.waitForLoadState("networkidle");
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  console.log(`wrote ${path.relative(ROOT, file)}`);
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const browser = await launchBrowser();
  try {
    const desktop = await browser.newContext(DESKTOP);
    await signIn(desktop);
    const project = await jsonApi<{ id: number }>(desktop.request, BASE, "POST", "/projects", { title: "Ridge Roasters: spring launch" });
    const first = await jsonApi<{ id: number }>(desktop.request, BASE, "POST", `/projects/${project.id}/storyboards`, { brief: BRIEF, seed: 7 });
    const sb = await generated(desktop, first.id);
    // Some production done: the first scenes' script and filming ticked.
    for (const scene of sb.scenes.slice(0, 3)) {
      for (const task of scene.tasks.slice(0, 2)) await jsonApi(desktop.request, BASE, "PATCH", `/tasks/${task.id}`, { completed: true });
    }
    const variation = await jsonApi<{ id: number }>(desktop.request, BASE, "POST", `/storyboards/${sb.id}/variations`);
    await generated(desktop, variation.id);

    const page = await desktop.newPage();
    await page.goto(`${BASE}/dashboard`);
    await shot(page, "dashboard");
    await page.goto(`${BASE}/storyboards/${sb.id}`);
    await shot(page, "editor");

    const phone = await browser.newContext(PHONE_390);
    await phone.addCookies(await desktop.cookies());
    const phonePage = await phone.newPage();
    await phonePage.goto(`${BASE}/storyboards/${sb.id}`);
    // The scene list, where the collapsed cards are (the storyboard's header fills the first screen).
    await phonePage.waitForLoadState("networkidle");
    await phonePage.locator("[data-testid=scene-card]").first().evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 76));
    await shot(phonePage, "phone");

    const pdf = await desktop.request.get(`${BASE}/api/v1/storyboards/${sb.id}/export?format=pdf`);
    if (!pdf.ok()) throw new Error(`PDF export: HTTP ${pdf.status()}`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "storyboard-tour-"));
    fs.writeFileSync(path.join(dir, "export.pdf"), await pdf.body());
    execFileSync("pdftoppm", ["-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", path.join(dir, "export.pdf"), path.join(OUT, "export")]);
    fs.rmSync(dir, { recursive: true, force: true });
    console.log("wrote docs/images/export.png");
  } finally {
    await browser.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
