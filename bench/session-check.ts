// `npx tsx bench/session-check.ts [--n 3000]`: what checking the session row on every request
// costs (src/server/auth.ts, sessionLive: one primary-key lookup joined to the user, through the
// Auth.js adapter), next to decrypting the session JWT, which the per-process memo skips for a
// repeated cookie. Sequential calls on SQLite and on PostgreSQL (TEST_DATABASE_URL or
// BENCH_DATABASE_URL, a fresh database dropped afterwards). Prints p50 / p99 / mean in µs.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { decode, encode } from "@auth/core/jwt";
import { openDriver } from "../src/db/client";
import { createTestDatabase, type Dialect } from "../tests/support/databases";

const { values } = parseArgs({ options: { n: { type: "string", default: "3000" } } });
const N = Number(values.n);
const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(s.length * q))]!;
  return { p50: Math.round(at(0.5) * 1000), p99: Math.round(at(0.99) * 1000), mean: Math.round((s.reduce((a, b) => a + b, 0) / s.length) * 1000) };
};

async function time(fn: () => Promise<unknown>): Promise<ReturnType<typeof stats>> {
  for (let i = 0; i < Math.min(200, N); i++) await fn(); // warm-up
  const xs: number[] = [];
  for (let i = 0; i < N; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  return stats(xs);
}

const rows: string[] = [];
const secret = randomBytes(32).toString("base64url");
const salt = "authjs.session-token";
const token = await encode({ token: { sub: "u", sid: "s", email: "a@example.test", name: "A" }, secret, salt });
const jwt = await time(() => decode({ token, secret, salt }));
rows.push(`| decrypt the session JWT (skipped by the memo for a repeated cookie) | ${jwt.p50} | ${jwt.p99} | ${jwt.mean} |`);

for (const dialect of ["sqlite", "postgres"] as Dialect[]) {
  const db = await createTestDatabase(dialect, adminUrl);
  const driver = await openDriver(db.config);
  try {
    const adapter = driver.authAdapter();
    const user = await adapter.createUser!({ id: crypto.randomUUID(), email: `bench-${Date.now()}@example.test`, emailVerified: null, name: "Bench" });
    const sid = randomBytes(32).toString("base64url");
    await adapter.createSession!({ sessionToken: sid, userId: user.id, expires: new Date(Date.now() + 86_400_000) });
    const check = await time(async () => {
      const found = await adapter.getSessionAndUser!(sid);
      if (found?.user.id !== user.id) throw new Error("session row not found");
    });
    rows.push(`| session row check, ${dialect} | ${check.p50} | ${check.p99} | ${check.mean} |`);
  } finally {
    await driver.close();
    await db.drop();
  }
}

console.log(`Session check cost, ${N} sequential calls each (µs), load ${(await import("node:os")).loadavg()[0]!.toFixed(1)}:\n`);
console.log("| step | p50 | p99 | mean |\n|---|---|---|---|");
console.log(rows.join("\n"));
