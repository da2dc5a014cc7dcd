// `npx tsx bench/cache.ts`: the dashboard cache at the HTTP level (issue 11, lever 6), on PostgreSQL,
// in one run. Three production servers on the same bench database: cache off (CACHE_TTL_SECONDS=0,
// every dashboard a database read), the in-process cache (SINGLE_INSTANCE=1) and Redis. Each round
// measures the trivial route and the three read paths on each server in turn (rotated), and each
// figure is the median of the rounds; ratios are against the same server's trivial route.
// Results: bench/results/cache.md and the table on stdout.
//
//   npx tsx bench/cache.ts [--users 1000] [--duration 5] [--rounds 3] [--connections 16] [--keep] [--rebuild]
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { openBenchDatabase } from "./lib/database";
import { median, machineLine } from "./lib/measure";
import { ensureBuild, httpCell, startHttp, type HttpPath, type HttpTarget } from "./lib/http";
import { sampleUsers } from "./lib/workload";

const { values } = parseArgs({
  options: {
    users: { type: "string", default: "1000" },
    duration: { type: "string", default: "5" },
    rounds: { type: "string", default: "3" },
    connections: { type: "string", default: "16" },
    keep: { type: "boolean", default: false },
    rebuild: { type: "boolean", default: false },
  },
});
const users = Number(values.users);
const seconds = Number(values.duration);
const rounds = Number(values.rounds);
const connections = Number(values.connections);
const log = (m: string) => console.error(`[bench:cache] ${m}`);
const redisUrl = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379/14";

type Mode = "off" | "memory" | "redis";
const MODES: Mode[] = ["off", "memory", "redis"];
const ENV: Record<Mode, Record<string, string>> = {
  off: { CACHE_TTL_SECONDS: "0", REDIS_URL: "" },
  memory: { CACHE_TTL_SECONDS: "300", REDIS_URL: "", SINGLE_INSTANCE: "1" },
  redis: { CACHE_TTL_SECONDS: "300", REDIS_URL: redisUrl },
};
const PATHS: HttpPath[] = ["trivial", "dashboard", "project", "storyboard"];

ensureBuild({ rebuild: values.rebuild, log });
const db = await openBenchDatabase("postgres", users, { reuse: values.keep, keepAfter: values.keep, log, tag: "cache" });
const sample = await sampleUsers(db);
const servers = new Map<Mode, HttpTarget>();
const runs = new Map<string, { ops: number[]; p50: number[]; p99: number[] }>();
try {
  for (const mode of MODES) {
    log(`server with the cache ${mode}`);
    servers.set(mode, await startHttp(db, sample, { signIns: Math.min(200, sample.length), log, env: ENV[mode] }));
  }
  for (let r = 1; r <= rounds; r++) {
    const order = MODES.map((_, i) => MODES[(i + r - 1) % MODES.length]!);
    for (const mode of order) {
      for (const p of PATHS) {
        const cell = await httpCell(servers.get(mode)!, p, connections, seconds);
        if (cell.errors > 0) throw new Error(`${mode} ${p}: ${cell.errors} errors (${cell.firstError})`);
        const key = `${mode}:${p}`;
        const got = runs.get(key) ?? { ops: [], p50: [], p99: [] };
        runs.set(key, got);
        got.ops.push(cell.throughput);
        got.p50.push(cell.p50);
        got.p99.push(cell.p99);
        log(`round ${r}/${rounds} cache ${mode.padEnd(6)} ${p.padEnd(10)} ${cell.throughput.toFixed(0)} req/s, p50 ${cell.p50.toFixed(1)} ms, p99 ${cell.p99.toFixed(1)} ms`);
      }
    }
  }
} finally {
  for (const s of servers.values()) await s.stop();
  await db.close();
}

const fig = (mode: Mode, p: HttpPath) => {
  const f = runs.get(`${mode}:${p}`)!;
  return { ops: median(f.ops), p50: median(f.p50), p99: median(f.p99) };
};
const lines = [
  "# The dashboard cache at the HTTP level",
  "",
  `PostgreSQL, ${users.toLocaleString("en")} users (${Math.min(200, sample.length)} signed in, picked at random per request), ${connections} connections, ${seconds} s cells, median of ${rounds} rotated rounds; ` +
    machineLine(),
  "",
  "| path | cache | req/s | p50 ms | p99 ms | of the trivial route's req/s | p99 / trivial p99 |",
  "|---|---|--:|--:|--:|--:|--:|",
  ...PATHS.flatMap((p) =>
    MODES.map((m) => {
      const f = fig(m, p);
      const t = fig(m, "trivial");
      return `| ${p} | ${m} | ${f.ops.toFixed(0)} | ${f.p50.toFixed(1)} | ${f.p99.toFixed(1)} | ${((f.ops / t.ops) * 100).toFixed(0)}% | ${(f.p99 / t.p99).toFixed(2)} |`;
    }),
  ),
  "",
  "Only the dashboard is cached; the project and storyboard rows show what the same reads cost on each server (the cache's own overhead). " +
    "A cached dashboard is retired by every write of its user (tests/e2e/cache-fresh.test.ts proves no stale read after each write route).",
];
const out = lines.join("\n") + "\n";
fs.mkdirSync(path.join("bench", "results"), { recursive: true });
fs.writeFileSync(path.join("bench", "results", "cache.md"), out);
console.log(out);
