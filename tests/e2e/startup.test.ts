// What `next start` does with its settings and its database: it refuses to run without a way to
// sign in or with a database URL it cannot use (one clear line, no stack trace, exit code 1),
// fails generations a restart cut off, and reports the database it uses on /api/health.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { INTERRUPTED_MESSAGE } from "../../src/features/storyboards/recover-interrupted-generations";
import { openStore } from "../../src/db/client";
import { createFactories } from "../../src/db/seed/factories";
import type { StoryboardWithScenes, User } from "../../src/domain/types";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../support/databases";
import { openRaw } from "../support/raw";
import { databaseUrlOf, freePort, Session, spawnNextStart, startServer, type RunningApp } from "./harness";

interface StartOutcome {
  /** The exit code, or null when the server was still running at the deadline. */
  code: number | null;
  /** Whether /api/health ever answered 200. */
  healthy: boolean;
  output: string;
}

/**
 * Runs `next start` with exactly the given settings (nothing inherited from this shell) until it
 * exits, turns healthy, or the deadline passes, and stops it in the latter two cases.
 */
async function attemptStart(env: Record<string, string>, deadlineMs = 30_000): Promise<StartOutcome> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const chunks: string[] = [];
  const child = spawnNextStart(port, { AUTH_URL: baseUrl, ...env });
  child.stdout.on("data", (d: Buffer) => chunks.push(d.toString()));
  child.stderr.on("data", (d: Buffer) => chunks.push(d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  let healthy = false;
  let running = true;
  void exited.then(() => (running = false));
  const started = Date.now();
  while (running && !healthy && Date.now() - started < deadlineMs) {
    try {
      healthy = (await fetch(`${baseUrl}/api/health`)).ok;
    } catch {
      /* not listening (yet) */
    }
    if (!healthy) await new Promise((r) => setTimeout(r, 200));
  }
  if (running) {
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
    return { code: null, healthy, output: chunks.join("") };
  }
  return { code: await exited, healthy, output: chunks.join("") };
}

/** A line that looks like a JavaScript stack frame ("    at fn (file.js:1:2)"). */
const STACK_FRAME = /^\s+at .+(:\d+:\d+\)?|\(native\)|\(<anonymous>\))$/m;

function expectFailedClosed(outcome: StartOutcome, message: RegExp) {
  const context = `next start output:\n${outcome.output}`;
  expect(outcome.healthy, context).toBe(false);
  expect(outcome.code, context).toBe(1);
  expect(outcome.output, context).toMatch(message);
  expect(outcome.output, context).not.toMatch(STACK_FRAME);
}

describe.each(DIALECTS)("start-up settings (%s)", (dialect) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase(dialect, inject("pgAdminUrl"));
  });

  afterAll(async () => {
    await db?.drop();
  });

  it.each([
    ["unset", {}],
    ["0", { AUTH_DEV_LOGIN: "0" }],
  ])("refuses to start in production with no sign-in method configured (AUTH_DEV_LOGIN %s), naming the settings to set", async (_label, devLogin) => {
    const outcome = await attemptStart({ DATABASE_URL: databaseUrlOf(db), ...devLogin });
    expectFailedClosed(outcome, /no sign-in method is configured for production/);
    for (const variable of ["AUTH_GITHUB_ID", "AUTH_GOOGLE_ID", "AUTH_OIDC_ISSUER", "AUTH_DEV_LOGIN=1"]) {
      expect(outcome.output).toContain(variable);
    }
  });

  it("refuses to start with half a provider configured, naming the missing variable", async () => {
    const outcome = await attemptStart({ DATABASE_URL: databaseUrlOf(db), AUTH_DEV_LOGIN: "0", AUTH_OIDC_ISSUER: "http://127.0.0.1:9/", AUTH_OIDC_ID: "client" });
    expectFailedClosed(outcome, /AUTH_OIDC_SECRET: is required when AUTH_OIDC_ID is set/);
  });
});

describe("start-up with weak or malformed security settings", () => {
  it.each([["x"], ["changeme-changeme"], ["a".repeat(64)]])("refuses AUTH_SECRET=%j in production, asking for 32 random bytes", async (secret) => {
    const outcome = await attemptStart({ DATABASE_URL: "file:/tmp/storyboard-refused-start.db", AUTH_DEV_LOGIN: "1", AUTH_SECRET: secret });
    expectFailedClosed(outcome, /AUTH_SECRET: is too weak for production: it needs at least 32 random bytes/);
    expect(outcome.output).toContain("openssl rand -base64 32");
  });

  it("refuses a malformed ALLOWED_ORIGINS entry, naming it", async () => {
    const outcome = await attemptStart({ DATABASE_URL: "file:/tmp/storyboard-refused-start.db", AUTH_DEV_LOGIN: "1", ALLOWED_ORIGINS: "https://ok.example.com, not a url" });
    expectFailedClosed(outcome, /ALLOWED_ORIGINS: must be a URL/);
  });
});

describe("start-up with a database URL it cannot use", () => {
  it("rejects an unsupported scheme, naming DATABASE_URL", async () => {
    const outcome = await attemptStart({ DATABASE_URL: "mysql://x", AUTH_DEV_LOGIN: "1" });
    expectFailedClosed(outcome, /DATABASE_URL: unsupported scheme "mysql:"/);
  });

  it("rejects a PostgreSQL server that is not there, naming DATABASE_URL", async () => {
    const port = await freePort();
    const outcome = await attemptStart({ DATABASE_URL: `postgres://nobody@127.0.0.1:${port}/storyboard`, AUTH_DEV_LOGIN: "1" });
    expectFailedClosed(outcome, /DATABASE_URL: cannot (migrate|connect to) (the )?PostgreSQL.*ECONNREFUSED/);
  });
});

describe.each(DIALECTS)("a restart on %s", (dialect) => {
  let db: TestDatabase;
  let app: RunningApp | undefined;
  let user: User;
  let interrupted: StoryboardWithScenes;
  let finished: StoryboardWithScenes;

  beforeAll(async () => {
    db = await createTestDatabase(dialect, inject("pgAdminUrl"));
    // The state a crash leaves behind: a storyboard still 'generating', last touched an hour ago.
    const store = await openStore(db.config);
    try {
      const f = createFactories(store);
      user = await f.user();
      const project = await f.project(user.id);
      interrupted = await f.storyboard(user.id, project.id, { status: "generating", sceneCount: 0 });
      finished = await f.storyboard(user.id, project.id);
    } finally {
      await store.close();
    }
    const raw = await openRaw(db);
    try {
      const anHourAgo = new Date(Date.now() - 60 * 60 * 1000);
      await raw.query("UPDATE storyboards SET updated_at = $1 WHERE id IN ($2, $3)", [
        dialect === "sqlite" ? anHourAgo.getTime() : anHourAgo,
        interrupted.id,
        finished.id,
      ]);
    } finally {
      await raw.close();
    }
    app = await startServer(db, { GENERATION_STALE_AFTER_MS: "1000" });
  });

  afterAll(async () => {
    await app?.kill();
    await db?.drop();
  });

  it("reports the database it uses on /api/health", async () => {
    const res = await fetch(`${app!.baseUrl}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: { dialect, ok: true } });
  });

  it("marks a generation cut off by the restart as failed with a retry hint, and leaves finished ones alone", async () => {
    const statusOf = async (id: number) => {
      const raw = await openRaw(db);
      try {
        return (await raw.query<{ status: string; error_message: string | null }>("SELECT status, error_message FROM storyboards WHERE id = $1", [id]))[0];
      } finally {
        await raw.close();
      }
    };
    await expect.poll(() => statusOf(interrupted.id), { timeout: 10_000, interval: 250 }).toEqual({ status: "error", error_message: INTERRUPTED_MESSAGE });
    expect(await statusOf(finished.id)).toEqual({ status: "completed", error_message: null });
    expect(app!.logs.join("")).toContain("marked 1 interrupted generation(s) as failed");

    // What the creator sees through the API: the failure and why, so they can retry.
    const session = await new Session(app!.baseUrl).signIn(user.email);
    const res = await session.fetch(`/api/v1/storyboards/${interrupted.id}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: interrupted.id, status: "error", error_message: INTERRUPTED_MESSAGE });
    expect(INTERRUPTED_MESSAGE).toMatch(/interrupted/i);
  });
});
