// Review in a real browser against the production build, on SQLite and PostgreSQL: a reviewer
// with a comment-enabled share link comments on a scene (signed out, on a phone), the owner sees
// the count on the scene, reads and resolves it; a reviewer whose link does not allow comments
// gets no form and is refused (as is a revoked link); the owner moves the approval from draft to
// in review to approved and the dashboard, the project page and the share page show it.
import type { APIRequestContext, Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import path from "node:path";
import type { Locator } from "playwright-core";
import { DESKTOP, PHONE_390, SCREENSHOTS, jsonApi, screenshot, signInInBrowser, browserForFile } from "./browser";
import { startApp, uniqueEmail, type RunningApp } from "./harness";

const BRIEF = "Meal-prep containers for gym-goers: stackable, microwave safe, leak proof. Show Sunday prep, the gym bag, lunch at work. End with: get the starter set, link in bio.";

interface Board {
  id: number;
  project_id: number;
  status: string;
  scenes: Array<{ id: number; scene_number: number }>;
}
interface SharedLink {
  id: number;
  url: string;
}

/** The screen as the person sees it with `target` at its top (a full-page shot of a long storyboard is unreadable). */
async function screenAt(page: Page, target: Locator, name: string) {
  await target.evaluate((el) => el.scrollIntoView({ block: "start" }));
  await page.evaluate(() => window.scrollBy(0, -64)); // clear of the sticky top bar
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

let browser: Browser;
browserForFile((b) => (browser = b));

describe.each(["sqlite", "postgres"] as const)("review comments and approval (%s)", (dialect) => {
  let app: RunningApp;
  const contexts: BrowserContext[] = [];
  let owner: Page;
  let board: Board;

  async function newContext(device: object): Promise<BrowserContext> {
    const context = await browser.newContext({ ...device });
    context.setDefaultTimeout(15_000);
    contexts.push(context);
    return context;
  }

  const api = <T>(request: APIRequestContext, method: string, path: string, data?: unknown) => jsonApi<T>(request, app.baseUrl, method, path, data);

  beforeAll(async () => {
    app = await startApp(dialect, inject("pgAdminUrl"));
    const context = await newContext(DESKTOP);
    owner = await signInInBrowser(context, app.baseUrl, uniqueEmail("review"));
    const project = await api<{ id: number }>(context.request, "POST", "/projects", { title: "Meal prep launch" });
    const started = await api<{ id: number }>(context.request, "POST", `/projects/${project.id}/storyboards`, { brief: BRIEF, platform: "instagram_reels", duration: 30, seed: 5 });
    for (;;) {
      board = await api<Board>(context.request, "GET", `/storyboards/${started.id}`);
      if (board.status !== "generating") break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(board.status).toBe("completed");
    expect(board.scenes.length).toBeGreaterThanOrEqual(3);
  });
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
    await app?.stop();
  });

  const share = (allow_comments: boolean) => api<SharedLink>(owner.context().request, "POST", `/storyboards/${board.id}/shares`, { allow_comments });
  /** The storyboard page, hydrated (its buttons work). */
  async function editor(page: Page) {
    await page.goto(`${app.baseUrl}/storyboards/${board.id}`);
    // Hydrated (on a phone the comments wait inside collapsed cards, so "attached", not "visible").
    await page.locator("[data-testid=scene-comments][data-ready=true]").first().waitFor({ state: "attached" });
  }
  const sceneCard = (page: Page, n: number) => page.locator(`[data-testid="scene-card"][data-scene-number="${n}"]`);

  it("a reviewer with a comment link comments on a scene; the owner sees it on the scene and resolves it", async () => {
    const link = await share(true);
    const reviewer = await (await newContext(PHONE_390)).newPage();
    await reviewer.goto(link.url);
    await expect.poll(() => reviewer.getByTestId("shared-comments").count()).toBe(board.scenes.length);
    // Hydrated: the form posts through the page's own script, not a plain form submit.
    await reviewer.locator("[data-testid=shared-comments][data-ready=true]").first().waitFor();
    const scene2 = reviewer.getByTestId("shared-scene").nth(1);
    expect(await scene2.locator(".comments-empty").textContent()).toContain("No comments on this scene yet");

    // No name: the error names the field, and nothing is saved.
    await scene2.getByTestId("reviewer-comment").fill("The hook runs long: can we cut to the lid snap by 0:02?");
    await scene2.getByTestId("reviewer-submit").tap();
    await expect.poll(() => scene2.locator(".field-error").textContent()).toBe("Your name is required");
    await scene2.getByTestId("reviewer-name").fill("Dana from the agency");
    await scene2.getByTestId("reviewer-submit").tap();
    await expect.poll(() => scene2.getByTestId("comment").count()).toBe(1);
    expect(await scene2.getByTestId("comment-body").textContent()).toBe("The hook runs long: can we cut to the lid snap by 0:02?");
    expect(await scene2.getByTestId("comment").textContent()).toContain("Dana from the agency");
    expect(await scene2.getByTestId("reviewer-comment").inputValue()).toBe("");
    // No editing controls for a reviewer: no inline edits, task ticks, or resolve buttons.
    for (const sel of ["[data-testid=comment-resolve]", ".inline-view", "input[type=checkbox]", "[data-testid=approval-control]"]) {
      expect(await reviewer.locator(sel).count(), sel).toBe(0);
    }
    // Phone first: nothing scrolls sideways, and the review controls are finger-sized.
    expect(await reviewer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    for (const id of ["reviewer-submit", "reviewer-name", "reviewer-comment"]) {
      expect((await scene2.getByTestId(id).boundingBox())!.height, id).toBeGreaterThanOrEqual(44);
    }
    await screenAt(reviewer, scene2.getByTestId("shared-comments"), `review-shared-phone-${dialect}`);
    // The name is remembered for the next scene on this device.
    expect(await reviewer.getByTestId("shared-scene").nth(0).getByTestId("reviewer-name").inputValue()).toBe("Dana from the agency");

    // The owner: a count on scene 2's card, the comment inside, resolved with one tap.
    await editor(owner);
    const card = sceneCard(owner, 2);
    await expect.poll(() => card.getByTestId("comment-count").textContent()).toBe("1 open");
    expect(await sceneCard(owner, 1).getByTestId("comment-count").count()).toBe(0);
    await card.getByTestId("comments-toggle").click();
    await expect.poll(() => card.getByTestId("comment").count()).toBe(1);
    expect(await card.getByTestId("comment").textContent()).toContain("Dana from the agency · reviewer");
    await card.getByTestId("comment-input").fill("Agreed, trimming the hook to 2 s.");
    await card.getByTestId("comment-submit").click();
    await expect.poll(() => card.getByTestId("comment").count()).toBe(2);
    expect(await card.getByTestId("comment").nth(1).textContent()).toContain("You");
    await card.getByTestId("comment").first().getByTestId("comment-resolve").click();
    await expect.poll(() => card.getByTestId("comment").first().getAttribute("data-resolved")).toBe("true");
    await expect.poll(() => card.getByTestId("comment-count").textContent()).toBe("1 open");
    await screenAt(owner, card, `review-editor-desktop-${dialect}`);
    const saved = await api<Array<{ author: string; resolved: boolean; author_name: string | null }>>(owner.context().request, "GET", `/storyboards/${board.id}/comments`);
    expect(saved.map((c) => [c.author, c.author_name, c.resolved])).toEqual([
      ["reviewer", "Dana from the agency", true],
      ["owner", null, false],
    ]);

    // After a reload the state holds; Reopen undoes a resolve.
    await editor(owner);
    await sceneCard(owner, 2).getByTestId("comments-toggle").click();
    await sceneCard(owner, 2).getByTestId("comment").first().getByTestId("comment-reopen").click();
    await expect.poll(() => sceneCard(owner, 2).getByTestId("comment-count").textContent()).toBe("2 open");

    // The same scene on the owner's phone.
    const phone = await (await newContext(PHONE_390)).newPage();
    await phone.context().addCookies(await owner.context().cookies());
    await editor(phone);
    const phoneCard = sceneCard(phone, 2);
    await phoneCard.getByTestId("scene-toggle").tap(); // cards start collapsed on a phone
    await phoneCard.getByTestId("comments-toggle").tap();
    await expect.poll(() => phoneCard.getByTestId("comment").count()).toBe(2);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect((await phoneCard.getByTestId("comment-resolve").first().boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await screenAt(phone, phoneCard.getByTestId("scene-comments"), `review-editor-phone-${dialect}`);
    // The reviewer sees the owner's reply on reload.
    await reviewer.reload();
    await expect.poll(() => reviewer.getByTestId("shared-scene").nth(1).getByTestId("comment").count()).toBe(2);
    const desk = await (await newContext(DESKTOP)).newPage();
    await desk.goto(link.url);
    await screenAt(desk, desk.getByTestId("shared-scene").nth(1), `review-shared-desktop-${dialect}`);
  });

  it("a reviewer whose link does not allow comments gets no form and is refused; so is a revoked link", async () => {
    const link = await share(false);
    const page = await (await newContext(PHONE_390)).newPage();
    await page.goto(link.url);
    await expect.poll(() => page.getByTestId("shared-scene").count()).toBe(board.scenes.length);
    expect(await page.getByTestId("shared-comments").count()).toBe(0);
    expect(await page.getByTestId("comment").count()).toBe(0); // nor does it show the others' comments
    const post = (url: string) => page.request.post(`${url}/scenes/${board.scenes[0]!.id}/comments`, { data: { author_name: "Mallory", body: "let me in" } });
    const refused = await post(link.url);
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/does not let reviewers comment/);

    const revoked = await share(true);
    await api(owner.context().request, "DELETE", `/shares/${revoked.id}`);
    expect((await post(revoked.url)).status()).toBe(404);
    const saved = await api<unknown[]>(owner.context().request, "GET", `/storyboards/${board.id}/comments`);
    expect(saved.every((c) => (c as { author_name: string | null }).author_name !== "Mallory")).toBe(true);
  });

  it("approval moves draft → in review → approved and shows on the dashboard, the project page and the share page", async () => {
    await editor(owner);
    const control = owner.getByTestId("approval-control");
    await expect.poll(() => control.getByTestId("approval-badge").getAttribute("data-state")).toBe("draft");
    expect(await control.getByTestId("approval-approved").count()).toBe(0); // a draft is sent for review first
    await control.getByTestId("approval-in_review").click();
    await expect.poll(() => control.getByTestId("approval-badge").getAttribute("data-state")).toBe("in_review");
    await owner.goto(`${app.baseUrl}/dashboard`);
    await expect.poll(() => owner.getByTestId("project-card").first().getByTestId("approval-badge").textContent()).toBe("In review");

    await editor(owner);
    await owner.getByTestId("approval-control").getByTestId("approval-approved").click();
    await expect.poll(() => owner.getByTestId("approval-control").getByTestId("approval-badge").getAttribute("data-state")).toBe("approved");
    await owner.goto(`${app.baseUrl}/dashboard`);
    await expect.poll(() => owner.getByTestId("project-card").first().getByTestId("approval-badge").textContent()).toBe("Approved");
    await screenshot(owner, `review-dashboard-desktop-${dialect}`);
    await owner.goto(`${app.baseUrl}/projects/${board.project_id}`);
    expect(await owner.getByTestId("storyboard-card").first().getByTestId("approval-badge").textContent()).toBe("Approved");

    const link = await share(false);
    const page = await (await newContext(PHONE_390)).newPage();
    await page.goto(link.url);
    expect(await page.getByTestId("approval-badge").textContent()).toBe("Approved");

    // A move the state does not allow is refused by the API, naming the field.
    const r = await owner.request.fetch(`${app.baseUrl}/api/v1/storyboards/${board.id}/approval`, { method: "PUT", data: { approval_state: "changes_requested" } });
    expect(r.status()).toBe(409);
    expect(((await r.json()) as { error: { fields: Record<string, string> } }).error.fields.approval_state).toMatch(/in_review, draft/);
  });
});
