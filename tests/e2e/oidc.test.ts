// Sign-in with a generic OpenID Connect provider, end to end and for real: a certified provider on
// loopback, the production build, and Chromium clicking through the provider's login and consent.
// This is the path GitHub, Google and any company SSO share (discovery, authorization code with
// PKCE, token request with client authentication, ID token checks, user info), and it ends
// with rows the Auth.js adapter wrote in the design's users and accounts tables.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../support/databases";
import { openRaw } from "../support/raw";
import { DESKTOP, launchBrowser, screenshot } from "./browser";
import { freePort, startServer, type RunningApp } from "./harness";
import { startOidcProvider, type OidcTestProvider } from "./support/oidc-provider";

const PROVIDER_NAME = "Test SSO";

interface SessionJson {
  user?: { id?: string; email?: string | null; name?: string | null };
}

async function sessionOf(context: BrowserContext, baseUrl: string): Promise<SessionJson | null> {
  const res = await context.request.get(`${baseUrl}/api/auth/session`);
  expect(res.status()).toBe(200);
  return (await res.json()) as SessionJson | null;
}

describe.each(DIALECTS)("sign-in with OpenID Connect (%s)", (dialect) => {
  let provider: OidcTestProvider;
  let db: TestDatabase;
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let appUrl: string;
  const email = `sso-${dialect}-${Date.now().toString(36)}@example.test`;

  /** The provider's pages load a web font from Google; this machine is offline, so only loopback is allowed. */
  const newContext = async () => {
    const ctx = await browser.newContext(DESKTOP);
    await ctx.route((url) => url.hostname !== "127.0.0.1" && url.hostname !== "localhost", (route) => route.abort());
    return ctx;
  };

  /** Opens our sign-in page and clicks the provider's button (the server action redirects to the provider). */
  const startProviderSignIn = async (p: Page) => {
    await p.goto(`${appUrl}/signin`);
    await p.getByRole("button", { name: `Continue with ${PROVIDER_NAME}` }).click();
  };

  const onProvider = (url: URL) => url.origin === provider.issuer && url.pathname.startsWith("/interaction/");

  beforeAll(async () => {
    provider = await startOidcProvider({ login: `sso-user-${dialect}`, email, email_verified: true, name: "Sam Single-Sign-On" });
    // The app's public address is "localhost", not 127.0.0.1: Next.js rewrites loopback IP hosts
    // in request URLs to "localhost", so on 127.0.0.1 the callback would rebuild its redirect_uri
    // as localhost and the provider would rightly refuse the code exchange. A deployment on a
    // real host name is not affected.
    const port = await freePort();
    appUrl = `http://localhost:${port}`;
    db = await createTestDatabase(dialect, inject("pgAdminUrl"));
    app = await startServer(db, { ...provider.appEnv(PROVIDER_NAME), AUTH_URL: appUrl }, { port });
    provider.registerClient(appUrl);
    browser = await launchBrowser();
    context = await newContext();
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.kill();
    await db?.drop();
    await provider?.stop();
  });

  it("signs in through the provider's login and consent pages and lands on the dashboard", async () => {
    await startProviderSignIn(page);

    await page.waitForURL(onProvider);
    await page.locator('input[name="login"]').fill(provider.account.login);
    await page.locator('input[name="password"]').fill("any password: the development login checks none");
    await page.getByRole("button", { name: "Sign-in" }).click();

    await page.waitForURL(onProvider);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Authorize");
    await page.getByRole("button", { name: "Continue" }).click();

    await page.waitForURL(`${appUrl}/dashboard`, { timeout: 20_000 }).catch(async (e: unknown) => {
      throw new Error(`did not land on the dashboard (at ${page.url()}); provider errors: ${provider.errors.join("; ") || "none"}\n${app.logs.join("").slice(-3000)}`, { cause: e });
    });
    await screenshot(page, `oidc-${dialect}-dashboard`);

    const session = await sessionOf(context, appUrl);
    expect(session?.user?.email).toBe(email);
    expect(session?.user?.name).toBe(provider.account.name);
    expect(session?.user?.id).toBeTruthy();
    await expect.poll(() => page.getByTestId("user-email").textContent()).toBe(email);

    // The app's server, not the browser, talked to these endpoints: discovery, then the code
    // exchange at the token endpoint, then the user info for the profile.
    expect(provider.requests).toContain("GET /.well-known/openid-configuration");
    expect(provider.requests).toContain("POST /token");
    expect(provider.requests).toContain("GET /me");
    expect(provider.errors).toEqual([]);
  });

  it("stores the user and the linked OIDC account in the database", async () => {
    const raw = await openRaw(db);
    try {
      const users = await raw.query<{ id: string; email: string; name: string | null }>("SELECT id, email, name FROM users WHERE email = $1", [email]);
      expect(users).toHaveLength(1);
      expect(users[0]!.name).toBe(provider.account.name);
      const accounts = await raw.query<{ user_id: string; type: string; provider_account_id: string }>(
        "SELECT user_id, type, provider_account_id FROM accounts WHERE provider = $1",
        ["oidc"],
      );
      expect(accounts).toEqual([{ user_id: users[0]!.id, type: "oidc", provider_account_id: provider.account.sub }]);
      const session = await sessionOf(context, appUrl);
      expect(session?.user?.id).toBe(users[0]!.id);
    } finally {
      await raw.close();
    }
  });

  it("signs out and the session is gone", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((url) => url.pathname === "/signin" && url.searchParams.get("signed_out") === "1");
    await expect.poll(() => page.getByRole("status").textContent()).toContain("You are signed out");
    expect(await sessionOf(context, appUrl)).toBeNull();
    const res = await context.request.get(`${appUrl}/dashboard`, { maxRedirects: 0 });
    expect(res.status()).toBeGreaterThanOrEqual(300);
    expect(res.status()).toBeLessThan(400);
    expect(res.headers().location).toContain("/signin");
  });

  it("signs in again as the same user: the provider remembers the consent and no duplicate rows appear", async () => {
    const before = provider.requests.filter((r) => r === "POST /token").length;
    await startProviderSignIn(page);
    // The provider's own session and grant survive our sign-out, so it sends the browser straight back.
    await page.waitForURL(`${appUrl}/dashboard`, { timeout: 20_000 });
    expect(provider.requests.filter((r) => r === "POST /token").length).toBe(before + 1);
    expect((await sessionOf(context, appUrl))?.user?.email).toBe(email);

    const raw = await openRaw(db);
    try {
      expect(await raw.query("SELECT id FROM users WHERE email = $1", [email])).toHaveLength(1);
      expect(await raw.query("SELECT user_id FROM accounts WHERE provider = $1", ["oidc"])).toHaveLength(1);
    } finally {
      await raw.close();
    }
    expect(provider.errors).toEqual([]);
  });

  it("cancelling at the provider comes back to the sign-in page with an error and no session", async () => {
    const fresh = await newContext();
    try {
      const p = await fresh.newPage();
      await startProviderSignIn(p);
      await p.waitForURL(onProvider);
      await p.getByRole("link", { name: "[ Cancel ]" }).click();
      await p.waitForURL((url) => url.origin === appUrl && url.pathname === "/signin" && url.searchParams.has("error"), { timeout: 20_000 });
      // Next.js's route announcer is also an alert; the sign-in page's message is the one with text.
      await expect.poll(() => p.locator("p.alert.error").textContent()).toMatch(/sign-in/i);
      await screenshot(p, `oidc-${dialect}-cancelled`);
      expect(await sessionOf(fresh, appUrl)).toBeNull();
    } finally {
      await fresh.close();
    }
  });
});
