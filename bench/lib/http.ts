// The HTTP level: the production build (`next start`, tests/e2e/harness.ts startServer) on the
// bench database, loaded by autocannon with the session cookies of many signed-in users, and
// its memory polled from /proc while it runs.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import autocannon from "autocannon";
import { ROOT, Session, startServer, type RunningApp } from "../../tests/e2e/harness";
import type { BenchDatabase } from "./database";
import type { PathId } from "./levels";
import { GENERATE_INPUT } from "./levels";
import { summarize, type Cell } from "./measure";
import { pick, type BenchUser } from "./workload";

export const distDir = () => process.env.NEXT_DIST_DIR || ".next";

/** Builds the app unless a build with the framework-ceiling route is already there. */
export function ensureBuild(opts: { rebuild: boolean; log: (m: string) => void }): void {
  const dir = path.join(ROOT, distDir());
  const current = fs.existsSync(path.join(dir, "BUILD_ID")) && fs.existsSync(path.join(dir, "server", "app", "api", "health", "live", "route.js"));
  if (current && !opts.rebuild) return;
  opts.log(`building the app into ${distDir()} (next build)…`);
  execFileSync(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
}

// ---------------------------------------------------------------- memory

function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      /* the process ended while we looked */
    }
  }
  const out = [pid];
  for (let i = 0; i < out.length; i++) out.push(...(children.get(out[i]!) ?? []));
  return out;
}

const statusKb = (pid: number, field: "VmRSS" | "VmHWM") => {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
};

/** Polls the resident memory of a process tree; peak() is the largest total seen, in MB. */
export function memoryPoller(pid: number, everyMs = 100) {
  let peakKb = 0;
  const sample = () => {
    const kb = descendants(pid).reduce((a, p) => a + statusKb(p, "VmRSS"), 0);
    peakKb = Math.max(peakKb, kb);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    /** Peak of the sampled tree RSS, and the kernel's own high-water mark of the server process. */
    stop: () => {
      clearInterval(timer);
      sample();
      return { peakRssMb: peakKb / 1024, serverHwmMb: statusKb(pid, "VmHWM") / 1024 };
    },
  };
}

// ---------------------------------------------------------------- server and sessions

export interface HttpTarget {
  app: RunningApp;
  sessions: Array<{ user: BenchUser; cookie: string }>;
  stop(): Promise<void>;
}

/** Asks a server started with a cpuProfileDir to write its profile, and waits for the file. */
export async function writeProfile(target: HttpTarget, dir: string): Promise<string> {
  const file = path.join(dir, `server-${target.app.pid}.cpuprofile`);
  process.kill(target.app.pid!, "SIGUSR2");
  for (let i = 0; i < 100 && !fs.existsSync(file); i++) await new Promise((r) => setTimeout(r, 100));
  if (!fs.existsSync(file)) throw new Error("the server wrote no CPU profile");
  return file;
}

export async function startHttp(
  db: BenchDatabase,
  users: BenchUser[],
  opts: { signIns: number; log: (m: string) => void; cpuProfileDir?: string | undefined; /** Overrides the server's environment (e.g. the cache). */ env?: Record<string, string> },
): Promise<HttpTarget> {
  const app = await startServer(db.testDb, {
    DATABASE_AUTO_MIGRATE: "0",
    // The design's pool (the test harness's default is 8, for suites sharing one server).
    DATABASE_POOL_MAX: "20",
    // Every dashboard read is a cache miss: the database path is what is measured.
    CACHE_TTL_SECONDS: "0",
    GENERATION_RATE_LIMIT: "100000000",
    // Profiles the server from start-up; writeProfile() asks it for the file.
    ...(opts.cpuProfileDir && { NODE_OPTIONS: `--import ${pathToFileURL(path.join(ROOT, "bench", "lib", "cpu-profiler.mjs")).href}`, BENCH_CPU_PROFILE_DIR: opts.cpuProfileDir }),
    ...opts.env,
  });
  if (!app.pid) throw new Error("the server's process id is unknown");
  const chosen = users.slice(0, Math.min(opts.signIns, users.length));
  opts.log(`signing in ${chosen.length} users over HTTP…`);
  const sessions: HttpTarget["sessions"] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < chosen.length) {
        const user = chosen[next++]!;
        const s = await new Session(app.baseUrl).signIn(user.email, `Bench Creator ${user.n}`);
        sessions.push({ user, cookie: s.cookieHeader() });
      }
    }),
  );
  return { app, sessions, stop: () => app.stop() };
}

// ---------------------------------------------------------------- load

interface Request {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export type HttpPath = PathId | "trivial";

/** One request of a path, as a random signed-in user would send it. */
function requestFor(target: HttpTarget, p: HttpPath): Request {
  if (p === "trivial") return { method: "GET", path: "/api/health/live", headers: {} };
  const { user, cookie } = pick(target.sessions);
  const headers = { cookie };
  const json = { ...headers, "content-type": "application/json" };
  switch (p) {
    case "dashboard":
      return { method: "GET", path: "/api/v1/projects", headers };
    case "project":
      return { method: "GET", path: `/api/v1/projects/${pick(user.projects)}/detail`, headers };
    case "storyboard":
      return { method: "GET", path: `/api/v1/storyboards/${pick(user.storyboards)}`, headers };
    case "generate":
      return { method: "POST", path: `/api/v1/projects/${pick(user.projects)}/storyboards`, headers: json, body: JSON.stringify(GENERATE_INPUT) };
    case "tick": {
      const task = pick(user.tasks);
      task.completed = !task.completed;
      return { method: "PATCH", path: `/api/v1/tasks/${task.id}`, headers: json, body: JSON.stringify({ completed: task.completed }) };
    }
  }
}

/** autocannon for `seconds`; latencies are taken from its per-response event at full precision. */
export async function httpCell(target: HttpTarget, p: HttpPath, connections: number, seconds: number): Promise<Cell> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const instance = autocannon({
    url: target.app.baseUrl,
    connections,
    duration: seconds,
    requests: [{ setupRequest: (req: Request) => ({ ...req, ...requestFor(target, p) }) }],
  });
  instance.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status >= 200 && status < 300) latencies.push(ms);
    else {
      errors++;
      firstError ??= `HTTP ${status}`;
    }
  });
  instance.on("reqError", (e: Error) => {
    errors++;
    firstError ??= e.message;
  });
  const result = await instance;
  return summarize(latencies, result.duration, errors, firstError);
}
