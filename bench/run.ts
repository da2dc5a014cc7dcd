// `npm run bench`: the hot paths of the founding design at its scale milestones, each measured at
// three levels in one run on one database: raw SQL (the ceiling), the use-case as the app calls
// it, and HTTP against the production build next to a route that does no work (the framework's
// ceiling). Results: bench/results/<dialect>-<scale>.json and .md, and the table on stdout.
//
//   npm run bench                                     PostgreSQL, 1K users, all levels, 3 s cells
//   npm run bench -- --scale 100k --duration 10 --keep
//   npm run bench -- --dialect sqlite --scale 10k --levels raw,store
//
// Options: --users N | --scale 1k|10k|100k, --dialect postgres|sqlite, --duration <s per cell>,
// --warmup <s per cell>, --clients 1,16, --levels raw,store,http, --paths dashboard,project,
// storyboard,generate,tick, --keep (reuse bench_<users> when its row counts match, and keep it),
// --sign-ins <users signed in for HTTP>, --rebuild (build the app even if a build exists),
// --cpu-prof (CPU profiles of the use-case level and of the server during the HTTP level, with
// a summary of where the time goes: bench/results/profiles/).
import fs from "node:fs";
import inspector from "node:inspector/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { describeLoad, formatBytes } from "./generate";
import { openBenchDatabase } from "./lib/database";
import { ensureBuild, httpCell, memoryPoller, startHttp, writeProfile, type HttpPath } from "./lib/http";
import { generatingCount, maxStoryboardId, PATH_LABELS, PATHS, rawPostgres, rawSqlite, removeGenerated, storeLevel, type Level, type PathId } from "./lib/levels";
import { closedLoop, type Cell } from "./lib/measure";
import { parseUsers, scaleLabel } from "./lib/options";
import { checkTargets, LEVEL_LABELS, toMarkdown, type LevelId, type ResultCell, type Results } from "./lib/report";
import { summarizeProfile } from "./lib/profile";
import { sampleUsers } from "./lib/workload";

const { values } = parseArgs({
  options: {
    users: { type: "string" },
    scale: { type: "string" },
    dialect: { type: "string", default: "postgres" },
    duration: { type: "string", default: "3" },
    warmup: { type: "string", default: "1" },
    clients: { type: "string", default: "1,16" },
    levels: { type: "string", default: "raw,store,http" },
    paths: { type: "string", default: PATHS.join(",") },
    keep: { type: "boolean", default: false },
    "sign-ins": { type: "string", default: "200" },
    rebuild: { type: "boolean", default: false },
    "cpu-prof": { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});

if (values.help) {
  const head = fs.readFileSync(import.meta.filename, "utf8").split("\n").filter((l) => l.startsWith("//"));
  console.log(head.map((l) => l.replace(/^\/\/ ?/, "")).join("\n"));
  process.exit(0);
}

function list<T extends string>(raw: string, allowed: readonly T[], option: string): T[] {
  const items = raw.split(",").map((s) => s.trim()).filter(Boolean);
  const bad = items.filter((i) => !allowed.includes(i as T));
  if (bad.length || items.length === 0) throw new Error(`--${option} takes a comma-separated list of ${allowed.join(", ")}; got "${raw}"`);
  return items as T[];
}
const positive = (raw: string, option: string, min: number) => {
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min) throw new Error(`--${option} must be a number of at least ${min}, got "${raw}"`);
  return n;
};

const users = parseUsers(values);
const dialect = list(values.dialect, ["postgres", "sqlite"] as const, "dialect")[0]!;
const seconds = positive(values.duration, "duration", 0.5);
const warmup = positive(values.warmup, "warmup", 0);
const clients = values.clients.split(",").map((c) => positive(c, "clients", 1));
const levels = list(values.levels, ["raw", "store", "http"] as const, "levels");
const paths = list(values.paths, PATHS, "paths");
const signIns = positive(values["sign-ins"], "sign-ins", 1);
if (dialect === "sqlite" && users > 10_000) console.warn(`warning: the SQLite data set is meant for up to 10K users; ${users} will take a while to load`);

const log = (m: string) => console.log(m);
const loadBefore = os.loadavg();
const busy = otherBuilds();
if (busy > 0) log(`warning: ${busy} other "next build" process(es) running: figures will be noisy`);

if (levels.includes("http")) ensureBuild({ rebuild: values.rebuild, log });
const db = await openBenchDatabase(dialect, users, { reuse: values.keep, keepAfter: values.keep, log });
if (db.load) log(`loaded ${describeLoad(db.load)} in ${db.load.seconds.toFixed(1)} s; database size ${formatBytes(db.load.bytes)}`);

const cells: ResultCell[] = [];
const notes: string[] = [];
let http: Results["meta"]["http"];
// Storyboards above this id were written by the generate path; they are removed after it.
const baseline = await maxStoryboardId(db);
try {
  const sample = await sampleUsers(db);
  log(`acting as ${sample.length} users spread over the data set; ${seconds} s per cell after ${warmup} s warm-up`);

  const record = (level: LevelId, p: PathId | "trivial", n: number, cell: Cell) => {
    cells.push({ path: p, level, clients: n, ...cell });
    const label = p === "trivial" ? "trivial route" : PATH_LABELS[p];
    log(
      `  ${LEVEL_LABELS[level].padEnd(9)} ${label.padEnd(20)} ${String(n).padStart(2)} client${n > 1 ? "s" : " "}  ${cell.throughput.toFixed(0).padStart(6)}/s  p50 ${cell.p50.toFixed(2).padStart(6)} ms  p99 ${cell.p99.toFixed(2).padStart(7)} ms` +
        (cell.errors ? `  ${cell.errors} errors (${cell.firstError})` : ""),
    );
  };

  const inProcess = async (level: "raw" | "store", make: () => Promise<Level> | Level) => {
    const l = await make();
    // --cpu-prof: the use-case level runs in this process on the unbundled sources, so its
    // profile names the app's own functions.
    const profiler = values["cpu-prof"] && level === "store" ? new inspector.Session() : null;
    if (profiler) {
      profiler.connect();
      await profiler.post("Profiler.enable");
      await profiler.post("Profiler.setSamplingInterval", { interval: 200 });
      await profiler.post("Profiler.start");
    }
    try {
      for (const p of paths) {
        for (const n of clients) record(level, p, n, await closedLoop(n, seconds, warmup, l.ops[p]));
        if (p === "generate") await removeGenerated(db, baseline);
      }
    } finally {
      await l.close();
      if (profiler) {
        const { profile } = await profiler.post("Profiler.stop");
        profiler.disconnect();
        const dest = path.join(profilesDir(), `usecase-${dialect}-${scaleLabel(users)}-${paths.join("+")}.cpuprofile`);
        fs.writeFileSync(dest, JSON.stringify(profile));
        const summary = summarizeProfile(dest);
        fs.writeFileSync(dest.replace(/\.cpuprofile$/, ".txt"), summary);
        log(`use-case CPU profile (this process, every use-case cell): ${dest}\n${summary}`);
      }
    }
  };

  if (levels.includes("raw")) {
    log("raw SQL (the design's queries as prepared statements, as the owner, no transaction wrapper):");
    await inProcess("raw", () => (dialect === "postgres" ? rawPostgres(db, sample) : rawSqlite(db, sample)));
  }
  if (levels.includes("store")) {
    log("use-case (src/features as the routes call them; dashboard cache cold):");
    await inProcess("store", () => storeLevel(db, sample));
  }
  if (levels.includes("http")) {
    log("HTTP (next start, autocannon):");
    const profileDir = values["cpu-prof"] ? fs.mkdtempSync(path.join(os.tmpdir(), "bench-prof-")) : undefined;
    const target = await startHttp(db, sample, { signIns, log, cpuProfileDir: profileDir });
    const memory = memoryPoller(target.app.pid!);
    const generate: NonNullable<Results["meta"]["http"]>["generate"] = [];
    try {
      // The 202 of a generate returns before the engine runs: waits until the server's background
      // jobs have generated every storyboard the path wrote, and says how long that took.
      const drain = async () => {
        const t0 = performance.now();
        while ((await generatingCount(db, baseline)) > 0) {
          if (performance.now() - t0 > 600_000) throw new Error("background generation jobs did not finish within 10 minutes");
          await new Promise((r) => setTimeout(r, 100));
        }
        return (performance.now() - t0) / 1000;
      };
      const run = async (p: HttpPath, n: number) => {
        if (warmup > 0) {
          await httpCell(target, p, n, warmup);
          // The measured cell starts with an empty queue: the warm-up's jobs run neither during it
          // nor in its drain time.
          if (p === "generate") await drain();
        }
        const cell = await httpCell(target, p, n, seconds);
        record("http", p, n, cell);
        if (p === "generate") {
          generate.push({ clients: n, accepted: cell.ops, drainSeconds: await drain() });
          await removeGenerated(db, baseline);
        }
      };
      for (const n of clients) await run("trivial", n);
      for (const p of paths) for (const n of clients) await run(p, n);
    } finally {
      const mem = memory.stop();
      http = { signedInUsers: target.sessions.length, ...mem, generate };
      if (profileDir) {
        const dest = path.join(profilesDir(), `server-${dialect}-${scaleLabel(users)}-${paths.join("+")}.cpuprofile`);
        fs.renameSync(await writeProfile(target, profileDir), dest);
        fs.rmSync(profileDir, { recursive: true, force: true });
        const summary = summarizeProfile(dest);
        fs.writeFileSync(dest.replace(/\.cpuprofile$/, ".txt"), summary);
        log(`server CPU profile (start-up, sign-ins and every HTTP cell): ${dest}, for Chrome DevTools or speedscope\n${summary}`);
      }
      await target.stop();
    }
    notes.push(
      "HTTP runs the server with CACHE_TTL_SECONDS=0, so every dashboard request reads the database (the cache-cold path); with the default 5-minute cache a returning user's dashboard is served from memory.",
      "autocannon runs in the benchmark's process on the same 2 cores as the server: HTTP figures include the load generator's share of the CPU, which is why they are compared with the trivial route measured the same way.",
    );
  }
  if (levels.includes("raw") && dialect === "postgres") {
    notes.push("Raw SQL runs as the tables' owner (a superuser, so row level security does not apply) on a pool of 16 without a transaction around reads; the use-case level runs each request in a transaction as the app role under row level security, on the design's pool of 20.");
  }
} finally {
  await removeGenerated(db, baseline);
}

const bytes = await db.bytes();
const results: Results = {
  meta: {
    date: new Date().toISOString(),
    dialect,
    users,
    scale: scaleLabel(users),
    secondsPerCell: seconds,
    warmupSecondsPerCell: warmup,
    clients,
    levels,
    paths,
    machine: {
      cpu: os.cpus()[0]?.model.trim() ?? "unknown",
      cores: os.cpus().length,
      memoryGb: os.totalmem() / 1024 ** 3,
      kernel: os.release(),
      loadAverageBefore: loadBefore,
      loadAverageAfter: os.loadavg(),
    },
    versions: {
      Node: process.version,
      [db.serverVersion.split(" ")[0]!]: db.serverVersion.split(" ").slice(1).join(" "),
      Next: packageVersion("next"),
      pg: packageVersion("pg"),
      "better-sqlite3": packageVersion("better-sqlite3"),
      autocannon: packageVersion("autocannon"),
    },
    data: { counts: db.counts, bytes, loadSeconds: db.load?.seconds ?? null, reused: db.load === null },
    ...(http && { http }),
    notes,
  },
  cells,
  targets: [],
};
const baselineFile = path.join("bench", "results", `${dialect}-1k.json`);
const baselineResults = users !== 1_000 && fs.existsSync(baselineFile) ? (JSON.parse(fs.readFileSync(baselineFile, "utf8")) as Results) : null;
results.targets = checkTargets(results, baselineResults);

// A run of some levels or paths only gets its own file, so it never replaces a full table.
const partial = levels.length < 3 || paths.length < PATHS.length || clients.join() !== "1,16";
const name = `${dialect}-${scaleLabel(users)}${partial ? "-partial" : ""}`;
fs.mkdirSync(path.join("bench", "results"), { recursive: true });
fs.writeFileSync(path.join("bench", "results", `${name}.json`), JSON.stringify(results, null, 2) + "\n");
const markdown = toMarkdown(results);
fs.writeFileSync(path.join("bench", "results", `${name}.md`), `# Benchmark: ${dialect === "postgres" ? "PostgreSQL" : "SQLite"}, ${scaleLabel(users)} users\n\n${markdown}`);
console.log(`\n${markdown}\nwritten: bench/results/${name}.json, bench/results/${name}.md`);
await db.close();

function profilesDir(): string {
  const dir = path.join("bench", "results", "profiles");
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

function packageVersion(name: string): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join("node_modules", name, "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

function otherBuilds(): number {
  let n = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (/next(\0|\/dist\/bin\/next\0)build/.test(fs.readFileSync(`/proc/${entry}/cmdline`, "utf8"))) n++;
    } catch {
      /* gone */
    }
  }
  return n;
}
