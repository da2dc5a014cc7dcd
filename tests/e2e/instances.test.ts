// Several app instances (issue 10, failure 14): two production servers started at the same
// moment on one new PostgreSQL database (they migrate and set up the job queue together) and one
// Redis of the test's own. A write through one is visible at once through the other, the rate
// limit is shared, a session works on both and a sign-out through one ends it on both, and a
// scheduled job runs once per slot. Then the
// same pair without Redis: no in-process cache (a write through one is visible through the other).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/databases";
import { startOwnRedis, type OwnRedis } from "../support/redis-server";
import { Session, startServer, uniqueEmail, type RunningApp } from "./harness";

type Client = Pick<Session, "fetch">;

const api = async (s: Client, method: string, path: string, json?: unknown) => {
  const res = await s.fetch(`/api/v1${path}`, { method, ...(json !== undefined && { json }) });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
};

/** The same signed-in user on another instance: the same cookies, another base URL. */
const sameUserOn = (s: Session, app: RunningApp): Client => {
  const cookie = s.cookieHeader();
  return {
    fetch: (path, init = {}) => new Session(app.baseUrl).fetch(path, { ...init, headers: { ...(init.headers as Record<string, string>), cookie } }),
  };
};

const titles = (body: unknown) => Object.fromEntries((body as Array<{ id: number; title: string }>).map((p) => [p.id, p.title]));

describe("two production instances on one PostgreSQL and one Redis", () => {
  let redis: OwnRedis;
  let db: TestDatabase;
  let a: RunningApp;
  let b: RunningApp;

  beforeAll(async () => {
    redis = await startOwnRedis();
    db = await createTestDatabase("postgres", inject("pgAdminUrl"));
    const env = {
      REDIS_URL: redis.url,
      GENERATION_RATE_LIMIT: "2",
      GENERATION_RATE_WINDOW_SECONDS: "600",
      STATS_SCHEDULE: "* * * * *",
      ARCHIVE_SCHEDULE: "off",
      AUDIT_PARTITION_SCHEDULE: "off",
      BACKUP_SCHEDULE: "off",
    };
    // At the same moment, on a database nobody has migrated yet.
    [a, b] = await Promise.all([startServer(db, env), startServer(db, env)]);
  });

  afterAll(async () => {
    await Promise.all([a?.kill(), b?.kill()]);
    await redis?.stop();
    await db?.drop();
  });

  it("both started on the new database (migrations and the job queue set up once)", async () => {
    expect((await fetch(`${a.baseUrl}/api/health`)).status).toBe(200);
    expect((await fetch(`${b.baseUrl}/api/health`)).status).toBe(200);
    expect(a.logs.join("") + b.logs.join("")).not.toMatch(/deadlock|start-up failed/i);
  });

  it("a session from one works on the other; a write through one is visible through the other at once", async () => {
    const onA = await new Session(a.baseUrl).signIn(uniqueEmail("instances"));
    const onB = sameUserOn(onA, b);
    const created = await api(onA, "POST", "/projects", { title: "Launch" });
    expect(created.status).toBe(201);
    const id = (created.body as { id: number }).id;
    // B reads (and caches) the dashboard, A renames, B must show the new title at once.
    for (let round = 0; round < 20; round++) {
      expect(titles((await api(onB, "GET", "/projects")).body)[id]).toBe(round === 0 ? "Launch" : `Round ${round - 1}`);
      expect((await api(onA, "PATCH", `/projects/${id}`, { title: `Round ${round}` })).status).toBe(200);
      expect(titles((await api(onB, "GET", "/projects")).body)[id]).toBe(`Round ${round}`);
    }
  });

  it("a sign-out through one instance ends the session on both at once", async () => {
    const onA = await new Session(a.baseUrl).signIn(uniqueEmail("instances-signout"));
    const stolen = onA.cookieHeader(); // the cookie as it was before the sign-out
    const withOld = (app: RunningApp) => (path: string) => new Session(app.baseUrl).fetch(path, { headers: { cookie: stolen } });
    expect((await withOld(b)("/api/v1/projects")).status).toBe(200);
    const csrf = (await (await onA.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const out = await onA.fetch("/api/auth/signout", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: a.baseUrl },
      body: new URLSearchParams({ csrfToken: csrf.csrfToken }).toString(),
    });
    expect(out.status).toBe(302);
    for (const app of [a, b]) {
      expect((await withOld(app)("/api/v1/projects")).status, app.baseUrl).toBe(401);
      expect((await withOld(app)("/dashboard")).headers.get("location"), app.baseUrl).toMatch(/\/signin\?next=%2Fdashboard$/);
    }
  });

  it("the generation limit is shared: 2 per window across both instances", async () => {
    const onA = await new Session(a.baseUrl).signIn(uniqueEmail("instances-limit"));
    const onB = sameUserOn(onA, b);
    const project = (await api(onA, "POST", "/projects", { title: "Limits" })).body as { id: number };
    const brief = { brief: "Three tips for shared rate limits" };
    const statuses = [
      (await api(onA, "POST", `/projects/${project.id}/storyboards`, brief)).status,
      (await api(onB, "POST", `/projects/${project.id}/storyboards`, brief)).status,
      (await api(onA, "POST", `/projects/${project.id}/storyboards`, brief)).status,
      (await api(onB, "POST", `/projects/${project.id}/storyboards`, brief)).status,
    ];
    expect(statuses).toEqual([202, 202, 429, 429]);
  });

  it("a scheduled job runs once per slot, not once per instance", { timeout: 150_000 }, async () => {
    const owner = new pg.Client({ connectionString: db.ownerUrl });
    await owner.connect();
    try {
      const slots = async () =>
        (
          await owner.query<{ minute: string; n: string }>(
            `SELECT date_trunc('minute', created_on)::text AS minute, count(*)::text AS n FROM pgboss.job WHERE name = 'refresh-stats' GROUP BY 1 ORDER BY 1`,
          )
        ).rows;
      // Every instance's clock asks for the slot each minute; pg-boss sends it once.
      const deadline = Date.now() + 140_000;
      while ((await slots()).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2_000));
      const seen = await slots();
      expect(seen.length).toBeGreaterThanOrEqual(2);
      for (const s of seen) expect(Number(s.n), `refresh-stats jobs in the slot ${s.minute}`).toBe(1);
    } finally {
      await owner.end();
    }
  });
});

describe("two production instances without Redis (not declared single-instance)", () => {
  let db: TestDatabase;
  let a: RunningApp;
  let b: RunningApp;

  beforeAll(async () => {
    db = await createTestDatabase("postgres", inject("pgAdminUrl"));
    a = await startServer(db, { REDIS_URL: "" });
    b = await startServer(db, { REDIS_URL: "" });
  });

  afterAll(async () => {
    await Promise.all([a?.kill(), b?.kill()]);
    await db?.drop();
  });

  it("cache off, so no instance serves a dashboard another one changed; the server says so at start", async () => {
    expect(a.logs.join("")).toMatch(/cache: off/);
    const onA = await new Session(a.baseUrl).signIn(uniqueEmail("no-redis"));
    const onB = sameUserOn(onA, b);
    const id = ((await api(onA, "POST", "/projects", { title: "Before" })).body as { id: number }).id;
    expect(titles((await api(onB, "GET", "/projects")).body)[id]).toBe("Before");
    expect((await api(onA, "PATCH", `/projects/${id}`, { title: "After" })).status).toBe(200);
    expect(titles((await api(onB, "GET", "/projects")).body)[id]).toBe("After");
  });
});
