// Storyboards: create with scenes and tasks, read the view, update, delete, generation state.
import { and, eq, isNull, sql } from "drizzle-orm";
import { generationOptionsSchema, parseField, parseInput, storyboardCreateSchema, storyboardStatus, storyboardUpdateSchema } from "../../domain/schemas";
import { HOT_SQL } from "./hot-sql";
import { num, progressOf, toStoryboard } from "./rows";
import type { Row } from "./driver";
import type { StoreContext } from "./context";
import type { Store } from "./types";

export function storyboardsStore(ctx: StoreContext): Pick<Store, "createStoryboard" | "getStoryboard" | "listStoryboards" | "updateStoryboard" | "deleteStoryboard" | "setStoryboardStatus" | "completeGeneration" | "beginRetry" | "getStoryboardProgress"> {
  const { cols, read, write, writeStoryboard, ownProject, ownStoryboard, lockStoryboard, touchProject, insertScenes, storyboardView, ensureMain } = ctx;
  const { storyboards, scenes } = ctx.tables;
  return {
    async createStoryboard(userId, input) {
      const data = parseInput(storyboardCreateSchema, input);
      return write(userId, async (c) => {
        // Locked: two storyboards created at once in a project without a main one would both
        // claim it, and the second would fail on uq_storyboards_main_per_project.
        await ownProject(c, userId, data.project_id, { lock: true });
        const now = new Date();
        // The project's first live storyboard is its main one until the creator picks another.
        const [main] = await c.db
          .select({ id: storyboards.id })
          .from(storyboards)
          .where(and(eq(storyboards.projectId, data.project_id), eq(storyboards.userId, userId), eq(storyboards.isMain, true), isNull(storyboards.deletedAt)))
          .limit(1);
        const [row] = await c.db
          .insert(storyboards)
          .values({
            projectId: data.project_id,
            userId,
            title: data.title,
            brief: data.brief,
            referenceUrls: data.reference_urls,
            totalScenes: data.scenes.length,
            totalDuration: data.scenes.reduce((a, s) => a + s.duration, 0),
            patternSource: data.pattern_source ?? null,
            status: data.status,
            errorMessage: data.error_message ?? null,
            generationOptions: data.generation_options ?? null,
            isMain: !main,
            ...(data.aspect_ratio !== undefined && { aspectRatio: data.aspect_ratio }),
            generatedAt: now,
            updatedAt: now,
          })
          .returning({ id: storyboards.id });
        const id = num(row?.id);
        await insertScenes(c, userId, id, data.scenes, 1);
        await touchProject(c, userId, data.project_id, now);
        return storyboardView(c, userId, id);
      });
    },

    getStoryboard: (userId, id) => read(userId, (c) => storyboardView(c, userId, id)),

    listStoryboards: (userId, projectId) =>
      read(userId, async (c) => {
        await ownProject(c, userId, projectId);
        const rows = await c.query("project_storyboards", HOT_SQL.projectStoryboards, [projectId, userId]);
        return rows.map((r) => ({ ...toStoryboard(r), scene_count: num(r.scene_count), ...progressOf(r) }));
      }),

    async updateStoryboard(userId, id, patch, cond) {
      const data = parseInput(storyboardUpdateSchema, patch);
      return writeStoryboard(userId, id, async (c) => {
        const sb = await lockStoryboard(c, userId, id, cond);
        const now = new Date();
        const [row] = await c.db
          .update(storyboards)
          .set({
            ...(data.title !== undefined && { title: data.title }),
            ...(data.brief !== undefined && { brief: data.brief }),
            ...(data.reference_urls !== undefined && { referenceUrls: data.reference_urls }),
            ...(data.aspect_ratio !== undefined && { aspectRatio: data.aspect_ratio }),
            updatedAt: now,
          })
          .where(and(eq(storyboards.id, id), eq(storyboards.userId, userId)))
          .returning(cols.storyboard);
        await touchProject(c, userId, sb.project_id, now);
        return toStoryboard(row as Row);
      });
    },

    deleteStoryboard: (userId, id) =>
      write(userId, async (c) => {
        const sb = await ownStoryboard(c, userId, id);
        await c.db.delete(storyboards).where(and(eq(storyboards.id, id), eq(storyboards.userId, userId)));
        await ensureMain(c, userId, sb.project_id);
        await touchProject(c, userId, sb.project_id);
        return { project_id: sb.project_id };
      }),

    async setStoryboardStatus(userId, id, status, errorMessage) {
      const s = parseField("status", storyboardStatus, status);
      return writeStoryboard(userId, id, async (c) => {
        await lockStoryboard(c, userId, id);
        const [row] = await c.db
          .update(storyboards)
          .set({ status: s, errorMessage: s === "error" ? (errorMessage ?? "Generation failed") : null, updatedAt: new Date() })
          .where(and(eq(storyboards.id, id), eq(storyboards.userId, userId)))
          .returning(cols.storyboard);
        return toStoryboard(row as Row);
      });
    },

    beginRetry: (userId, id) =>
      writeStoryboard(userId, id, async (c) => {
        await ownStoryboard(c, userId, id);
        // One guarded statement: of concurrent retries, the first to lock the row wins; the others
        // find it 'generating' when they get the lock and change nothing.
        const [row] = await c.db
          .update(storyboards)
          .set({ status: "generating", errorMessage: null, version: sql`${storyboards.version} + 1`, updatedAt: new Date() })
          .where(and(eq(storyboards.id, id), eq(storyboards.userId, userId), eq(storyboards.status, "error")))
          .returning(cols.storyboard);
        return row ? toStoryboard(row as Row) : null;
      }),

    async completeGeneration(userId, id, result) {
      const list = parseInput(storyboardCreateSchema.shape.scenes, result.scenes);
      const title = result.title === undefined ? undefined : parseInput(storyboardCreateSchema.shape.title, result.title);
      const patternSource = parseInput(storyboardCreateSchema.shape.pattern_source, result.pattern_source);
      const options = result.generation_options === undefined ? undefined : parseInput(generationOptionsSchema, result.generation_options);
      return writeStoryboard(userId, id, async (c) => {
        const sb = await ownStoryboard(c, userId, id);
        const now = new Date();
        // Only a storyboard still 'generating' is completed: the guarded update comes first (it
        // also locks the row), so a second run of the same job, or a run racing it, does nothing.
        const claimed = await c.db
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
            version: sql`${storyboards.version} + 1`,
          })
          .where(and(eq(storyboards.id, id), eq(storyboards.userId, userId), eq(storyboards.status, "generating")))
          .returning({ id: storyboards.id });
        if (claimed.length === 0) return storyboardView(c, userId, id);
        await c.db.delete(scenes).where(and(eq(scenes.storyboardId, id), eq(scenes.userId, userId)));
        await insertScenes(c, userId, id, list, 1);
        await touchProject(c, userId, sb.project_id, now);
        return storyboardView(c, userId, id);
      });
    },

    getStoryboardProgress: (userId, id) =>
      read(userId, async (c) => {
        const view = await storyboardView(c, userId, id);
        return { total_tasks: view.total_tasks, completed_tasks: view.completed_tasks };
      }),
  };
}
