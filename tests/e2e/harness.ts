// Starts the real app (the production build, `next start`) on a free loopback port against a
// fresh database of either dialect, and signs users in over HTTP with the local sign-in.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import type { Readable } from "node:stream";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createTestDatabase, type Dialect, type TestDatabase } from "../support/databases";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface RunningApp {
  baseUrl: string;
  db: TestDatabase;
  logs: string[];
  /** The server's process id (the benchmarks poll its memory). */
  pid?: number;
  stop(): Promise<void>;
  /** Stops the server process only (the database stays), to test what a restart does. */
  kill(): Promise<void>;
}

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = net.createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });

async function waitForHealth(baseUrl: string, child: ChildProcess, logs: string[], timeoutMs = 60_000) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}:\n${logs.join("")}`);
    try {
      const r = await fetch(`${baseUrl}/api/health`);
      if (r.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the app did not become healthy within ${timeoutMs} ms:\n${logs.join("")}`);
}

export function databaseUrlOf(db: TestDatabase): string {
  return db.config.dialect === "sqlite" ? `file:${db.config.file}` : db.config.url;
}

/**
 * `next start` of the production build on 127.0.0.1:port with exactly these settings (nothing
 * inherited from the test's shell but PATH and HOME), output piped.
 */
export function spawnNextStart(port: number, env: Record<string, string>): ChildProcess & { stdout: Readable; stderr: Readable } {
  return spawn(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "/tmp",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      AUTH_SECRET: "test-secret-not-for-production-0123456789abcdef",
      ...(process.env.NEXT_DIST_DIR ? { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR } : {}),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  }) as ChildProcess & { stdout: Readable; stderr: Readable };
}

/**
 * Starts `next start` with the given environment on an existing database, on `opts.port` when
 * the port must be known beforehand (an OAuth provider needs the callback URL up front).
 */
export async function startServer(db: TestDatabase, env: Record<string, string> = {}, opts: { port?: number } = {}): Promise<RunningApp> {
  const port = opts.port ?? (await freePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  const logs: string[] = [];
  const child = spawnNextStart(port, {
    DATABASE_URL: databaseUrlOf(db),
    AUTH_DEV_LOGIN: "1",
    AUTH_URL: baseUrl,
    // Several suites (and engineers) share one PostgreSQL server of 100 connections.
    DATABASE_POOL_MAX: "8",
    DATABASE_POOL_MIN: "0",
    // Every test client is 127.0.0.1 and many sign in and export far faster than a person: the
    // per-address and per-email limits are lifted here; tests/e2e/rate-limits.test.ts sets them low.
    RATE_LIMIT_IP_MULTIPLIER: "1000",
    SIGNIN_RATE_LIMIT: "10000/60",
    SIGNIN_RATE_LIMIT_PER_IP: "100000/60",
    RATE_LIMIT_EXPORT: "10000/60",
    RATE_LIMIT_ENGINE: "10000/60",
    RATE_LIMIT_SHARE: "10000/60",
    RATE_LIMIT_HEAVY: "10000/60",
    ...(process.env.TEST_REDIS_URL ? { REDIS_URL: process.env.TEST_REDIS_URL } : {}),
    ...env,
  });
  child.stdout!.on("data", (d: Buffer) => logs.push(d.toString()));
  child.stderr!.on("data", (d: Buffer) => logs.push(d.toString()));
  const kill = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
  };
  await waitForHealth(baseUrl, child, logs);
  return { baseUrl, db, logs, pid: child.pid, kill, stop: async () => kill() };
}

/** A fresh database of the dialect and the app on it. */
export async function startApp(dialect: Dialect, adminUrl: string, env: Record<string, string> = {}): Promise<RunningApp> {
  const db = await createTestDatabase(dialect, adminUrl);
  const app = await startServer(db, env);
  return {
    ...app,
    stop: async () => {
      await app.kill();
      await db.drop();
    },
  };
}

/** Cookie jar of one HTTP client: enough for Auth.js's csrf and session cookies. */
export class Session {
  private cookies = new Map<string, string>();
  constructor(readonly baseUrl: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private remember(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair!.indexOf("=");
      const name = pair!.slice(0, i).trim();
      const value = pair!.slice(i + 1).trim();
      if (value === "" || /max-age=0/i.test(c) || /expires=thu, 01 jan 1970/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async fetch(pathname: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("cookie", this.cookieHeader());
    let body = init.body;
    if (init.json !== undefined) {
      headers.set("content-type", "application/json");
      body = JSON.stringify(init.json);
    }
    const res = await fetch(this.baseUrl + pathname, { ...init, headers, body, redirect: "manual" });
    this.remember(res);
    return res;
  }

  /** Signs in through Auth.js's own endpoints with the local (development) sign-in. */
  async signIn(email: string, name = "Test Creator"): Promise<this> {
    const csrf = (await (await this.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const res = await this.fetch("/api/auth/callback/dev-login", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken: csrf.csrfToken, email, name, callbackUrl: `${this.baseUrl}/dashboard` }).toString(),
    });
    if (res.status >= 400 || ![...this.cookies.keys()].some((k) => k.includes("session-token"))) {
      throw new Error(`dev sign-in failed for ${email}: HTTP ${res.status}`);
    }
    return this;
  }
}

export const uniqueEmail = (label: string) => `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.test`;

/** A JSON API answer: status, the parsed body (the text itself when it is not JSON), headers and text. */
export interface Reply<T> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

/** Calls `/api/v1<path>` as the session's user. */
export async function call<T = unknown>(s: Session, method: string, path: string, json?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
  const res = await s.fetch(`/api/v1${path}`, { method, headers, ...(json !== undefined && { json }) });
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  return { status: res.status, body: body as T, text, headers: res.headers };
}
