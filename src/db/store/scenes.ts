// Scenes: edit, insert, delete, move and reorder within a storyboard (numbers stay 1..N).
import { and, eq, inArray, sql } from "drizzle-orm";
import { LIMITS } from "../../domain/constants";
import { conflict, validationError } from "../../domain/errors";
import { parseInput, sceneInputSchema, scenePatchSchema } from "../../domain/schemas";
import { EDITABLE_SCENE_FIELDS, REGENERATED_SCENE_FIELDS, fieldWords, parseEditedFields, type EditableSceneField } from "../../domain/history";
import { HOT_SQL } from "./hot-sql";
import { num, toScene } from "./rows";
import type { Row } from "./driver";
import { MAX_ID, type StoreContext } from "./context";
import type { Store } from "./types";

export function scenesStore(ctx: StoreContext): Pick<Store, "getScene" | "updateScene" | "insertScene" | "deleteScene" | "moveScene" | "reorderScenes" | "getSceneProgress"> {
  const { cols, read, writeStoryboard, writeScene, ownScene, lockStoryboard, lockScene, editable, touchProject, syncTotals, insertScenes, shiftScenes, sceneCount, scenesWithTasks, parsePosition, changes } = ctx;
  const { scenes, sceneTasks } = ctx.tables;
  const sbOf = (owner: { storyboard_id: number; project_id: number }) => ({ id: owner.storyboard_id, project_id: owner.project_id });
  return {
    getScene: (userId, sceneId) =>
      read(userId, async (c) => {
        await ownScene(c, userId, sceneId);
        const [row] = await c.db
          .select(cols.scene)
          .from(scenes)
          .where(and(eq(scenes.id, sceneId), eq(scenes.userId, userId)));
        return toScene(row as Row);
      }),

    async updateScene(userId, sceneId, patch, cond, how) {
      const data = parseInput(scenePatchSchema, patch);
      const regenerate = how?.regenerate === true;
      return writeScene(userId, sceneId, async (c) => {
        const owner = editable(await lockScene(c, userId, sceneId, cond));
        const now = new Date();
        if (regenerate) {
          // A named version before every regenerate: what it overwrote can be looked at and restored.
          await changes.takeVersion(c, userId, owner.storyboard_id, `Before regenerating scene ${owner.scene_number}`, "auto");
        }
        let changed: EditableSceneField[] = [];
        const { result } = await changes.recordStoryboard(c, userId, sbOf(owner), () => (regenerate ? `Regenerate scene ${owner.scene_number}` : `Edit scene ${owner.scene_number}${changed.length > 0 ? `: ${fieldWords(changed)}` : ""}`), async (before) => {
        const was = before.scenes?.[sceneId] ?? {};
        changed = EDITABLE_SCENE_FIELDS.filter((f) => data[f] !== undefined && (data[f] ?? null) !== (was[f] ?? null));
        const marks = parseEditedFields(was.edited_fields);
        const edited = regenerate ? marks.filter((f) => !REGENERATED_SCENE_FIELDS.includes(f)) : [...new Set([...marks, ...changed])];
        const [row] = await c.db
          .update(scenes)
          .set({
            ...(data.duration !== undefined && { duration: data.duration }),
            ...(data.scene_type !== undefined && { sceneType: data.scene_type }),
            ...(data.visual_description !== undefined && { visualDescription: data.visual_description }),
            ...(data.script !== undefined && { script: data.script }),
            ...(data.text_overlay !== undefined && { textOverlay: data.text_overlay }),
            ...(data.camera_angle !== undefined && { cameraAngle: data.camera_angle }),
            ...(data.beat !== undefined && { beat: data.beat }),
            // Writing the voice-over is what a to-do asks for: a script done clears it, unless the same patch sets one.
            ...(data.needs_input !== undefined ? { needsInput: data.needs_input } : data.script ? { needsInput: null } : {}),
            editedFields: edited.length > 0 ? EDITABLE_SCENE_FIELDS.filter((f) => edited.includes(f)).join(",") : null,
            updatedAt: now,
          })
          .where(and(eq(scenes.id, sceneId), eq(scenes.userId, userId)))
          .returning(cols.scene);
        // A regenerate that rewrote the script undoes "Script written"; one that kept it leaves the tick.
        if (regenerate && data.script !== undefined && (data.script ?? null) !== (was.script ?? null)) {
          await c.db
            .update(sceneTasks)
            .set({ completed: false, completedAt: null, updatedAt: now })
            .where(and(eq(sceneTasks.sceneId, sceneId), eq(sceneTasks.userId, userId), eq(sceneTasks.taskType, "script_written")));
        }
        await syncTotals(c, userId, owner.storyboard_id, now);
        await touchProject(c, userId, owner.project_id, now);
        return toScene(row as Row);
        });
        return result;
      });
    },

    async insertScene(userId, storyboardId, position, input, cond) {
      const data = parseInput(sceneInputSchema, input);
      return writeStoryboard(userId, storyboardId, async (c) => {
        const sb = editable(await lockStoryboard(c, userId, storyboardId, cond));
        const n = await sceneCount(c, userId, storyboardId);
        if (n >= LIMITS.scenesPerStoryboard) throw conflict(`A storyboard has at most ${LIMITS.scenesPerStoryboard} scenes`, { scenes: `At most ${LIMITS.scenesPerStoryboard} scenes` });
        const at = parsePosition(position ?? n + 1, n + 1);
        const { result } = await changes.recordStoryboard(c, userId, sb, `Add scene ${at}`, async () => {
          await shiftScenes(c, userId, storyboardId, at, n, 1);
          const [scene] = await insertScenes(c, userId, storyboardId, [data], at);
          await syncTotals(c, userId, storyboardId);
          return scene!;
        });
        await touchProject(c, userId, sb.project_id);
        return result;
      });
    },

    async deleteScene(userId, sceneId, cond) {
      await writeScene(userId, sceneId, async (c) => {
        const owner = editable(await lockScene(c, userId, sceneId, cond));
        await changes.recordStoryboard(c, userId, sbOf(owner), `Delete scene ${owner.scene_number}`, async () => {
          await c.db.delete(scenes).where(and(eq(scenes.id, sceneId), eq(scenes.userId, userId)));
          await shiftScenes(c, userId, owner.storyboard_id, owner.scene_number + 1, MAX_ID, -1);
          await syncTotals(c, userId, owner.storyboard_id);
        });
        await touchProject(c, userId, owner.project_id);
      });
    },

    async moveScene(userId, sceneId, position, cond) {
      return writeScene(userId, sceneId, async (c) => {
        const owner = editable(await lockScene(c, userId, sceneId, cond));
        const n = await sceneCount(c, userId, owner.storyboard_id);
        const to = parsePosition(position, n);
        const from = owner.scene_number;
        if (to !== from) {
          await changes.recordStoryboard(c, userId, sbOf(owner), `Move scene ${from} to ${to}`, async () => {
            // Park the moving scene on 0 (never a real number), close the gap, then drop it in.
            const self = and(eq(scenes.id, sceneId), eq(scenes.userId, userId));
            await c.db.update(scenes).set({ sceneNumber: 0 }).where(self);
            if (to < from) await shiftScenes(c, userId, owner.storyboard_id, to, from - 1, 1);
            else await shiftScenes(c, userId, owner.storyboard_id, from + 1, to, -1);
            await c.db.update(scenes).set({ sceneNumber: to, updatedAt: new Date() }).where(self);
            await syncTotals(c, userId, owner.storyboard_id);
          });
          await touchProject(c, userId, owner.project_id);
        }
        return scenesWithTasks(c, userId, owner.storyboard_id);
      });
    },

    async reorderScenes(userId, storyboardId, sceneIds, cond) {
      return writeStoryboard(userId, storyboardId, async (c) => {
        const sb = editable(await lockStoryboard(c, userId, storyboardId, cond));
        const mine = and(eq(scenes.storyboardId, storyboardId), eq(scenes.userId, userId));
        const current = await c.db.select({ id: scenes.id }).from(scenes).where(mine);
        const have = new Set(current.map((r) => num(r.id)));
        const given = new Set(sceneIds);
        if (!Array.isArray(sceneIds) || sceneIds.length !== have.size || given.size !== have.size || sceneIds.some((id) => !have.has(id))) {
          throw validationError({ scene_ids: "Give every scene of this storyboard exactly once" });
        }
        if (sceneIds.length > 0) {
          await changes.recordStoryboard(c, userId, sb, "Reorder scenes", async () => {
            // Negative numbers first (never clash with existing ones), then all flipped at once.
            for (const [i, id] of sceneIds.entries()) {
              await c.db
                .update(scenes)
                .set({ sceneNumber: -(i + 1) })
                .where(and(eq(scenes.id, id), eq(scenes.userId, userId)));
            }
            await c.db
              .update(scenes)
              .set({ sceneNumber: sql`0 - ${scenes.sceneNumber}`, updatedAt: new Date() })
              .where(and(mine, inArray(scenes.id, sceneIds)));
            await syncTotals(c, userId, storyboardId);
          });
          await touchProject(c, userId, sb.project_id);
        }
        return scenesWithTasks(c, userId, storyboardId);
      });
    },

    getSceneProgress: (userId, sceneId) =>
      read(userId, async (c) => {
        const owner = await ownScene(c, userId, sceneId);
        const [p] = await c.query("progress_for_scene", HOT_SQL.progressForScene, [sceneId, owner.storyboard_id, owner.project_id, userId]);
        return { total_tasks: num(p?.scene_total), completed_tasks: num(p?.scene_done) };
      }),
  };
}
