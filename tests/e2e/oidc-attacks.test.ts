// OAuth flows under attack, against the loopback OpenID Connect provider the sign-in tests run
// (panva's oidc-provider, PKCE required) and the production build, on both dialects. The flow is
// driven over HTTP with one cookie jar for the app and one for the provider, so each test can
// stop at the callback and tamper with it: a provider asserting the email of an existing user
// (verified or not, in another case) never links to or signs in as that user; a tampered
// `state`, a swapped PKCE verifier and a replayed code all end on the sign-in page with no
// session and no account row.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../support/databases";
import { openRaw } from "../support/raw";
import { freePort, Session, startServer, type RunningApp } from "./harness";
import { startOidcProvider, type OidcTestProvider } from "./support/oidc-provider";

const PROVIDER_NAME = "Test SSO";

/** The app's cookie jar as a map (name → value), to copy or tamper with. */
const jarOf = (s: Session) => new Map(s.cookieHeader().split("; ").filter(Boolean).map((c) => [c.slice(0, c.indexOf("=")), c.slice(c.indexOf("=") + 1)] as const));

describe.each(DIALECTS)("OAuth sign-in under attack (%s)", (dialect) => {
  let provider: OidcTestProvider;
  let db: TestDatabase;
  let app: RunningApp;
  let appUrl: string;
  const tag = `${dialect}-${Date.now().toString(36)}`;

  /** Makes the provider's one account this person. */
  const actAs = (login: string, email: string, verified: boolean) => {
    Object.assign(provider.account, { login, sub: login, email, email_verified: verified, name: `Person ${login}` });
  };

  /**
   * Starts a sign-in on the app (Auth.js sets the state and PKCE verifier cookies in `app`'s jar),
   * logs in and consents at the provider, and stops at the redirect back: returns the callback
   * URL (code, state, iss) the app has not seen yet.
   */
  const reachCallback = async (s: Session): Promise<string> => {
    const csrf = (await (await s.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const start = await s.fetch("/api/auth/signin/oidc", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: appUrl },
      body: new URLSearchParams({ csrfToken: csrf.csrfToken, callbackUrl: `${appUrl}/dashboard` }).toString(),
    });
    expect(start.status).toBe(302);
    let location = new URL(start.headers.get("location")!);
    expect(location.origin).toBe(provider.issuer);
    const op = new Session(provider.issuer);
    for (let hop = 0; hop < 12; hop++) {
      if (location.origin === new URL(appUrl).origin) return location.toString();
      const path = location.pathname + location.search;
      let res = await op.fetch(path);
      if (location.pathname.startsWith("/interaction/") && res.status === 200) {
        const html = await res.text();
        const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
        const form: Record<string, string> = prompt === "login" ? { prompt, login: provider.account.login, password: "any" } : { prompt: prompt ?? "consent" };
        res = await op.fetch(location.pathname, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(form).toString() });
      }
      expect(res.status, `${path}: ${res.status}`).toBeGreaterThanOrEqual(300);
      location = new URL(res.headers.get("location")!, provider.issuer);
    }
    throw new Error("the provider never redirected back to the app");
  };

  /** Hands a callback URL to the app in this jar; returns where the app sends the browser. */
  const deliver = async (s: Session, url: string) => {
    const u = new URL(url);
    const res = await s.fetch(u.pathname + u.search);
    expect(res.status, await res.text()).toBeGreaterThanOrEqual(300);
    expect(res.status).toBeLessThan(400);
    return new URL(res.headers.get("location")!, appUrl);
  };

  const sessionEmail = async (s: Session) => {
    const body = (await (await s.fetch("/api/auth/session")).json()) as { user?: { email?: string } } | null;
    return body?.user?.email ?? null;
  };

  const expectRefused = async (s: Session, to: URL) => {
    expect(to.pathname).toBe("/signin");
    expect(to.searchParams.get("error")).toBeTruthy();
    expect(await sessionEmail(s)).toBeNull();
  };

  const query = async (text: string, params: unknown[]) => {
    const raw = await openRaw(db);
    try {
      return await raw.query(text, params);
    } finally {
      await raw.close();
    }
  };
  const accountsFor = (login: string) => query("SELECT user_id FROM accounts WHERE provider = 'oidc' AND provider_account_id = $1", [login]);

  beforeAll(async () => {
    provider = await startOidcProvider({ login: `first-${tag}`, email: `first-${tag}@example.test`, email_verified: true, name: "First" });
    const port = await freePort();
    appUrl = `http://localhost:${port}`;
    db = await createTestDatabase(dialect, inject("pgAdminUrl"));
    app = await startServer(db, { ...provider.appEnv(PROVIDER_NAME), AUTH_URL: appUrl }, { port });
    provider.registerClient(appUrl);
  });

  afterAll(async () => {
    await app?.kill();
    await db?.drop();
    await provider?.stop();
  });

  it("the flow itself works: a new person signs in and gets one account row", async () => {
    const login = `plain-${tag}`;
    actAs(login, `${login}@example.test`, true);
    const s = new Session(appUrl);
    const to = await deliver(s, await reachCallback(s));
    expect(to.toString()).toBe(`${appUrl}/dashboard`);
    expect(await sessionEmail(s)).toBe(`${login}@example.test`);
    expect(await accountsFor(login)).toHaveLength(1);
  });

  for (const [label, verified, caseOf] of [
    ["verified", true, (e: string) => e],
    ["unverified", false, (e: string) => e],
    ["differently cased", true, (e: string) => e.toUpperCase()],
  ] as const) {
    it(`a provider asserting the ${label} email of an existing user does not sign in as or link to that user`, async () => {
      const key = label.split(" ")[0];
      const victim = `victim-${key}-${tag}@example.test`;
      await new Session(appUrl).signIn(victim, "Victim");
      const login = `attacker-${key}-${tag}`;
      actAs(login, caseOf(victim), verified);
      const s = new Session(appUrl);
      const to = await deliver(s, await reachCallback(s));
      await expectRefused(s, to);
      expect(to.searchParams.get("error")).toBe("OAuthAccountNotLinked");
      expect(await accountsFor(login)).toEqual([]);
      expect(await query("SELECT id FROM users WHERE lower(email) = $1", [victim])).toHaveLength(1);
    });
  }

  it("a tampered state is refused, and so is the callback finished in another browser", async () => {
    const login = `state-${tag}`;
    actAs(login, `${login}@example.test`, true);
    const s = new Session(appUrl);
    const url = await reachCallback(s);
    const tampered = new URL(url);
    tampered.searchParams.set("state", `${tampered.searchParams.get("state")}x`);
    await expectRefused(s, await deliver(s, tampered.toString()));
    const other = new Session(appUrl);
    await expectRefused(other, await deliver(other, url));
    expect(await accountsFor(login)).toEqual([]);
  });

  it("a PKCE verifier from another flow, or a forged one, is refused: no session, no account", async () => {
    const login = `pkce-${tag}`;
    actAs(login, `${login}@example.test`, true);
    const a = new Session(appUrl);
    const b = new Session(appUrl);
    const urlA = await reachCallback(a);
    await reachCallback(b);
    const name = [...jarOf(a).keys()].find((k) => k.endsWith("pkce.code_verifier"))!;
    expect(name).toBeDefined();
    // A's callback with B's verifier cookie: valid, but not the one A's code was issued for.
    const swapped = new Session(appUrl);
    const cookies = jarOf(a);
    cookies.set(name, jarOf(b).get(name)!);
    const header = [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const u = new URL(urlA);
    const res = await fetch(appUrl + u.pathname + u.search, { headers: { cookie: header }, redirect: "manual" });
    const to = new URL(res.headers.get("location")!, appUrl);
    expect(to.pathname).toBe("/signin");
    expect(res.headers.getSetCookie().some((c) => /session-token=[^;]/.test(c) && !/max-age=0|expires=thu, 01 jan 1970/i.test(c))).toBe(false);
    // A forged verifier (A's cookie altered).
    const c = new Session(appUrl);
    const urlC = await reachCallback(c);
    const forged = [...jarOf(c)].map(([k, v]) => `${k}=${k === name ? `${v.slice(0, -6)}AAAAAA` : v}`).join("; ");
    const uc = new URL(urlC);
    const res2 = await fetch(appUrl + uc.pathname + uc.search, { headers: { cookie: forged }, redirect: "manual" });
    expect(new URL(res2.headers.get("location")!, appUrl).pathname).toBe("/signin");
    expect(await sessionEmail(swapped)).toBeNull();
    expect(await accountsFor(login)).toEqual([]);
  });

  it("a replayed authorization code is refused, even with the original state and verifier cookies", async () => {
    const login = `replay-${tag}`;
    actAs(login, `${login}@example.test`, true);
    const s = new Session(appUrl);
    const url = await reachCallback(s);
    const cookies = s.cookieHeader();
    expect((await deliver(s, url)).pathname).toBe("/dashboard");
    expect(await sessionEmail(s)).toBe(`${login}@example.test`);
    const u = new URL(url);
    const replay = await fetch(appUrl + u.pathname + u.search, { headers: { cookie: cookies }, redirect: "manual" });
    expect(new URL(replay.headers.get("location")!, appUrl).pathname).toBe("/signin");
    expect(replay.headers.getSetCookie().some((c) => /session-token=[^;]/.test(c) && !/max-age=0|expires=thu, 01 jan 1970/i.test(c))).toBe(false);
    expect(await accountsFor(login)).toHaveLength(1);
  });
});
