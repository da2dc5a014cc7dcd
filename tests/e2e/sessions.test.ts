// Sessions end when they should (issue 10, failure 4), on SQLite and on PostgreSQL against the
// production build: after sign-out the old cookie reads and writes nothing, and once the user row
// is deleted the cookie is no session at all, on the API, on pages and at /api/auth/session.
// Before the fix the JWT alone was trusted until it expired: 200 and 201 after sign-out.
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DIALECTS } from "../support/databases";
import { Session, startApp, uniqueEmail, type RunningApp } from "./harness";

/** Requests carrying a fixed cookie header: the old cookie, replayed as an attacker would. */
function replay(app: RunningApp, cookie: string) {
  const go = (path: string, init: RequestInit = {}) => fetch(app.baseUrl + path, { ...init, redirect: "manual", headers: { cookie, ...(init.headers as Record<string, string>) } });
  return {
    read: () => go("/api/v1/projects"),
    write: () => go("/api/v1/projects", { method: "POST", headers: { "content-type": "application/json", origin: app.baseUrl }, body: JSON.stringify({ title: "written with an old cookie" }) }),
    page: () => go("/dashboard"),
    session: async () => (await go("/api/auth/session")).json() as Promise<{ user?: { email?: string } } | null>,
  };
}

async function expectSignedOut(app: RunningApp, cookie: string) {
  const old = replay(app, cookie);
  const read = await old.read();
  expect(read.status).toBe(401);
  expect(((await read.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
  expect((await old.write()).status).toBe(401);
  const page = await old.page();
  expect(page.status).toBe(307);
  expect(page.headers.get("location")).toMatch(/\/signin\?next=%2Fdashboard$/);
  expect((await old.session())?.user).toBeUndefined();
}

async function signOut(s: Session, baseUrl: string) {
  const csrf = (await (await s.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await s.fetch("/api/auth/signout", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: baseUrl },
    body: new URLSearchParams({ csrfToken: csrf.csrfToken }).toString(),
  });
  expect(res.status).toBe(302);
}

describe.each(DIALECTS)("sessions on %s", (dialect) => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp(dialect, inject("pgAdminUrl"));
  });
  afterAll(async () => {
    await app?.stop();
  });

  async function deleteUser(email: string) {
    if (dialect === "sqlite") {
      const db = new Database(app.db.ownerUrl);
      try {
        db.pragma("foreign_keys = ON");
        db.prepare("DELETE FROM users WHERE email = ?").run(email);
      } finally {
        db.close();
      }
      return;
    }
    const c = new pg.Client({ connectionString: app.db.ownerUrl });
    await c.connect();
    try {
      await c.query("DELETE FROM users WHERE email = $1", [email]);
    } finally {
      await c.end();
    }
  }

  it("after sign-out the old cookie gets 401 on API reads and writes, sign-in on pages, and no session", async () => {
    const email = uniqueEmail("signout");
    const s = await new Session(app.baseUrl).signIn(email);
    const cookie = s.cookieHeader();
    const before = replay(app, cookie);
    expect((await before.read()).status).toBe(200);
    expect((await before.page()).status).toBe(200);
    expect((await before.session())?.user?.email).toBe(email);

    await signOut(s, app.baseUrl);
    await expectSignedOut(app, cookie);
  });

  it("signing out ends that session only: the same user's other session keeps working", async () => {
    const email = uniqueEmail("two-devices");
    const laptop = await new Session(app.baseUrl).signIn(email);
    const phone = await new Session(app.baseUrl).signIn(email);
    const laptopCookie = laptop.cookieHeader();
    await signOut(laptop, app.baseUrl);
    await expectSignedOut(app, laptopCookie);
    expect((await replay(app, phone.cookieHeader()).read()).status).toBe(200);
    expect((await replay(app, phone.cookieHeader()).write()).status).toBe(201);
  });

  it("once the user row is deleted their cookie is no session: 401, sign-in page, no session", async () => {
    const email = uniqueEmail("deleted");
    const s = await new Session(app.baseUrl).signIn(email);
    const cookie = s.cookieHeader();
    expect((await replay(app, cookie).write()).status).toBe(201);
    expect((await replay(app, cookie).page()).status).toBe(200);
    await deleteUser(email);
    await expectSignedOut(app, cookie);
  });

  it("a signed-out browser can sign in again and gets a working session", async () => {
    const email = uniqueEmail("again");
    const s = await new Session(app.baseUrl).signIn(email);
    await signOut(s, app.baseUrl);
    await s.signIn(email);
    expect((await replay(app, s.cookieHeader()).read()).status).toBe(200);
  });
});
