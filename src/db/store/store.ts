// The store's one implementation, written once over a Driver: each dialect supplies only its
// connection, transaction and error handling (pg.ts, sqlite.ts) while the hot reads are shared SQL
// (hot-sql.ts). Ownership is checked in every statement's WHERE clause, and on PostgreSQL
// row level security checks it again underneath.
import { randomUUID } from "node:crypto";
import { and, between, count, eq, inArray, lt, sql } from "drizzle-orm";
import { TASK_TYPES } from "../../domain/constants";
import { conflict, notFound, validationError } from "../../domain/errors";
import {
  generationOptionsSchema,
  parseField,
  parseInput,
  projectCreateSchema,
  projectStatus,
  projectUpdateSchema,
  sceneInputSchema,
  scenePatchSchema,
  storyboardCreateSchema,
  storyboardStatus,
  storyboardUpdateSchema,
  userUpsertSchema,
} from "../../domain/schemas";
import type { Progress, SceneWithTasks, StoryboardWithScenes } from "../../domain/types";
import type { Conn, Driver, Row } from "./driver";
import { HOT_SQL } from "./hot-sql";
import { num, progressOf, toProject, toScene, toStoryboard, toTask, toUser } from "./rows";
import type { Store } from "./types";
import type { z } from "zod";

type ParsedScene = z.output<typeof sceneInputSchema>;

const MAX_ID = 2_147_483_647;
/** An id that cannot exist (not a positive 32-bit integer) is simply not found. */
function checkId(id: unknown, what: string): number {
  if (typeof id !== "number" || !Number.isInteger(id) || id < 1 || id > MAX_ID) throw notFound(what);
  return id;
}

const sumProgress = (items: Progress[]): Progress => ({
  total_tasks: items.reduce((a, p) => a + p.total_tasks, 0),
  completed_tasks: items.reduce((a, p) => a + p.completed_tasks, 0),
});

export function createStore(driver: Driver): Store {
  const { users, projects, storyboards, scenes, sceneTasks } = driver.tables;
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
      generated_at: storyboards.generatedAt,
      updated_at: storyboards.updatedAt,
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
  const write = <T>(userId: string | null, fn: (c: Conn) => Promise<T>) => driver.tx("write", userId, fn);

  // ---- ownership: one indexed lookup that joins up to projects.user_id ----
  async function ownProject(c: Conn, userId: string, id: number) {
    const [row] = await c.query("project", HOT_SQL.project, [checkId(id, "Project"), userId]);
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

  /** Scene edits during a generation would be wiped when it completes: refuse them instead. */
  const editable = <T extends { status: string }>(sb: T): T => {
    if (sb.status === "generating") throw conflict("This storyboard is still being generated; edit its scenes when it is done");
    return sb;
  };

  // ---- building blocks shared by the mutations ----
  async function touchProject(c: Conn, projectId: number, now = new Date()) {
    await c.query("touch_project", HOT_SQL.touchProject, [projectId, now]);
  }

  /** Sets total_scenes / total_duration from the scenes themselves and touches the storyboard. */
  async function syncTotals(c: Conn, storyboardId: number, now = new Date()) {
    const [agg] = await c.db
      .select({ n: count(), d: sql<string | number>`coalesce(sum(${scenes.duration}), 0)` })
      .from(scenes)
      .where(eq(scenes.storyboardId, storyboardId));
    await c.db
      .update(storyboards)
      .set({ totalScenes: num(agg?.n), totalDuration: num(agg?.d), updatedAt: now })
      .where(eq(storyboards.id, storyboardId));
  }

  async function insertScenes(c: Conn, storyboardId: number, list: ParsedScene[], firstNumber: number): Promise<SceneWithTasks[]> {
    if (list.length === 0) return [];
    const inserted = (
      await c.db
        .insert(scenes)
        .values(
          list.map((s, i) => ({
            storyboardId,
            sceneNumber: firstNumber + i,
            duration: s.duration,
            sceneType: s.scene_type,
            visualDescription: s.visual_description,
            script: s.script ?? null,
            textOverlay: s.text_overlay ?? null,
            cameraAngle: s.camera_angle ?? null,
          })),
        )
        .returning(cols.scene)
    ).map((r) => toScene(r as Row));
    const tasks = (
      await c.db
        .insert(sceneTasks)
        .values(inserted.flatMap((s) => TASK_TYPES.map((taskType) => ({ sceneId: s.id, taskType }))))
        .returning(cols.task)
    ).map((r) => toTask(r as Row));
    return inserted
      .sort((a, b) => a.scene_number - b.scene_number)
      .map((s) => ({ ...s, tasks: tasks.filter((t) => t.scene_id === s.id).sort((a, b) => a.id - b.id) }));
  }

  /**
   * Adds delta to scene_number for scenes numbered from..to. UNIQUE(storyboard_id, scene_number)
   * is checked row by row, so the numbers go through negatives first and can never collide.
   */
  async function shiftScenes(c: Conn, storyboardId: number, from: number, to: number, delta: number) {
    if (from > to) return;
    await c.db
      .update(scenes)
      .set({ sceneNumber: sql`0 - (${scenes.sceneNumber} + ${sql.raw(String(delta))})` })
      .where(and(eq(scenes.storyboardId, storyboardId), between(scenes.sceneNumber, from, to)));
    await c.db
      .update(scenes)
      .set({ sceneNumber: sql`0 - ${scenes.sceneNumber}` })
      .where(and(eq(scenes.storyboardId, storyboardId), lt(scenes.sceneNumber, 0)));
  }

  async function sceneCount(c: Conn, storyboardId: number) {
    const [r] = await c.db.select({ n: count() }).from(scenes).where(eq(scenes.storyboardId, storyboardId));
    return num(r?.n);
  }

  async function scenesWithTasks(c: Conn, storyboardId: number): Promise<SceneWithTasks[]> {
    const rows = await c.query("storyboard_scenes", HOT_SQL.storyboardScenes, [storyboardId]);
    const out: SceneWithTasks[] = [];
    for (const r of rows) {
      let scene = out[out.length - 1];
      if (!scene || scene.id !== num(r.id)) {
        scene = { ...toScene(r), tasks: [] };
        out.push(scene);
      }
      if (r.task_id !== null && r.task_id !== undefined) {
        scene.tasks.push(toTask({ id: r.task_id, scene_id: r.id, task_type: r.task_type, completed: r.completed, completed_at: r.completed_at, updated_at: r.task_updated_at }));
      }
    }
    return out;
  }

  async function storyboardView(c: Conn, userId: string, id: number): Promise<StoryboardWithScenes> {
    const storyboard = await ownStoryboard(c, userId, id);
    const list = await scenesWithTasks(c, id);
    const tasks = list.flatMap((s) => s.tasks);
    return { ...storyboard, scenes: list, total_tasks: tasks.length, completed_tasks: tasks.filter((t) => t.completed).length };
  }

  async function projectProgress(c: Conn, projectId: number): Promise<Progress> {
    const rows = await c.query("project_storyboards", HOT_SQL.projectStoryboards, [projectId]);
    return sumProgress(rows.map(progressOf));
  }

  const parsePosition = (position: unknown, max: number) => {
    if (typeof position !== "number" || !Number.isInteger(position) || position < 1 || position > max) {
      throw validationError({ position: `Position must be a whole number from 1 to ${max}` });
    }
    return position;
  };

  return {
    dialect: driver.dialect,

    // ---- users ----
    async upsertUserByEmail(input) {
      const data = parseInput(userUpsertSchema, input);
      return write(null, async (c) => {
        const now = new Date();
        const [row] = await c.db
          .insert(users)
          .values({ id: randomUUID(), email: data.email, name: data.name ?? null, image: data.image ?? null, createdAt: now, updatedAt: now })
          .onConflictDoUpdate({
            target: users.email,
            set: {
              name: sql`coalesce(excluded.name, ${users.name})`,
              image: sql`coalesce(excluded.image, ${users.image})`,
              updatedAt: now,
            },
          })
          .returning(cols.user);
        return toUser(row as Row);
      });
    },

    async getUser(actingUserId, id) {
      if (actingUserId !== id) throw notFound("User");
      return read(actingUserId, async (c) => {
        const [row] = await c.db.select(cols.user).from(users).where(eq(users.id, id));
        if (!row) throw notFound("User");
        return toUser(row as Row);
      });
    },

    // ---- projects ----
    async createProject(userId, input) {
      const data = parseInput(projectCreateSchema, input);
      return write(userId, async (c) => {
        const [row] = await c.db
          .insert(projects)
          .values({ userId, title: data.title, description: data.description ?? null, status: data.status ?? "active" })
          .returning(cols.project);
        return toProject(row as Row);
      });
    },

    getProject: (userId, id) => read(userId, (c) => ownProject(c, userId, id)),

    async updateProject(userId, id, patch) {
      const data = parseInput(projectUpdateSchema, patch);
      checkId(id, "Project");
      return write(userId, async (c) => {
        const [row] = await c.db
          .update(projects)
          .set({
            ...(data.title !== undefined && { title: data.title }),
            ...(data.description !== undefined && { description: data.description }),
            ...(data.status !== undefined && { status: data.status }),
            updatedAt: new Date(),
          })
          .where(and(eq(projects.id, id), eq(projects.userId, userId)))
          .returning(cols.project);
        if (!row) throw notFound("Project");
        return toProject(row as Row);
      });
    },

    async deleteProject(userId, id) {
      checkId(id, "Project");
      await write(userId, async (c) => {
        const gone = await c.db
          .delete(projects)
          .where(and(eq(projects.id, id), eq(projects.userId, userId)))
          .returning({ id: projects.id });
        if (gone.length === 0) throw notFound("Project");
      });
    },

    async listProjects(userId, filter) {
      const status = filter?.status === undefined ? undefined : parseField("status", projectStatus, filter.status);
      return read(userId, async (c) => {
        const rows = status
          ? await c.query("dashboard_by_status", HOT_SQL.dashboardByStatus, [userId, status])
          : await c.query("dashboard", HOT_SQL.dashboard, [userId]);
        return rows.map((r) => ({ ...toProject(r), storyboard_count: num(r.storyboard_count), ...progressOf(r) }));
      });
    },

    getProjectDetail: (userId, id) =>
      read(userId, async (c) => {
        const project = await ownProject(c, userId, id);
        const boards = await c.query("project_storyboards", HOT_SQL.projectStoryboards, [id]);
        const sceneRows = await c.query("project_scenes", HOT_SQL.projectScenes, [id]);
        const byBoard = new Map<number, ReturnType<typeof toScene>[]>();
        const withProgress = sceneRows.map((r) => ({ ...toScene(r), ...progressOf(r) }));
        for (const s of withProgress) byBoard.set(s.storyboard_id, [...(byBoard.get(s.storyboard_id) ?? []), s]);
        const storyboardList = boards.map((r) => ({
          ...toStoryboard(r),
          scene_count: num(r.scene_count),
          ...progressOf(r),
          scenes: withProgress.filter((s) => s.storyboard_id === num(r.id)),
        }));
        return { project, storyboards: storyboardList, ...sumProgress(storyboardList) };
      }),

    getProjectProgress: (userId, id) =>
      read(userId, async (c) => {
        await ownProject(c, userId, id);
        return projectProgress(c, id);
      }),

    // ---- storyboards ----
    async createStoryboard(userId, input) {
      const data = parseInput(storyboardCreateSchema, input);
      return write(userId, async (c) => {
        await ownProject(c, userId, data.project_id);
        const now = new Date();
        const [row] = await c.db
          .insert(storyboards)
          .values({
            projectId: data.project_id,
            title: data.title,
            brief: data.brief,
            referenceUrls: data.reference_urls,
            totalScenes: data.scenes.length,
            totalDuration: data.scenes.reduce((a, s) => a + s.duration, 0),
            patternSource: data.pattern_source ?? null,
            status: data.status,
            errorMessage: data.error_message ?? null,
            generationOptions: data.generation_options ?? null,
            generatedAt: now,
            updatedAt: now,
          })
          .returning({ id: storyboards.id });
        const id = num(row?.id);
        await insertScenes(c, id, data.scenes, 1);
        await touchProject(c, data.project_id, now);
        return storyboardView(c, userId, id);
      });
    },

    getStoryboard: (userId, id) => read(userId, (c) => storyboardView(c, userId, id)),

    listStoryboards: (userId, projectId) =>
      read(userId, async (c) => {
        await ownProject(c, userId, projectId);
        const rows = await c.query("project_storyboards", HOT_SQL.projectStoryboards, [projectId]);
        return rows.map((r) => ({ ...toStoryboard(r), scene_count: num(r.scene_count), ...progressOf(r) }));
      }),

    async updateStoryboard(userId, id, patch) {
      const data = parseInput(storyboardUpdateSchema, patch);
      return write(userId, async (c) => {
        const sb = await ownStoryboard(c, userId, id);
        const now = new Date();
        const [row] = await c.db
          .update(storyboards)
          .set({
            ...(data.title !== undefined && { title: data.title }),
            ...(data.brief !== undefined && { brief: data.brief }),
            ...(data.reference_urls !== undefined && { referenceUrls: data.reference_urls }),
            updatedAt: now,
          })
          .where(eq(storyboards.id, id))
          .returning(cols.storyboard);
        await touchProject(c, sb.project_id, now);
        return toStoryboard(row as Row);
      });
    },

    deleteStoryboard: (userId, id) =>
      write(userId, async (c) => {
        const sb = await ownStoryboard(c, userId, id);
        await c.db.delete(storyboards).where(eq(storyboards.id, id));
        await touchProject(c, sb.project_id);
        return { project_id: sb.project_id };
      }),

    async setStoryboardStatus(userId, id, status, errorMessage) {
      const s = parseField("status", storyboardStatus, status);
      return write(userId, async (c) => {
        await ownStoryboard(c, userId, id);
        const [row] = await c.db
          .update(storyboards)
          .set({ status: s, errorMessage: s === "error" ? (errorMessage ?? "Generation failed") : null, updatedAt: new Date() })
          .where(eq(storyboards.id, id))
          .returning(cols.storyboard);
        return toStoryboard(row as Row);
      });
    },

    async completeGeneration(userId, id, result) {
      const list = parseInput(storyboardCreateSchema.shape.scenes, result.scenes);
      const title = result.title === undefined ? undefined : parseInput(storyboardCreateSchema.shape.title, result.title);
      const patternSource = parseInput(storyboardCreateSchema.shape.pattern_source, result.pattern_source);
      const options = result.generation_options === undefined ? undefined : parseInput(generationOptionsSchema, result.generation_options);
      return write(userId, async (c) => {
        const sb = await ownStoryboard(c, userId, id);
        const now = new Date();
        await c.db.delete(scenes).where(eq(scenes.storyboardId, id));
        await insertScenes(c, id, list, 1);
        await c.db
          .update(storyboards)
          .set({
            ...(title !== undefined && { title }),
            ...(options !== undefined && { generationOptions: options }),
            patternSource: patternSource ?? null,
            status: "completed",
            errorMessage: null,
            totalScenes: list.length,
            totalDuration: list.reduce((a, s) => a + s.duration, 0),
            generatedAt: now,
            updatedAt: now,
          })
          .where(eq(storyboards.id, id));
        await touchProject(c, sb.project_id, now);
        return storyboardView(c, userId, id);
      });
    },

    getStoryboardProgress: (userId, id) =>
      read(userId, async (c) => {
        const view = await storyboardView(c, userId, id);
        return { total_tasks: view.total_tasks, completed_tasks: view.completed_tasks };
      }),

    // ---- scenes ----
    getScene: (userId, sceneId) =>
      read(userId, async (c) => {
        await ownScene(c, userId, sceneId);
        const [row] = await c.db.select(cols.scene).from(scenes).where(eq(scenes.id, sceneId));
        return toScene(row as Row);
      }),

    async updateScene(userId, sceneId, patch) {
      const data = parseInput(scenePatchSchema, patch);
      return write(userId, async (c) => {
        const owner = editable(await ownScene(c, userId, sceneId));
        const now = new Date();
        const [row] = await c.db
          .update(scenes)
          .set({
            ...(data.duration !== undefined && { duration: data.duration }),
            ...(data.scene_type !== undefined && { sceneType: data.scene_type }),
            ...(data.visual_description !== undefined && { visualDescription: data.visual_description }),
            ...(data.script !== undefined && { script: data.script }),
            ...(data.text_overlay !== undefined && { textOverlay: data.text_overlay }),
            ...(data.camera_angle !== undefined && { cameraAngle: data.camera_angle }),
            updatedAt: now,
          })
          .where(eq(scenes.id, sceneId))
          .returning(cols.scene);
        await syncTotals(c, owner.storyboard_id, now);
        await touchProject(c, owner.project_id, now);
        return toScene(row as Row);
      });
    },

    async insertScene(userId, storyboardId, position, input) {
      const data = parseInput(sceneInputSchema, input);
      return write(userId, async (c) => {
        const sb = editable(await ownStoryboard(c, userId, storyboardId));
        const n = await sceneCount(c, storyboardId);
        const at = parsePosition(position, n + 1);
        await shiftScenes(c, storyboardId, at, n, 1);
        const [scene] = await insertScenes(c, storyboardId, [data], at);
        await syncTotals(c, storyboardId);
        await touchProject(c, sb.project_id);
        return scene!;
      });
    },

    async deleteScene(userId, sceneId) {
      await write(userId, async (c) => {
        const owner = editable(await ownScene(c, userId, sceneId));
        await c.db.delete(scenes).where(eq(scenes.id, sceneId));
        await shiftScenes(c, owner.storyboard_id, owner.scene_number + 1, MAX_ID, -1);
        await syncTotals(c, owner.storyboard_id);
        await touchProject(c, owner.project_id);
      });
    },

    async moveScene(userId, sceneId, position) {
      return write(userId, async (c) => {
        const owner = editable(await ownScene(c, userId, sceneId));
        const n = await sceneCount(c, owner.storyboard_id);
        const to = parsePosition(position, n);
        const from = owner.scene_number;
        if (to !== from) {
          // Park the moving scene on 0 (never a real number), close the gap, then drop it in.
          await c.db.update(scenes).set({ sceneNumber: 0 }).where(eq(scenes.id, sceneId));
          if (to < from) await shiftScenes(c, owner.storyboard_id, to, from - 1, 1);
          else await shiftScenes(c, owner.storyboard_id, from + 1, to, -1);
          await c.db.update(scenes).set({ sceneNumber: to, updatedAt: new Date() }).where(eq(scenes.id, sceneId));
          await syncTotals(c, owner.storyboard_id);
          await touchProject(c, owner.project_id);
        }
        return scenesWithTasks(c, owner.storyboard_id);
      });
    },

    async reorderScenes(userId, storyboardId, sceneIds) {
      return write(userId, async (c) => {
        const sb = editable(await ownStoryboard(c, userId, storyboardId));
        const current = await c.db.select({ id: scenes.id }).from(scenes).where(eq(scenes.storyboardId, storyboardId));
        const have = new Set(current.map((r) => num(r.id)));
        const given = new Set(sceneIds);
        if (!Array.isArray(sceneIds) || sceneIds.length !== have.size || given.size !== have.size || sceneIds.some((id) => !have.has(id))) {
          throw validationError({ scene_ids: "Give every scene of this storyboard exactly once" });
        }
        if (sceneIds.length > 0) {
          // Negative numbers first (never clash with existing ones), then all flipped at once.
          for (const [i, id] of sceneIds.entries()) {
            await c.db.update(scenes).set({ sceneNumber: -(i + 1) }).where(eq(scenes.id, id));
          }
          await c.db
            .update(scenes)
            .set({ sceneNumber: sql`0 - ${scenes.sceneNumber}`, updatedAt: new Date() })
            .where(and(eq(scenes.storyboardId, storyboardId), inArray(scenes.id, sceneIds)));
          await syncTotals(c, storyboardId);
          await touchProject(c, sb.project_id);
        }
        return scenesWithTasks(c, storyboardId);
      });
    },

    getSceneProgress: (userId, sceneId) =>
      read(userId, async (c) => {
        const owner = await ownScene(c, userId, sceneId);
        const [p] = await c.query("progress_for_scene", HOT_SQL.progressForScene, [sceneId, owner.storyboard_id, owner.project_id]);
        return { total_tasks: num(p?.scene_total), completed_tasks: num(p?.scene_done) };
      }),

    // ---- tasks ----
    async setTaskCompleted(userId, taskId, completed) {
      if (typeof completed !== "boolean") throw validationError({ completed: "Completed must be true or false" });
      return write(userId, async (c) => {
        const [o] = await c.query("task_owner", HOT_SQL.taskOwner, [checkId(taskId, "Task"), userId]);
        if (!o) throw notFound("Task");
        const ids = { scene_id: num(o.scene_id), storyboard_id: num(o.storyboard_id), project_id: num(o.project_id) };
        const now = new Date();
        const [row] = await c.query("tick_task", HOT_SQL.tickTask, [taskId, completed, completed ? now : null, now]);
        await c.query("touch_storyboard", HOT_SQL.touchStoryboard, [ids.storyboard_id, now]);
        await touchProject(c, ids.project_id, now);
        const [p] = await c.query("progress_for_scene", HOT_SQL.progressForScene, [ids.scene_id, ids.storyboard_id, ids.project_id]);
        return {
          task: toTask(row!),
          scene: { total_tasks: num(p?.scene_total), completed_tasks: num(p?.scene_done) },
          storyboard: { total_tasks: num(p?.storyboard_total), completed_tasks: num(p?.storyboard_done) },
          project: { total_tasks: num(p?.project_total), completed_tasks: num(p?.project_done) },
          ...ids,
        };
      });
    },

    // ---- maintenance ----
    failInterruptedGenerations(before, message) {
      return driver.tx(
        "write",
        null,
        async (c) => {
          const stuck = await c.db
            .select({ id: storyboards.id })
            .from(storyboards)
            .where(and(eq(storyboards.status, "generating"), lt(storyboards.updatedAt, before)));
          const ids = stuck.map((r) => num(r.id));
          if (ids.length > 0) {
            await c.db
              .update(storyboards)
              .set({ status: "error", errorMessage: message, updatedAt: new Date() })
              .where(and(inArray(storyboards.id, ids), eq(storyboards.status, "generating")));
          }
          return ids.length;
        },
        { jobRecovery: true },
      );
    },

    ping: () => driver.ping(),
    close: () => driver.close(),
  };
}
