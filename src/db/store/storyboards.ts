// Storyboards: create with scenes and tasks, read the view, update, delete, generation state.
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { uniqueTitle } from "../../domain/titles";
import { generationOptionsSchema, parseField, parseInput, storyboardCreateSchema, storyboardStatus, storyboardUpdateSchema } from "../../domain/schemas";
import { notFound } from "../../domain/errors";
import { HOT_SQL } from "./hot-sql";
import { num, progressOf, toStoryboard } from "./rows";
import type { Row } from "./driver";
import { diffImages } from "./changes";
import { viewOf, type StoreContext } from "./context";
import type { Store } from "./types";
import type { SceneWithTasks } from "../../domain/types";

/** A regenerate's input: the same limits as a new storyboard's brief, URLs and options. */
const regenerateSchema = z.object({
  brief: storyboardCreateSchema.shape.brief,
  reference_urls: storyboardCreateSchema.shape.reference_urls,
  generation_options: generationOptionsSchema,
});

/**
 * The label of "Edit brief and regenerate" on the storyboard's stack: the brief's change is recorded
 * when it starts and the generation's new scenes are folded into the same change when it completes,
 * so one Undo brings back the old brief and the old scenes.
 */
export const REGENERATE_LABEL = "Edit brief and regenerate";

export function storyboardsStore(ctx: StoreContext): Pick<Store, "createStoryboard" | "getStoryboard" | "listStoryboards" | "updateStoryboard" | "deleteStoryboard" | "setStoryboardStatus" | "completeGeneration" | "beginRetry" | "beginRegenerate" | "getStoryboardProgress" | "setMainStoryboard"> {
  const { cols, read, write, writeStoryboard, ownProject, ownStoryboard, lockStoryboard, editable, touchProject, insertScenes, storyboardView, ensureMain, changes } = ctx;
  const { storyboards, scenes } = ctx.tables;
  return {
    async createStoryboard(userId, input, opts) {
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
          .returning(cols.storyboard);
        const sb = toStoryboard(row as Row);
        const id = sb.id;
        const list = await insertScenes(c, userId, id, data.scenes, 1);
        // On the project's stack: undoing a new storyboard deletes it (softly, as a delete would; the
        // purge removes it later) and redo brings it back.
        const after = await changes.readRows(c, userId, { boards: [id] });
        const [others] = await c.db
          .select({ id: storyboards.id })
          .from(storyboards)
          .where(and(eq(storyboards.projectId, data.project_id), eq(storyboards.userId, userId), ne(storyboards.id, id), isNull(storyboards.deletedAt)))
          .limit(1);
        const label = opts?.change_label ?? `${others ? "New variation" : "New storyboard"} “${data.title}”`;
        await changes.pushChange(c, userId, { project_id: data.project_id, storyboard_id: null }, label, {
          before: { boards: { [id]: { is_main: false, deleted_at: now.toISOString() } } },
          after,
        });
        await touchProject(c, userId, data.project_id, now);
        // The view from the rows just written: nothing else changes them in this transaction.
        return viewOf(sb, list);
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
        const fields = (["title", "brief", "reference_urls", "aspect_ratio"] as const).filter((k) => data[k] !== undefined);
        const { result: row } = await changes.recordStoryboard(c, userId, sb, `Edit storyboard: ${fields.map((f) => f.replace("_", " ")).join(", ")}`, async () => {
        const [updated] = await c.db
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
        return updated;
        });
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

    async beginRegenerate(userId, id, input, cond) {
      const data = parseInput(regenerateSchema, input);
      return writeStoryboard(userId, id, async (c) => {
        const sb = editable(await lockStoryboard(c, userId, id, cond));
        const now = new Date();
        // A named version of the storyboard as it was (old brief, old scenes), then the brief's change
        // on its stack; completeGeneration adds the new scenes to that same change.
        const had = Object.keys((await changes.storyboardImage(c, userId, id)).scenes ?? {}).length > 0;
        if (had) await changes.takeVersion(c, userId, id, "Before regenerating the storyboard", "auto");
        const { result: row } = await changes.recordStoryboard(c, userId, sb, REGENERATE_LABEL, async () => {
          const [updated] = await c.db
            .update(storyboards)
            .set({ brief: data.brief, referenceUrls: data.reference_urls, generationOptions: data.generation_options, status: "generating", errorMessage: null, updatedAt: now })
            .where(and(eq(storyboards.id, id), eq(storyboards.userId, userId)))
            .returning(cols.storyboard);
          return updated;
        });
        await touchProject(c, userId, sb.project_id, now);
        return toStoryboard(row as Row);
      });
    },

    async completeGeneration(userId, id, result) {
      const list = parseInput(storyboardCreateSchema.shape.scenes, result.scenes);
      const title = result.title === undefined ? undefined : parseInput(storyboardCreateSchema.shape.title, result.title);
      const patternSource = parseInput(storyboardCreateSchema.shape.pattern_source, result.pattern_source);
      const options = result.generation_options === undefined ? undefined : parseInput(generationOptionsSchema, result.generation_options);
      return writeStoryboard(userId, id, async (c) => {
        const sb = await ownStoryboard(c, userId, id);
        const now = new Date();
        // As it was (generations of one storyboard take turns in this process; edits wait for its end).
        const pre = await changes.storyboardImage(c, userId, id);
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
          .returning(cols.storyboard);
        if (claimed.length === 0) return storyboardView(c, userId, id);
        const done = toStoryboard(claimed[0] as Row);
        if (title !== undefined && result.unique_title) {
          // The project row lock orders generations finishing at once: each sees the others' titles.
          await ownProject(c, userId, sb.project_id, { lock: true });
          const others = await c.db
            .select({ title: storyboards.title })
            .from(storyboards)
            .where(and(eq(storyboards.projectId, sb.project_id), eq(storyboards.userId, userId), ne(storyboards.id, id), isNull(storyboards.deletedAt)));
          const unique = uniqueTitle(title, others.map((o) => String(o.title)));
          if (unique !== title) {
            await c.db.update(storyboards).set({ title: unique }).where(and(eq(storyboards.id, id), eq(storyboards.userId, userId)));
            done.title = unique;
          }
        }
        const replace = async () => {
          await c.db.delete(scenes).where(and(eq(scenes.storyboardId, id), eq(scenes.userId, userId)));
          return insertScenes(c, userId, id, list, 1);
        };
        // A storyboard that had scenes was regenerated. Started by "Edit brief and regenerate" (its change
        // still the newest): the new scenes join that change. Otherwise (a retry): a named version
        // first, and the new scenes one undoable change of their own.
        const had = Object.keys(pre.scenes ?? {}).length > 0;
        const open = had ? await changes.openChange(c, userId, { project_id: sb.project_id, storyboard_id: id }, REGENERATE_LABEL) : null;
        let written: SceneWithTasks[];
        if (open) {
          // The title and options the generation set are in the change's "after" too: Undo finds them as left.
          written = await replace();
          await changes.extendChange(c, userId, open, diffImages(pre, await changes.storyboardImage(c, userId, id)));
        } else if (had) {
          await changes.takeVersion(c, userId, id, "Before regenerating the storyboard", "auto");
          written = (await changes.recordStoryboard(c, userId, sb, "Regenerate storyboard", replace)).result;
        } else {
          written = await replace();
        }
        await touchProject(c, userId, sb.project_id, now);
        // The view from the rows just written (the storyboard's row as the claim left it, its title made unique).
        return viewOf(done, written);
      });
    },

    setMainStoryboard: (userId, id) =>
      write(userId, async (c) => {
        const sb = await ownStoryboard(c, userId, id);
        // The project row lock (PostgreSQL) queues this behind a concurrent switch or a new
        // storyboard choosing main; SQLite's writes are serialized already.
        await ownProject(c, userId, sb.project_id, { lock: true });
        if (sb.is_main) return sb;
        const now = new Date();
        // On the project's stack: Undo makes the previous main the main one again.
        const { result: row } = await changes.record(c, userId, { project_id: sb.project_id, storyboard_id: null }, `Make “${sb.title}” main`, () => changes.boardsImage(c, userId, sb.project_id), async () => {
          // Demote first: uq_storyboards_main_per_project allows one live main at any moment.
          await c.db
            .update(storyboards)
            .set({ isMain: false, updatedAt: now })
            .where(and(eq(storyboards.projectId, sb.project_id), eq(storyboards.userId, userId), eq(storyboards.isMain, true)));
          const [updated] = await c.db
            .update(storyboards)
            .set({ isMain: true, updatedAt: now })
            .where(and(eq(storyboards.id, id), eq(storyboards.userId, userId), isNull(storyboards.deletedAt)))
            .returning(cols.storyboard);
          if (!updated) throw notFound("Storyboard");
          return updated;
        });
        await touchProject(c, userId, sb.project_id, now);
        return toStoryboard(row as Row);
      }),

    getStoryboardProgress: (userId, id) =>
      read(userId, async (c) => {
        const view = await storyboardView(c, userId, id);
        return { total_tasks: view.total_tasks, completed_tasks: view.completed_tasks };
      }),
  };
}
