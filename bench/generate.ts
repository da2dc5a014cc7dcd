// The benchmark data set at the design's milestones: N users, about 3 projects each (1 to 5),
// about 2 storyboards per project (1 to 3), 8 scenes per storyboard, 4 tasks per scene, with
// text of realistic size (brief ~500 characters, visual description ~200, script ~250) and
// about 44% of the tasks ticked (earlier production steps more often than later ones).
//
// PostgreSQL is loaded set-based (INSERT … SELECT over generate_series) with the secondary
// indexes, unique constraints and foreign keys dropped, then indexed, constrained (the foreign
// keys validated), vacuumed and analyzed. Projects and storyboards are inserted in hashed order, so one user's rows are
// spread over the table as in a database that grew over time, while the scenes and tasks of
// one storyboard sit together as the app's one-transaction write leaves them.
// SQLite is loaded with batched prepared inserts in one transaction.
//
// Standalone: bench/load-data.ts.
import { createHash } from "node:crypto";
import fs from "node:fs";
import pg from "pg";
import type Database from "better-sqlite3";
import { TASK_TYPES } from "../src/domain/constants";
import { DEFAULT_SHARD_COUNT, shardOf, shardSql } from "../src/db/shard";

export const BENCH_TABLES = ["users", "projects", "storyboards", "scenes", "scene_tasks"] as const;
export type Counts = Record<(typeof BENCH_TABLES)[number], number>;

export interface LoadReport {
  users: number;
  counts: Counts;
  seconds: number;
  bytes: number;
  steps: Array<{ step: string; seconds: number }>;
}

/** The email of generated user n (1-based): the dev sign-in finds the user by it. */
export const benchEmail = (n: number) => `bench-user-${n}@bench.test`;
/** The id of generated user n, UUID-shaped like the app's own (PostgreSQL: md5(...)::uuid). */
export function benchUserId(n: number): string {
  const h = createHash("md5").update(`bench-user-${n}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

// Both dialects use the same per-row rules, so row counts are known in advance.
const projectsOf = (user: number) => 1 + ((user * 7) % 5); // 1..5, mean 3
const storyboardsOf = (projectId: number) => 1 + (projectId % 3); // 1..3, mean 2
export const SCENES_PER_STORYBOARD = 8;
const DURATIONS = [3, 5, 4, 5, 2, 4, 5, 4];
const SCENE_TYPES_BY_NUMBER = ["hook", "content", "content", "content", "transition", "content", "content", "cta"];
const OVERLAYS = ["Fix your mornings", "Step one", "Watch this", "Before / after", "Wait for it", "Pro tip", "The result", "Link in bio"];
const CAMERAS = ["CU, eye level, push-in", "MS, eye level, static", "insert, overhead, static", "WS, low, tracking", "MCU, eye level, handheld"];
const PROJECT_NAMES = ["Spring launch", "Morning routine", "Product teaser", "Behind the scenes", "Tutorial series", "Holiday promo", "Customer story", "Unboxing"];
const STORYBOARD_NAMES = ["Hook first", "Problem and fix", "Listicle", "Story arc", "Before and after", "Quick demo"];
const PLATFORMS = ["tiktok", "youtube_shorts", "instagram_reels"];
/** Share of ticked tasks per task type (script written … edited): about 44% overall. */
const DONE_SHARE = [0.7, 0.5, 0.35, 0.2];

/** Text the briefs, descriptions and scripts are cut from (different offsets, different lengths). */
export const TEXT_POOL = [
  "A 30-second TikTok for a reusable coffee cup that keeps drinks hot for six hours. Open on a commuter's hands",
  " wrapped around the cup on a cold platform, steam rising, then cut to the lid clicking shut with one thumb.",
  " Show three quick proofs: the cup upside down over a laptop with no drip, a thermometer reading after lunch,",
  " and the cup sliding into a bike bottle cage. The voice-over is warm and direct, no jargon, one idea per",
  " line. Audience: office workers and students who buy two coffees a day and feel bad about the paper cups.",
  " Tone: upbeat but honest, real mornings rather than studio light. Keep the product in frame in every scene",
  " and end on the price and the link in bio with a ten percent code for the first week after launch. Avoid",
  " stock footage; film on a phone at eye level with natural light, handheld where it adds energy, locked off",
  " for the product close-ups. Captions on screen for every spoken line because most people watch muted, and",
  " a hook in the first second that names the problem: cold coffee by ten o'clock. Reference videos show fast",
  " cuts every two seconds, a beat drop on the reveal, and a creator talking straight to the camera at the end.",
  " Brand colours are forest green and cream; the logo appears only on the final card. Shoot list to follow:",
  " kitchen counter, train platform, office desk, bike ride, park bench at sunset for the closing shot.",
].join("");

const sql = (s: TemplateStringsArray) => s.join("");

// ---------------------------------------------------------------- PostgreSQL

interface DroppedIndex {
  table: string;
  name: string;
  /** CREATE INDEX … or ALTER TABLE … ADD CONSTRAINT … */
  create: string;
  drop: string;
}

/**
 * Every index of the bench tables except the primary keys, and the foreign keys from or to them
 * (the owner keys point at UNIQUE (id, user_id) constraints, which cannot be dropped under them), as
 * statements to drop and recreate, in that order: foreign keys first out, last in.
 */
async function secondaryIndexes(c: pg.ClientBase): Promise<DroppedIndex[]> {
  const tables = [...BENCH_TABLES];
  const constraints = await c.query<{ tbl: string; name: string; def: string }>(
    `SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def
     FROM pg_constraint
     WHERE (contype = 'u' AND conrelid::regclass::text = ANY($1))
        OR (contype = 'f' AND (conrelid::regclass::text = ANY($1) OR confrelid::regclass::text = ANY($1)))
     ORDER BY contype = 'f' DESC`,
    [tables],
  );
  const indexes = await c.query<{ tbl: string; name: string; def: string }>(
    `SELECT tablename AS tbl, indexname AS name, indexdef AS def FROM pg_indexes
     WHERE schemaname = 'public' AND tablename = ANY($1)
       AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE contype IN ('p', 'u'))`,
    [tables],
  );
  return [
    ...constraints.rows.map((r) => ({ table: r.tbl, name: r.name, create: `ALTER TABLE ${r.tbl} ADD CONSTRAINT ${r.name} ${r.def}`, drop: `ALTER TABLE ${r.tbl} DROP CONSTRAINT ${r.name}` })),
    ...indexes.rows.map((r) => ({ table: r.tbl, name: r.name, create: r.def, drop: `DROP INDEX ${r.name}` })),
  ];
}

const PG_LOAD = {
  users: sql`
INSERT INTO users (id, email, name, created_at, updated_at)
SELECT md5('bench-user-' || g)::uuid::text, 'bench-user-' || g || '@bench.test', 'Bench Creator ' || g,
       now() - make_interval(days => 30 + g % 700), now() - make_interval(days => g % 30)
FROM generate_series(1, $1::int) g`,

  projects: `
INSERT INTO projects (user_id, title, description, status, created_at, updated_at, shard_id)
SELECT md5('bench-user-' || q.g)::uuid::text,
       ($3::text[])[1 + (q.g + q.k) % 8] || ' ' || q.k,
       substr($2, 1 + (q.g * 13 + q.k * 7) % 600, 80 + (q.g + q.k) % 120),
       CASE WHEN q.h < 60 THEN 'active' WHEN q.h < 80 THEN 'draft' WHEN q.h < 95 THEN 'completed' ELSE 'archived' END,
       now() - make_interval(days => 30 + (q.g + q.k) % 600),
       now() - make_interval(secs => (q.g * 7919 + q.k * 104729) % 2592000),
       ${shardSql("md5('bench-user-' || q.g)::uuid::text", DEFAULT_SHARD_COUNT)}
FROM (SELECT g, k, (g * 31 + k * 17) % 100 AS h
      FROM generate_series(1, $1::int) g CROSS JOIN LATERAL generate_series(1, 1 + (g * 7) % 5) k
      ORDER BY md5(g || ':' || k) OFFSET 0) q`,

  storyboards: sql`
INSERT INTO storyboards (project_id, user_id, title, brief, reference_urls, total_scenes, total_duration, pattern_source, status, generation_options, generated_at, updated_at)
SELECT q.pid, q.uid, 'Variation ' || q.k || ': ' || ($3::text[])[1 + q.pid % 6],
       substr($1, 1 + (q.pid * 37 + q.k * 11) % 900, 450 + (q.pid + q.k) % 100),
       jsonb_build_array('https://www.tiktok.com/@creator' || (q.pid % 997) || '/video/' || (7300000000000000000 + q.pid)::text),
       8, 32, 'hook_value_cta (inferred)', 'completed',
       jsonb_build_object('duration', 30, 'platform', ($2::text[])[1 + q.pid % 3], 'seed', q.pid % 100000),
       q.created + make_interval(days => q.k), q.created + make_interval(days => q.k + 1)
FROM (SELECT p.id AS pid, p.user_id AS uid, k, p.created_at AS created
      FROM projects p CROSS JOIN LATERAL generate_series(1, 1 + p.id % 3) k
      ORDER BY md5(p.id || ':' || k) OFFSET 0) q`,

  // generate_series(1, s.total_scenes) keeps the storyboard the outer loop: its 8 scenes are adjacent.
  scenes: sql`
INSERT INTO scenes (storyboard_id, user_id, scene_number, duration, scene_type, visual_description, script, text_overlay, camera_angle, created_at, updated_at)
SELECT s.id, s.user_id, n, ($2::int[])[n], ($3::text[])[n],
       substr($1, 1 + (s.id * 7 + n * 131) % 1000, 180 + (s.id + n) % 40),
       substr($1, 1 + (s.id * 11 + n * 97) % 1000, 230 + (s.id + n) % 40),
       ($4::text[])[n], ($5::text[])[1 + (s.id + n) % 5],
       s.generated_at, s.generated_at
FROM storyboards s CROSS JOIN LATERAL generate_series(1, s.total_scenes) n`,

  tasks: sql`
INSERT INTO scene_tasks (scene_id, user_id, task_type, completed, completed_at, updated_at)
SELECT sc.id, sc.user_id, ($1::text[])[i], d.done, CASE WHEN d.done THEN sc.created_at + interval '2 days' END, sc.created_at + interval '2 days'
FROM scenes sc CROSS JOIN LATERAL generate_series(1, 4 + 0 * sc.scene_number) i
     CROSS JOIN LATERAL (SELECT random() < ($2::float8[])[i] AS done) d`,
};

/** Expected row counts of a fresh load of n users (ids start at 1). */
export function expectedCounts(users: number): Counts {
  let projects = 0;
  for (let g = 1; g <= users; g++) projects += projectsOf(g);
  let storyboards = 0;
  for (let p = 1; p <= projects; p++) storyboards += storyboardsOf(p);
  const scenes = storyboards * SCENES_PER_STORYBOARD;
  return { users, projects, storyboards, scenes, scene_tasks: scenes * TASK_TYPES.length };
}

export async function countRowsPg(c: pg.ClientBase): Promise<Counts> {
  const out = {} as Counts;
  for (const t of BENCH_TABLES) out[t] = Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM ${t}`)).rows[0]!.n);
  return out;
}

/**
 * Loads n users into a migrated, empty PostgreSQL database. `ownerUrl` must own the tables
 * (the superuser of the test server does).
 */
export async function loadPostgres(ownerUrl: string, users: number, log: (m: string) => void = console.log): Promise<LoadReport> {
  const c = new pg.Client({ connectionString: ownerUrl });
  await c.connect();
  const steps: LoadReport["steps"] = [];
  const t0 = performance.now();
  const step = async (name: string, fn: () => Promise<unknown>) => {
    const s = performance.now();
    await fn();
    const seconds = (performance.now() - s) / 1000;
    steps.push({ step: name, seconds });
    log(`  ${name.padEnd(34)} ${seconds.toFixed(1).padStart(7)} s`);
  };
  try {
    const empty = await countRowsPg(c);
    if (Object.values(empty).some((n) => n > 0)) throw new Error("loadPostgres needs an empty database");
    await c.query("SET maintenance_work_mem = '512MB'");
    await c.query("SET work_mem = '256MB'");
    await c.query("SET synchronous_commit = off");
    // This session's triggers off (it is the superuser): the audit triggers would write every
    // generated row to the audit log as JSON (at 100K users more than the data set itself, and
    // most of the load time), and the foreign keys' checks would look up each row's parent. The
    // rows are consistent by construction and counted below; the constraints stay in place for
    // everything the benchmark writes afterwards.
    await c.query("SET session_replication_role = replica");
    const dropped = await secondaryIndexes(c);
    await step(`drop ${dropped.length} secondary indexes`, async () => {
      for (const d of dropped) await c.query(d.drop);
    });
    await step("users", () => c.query(PG_LOAD.users, [users]));
    await step("projects", () => c.query(PG_LOAD.projects, [users, TEXT_POOL, PROJECT_NAMES]));
    await step("storyboards", () => c.query(PG_LOAD.storyboards, [TEXT_POOL, PLATFORMS, STORYBOARD_NAMES]));
    await step("scenes", () => c.query(PG_LOAD.scenes, [TEXT_POOL, DURATIONS, SCENE_TYPES_BY_NUMBER, OVERLAYS, CAMERAS]));
    await step("scene_tasks", () => c.query(PG_LOAD.tasks, [[...TASK_TYPES], DONE_SHARE]));
    await step("recreate indexes and constraints", async () => {
      for (const d of [...dropped].reverse()) await c.query(d.create);
    });
    // VACUUM sets hint bits and the visibility map now, so the first measured reads don't.
    await step("vacuum analyze", () => c.query(`VACUUM (ANALYZE) ${BENCH_TABLES.join(", ")}`));
    const counts = await countRowsPg(c);
    const expected = expectedCounts(users);
    for (const t of BENCH_TABLES) if (counts[t] !== expected[t]) throw new Error(`${t}: loaded ${counts[t]} rows, expected ${expected[t]}`);
    const bytes = Number((await c.query<{ b: string }>("SELECT pg_database_size(current_database()) AS b")).rows[0]!.b);
    return { users, counts, seconds: (performance.now() - t0) / 1000, bytes, steps };
  } finally {
    await c.end();
  }
}

// ---------------------------------------------------------------- SQLite

const hash = (n: number) => (Math.imul(n, 2654435761) >>> 0) % 1_000_003;
const DAY = 86_400_000;

/** Loads n users into a migrated, empty SQLite database (better-sqlite3 connection). */
export function loadSqlite(db: Database.Database, users: number, log: (m: string) => void = console.log): LoadReport {
  const steps: LoadReport["steps"] = [];
  const t0 = performance.now();
  const step = (name: string, fn: () => void) => {
    const s = performance.now();
    fn();
    const seconds = (performance.now() - s) / 1000;
    steps.push({ step: name, seconds });
    log(`  ${name.padEnd(34)} ${seconds.toFixed(1).padStart(7)} s`);
  };
  const empty = countRowsSqlite(db);
  if (Object.values(empty).some((n) => n > 0)) throw new Error("loadSqlite needs an empty database");
  const indexes = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${BENCH_TABLES.map((t) => `'${t}'`).join(", ")})`)
    .all() as Array<{ name: string; sql: string }>;
  db.pragma("foreign_keys = OFF");
  step(`drop ${indexes.length} secondary indexes`, () => {
    for (const i of indexes) db.exec(`DROP INDEX ${i.name}`);
  });
  const now = Date.now();
  const insertUser = db.prepare("INSERT INTO users (id, email, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)");
  const insertProject = db.prepare("INSERT INTO projects (id, user_id, title, description, status, created_at, updated_at, shard_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  const insertStoryboard = db.prepare(
    "INSERT INTO storyboards (id, project_id, user_id, title, brief, reference_urls, total_scenes, total_duration, pattern_source, status, generation_options, generated_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 8, 32, 'hook_value_cta (inferred)', 'completed', ?, ?, ?)",
  );
  const insertScene = db.prepare(
    "INSERT INTO scenes (id, storyboard_id, user_id, scene_number, duration, scene_type, visual_description, script, text_overlay, camera_angle, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const insertTask = db.prepare("INSERT INTO scene_tasks (id, scene_id, user_id, task_type, completed, completed_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
  const cut = (offset: number, length: number) => TEXT_POOL.slice(offset, offset + length);

  // Projects and storyboards in hashed order, as for PostgreSQL: one user's rows spread out.
  const projectRows: Array<{ g: number; k: number }> = [];
  for (let g = 1; g <= users; g++) for (let k = 1; k <= projectsOf(g); k++) projectRows.push({ g, k });
  projectRows.sort((a, b) => hash(a.g * 8 + a.k) - hash(b.g * 8 + b.k) || a.g - b.g || a.k - b.k);
  const projectCreated: number[] = [];
  const projectOwner: string[] = [];

  db.transaction(() => {
    step("users", () => {
      for (let g = 1; g <= users; g++) insertUser.run(benchUserId(g), benchEmail(g), `Bench Creator ${g}`, now - (30 + (g % 700)) * DAY, now - (g % 30) * DAY);
    });
    step("projects", () => {
      projectRows.forEach(({ g, k }, i) => {
        const id = i + 1;
        const h = (g * 31 + k * 17) % 100;
        const created = now - (30 + ((g + k) % 600)) * DAY;
        projectCreated[id] = created;
        projectOwner[id] = benchUserId(g);
        insertProject.run(
          id,
          projectOwner[id],
          `${PROJECT_NAMES[(g + k) % 8]} ${k}`,
          cut((g * 13 + k * 7) % 600, 80 + ((g + k) % 120)),
          h < 60 ? "active" : h < 80 ? "draft" : h < 95 ? "completed" : "archived",
          created,
          now - ((g * 7919 + k * 104729) % 2592000) * 1000,
          shardOf(benchUserId(g), DEFAULT_SHARD_COUNT),
        );
      });
    });
    const boards: Array<{ pid: number; k: number }> = [];
    for (let pid = 1; pid <= projectRows.length; pid++) for (let k = 1; k <= storyboardsOf(pid); k++) boards.push({ pid, k });
    boards.sort((a, b) => hash(a.pid * 4 + a.k) - hash(b.pid * 4 + b.k) || a.pid - b.pid || a.k - b.k);
    let sceneId = 0;
    let taskId = 0;
    step("storyboards, scenes and scene_tasks", () => {
      boards.forEach(({ pid, k }, i) => {
        const id = i + 1;
        const at = projectCreated[pid]! + k * DAY;
        const owner = projectOwner[pid]!;
        insertStoryboard.run(
          id,
          pid,
          owner,
          `Variation ${k}: ${STORYBOARD_NAMES[pid % 6]}`,
          cut((pid * 37 + k * 11) % 900, 450 + ((pid + k) % 100)),
          JSON.stringify([`https://www.tiktok.com/@creator${pid % 997}/video/${7300000000000000000n + BigInt(pid)}`]),
          JSON.stringify({ duration: 30, platform: PLATFORMS[pid % 3], seed: pid % 100000 }),
          at,
          at + DAY,
        );
        for (let n = 1; n <= SCENES_PER_STORYBOARD; n++) {
          sceneId++;
          insertScene.run(
            sceneId,
            id,
            owner,
            n,
            DURATIONS[n - 1],
            SCENE_TYPES_BY_NUMBER[n - 1],
            cut((id * 7 + n * 131) % 1000, 180 + ((id + n) % 40)),
            cut((id * 11 + n * 97) % 1000, 230 + ((id + n) % 40)),
            OVERLAYS[n - 1],
            CAMERAS[(id + n) % 5],
            at,
            at,
          );
          TASK_TYPES.forEach((type, ti) => {
            const done = Math.random() < DONE_SHARE[ti]!;
            insertTask.run(++taskId, sceneId, owner, type, done ? 1 : 0, done ? at + 2 * DAY : null, at + 2 * DAY);
          });
        }
      });
    });
  })();
  step("recreate indexes", () => {
    for (const i of indexes) db.exec(i.sql);
  });
  db.pragma("foreign_keys = ON");
  step("analyze", () => db.exec("ANALYZE"));
  db.pragma("wal_checkpoint(TRUNCATE)");
  const counts = countRowsSqlite(db);
  const expected = expectedCounts(users);
  for (const t of BENCH_TABLES) if (counts[t] !== expected[t]) throw new Error(`${t}: loaded ${counts[t]} rows, expected ${expected[t]}`);
  const violations = db.pragma("foreign_key_check") as unknown[];
  if (violations.length > 0) throw new Error(`the load left ${violations.length} foreign key violations`);
  return { users, counts, seconds: (performance.now() - t0) / 1000, bytes: sqliteBytes(db.name), steps };
}

export function countRowsSqlite(db: Database.Database): Counts {
  const out = {} as Counts;
  for (const t of BENCH_TABLES) out[t] = (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  return out;
}

export const sqliteBytes = (file: string) =>
  ["", "-wal", "-shm"].reduce((a, suffix) => a + (fs.existsSync(file + suffix) ? fs.statSync(file + suffix).size : 0), 0);

export const formatBytes = (b: number) => (b >= 1e9 ? `${(b / 1e9).toFixed(2)} GB` : `${(b / 1e6).toFixed(1)} MB`);

export function describeLoad(r: LoadReport): string {
  const c = r.counts;
  return `${c.users.toLocaleString("en")} users, ${c.projects.toLocaleString("en")} projects, ${c.storyboards.toLocaleString("en")} storyboards, ${c.scenes.toLocaleString("en")} scenes, ${c.scene_tasks.toLocaleString("en")} tasks`;
}
