// Rate limits (issue 10, failure 5), on SQLite and on PostgreSQL against the production build:
// sign-in per address and per email, a costly route per user and per address (429 with
// Retry-After and a sentence), and the generation limit still holding with Redis killed (before
// the fix: 1,000 sign-ins in 4.5 s all succeeded, and 15 of 15 generations passed Redis down).
// Clients pick their address with X-Forwarded-For, which Next.js keeps when a client sends it.
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import type { Project } from "../../src/domain/types";
import type { ErrorBody } from "../../src/server/errors";
import { DIALECTS } from "../support/databases";
import { startOwnRedis, type OwnRedis } from "../support/redis-server";
import { Session, startApp, uniqueEmail, type RunningApp } from "./harness";

const ip = (n: number) => ({ "x-forwarded-for": `198.51.100.${n}` });

async function devSignIn(app: RunningApp, email: string, headers: Record<string, string>): Promise<Response> {
  const s = new Session(app.baseUrl);
  const csrf = (await (await s.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  return s.fetch("/api/auth/callback/dev-login", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: app.baseUrl, ...headers },
    body: new URLSearchParams({ csrfToken: csrf.csrfToken, email, name: "Limit", callbackUrl: `${app.baseUrl}/dashboard` }).toString(),
  });
}

async function expectLimited(res: Response, pattern: RegExp) {
  expect(res.status).toBe(429);
  expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  const body = (await res.json()) as ErrorBody;
  expect(body.error.code).toBe("rate_limited");
  expect(body.error.message).toMatch(pattern);
  expect(body.error.message).toMatch(/Try again in \d+ s\.$/);
}

describe.each(DIALECTS)("rate limits on %s", (dialect) => {
  let app: RunningApp;

  beforeAll(async () => {
    // No REDIS_URL: the shared test Redis is used by other suites' apps from the same address.
    app = await startApp(dialect, inject("pgAdminUrl"), {
      REDIS_URL: "",
      SIGNIN_RATE_LIMIT: "3/300",
      SIGNIN_RATE_LIMIT_PER_IP: "6/60",
      RATE_LIMIT_EXPORT: "3/60",
      RATE_LIMIT_IP_MULTIPLIER: "2",
      GENERATION_RATE_LIMIT: "2",
    });
  });
  afterAll(async () => {
    await app?.stop();
  });
  afterEach((ctx) => {
    if (ctx.task.result?.state === "fail") console.error(`[${dialect} app log]\n${app.logs.join("").slice(-4000)}`);
  });

  it("sign-in is limited per email and per address: 429 with Retry-After, the others pass", async () => {
    const victim = uniqueEmail("victim");
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await devSignIn(app, victim, ip(1))).status);
    expect(codes).toEqual([302, 302, 302, 429]);
    await expectLimited(await devSignIn(app, victim, ip(2)), /Too many sign-in attempts for this email/);
    // The address 198.51.100.1 has made 4 attempts of its 6: two more, then it is refused.
    expect((await devSignIn(app, uniqueEmail("a"), ip(1))).status).toBe(302);
    expect((await devSignIn(app, uniqueEmail("b"), ip(1))).status).toBe(302);
    await expectLimited(await devSignIn(app, uniqueEmail("c"), ip(1)), /Too many sign-in attempts from your network/);
    expect((await devSignIn(app, uniqueEmail("d"), ip(3))).status).toBe(302);
  });

  it("a burst of 100 sign-ins from one address: 6 pass, 94 are refused", async () => {
    const results: number[] = [];
    for (let wave = 0; wave < 5; wave++) {
      results.push(...(await Promise.all(Array.from({ length: 20 }, (_, i) => devSignIn(app, uniqueEmail(`burst${wave}-${i}`), ip(9)).then((r) => r.status)))));
    }
    expect(results.filter((s) => s === 302)).toHaveLength(6);
    expect(results.filter((s) => s === 429)).toHaveLength(94);
  });

  it("a repeat of a finished create (the same Idempotency-Key) is replayed, never limited: only requests that run count", async () => {
    const s = await new Session(app.baseUrl).signIn(uniqueEmail("replay"));
    const p = (await (await s.fetch("/api/v1/projects", { method: "POST", json: { title: "Replays" } })).json()) as Project;
    const generate = (key: string) =>
      s.fetch(`/api/v1/projects/${p.id}/storyboards`, { method: "POST", json: { brief: "Two ways to brew coffee at home." }, headers: { ...ip(40), "idempotency-key": key } });
    const first = await generate("replay-1");
    expect(first.status).toBe(202);
    const { id } = (await first.json()) as { id: number };
    expect((await generate("replay-2")).status).toBe(202);
    await expectLimited(await generate("replay-3"), /You can generate 2 storyboards every 60 seconds/);
    // The client lost the first answer and sends it again: the same storyboard, not a 429.
    const again = await generate("replay-1");
    expect(again.status).toBe(202);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(((await again.json()) as { id: number }).id).toBe(id);
    // The refused one was not kept: sent again it is still refused (the limit, not a replay).
    await expectLimited(await generate("replay-3"), /You can generate 2 storyboards every 60 seconds/);
  });

  it("exports are limited per user and, at twice that, per address", async () => {
    const signed = async (n: number) => new Session(app.baseUrl).signIn(uniqueEmail(`export${n}`));
    const [alice, bob, carol] = [await signed(1), await signed(2), await signed(3)];
    const project = async (s: Session) => {
      const p = (await (await s.fetch("/api/v1/projects", { method: "POST", json: { title: "Limits" } })).json()) as Project;
      const sb = (await (await s.fetch(`/api/v1/projects/${p.id}/storyboards`, { method: "POST", json: { brief: "Three tips for better sleep. Follow for more." } })).json()) as { id: number };
      for (let i = 0; i < 240; i++) {
        const now = (await (await s.fetch(`/api/v1/storyboards/${sb.id}`)).json()) as { status: string };
        if (now.status !== "generating") break;
        await new Promise((r) => setTimeout(r, 250));
      }
      return sb.id;
    };
    const exportOf = (s: Session, id: number, from: number) => s.fetch(`/api/v1/storyboards/${id}/export?format=json`, { headers: ip(from) });
    const a = await project(alice);
    for (let i = 0; i < 3; i++) expect((await exportOf(alice, a, 20)).status).toBe(200);
    await expectLimited(await exportOf(alice, a, 21), /Too many exports: at most 3 every minute/);
    const b = await project(bob);
    for (let i = 0; i < 3; i++) expect((await exportOf(bob, b, 20)).status).toBe(200);
    // 198.51.100.20 has used its 6 (2 × 3): Carol's first export from there is refused.
    const c = await project(carol);
    await expectLimited(await exportOf(carol, c, 20), /Too many exports from your network/);
    expect((await exportOf(carol, c, 22)).status).toBe(200);
  });
});

describe("limits with Redis killed (PostgreSQL)", () => {
  let app: RunningApp;
  let redis: OwnRedis; // a private redis-server (never the machine's shared one)

  beforeAll(async () => {
    redis = await startOwnRedis();
    app = await startApp("postgres", inject("pgAdminUrl"), { REDIS_URL: redis.url, GENERATION_RATE_LIMIT: "3", GENERATION_RATE_WINDOW_SECONDS: "300" });
  });
  afterAll(async () => {
    await app?.stop();
    await redis?.stop();
  });

  // Each request after the kill first waits out the Redis client's timeout: a longer budget.
  it("the generation limit falls back to this process's count: 3 accepted, the rest 429, never all", { timeout: 170_000 }, async () => {
    const s = await new Session(app.baseUrl).signIn(uniqueEmail("redis-down"));
    const p = (await (await s.fetch("/api/v1/projects", { method: "POST", json: { title: "Redis down" } })).json()) as Project;
    const generate = () => s.fetch(`/api/v1/projects/${p.id}/storyboards`, { method: "POST", json: { brief: "Two ways to brew coffee at home." } });
    expect((await generate()).status).toBe(202); // counted in Redis and here
    await redis.kill();
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await generate()).status);
    expect(codes).toEqual([202, 202, 429, 429, 429, 429]);
  });
});
