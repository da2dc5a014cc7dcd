// The operators' /admin page against the production build: the index report for an email in
// ADMIN_EMAILS, a 403 page for any other signed-in user, the sign-in page for a visitor; on
// SQLite the page says what it needs instead of failing. Screenshots at 1280 and 390 px.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { DESKTOP, PHONE_390, screenshot, signInInBrowser, browserForFile } from "./browser";
import { Session, startApp, uniqueEmail, type RunningApp } from "./harness";

let browser: Browser;
browserForFile((b) => (browser = b));

describe.each(["postgres", "sqlite"] as const)("/admin (%s)", (dialect) => {
  let app: RunningApp;
  const operator = uniqueEmail("ops");
  beforeAll(async () => {
    // Upper case in the setting: the list is compared without case.
    app = await startApp(dialect, inject("pgAdminUrl"), { ADMIN_EMAILS: ` ${operator.toUpperCase()} , someone-else@example.test` });
    if (dialect === "postgres") {
      // The design's duplicates are dropped by the migrations (0023): an operator's own one, to be flagged.
      const owner = new pg.Client({ connectionString: app.db.ownerUrl });
      await owner.connect();
      await owner.query("CREATE INDEX idx_scenes_position ON scenes (storyboard_id, scene_number)");
      await owner.end();
    }
  });
  afterAll(async () => {
    await app?.stop();
  });

  it("sends a visitor to sign in and comes back to /admin", async () => {
    const res = await new Session(app.baseUrl).fetch("/admin");
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toBe("/signin?next=%2Fadmin");
  });

  it("answers 403 with a page that says why to a signed-in user who is not an operator", async () => {
    const creator = await new Session(app.baseUrl).signIn(uniqueEmail("creator"));
    const res = await creator.fetch("/admin");
    const html = await res.text();
    expect(res.status).toBe(403);
    expect(html).toContain("This page is for operators");
    expect(html).not.toContain("index-report");
  });

  it("shows the operator the reports (PostgreSQL) or what they need (SQLite)", async () => {
    const ops = await new Session(app.baseUrl).signIn(operator);
    const res = await ops.fetch("/admin");
    const html = await res.text();
    expect(res.status).toBe(200);
    if (dialect === "postgres") {
      expect(html).toContain('data-testid="index-report"');
      // An index that a UNIQUE constraint already leads with is flagged, by name.
      expect(html).toMatch(/idx_scenes_position.*?duplicate of scenes_storyboard_id_scene_number_unique/s);
      expect(html).toContain('data-testid="table-sizes"');
      // The machine's server does not preload pg_stat_statements: the page says how to turn it on.
      expect(html).toMatch(/data-testid="query-report(-off)?"/);
    } else {
      expect(html).toContain("keeps no query or index statistics");
    }
  });

  it.runIf(dialect === "postgres")("renders at desktop and phone width", async () => {
    for (const [label, opts] of [["desktop", DESKTOP], ["phone", PHONE_390]] as const) {
      const context = await browser.newContext(opts);
      const page = await signInInBrowser(context, app.baseUrl, operator);
      await page.goto(`${app.baseUrl}/admin`);
      await expect(page.getByRole("heading", { name: "Indexes" }).isVisible()).resolves.toBe(true);
      // The wide tables scroll in their own box: the page itself never scrolls sideways.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, `admin-${label}`);
      await context.close();
    }
  });
});
