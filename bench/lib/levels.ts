// The two in-process levels of every hot path:
//   raw   — the design's query text (src/db/store/hot-sql.ts) as named prepared statements, as
//           the tables' owner on a pool of 16 (PostgreSQL) or one better-sqlite3 connection:
//           no transaction wrapper, no row level security, no mapping. The ceiling.
//   store — the use-cases (src/features/**) exactly as the routes call them, on the store the
//           app opens from its environment (pool of 20 as the app role, RLS, per-request
//           transaction, row mapping, validation, engine checks).
import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";
import type Database from "better-sqlite3";
import { HOT_SQL } from "../../src/db/store/hot-sql";
import { openSqlite } from "../../src/db/store/sqlite";
import { TASK_TYPES } from "../../src/domain/constants";
import type { SceneInput } from "../../src/domain/schemas";
import { generateStoryboard as runEngine } from "../../src/engine";
import { sceneInputOf } from "../../src/features/storyboards/engine-io";
import type { BenchDatabase } from "./database";
import { BENCH_BRIEF, pick, type BenchUser } from "./workload";

export const PATHS = ["dashboard", "project", "storyboard", "generate", "tick"] as const;
export type PathId = (typeof PATHS)[number];
export const PATH_LABELS: Record<PathId, string> = {
  dashboard: "dashboard list",
  project: "project detail",
  storyboard: "storyboard view",
  generate: "generate storyboard",
  tick: "tick a task",
};
export const WRITE_PATHS: ReadonlySet<PathId> = new Set(["generate", "tick"]);

export interface Level {
  ops: Record<PathId, () => Promise<unknown>>;
  close(): Promise<void>;
}

/** What the generate path writes: the pattern engine's storyboard for the benchmark brief. */
export const GENERATE_INPUT = { brief: BENCH_BRIEF, duration: 30, platform: "tiktok" as const };
const engineScenes = (): SceneInput[] => runEngine({ ...GENERATE_INPUT, seed: 0 }).scenes.map(sceneInputOf);

/** A task of a random user, flipped: each tick alternates a task between done and not done. */
function nextTick(users: BenchUser[]) {
  const user = pick(users);
  const task = pick(user.tasks);
  task.completed = !task.completed;
  return { user, task };
}

// ---------------------------------------------------------------- raw, PostgreSQL

const SCENE_COLS = "storyboard_id, user_id, scene_number, duration, scene_type, visual_description, script, text_overlay, camera_angle";
const TASK_RETURNING = "id, scene_id, task_type, completed, completed_at, updated_at";

function insertScenesSql(n: number, placeholder: (i: number) => string) {
  const rows = Array.from({ length: n }, (_, i) => `(${placeholder(0)}, ${placeholder(1)}, ${i + 1}, ${Array.from({ length: 6 }, (_, k) => placeholder(2 + i * 6 + k)).join(", ")})`);
  return `INSERT INTO scenes (${SCENE_COLS}) VALUES ${rows.join(", ")} RETURNING id, storyboard_id, scene_number, duration, scene_type, visual_description, script, text_overlay, camera_angle, created_at, updated_at`;
}
function insertTasksSql(n: number, placeholder: (i: number) => string) {
  const rows = Array.from({ length: n }, (_, i) => TASK_TYPES.map((t) => `(${placeholder(1 + i)}, ${placeholder(0)}, '${t}')`).join(", "));
  return `INSERT INTO scene_tasks (scene_id, user_id, task_type) VALUES ${rows.join(", ")} RETURNING ${TASK_RETURNING}`;
}
const sceneParams = (scenes: SceneInput[]) => scenes.flatMap((s) => [s.duration, s.scene_type, s.visual_description, s.script ?? null, s.text_overlay ?? null, s.camera_angle ?? null]);

const INSERT_STORYBOARD = `INSERT INTO storyboards (project_id, user_id, title, brief, reference_urls, total_scenes, total_duration, pattern_source, status, generation_options, generated_at, updated_at)
VALUES ($1, $10, $2, $3, $4, $5, $6, $7, 'completed', $8, $9, $9) RETURNING id`;
const TICK = HOT_SQL.tickTask;

export function rawPostgres(db: BenchDatabase, users: BenchUser[]): Level {
  const pool = new pg.Pool({ connectionString: db.ownerUrl, max: 16 });
  const scenes = engineScenes();
  const scenesSql = insertScenesSql(scenes.length, (i) => `$${i + 1}`);
  const tasksSql = insertTasksSql(scenes.length, (i) => `$${i + 1}`);
  const q = (c: pg.PoolClient, name: string, text: string, values: unknown[]) => c.query({ name, text, values });
  const withClient = async <T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> => {
    const c = await pool.connect();
    try {
      return await fn(c);
    } finally {
      c.release();
    }
  };
  return {
    ops: {
      dashboard: () => withClient((c) => q(c, "dashboard", HOT_SQL.dashboard, [pick(users).id])),
      project: () =>
        withClient(async (c) => {
          const u = pick(users);
          const id = pick(u.projects);
          await q(c, "project", HOT_SQL.project, [id, u.id]);
          await q(c, "project_storyboards", HOT_SQL.projectStoryboards, [id, u.id]);
          await q(c, "project_scenes", HOT_SQL.projectScenes, [id, u.id]);
        }),
      storyboard: () =>
        withClient(async (c) => {
          const u = pick(users);
          const id = pick(u.storyboards);
          await q(c, "storyboard", HOT_SQL.storyboard, [id, u.id]);
          await q(c, "storyboard_scenes", HOT_SQL.storyboardScenes, [id, u.id]);
        }),
      generate: () =>
        withClient(async (c) => {
          const u = pick(users);
          const projectId = pick(u.projects);
          const now = new Date();
          await c.query("BEGIN");
          try {
            const sb = await q(c, "gen_storyboard", INSERT_STORYBOARD, [
              projectId,
              "Reusable cup launch",
              BENCH_BRIEF,
              JSON.stringify([]),
              scenes.length,
              scenes.reduce((a, s) => a + (s.duration ?? 0), 0),
              "hook_value_cta (inferred)",
              JSON.stringify({ duration: 30, platform: "tiktok" }),
              now,
              u.id,
            ]);
            const inserted = await q(c, "gen_scenes", scenesSql, [sb.rows[0].id, u.id, ...sceneParams(scenes)]);
            await q(c, "gen_tasks", tasksSql, [u.id, ...inserted.rows.map((r: { id: number }) => r.id)]);
            await q(c, "gen_touch", HOT_SQL.touchProject, [projectId, now, u.id]);
            await c.query("COMMIT");
          } catch (e) {
            await c.query("ROLLBACK");
            throw e;
          }
        }),
      tick: () =>
        withClient(async (c) => {
          const { user, task: t } = nextTick(users);
          const now = new Date();
          await q(c, "tick", TICK, [t.id, t.completed, t.completed ? now : null, now, user.id]);
          await q(c, "progress_for_scene", HOT_SQL.progressForScene, [t.scene_id, t.storyboard_id, t.project_id, user.id]);
        }),
    },
    close: () => pool.end(),
  };
}

// ---------------------------------------------------------------- raw, SQLite

export function rawSqlite(db: BenchDatabase, users: BenchUser[]): Level {
  const sqlite: Database.Database = openSqlite(db.ownerUrl);
  const scenes = engineScenes();
  const statements = new Map<string, { stmt: Database.Statement; order: number[] }>();
  // The store's SQLite driver does the same: $n placeholders become positional ?s.
  const prepared = (text: string) => {
    let p = statements.get(text);
    if (!p) {
      const order: number[] = [];
      const sql = text.replace(/\$(\d+)/g, (_, n: string) => {
        order.push(Number(n) - 1);
        return "?";
      });
      p = { stmt: sqlite.prepare(sql), order };
      statements.set(text, p);
    }
    return p;
  };
  const bind = (v: unknown) => (typeof v === "boolean" ? (v ? 1 : 0) : v instanceof Date ? v.getTime() : v);
  const all = (text: string, params: unknown[]) => {
    const p = prepared(text);
    return p.stmt.all(...p.order.map((i) => bind(params[i]))) as Array<Record<string, unknown>>;
  };
  const scenesSql = insertScenesSql(scenes.length, (i) => `$${i + 1}`);
  const tasksSql = insertTasksSql(scenes.length, (i) => `$${i + 1}`);
  const generate = sqlite.transaction((userId: string, projectId: number) => {
    const now = Date.now();
    const [sb] = all(INSERT_STORYBOARD, [
      projectId,
      "Reusable cup launch",
      BENCH_BRIEF,
      "[]",
      scenes.length,
      scenes.reduce((a, s) => a + (s.duration ?? 0), 0),
      "hook_value_cta (inferred)",
      JSON.stringify({ duration: 30, platform: "tiktok" }),
      now,
      userId,
    ]);
    const inserted = all(scenesSql, [sb!.id, userId, ...sceneParams(scenes)]);
    all(tasksSql, [userId, ...inserted.map((r) => r.id)]);
    all(`${HOT_SQL.touchProject} RETURNING id`, [projectId, now, userId]);
  });
  return {
    ops: {
      dashboard: async () => all(HOT_SQL.dashboard, [pick(users).id]),
      project: async () => {
        const u = pick(users);
        const id = pick(u.projects);
        all(HOT_SQL.project, [id, u.id]);
        all(HOT_SQL.projectStoryboards, [id, u.id]);
        all(HOT_SQL.projectScenes, [id, u.id]);
      },
      storyboard: async () => {
        const u = pick(users);
        const id = pick(u.storyboards);
        all(HOT_SQL.storyboard, [id, u.id]);
        all(HOT_SQL.storyboardScenes, [id, u.id]);
      },
      generate: async () => {
        const u = pick(users);
        generate(u.id, pick(u.projects));
      },
      tick: async () => {
        const { user, task: t } = nextTick(users);
        const now = Date.now();
        all(TICK, [t.id, t.completed, t.completed ? now : null, now, user.id]);
        all(HOT_SQL.progressForScene, [t.scene_id, t.storyboard_id, t.project_id, user.id]);
      },
    },
    close: async () => {
      sqlite.close();
    },
  };
}

// ---------------------------------------------------------------- store / use-case

/**
 * The app's use-cases in this process. The environment is the server's: DATABASE_URL of the
 * bench database, the design's pool, the app role. CACHE_TTL_SECONDS=0 makes every dashboard
 * read a cache miss (the cold path the database serves); the generation rate limit is lifted.
 */
export async function storeLevel(db: BenchDatabase, users: BenchUser[]): Promise<Level> {
  Object.assign(process.env, {
    DATABASE_URL: db.databaseUrl,
    DATABASE_AUTO_MIGRATE: "0",
    CACHE_TTL_SECONDS: "0",
    GENERATION_RATE_LIMIT: "100000000",
    AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-secret-not-for-production-0123456789abcdef",
  });
  delete process.env.REDIS_URL;
  const { services } = await import("../../src/server/services");
  const { listProjects } = await import("../../src/features/projects/list-projects");
  const { getProjectDetail } = await import("../../src/features/projects/get-project-detail");
  const { getStoryboard } = await import("../../src/features/storyboards/get-storyboard");
  const { generateStoryboard } = await import("../../src/features/storyboards/generate-storyboard");
  const { setTaskCompleted } = await import("../../src/features/progress/set-task-completed");
  const svc = await services();
  // The app answers "generate" at once and runs the engine job in its background queue. Here the
  // job the request enqueues runs inline, so one operation is request + engine + write.
  const { runGeneration } = await import("../../src/features/storyboards/run-generation");
  const enqueued = new AsyncLocalStorage<Array<() => Promise<void>>>();
  const background = svc.jobs;
  svc.jobs = {
    ...background,
    enqueue: async (name, payload, opts) => {
      const mine = enqueued.getStore();
      if (!mine) return background.enqueue(name, payload, opts);
      const { userId, storyboardId } = payload as { userId: string; storyboardId: number };
      mine.push(() => runGeneration(userId, storyboardId));
      return "inline";
    },
  };
  return {
    ops: {
      dashboard: () => listProjects(pick(users).id),
      project: () => {
        const u = pick(users);
        return getProjectDetail(u.id, pick(u.projects));
      },
      storyboard: () => {
        const u = pick(users);
        return getStoryboard(u.id, pick(u.storyboards));
      },
      generate: () => {
        const u = pick(users);
        const jobs: Array<() => Promise<void>> = [];
        return enqueued.run(jobs, async () => {
          await generateStoryboard(u.id, pick(u.projects), GENERATE_INPUT);
          for (const job of jobs) await job();
        });
      },
      tick: () => {
        const { user, task } = nextTick(users);
        return setTaskCompleted(user.id, task.id, task.completed);
      },
    },
    close: async () => {
      svc.jobs = background;
      await background.idle();
      await svc.store.close();
      await svc.cache.close();
    },
  };
}

// ---------------------------------------------------------------- cleanup

/** The largest storyboard id now: rows above it were written by the generate path and are removed after it. */
export async function maxStoryboardId(db: BenchDatabase): Promise<number> {
  return Number((await ownerQuery(db, "SELECT coalesce(max(id), 0) AS m FROM storyboards"))[0]!.m);
}

/**
 * Removes what the generate path wrote (its storyboards, their scenes and tasks by cascade) and,
 * on PostgreSQL, vacuums and checkpoints: at 1K users a generate cell writes more rows than the
 * data set holds, and its dead index entries and WAL would slow the cells after it.
 */
export async function removeGenerated(db: BenchDatabase, above: number): Promise<void> {
  const gone = await ownerQuery(db, "DELETE FROM storyboards WHERE id > $1 RETURNING id", [above]);
  if (db.dialect === "postgres" && gone.length > 0) {
    await ownerQuery(db, "VACUUM (ANALYZE) projects, storyboards, scenes, scene_tasks");
    // The WAL of the delete would otherwise be checkpointed during the next cells.
    await ownerQuery(db, "CHECKPOINT");
  }
}

/** Storyboards above `above` still 'generating' (the HTTP level's background jobs). */
export async function generatingCount(db: BenchDatabase, above: number): Promise<number> {
  return Number((await ownerQuery(db, "SELECT count(*) AS n FROM storyboards WHERE id > $1 AND status = 'generating'", [above]))[0]!.n);
}

export async function ownerQuery(db: BenchDatabase, text: string, params: unknown[] = []): Promise<Array<Record<string, unknown>>> {
  if (db.dialect === "postgres") {
    const c = new pg.Client({ connectionString: db.ownerUrl });
    await c.connect();
    try {
      return (await c.query(text, params)).rows;
    } finally {
      await c.end();
    }
  }
  const sqlite = openSqlite(db.ownerUrl);
  try {
    const stmt = sqlite.prepare(text.replace(/\$\d+/g, "?"));
    return stmt.reader ? (stmt.all(...params) as Array<Record<string, unknown>>) : (stmt.run(...params), []);
  } finally {
    sqlite.close();
  }
}
