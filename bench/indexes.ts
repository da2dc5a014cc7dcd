// `npx tsx bench/indexes.ts`: the design's overlapping indexes judged by numbers (issue 11, lever 5),
// on PostgreSQL, in one run, on its own copy of the bench data (bench_<users>_indexes):
//   - what each costs on the write paths: generate and tick at the use-case level with every
//     index of the design, with none of the candidates, and with each candidate dropped alone,
//     alternating over several rounds so that a busy machine weighs on every mode alike;
//   - what each serves on the reads: the three read paths with and without the candidates, the
//     index scans each read path makes (pg_stat_user_indexes), and the index each hot statement's
//     plan uses with and without them (EXPLAIN).
// Results: bench/results/indexes.md and the tables on stdout.
//
//   npx tsx bench/indexes.ts [--users 1000] [--duration 3] [--rounds 3] [--clients 16] [--keep]
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { HOT_SQL } from "../src/db/store/hot-sql";
import { alternate, alternationArgs } from "./lib/alternate";
import { openBenchDatabase } from "./lib/database";
import { PATHS, WRITE_PATHS, maxStoryboardId, rawPostgres, removeGenerated, storeLevel, type PathId } from "./lib/levels";
import { closedLoop, median, machineLine } from "./lib/measure";
import { pick, sampleUsers } from "./lib/workload";

const { users, seconds, rounds, clients, keep } = alternationArgs();
const log = (m: string) => console.error(`[bench:indexes] ${m}`);

/** The design's indexes in question (dropped by migration 0023's online step, rebuilt here to be measured), each
 * with its definition and the UNIQUE constraint whose leading columns it repeats (null: a boolean). */
const CANDIDATES: Record<string, { on: string; unique: string | null }> = {
  idx_users_email: { on: "users (email)", unique: "users_email_unique" },
  idx_scenes_storyboard_id: { on: "scenes (storyboard_id)", unique: "scenes_storyboard_id_scene_number_unique" },
  idx_scenes_storyboard_scene_number: { on: "scenes (storyboard_id, scene_number)", unique: "scenes_storyboard_id_scene_number_unique" },
  idx_scene_tasks_scene_id: { on: "scene_tasks (scene_id)", unique: "scene_tasks_scene_id_task_type_unique" },
  idx_scene_tasks_completed: { on: "scene_tasks (completed)", unique: null },
};
const NAMES = Object.keys(CANDIDATES);
const READS = PATHS.filter((p) => !WRITE_PATHS.has(p));
const WRITES = PATHS.filter((p) => WRITE_PATHS.has(p));

const db = await openBenchDatabase("postgres", users, { reuse: keep, keepAfter: keep, log, tag: "indexes" });
const owner = new pg.Client({ connectionString: db.ownerUrl });
await owner.connect();
/** Drops the named candidates and rebuilds the others, then refreshes the planner's statistics. */
async function keepOnly(present: readonly string[]) {
  for (const name of NAMES) {
    const exists = (await owner.query("SELECT 1 FROM pg_indexes WHERE indexname = $1", [name])).rowCount === 1;
    if (present.includes(name) && !exists) await owner.query(`CREATE INDEX ${name} ON ${CANDIDATES[name]!.on}`);
    if (!present.includes(name) && exists) await owner.query(`DROP INDEX ${name}`);
  }
  await owner.query("ANALYZE users, scenes, scene_tasks");
}

const firstStoryboard = await maxStoryboardId(db);
const sample = await sampleUsers(db);
const raw = rawPostgres(db, sample);
const store = await storeLevel(db, sample);

const ALL = "design";
const NONE = "none (today)";
const without = (name: string) => `without ${name}`;
const modes = [ALL, NONE, ...NAMES.map(without)];
const presentIn = (mode: string) => (mode === ALL ? NAMES : mode === NONE ? [] : NAMES.filter((n) => without(n) !== mode));

// What each read path scans: counted with every index present, one path at a time.
async function scansOf(p: PathId): Promise<Map<string, number>> {
  const read = async () =>
    new Map(
      (await owner.query<{ indexrelname: string; idx_scan: string }>("SELECT indexrelname, idx_scan FROM pg_stat_user_indexes WHERE schemaname = 'public'")).rows.map((r) => [r.indexrelname, Number(r.idx_scan)]),
    );
  await new Promise((r) => setTimeout(r, 1_500)); // backends flush their statistics at most once a second
  const before = await read();
  await closedLoop(4, 1, 0, store.ops[p]);
  await new Promise((r) => setTimeout(r, 1_500));
  const after = await read();
  return new Map([...after].map(([k, v]) => [k, v - (before.get(k) ?? 0)] as [string, number]).filter(([, d]) => d > 0));
}

interface Plan {
  indexes: string[];
  /** Shared buffers the statement touched (hit + read): the same every run for the same rows. */
  buffers: number;
  /** Median execution time of 11 runs, ms (noisy on a loaded machine; the buffers are not). */
  ms: number;
}

/** The indexes a statement's plan uses and what running it touches, as the owner (the raw level's plans). */
async function planOf(sql: string, params: unknown[]): Promise<Plan> {
  const found = new Set<string>();
  const walk = (node: Record<string, unknown>) => {
    if (typeof node["Index Name"] === "string") found.add(node["Index Name"]);
    for (const child of (node.Plans as Array<Record<string, unknown>> | undefined) ?? []) walk(child);
  };
  const runs: Array<{ Plan: Record<string, number>; "Execution Time": number }> = [];
  for (let i = 0; i < 11; i++) runs.push((await owner.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`, params)).rows[0]["QUERY PLAN"][0]);
  const last = runs.at(-1)!;
  walk(last.Plan as unknown as Record<string, unknown>);
  return {
    indexes: [...found].sort(),
    buffers: last.Plan["Shared Hit Blocks"]! + last.Plan["Shared Read Blocks"]!,
    ms: median(runs.map((r) => r["Execution Time"])),
  };
}

interface WriteCost {
  /** Index blocks touched per operation, on users, scenes and scene_tasks. */
  indexBlocks: number;
  /** Share of the ticks' task updates that were HOT (no index entry written). */
  hot: number | null;
}

/**
 * What the write paths cost the indexes, counted rather than timed: n operations of a path one after
 * another on a fresh raw-SQL pool, closed before the statistics are read (a backend flushes its
 * counters when it exits), so a loaded machine changes nothing in the figure.
 */
async function writeCost(p: PathId, n = 200): Promise<WriteCost> {
  const read = async () => {
    await new Promise((r) => setTimeout(r, 500));
    await owner.query("SELECT pg_stat_clear_snapshot()");
    const [blocks] = (await owner.query<{ b: string }>("SELECT coalesce(sum(idx_blks_hit + idx_blks_read), 0) AS b FROM pg_statio_user_indexes WHERE relname IN ('users', 'scenes', 'scene_tasks')")).rows;
    const [tasks] = (await owner.query<{ upd: string; hot: string }>("SELECT n_tup_upd AS upd, n_tup_hot_upd AS hot FROM pg_stat_user_tables WHERE relname = 'scene_tasks'")).rows;
    return { blocks: Number(blocks!.b), upd: Number(tasks!.upd), hot: Number(tasks!.hot) };
  };
  const level = rawPostgres(db, sample);
  const before = await read();
  for (let i = 0; i < n; i++) await level.ops[p]();
  await level.close();
  const after = await read();
  const upd = after.upd - before.upd;
  return { indexBlocks: (after.blocks - before.blocks) / n, hot: p === "tick" && upd > 0 ? (after.hot - before.hot) / upd : null };
}

const u = pick(sample);
const task = pick(u.tasks);
const STATEMENTS: Array<[string, string, unknown[]]> = [
  ["sign-in: user by email", "SELECT id FROM users WHERE email = $1", [u.email]],
  ["dashboard", HOT_SQL.dashboard, [u.id]],
  ["project: storyboards", HOT_SQL.projectStoryboards, [pick(u.projects), u.id]],
  ["project: scenes", HOT_SQL.projectScenes, [pick(u.projects), u.id]],
  ["storyboard: scenes", HOT_SQL.storyboardScenes, [pick(u.storyboards), u.id]],
  ["tick: progress", HOT_SQL.progressForScene, [task.scene_id, task.storyboard_id, task.project_id, u.id]],
];

let figures: Awaited<ReturnType<typeof alternate<string>>>;
const scans = new Map<PathId, Map<string, number>>();
const plans = new Map<string, { design: Plan; none: Plan }>();
const writeCosts = new Map<string, Map<PathId, WriteCost>>();
try {
  await keepOnly(NAMES);
  for (const p of READS) scans.set(p, await scansOf(p));
  for (const [label, sql, params] of STATEMENTS) plans.set(label, { design: await planOf(sql, params), none: await planOf("SELECT 1", []) });
  await keepOnly([]);
  for (const [label, sql, params] of STATEMENTS) plans.get(label)!.none = await planOf(sql, params);
  for (const mode of modes) {
    await keepOnly(presentIn(mode));
    const costs = new Map<PathId, WriteCost>();
    for (const p of WRITES) costs.set(p, await writeCost(p)); // one at a time: both touch scene_tasks' indexes
    writeCosts.set(mode, costs);
    await removeGenerated(db, firstStoryboard);
  }

  figures = await alternate<string>({
    modes: ["raw", ...modes],
    // Reads only with and without all of them: a single one dropped does not change a read's plan (EXPLAIN below).
    paths: (mode) => (mode === "raw" || mode === ALL || mode === NONE ? PATHS : WRITES),
    rounds,
    clients,
    seconds,
    enter: async (mode) => {
      await keepOnly(mode === "raw" ? [] : presentIn(mode)); // raw SQL runs on the schema as it is today
      await removeGenerated(db, firstStoryboard);
    },
    level: (mode) => (mode === "raw" ? raw : store),
    log,
  });
} finally {
  // The bench database is left as the migrations make it.
  await keepOnly([]).catch((e) => log(`could not drop the indexes again: ${e}`));
  await store.close();
  await raw.close();
  await removeGenerated(db, firstStoryboard);
  await owner.end();
  await db.close();
}
const fig = (mode: string, p: PathId) => figures.get(mode)!.get(p)!;
const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(0)}%`;

const lines = [
  "# The design's overlapping indexes, judged by numbers",
  "",
  `PostgreSQL, ${users.toLocaleString("en")} users, ${clients} clients, ${seconds} s cells, median of ${rounds} alternating rounds; ` +
    machineLine(),
  "",
  "## Every path, timed: the design's five against none of them (today)",
  "",
  "| path | raw SQL ops/s | design ops/s (p99 ms) | today ops/s (p99 ms) | today / design |",
  "|---|--:|--:|--:|--:|",
  ...PATHS.map((p) => `| ${p} | ${fig("raw", p).ops.toFixed(0)} | ${fig(ALL, p).ops.toFixed(0)} (${fig(ALL, p).p99.toFixed(1)}) | ${fig(NONE, p).ops.toFixed(0)} (${fig(NONE, p).p99.toFixed(1)}) | ${pct(fig(NONE, p).ops, fig(ALL, p).ops)} |`),
  "",
  "## The write paths, timed, with each one dropped alone",
  "",
  `| dropped | ${WRITES.map((p) => `${p} ops/s (vs design)`).join(" | ")} |`,
  `|---|${WRITES.map(() => "--:").join("|")}|`,
  ...NAMES.map((n) => `| ${n} | ${WRITES.map((p) => `${fig(without(n), p).ops.toFixed(0)} (${pct(fig(without(n), p).ops, fig(ALL, p).ops)})`).join(" | ")} |`),
  "",
  "## What the reads use",
  "",
  "Index scans per read path (4 clients, 1 s, every index present; only indexes of the five and their UNIQUE counterparts):",
  "",
  "| path | index scans |",
  "|---|---|",
  ...READS.map((p) => {
    const wanted = new Set([...NAMES, ...Object.values(CANDIDATES).flatMap((c) => (c.unique ? [c.unique] : []))]);
    const used = [...(scans.get(p) ?? new Map())].filter(([k]) => wanted.has(k)).map(([k, v]) => `${k} ${v.toLocaleString("en")}`);
    return `| ${p} | ${used.join(", ") || "none of them"} |`;
  }),
  "",
  "The index each hot statement's plan uses and the shared buffers it touches (EXPLAIN ANALYZE, as the owner), with the design's five and without them (the schema today):",
  "",
  "| statement | design: indexes | buffers | ms | today: indexes | buffers | ms |",
  "|---|---|--:|--:|---|--:|--:|",
  ...[...plans].map(([label, p]) => `| ${label} | ${p.design.indexes.join(", ") || "(no index)"} | ${p.design.buffers} | ${p.design.ms.toFixed(3)} | ${p.none.indexes.join(", ") || "(no index)"} | ${p.none.buffers} | ${p.none.ms.toFixed(3)} |`),
  "",
  "## What the writes cost the indexes, counted",
  "",
  "Index blocks touched per operation on users, scenes and scene_tasks (200 raw-SQL operations one after another; counters, not timings), and the share of tick updates that were HOT (no index entry written):",
  "",
  "| indexes | generate: index blocks / op | tick: index blocks / op | tick: HOT updates |",
  "|---|--:|--:|--:|",
  ...modes.map((m) => {
    const c = writeCosts.get(m)!;
    const hot = c.get("tick")!.hot;
    return `| ${m} | ${c.get("generate")!.indexBlocks.toFixed(1)} | ${c.get("tick")!.indexBlocks.toFixed(1)} | ${hot === null ? "–" : `${(hot * 100).toFixed(0)}%`} |`;
  }),
  "",
  "Each candidate repeats the leading columns of a UNIQUE constraint (which PostgreSQL enforces with its own index), " +
    "except idx_scene_tasks_completed, a boolean. The timed tables move with the machine's load (see the load average above); " +
    "the buffers and index blocks are counted and do not.",
];
const out = lines.join("\n") + "\n";
fs.mkdirSync(path.join("bench", "results"), { recursive: true });
fs.writeFileSync(path.join("bench", "results", "indexes.md"), out);
console.log(out);
