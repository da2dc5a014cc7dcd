// What the store's modules share: the tables and their column maps, transactions acting as a
// user, the ownership lookups every operation starts with, and the building blocks of the
// mutations (touching parents, renumbering scenes, inserting scenes with their tasks).
import { and, asc, between, count, eq, isNull, lt, sql } from "drizzle-orm";
import { TASK_TYPES } from "../../domain/constants";
import { conflict, notFound, staleVersion, validationError } from "../../domain/errors";
import { retryOnTransactionConflict } from "../lock-retry";
import { totalDurationError, type sceneInputSchema } from "../../domain/schemas";
import type { Platform } from "../../domain/constants";
import type { Progress, SceneWithTasks, Storyboard, StoryboardWithScenes } from "../../domain/types";
import type { Conn, Driver, Row } from "./driver";
import type { WriteCondition } from "./types";
import { keyedSerial } from "./serial";
import { APPLIED, currentIdempotencyScope } from "./idempotency-scope";
import { changeKit } from "./changes";
import { shardOf } from "../shard";
import { HOT_SQL } from "./hot-sql";
import { num, progressOf, toImageMeta, toProject, toScene, toStoryboard, toTask } from "./rows";
import type { z } from "zod";

export type ParsedScene = z.output<typeof sceneInputSchema>;

export const MAX_ID = 2_147_483_647;
/** An id that cannot exist (not a positive 32-bit integer) is simply not found. */
export function checkId(id: unknown, what: string): number {
  if (typeof id !== "number" || !Number.isInteger(id) || id < 1 || id > MAX_ID) throw notFound(what);
  return id;
}

/** The project's progress among its storyboards' rows: the main one's, none without one. */
export const mainProgress = (items: (Progress & { is_main: boolean })[]): Progress => {
  const main = items.find((s) => s.is_main);
  return { total_tasks: main?.total_tasks ?? 0, completed_tasks: main?.completed_tasks ?? 0 };
};

/** A storyboard with its scenes in order and its task counts (what a write just made, or a read). */
export const viewOf = (storyboard: Storyboard, list: SceneWithTasks[]): StoryboardWithScenes => {
  const tasks = list.flatMap((s) => s.tasks);
  return { ...storyboard, scenes: list, total_tasks: tasks.length, completed_tasks: tasks.filter((t) => t.completed).length };
};

export type BaseContext = ReturnType<typeof createBaseContext>;
export type StoreContext = ReturnType<typeof createContext>;

/** The shared context with the undo stack's machinery (changes.ts) on top. */
export function createContext(driver: Driver, shardCount: number) {
  const base = createBaseContext(driver, shardCount);
  return { ...base, changes: changeKit(base) };
}

function createBaseContext(driver: Driver, shardCount: number) {
  const tables = driver.tables;
  const { users, projects, storyboards, scenes, sceneTasks } = tables;
  const cols = {
    user: { id: users.id, email: users.email, name: users.name, image: users.image, created_at: users.createdAt, updated_at: users.updatedAt },
    project: {
      id: projects.id,
      user_id: projects.userId,
      title: projects.title,
      description: projects.description,
      status: projects.status,
      created_at: projects.createdAt,
      updated_at: projects.updatedAt,
    },
    storyboard: {
      id: storyboards.id,
      project_id: storyboards.projectId,
      title: storyboards.title,
      brief: storyboards.brief,
      reference_urls: storyboards.referenceUrls,
      total_scenes: storyboards.totalScenes,
      total_duration: storyboards.totalDuration,
      pattern_source: storyboards.patternSource,
      status: storyboards.status,
      error_message: storyboards.errorMessage,
      generation_options: storyboards.generationOptions,
      aspect_ratio: storyboards.aspectRatio,
      approval_state: storyboards.approvalState,
      is_main: storyboards.isMain,
      generated_at: storyboards.generatedAt,
      updated_at: storyboards.updatedAt,
      version: storyboards.version,
    },
    scene: {
      id: scenes.id,
      storyboard_id: scenes.storyboardId,
      scene_number: scenes.sceneNumber,
      duration: scenes.duration,
      scene_type: scenes.sceneType,
      visual_description: scenes.visualDescription,
      script: scenes.script,
      text_overlay: scenes.textOverlay,
      camera_angle: scenes.cameraAngle,
      beat: scenes.beat,
      needs_input: scenes.needsInput,
      edited_fields: scenes.editedFields,
      created_at: scenes.createdAt,
      updated_at: scenes.updatedAt,
    },
    task: {
      id: sceneTasks.id,
      scene_id: sceneTasks.sceneId,
      task_type: sceneTasks.taskType,
      completed: sceneTasks.completed,
      completed_at: sceneTasks.completedAt,
      updated_at: sceneTasks.updatedAt,
    },
  };

  const read = <T>(userId: string | null, fn: (c: Conn) => Promise<T>) => driver.tx("read", userId, fn);
  // A write that lost a deadlock or a serialization check was rolled back whole: it runs again.
  // Inside an Idempotency-Key's scope, the same transaction marks the key applied (idempotency-scope.ts).
  const write = <T>(userId: string | null, fn: (c: Conn) => Promise<T>) =>
    retryOnTransactionConflict(() =>
      driver.tx("write", userId, async (c) => {
        const result = await fn(c);
        const scope = currentIdempotencyScope();
        if (scope && scope.userId === userId) {
          const k = tables.idempotencyKeys;
          await c.db
            .update(k)
            .set({ responseStatus: APPLIED })
            .where(and(eq(k.userId, scope.userId), eq(k.route, scope.route), eq(k.key, scope.key), isNull(k.responseStatus)));
        }
        return result;
      }),
    );

  // Changes to one storyboard queue in this process (serial.ts) before they take a connection.
  const serial = keyedSerial();
  /** Which storyboard a scene is in never changes: remembered, so a scene write usually needs no extra lookup. */
  const sceneStoryboards = new Map<number, number>();
  async function storyboardOfScene(userId: string, sceneId: number): Promise<number> {
    const known = sceneStoryboards.get(sceneId);
    if (known !== undefined) return known;
    const { storyboard_id } = await read(userId, (c) => ownScene(c, userId, sceneId));
    if (sceneStoryboards.size >= 10_000) sceneStoryboards.clear();
    sceneStoryboards.set(sceneId, storyboard_id);
    return storyboard_id;
  }
  /** A write transaction changing storyboard `id` or its scenes: one at a time per storyboard in this process. */
  const writeStoryboard = <T>(userId: string, id: number, fn: (c: Conn) => Promise<T>) => serial(`storyboard:${id}`, () => write(userId, fn));
  /** The same for a change addressed by one of its scenes. */
  const writeScene = async <T>(userId: string, sceneId: number, fn: (c: Conn) => Promise<T>) => writeStoryboard(userId, await storyboardOfScene(userId, sceneId), fn);

  // ---- ownership: one indexed lookup by id and owner column ----
  /**
   * The user's project, or a 404. `lock`: hold its row until the transaction ends, so that writes
   * that decide from the project's children (which storyboard is main) take turns (PostgreSQL).
   */
  async function ownProject(c: Conn, userId: string, id: number, opts: { lock?: boolean } = {}) {
    const lock = opts.lock === true && driver.dialect === "postgres";
    const [row] = await c.query(lock ? "project_for_update" : "project", lock ? HOT_SQL.projectForUpdate : HOT_SQL.project, [checkId(id, "Project"), userId]);
    if (!row) throw notFound("Project");
    return toProject(row);
  }
  async function ownStoryboard(c: Conn, userId: string, id: number) {
    const [row] = await c.query("storyboard", HOT_SQL.storyboard, [checkId(id, "Storyboard"), userId]);
    if (!row) throw notFound("Storyboard");
    return toStoryboard(row);
  }
  async function ownScene(c: Conn, userId: string, id: number) {
    const [row] = await c.query("scene_owner", HOT_SQL.sceneOwner, [checkId(id, "Scene"), userId]);
    if (!row) throw notFound("Scene");
    return { id: num(row.id), storyboard_id: num(row.storyboard_id), scene_number: num(row.scene_number), project_id: num(row.project_id), status: String(row.status) };
  }

  /**
   * Every change to a storyboard or its scenes starts here: its row is locked first (concurrent
   * edits of one storyboard queue on it in one order, never deadlock on its scenes) and its version
   * counted up. A condition naming an older version is refused with the current state (staleVersion).
   */
  async function lockStoryboard(c: Conn, userId: string, id: number, cond?: WriteCondition) {
    const [row] = await c.query("lock_storyboard", HOT_SQL.lockStoryboard, [checkId(id, "Storyboard"), userId]);
    if (!row) throw notFound("Storyboard");
    const sb = toStoryboard(row);
    if (cond?.ifVersion !== undefined && cond.ifVersion !== sb.version - 1) {
      // The version as committed: this transaction's own +1 rolls back with the refusal.
      const current = await storyboardView(c, userId, id);
      throw staleVersion(cond.ifVersion, { ...current, version: sb.version - 1 });
    }
    if (cond) cond.version = sb.version;
    return sb;
  }

  /** A scene and its storyboard, the storyboard locked first (lockStoryboard); the scene read again under the lock. */
  async function lockScene(c: Conn, userId: string, sceneId: number, cond?: WriteCondition) {
    const before = await ownScene(c, userId, sceneId);
    const sb = await lockStoryboard(c, userId, before.storyboard_id, cond);
    return { ...(await ownScene(c, userId, sceneId)), status: sb.status };
  }

  /** Scene edits during a generation would be wiped when it completes: refuse them instead. */
  const editable = <T extends { status: string }>(sb: T): T => {
    if (sb.status === "generating") throw conflict("This storyboard is still being generated; edit its scenes when it is done");
    return sb;
  };

  // ---- building blocks shared by the mutations ----
  async function touchProject(c: Conn, userId: string, projectId: number, now = new Date()) {
    await c.query("touch_project", HOT_SQL.touchProject, [projectId, now, userId]);
  }

  /**
   * Sets total_scenes / total_duration from the scenes themselves and touches the storyboard.
   * An edit that makes the storyboard run longer than its platform allows is refused (the whole
   * transaction rolls back); one that shortens an already too long storyboard is let through.
   */
  async function syncTotals(c: Conn, userId: string, storyboardId: number, now = new Date()) {
    const [agg] = await c.db
      .select({ n: count(), d: sql<string | number>`coalesce(sum(${scenes.duration}), 0)` })
      .from(scenes)
      .where(and(eq(scenes.storyboardId, storyboardId), eq(scenes.userId, userId)));
    const total = num(agg?.d);
    const [before] = await c.db
      .select({ total: storyboards.totalDuration, options: storyboards.generationOptions })
      .from(storyboards)
      .where(and(eq(storyboards.id, storyboardId), eq(storyboards.userId, userId)));
    const platform = (before?.options as { platform?: Platform } | null | undefined)?.platform;
    const tooLong = totalDurationError(total, platform);
    if (tooLong && total > num(before?.total)) throw validationError({ duration: tooLong });
    await c.db
      .update(storyboards)
      .set({ totalScenes: num(agg?.n), totalDuration: total, updatedAt: now })
      .where(and(eq(storyboards.id, storyboardId), eq(storyboards.userId, userId)));
  }

  async function insertScenes(c: Conn, userId: string, storyboardId: number, list: ParsedScene[], firstNumber: number): Promise<SceneWithTasks[]> {
    if (list.length === 0) return [];
    const inserted = (
      await c.db
        .insert(scenes)
        .values(
          list.map((s, i) => ({
            storyboardId,
            userId,
            sceneNumber: firstNumber + i,
            duration: s.duration,
            sceneType: s.scene_type,
            visualDescription: s.visual_description,
            script: s.script ?? null,
            textOverlay: s.text_overlay ?? null,
            cameraAngle: s.camera_angle ?? null,
            beat: s.beat ?? null,
            needsInput: s.needs_input ?? null,
          })),
        )
        .returning(cols.scene)
    ).map((r) => toScene(r as Row));
    const tasks = (
      await c.db
        .insert(sceneTasks)
        .values(inserted.flatMap((s) => TASK_TYPES.map((taskType) => ({ sceneId: s.id, userId, taskType }))))
        .returning(cols.task)
    ).map((r) => toTask(r as Row));
    return inserted
      .sort((a, b) => a.scene_number - b.scene_number)
      .map((s) => ({ ...s, tasks: tasks.filter((t) => t.scene_id === s.id).sort((a, b) => a.id - b.id), image: null }));
  }

  /**
   * Adds delta to scene_number for scenes numbered from..to. UNIQUE(storyboard_id, scene_number)
   * is checked row by row, so the numbers go through negatives first and can never collide.
   */
  async function shiftScenes(c: Conn, userId: string, storyboardId: number, from: number, to: number, delta: number) {
    if (from > to) return;
    const mine = and(eq(scenes.storyboardId, storyboardId), eq(scenes.userId, userId));
    await c.db
      .update(scenes)
      .set({ sceneNumber: sql`0 - (${scenes.sceneNumber} + ${sql.raw(String(delta))})` })
      .where(and(mine, between(scenes.sceneNumber, from, to)));
    await c.db
      .update(scenes)
      .set({ sceneNumber: sql`0 - ${scenes.sceneNumber}` })
      .where(and(mine, lt(scenes.sceneNumber, 0)));
  }

  async function sceneCount(c: Conn, userId: string, storyboardId: number) {
    const [r] = await c.db
      .select({ n: count() })
      .from(scenes)
      .where(and(eq(scenes.storyboardId, storyboardId), eq(scenes.userId, userId)));
    return num(r?.n);
  }

  async function scenesWithTasks(c: Conn, userId: string, storyboardId: number): Promise<SceneWithTasks[]> {
    const rows = await c.query("storyboard_scenes", HOT_SQL.storyboardScenes, [storyboardId, userId]);
    const out: SceneWithTasks[] = [];
    for (const r of rows) {
      let scene = out[out.length - 1];
      if (!scene || scene.id !== num(r.id)) {
        scene = { ...toScene(r), tasks: [], image: toImageMeta(r) };
        out.push(scene);
      }
      if (r.task_id !== null && r.task_id !== undefined) {
        scene.tasks.push(toTask({ id: r.task_id, scene_id: r.id, task_type: r.task_type, completed: r.completed, completed_at: r.completed_at, updated_at: r.task_updated_at }));
      }
    }
    return out;
  }

  async function storyboardView(c: Conn, userId: string, id: number): Promise<StoryboardWithScenes> {
    return viewOf(await ownStoryboard(c, userId, id), await scenesWithTasks(c, userId, id));
  }

  /** A project's progress: its main storyboard's tasks (docs/schema.md, "Main storyboard"). */
  async function projectProgress(c: Conn, userId: string, projectId: number): Promise<Progress> {
    const rows = await c.query("project_storyboards", HOT_SQL.projectStoryboards, [projectId, userId]);
    return mainProgress(rows.map((r) => ({ is_main: toStoryboard(r).is_main, ...progressOf(r) })));
  }

  /** A project with live storyboards has a main one: when it has none, its oldest live one becomes main. */
  async function ensureMain(c: Conn, userId: string, projectId: number) {
    const live = and(eq(storyboards.projectId, projectId), eq(storyboards.userId, userId), isNull(storyboards.deletedAt));
    const [main] = await c.db.select({ id: storyboards.id }).from(storyboards).where(and(live, eq(storyboards.isMain, true))).limit(1);
    if (main) return;
    const [first] = await c.db.select({ id: storyboards.id }).from(storyboards).where(live).orderBy(asc(storyboards.id)).limit(1);
    if (first) {
      await c.db
        .update(storyboards)
        .set({ isMain: true })
        .where(and(eq(storyboards.id, first.id), eq(storyboards.userId, userId)));
    }
  }

  const parsePosition = (position: unknown, max: number) => {
    if (typeof position !== "number" || !Number.isInteger(position) || position < 1 || position > max) {
      throw validationError({ position: `Position must be a whole number from 1 to ${max}` });
    }
    return position;
  };

  /** projects.shard_id of a new project (docs/schema.md, "Sharding preparation"). */
  const shardIdOf = (userId: string) => shardOf(userId, shardCount);

  return { driver, tables, cols, read, write, writeStoryboard, writeScene, shardIdOf, ownProject, ownStoryboard, ownScene, lockStoryboard, lockScene, editable, touchProject, syncTotals, insertScenes, shiftScenes, sceneCount, scenesWithTasks, storyboardView, projectProgress, ensureMain, parsePosition };
}
