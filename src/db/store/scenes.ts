// Scenes: edit, insert, delete, move and reorder within a storyboard (numbers stay 1..N).
import { and, eq, inArray, sql } from "drizzle-orm";
import { LIMITS } from "../../domain/constants";
import { conflict, validationError } from "../../domain/errors";
import { parseInput, sceneInputSchema, scenePatchSchema } from "../../domain/schemas";
import { HOT_SQL } from "./hot-sql";
import { num, toScene } from "./rows";
import type { Row } from "./driver";
import { MAX_ID, type StoreContext } from "./context";
import type { Store } from "./types";

export function scenesStore(ctx: StoreContext): Pick<Store, "getScene" | "updateScene" | "insertScene" | "deleteScene" | "moveScene" | "reorderScenes" | "getSceneProgress"> {
  const { cols, read, writeStoryboard, writeScene, ownScene, lockStoryboard, lockScene, editable, touchProject, syncTotals, insertScenes, shiftScenes, sceneCount, scenesWithTasks, parsePosition } = ctx;
  const { scenes } = ctx.tables;
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

    async updateScene(userId, sceneId, patch, cond) {
      const data = parseInput(scenePatchSchema, patch);
      return writeScene(userId, sceneId, async (c) => {
        const owner = editable(await lockScene(c, userId, sceneId, cond));
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
            ...(data.beat !== undefined && { beat: data.beat }),
            // Writing the voice-over is what a to-do asks for: a script done clears it, unless the same patch sets one.
            ...(data.needs_input !== undefined ? { needsInput: data.needs_input } : data.script ? { needsInput: null } : {}),
            updatedAt: now,
          })
          .where(and(eq(scenes.id, sceneId), eq(scenes.userId, userId)))
          .returning(cols.scene);
        await syncTotals(c, userId, owner.storyboard_id, now);
        await touchProject(c, userId, owner.project_id, now);
        return toScene(row as Row);
      });
    },

    async insertScene(userId, storyboardId, position, input, cond) {
      const data = parseInput(sceneInputSchema, input);
      return writeStoryboard(userId, storyboardId, async (c) => {
        const sb = editable(await lockStoryboard(c, userId, storyboardId, cond));
        const n = await sceneCount(c, userId, storyboardId);
        if (n >= LIMITS.scenesPerStoryboard) throw conflict(`A storyboard has at most ${LIMITS.scenesPerStoryboard} scenes`, { scenes: `At most ${LIMITS.scenesPerStoryboard} scenes` });
        const at = parsePosition(position ?? n + 1, n + 1);
        await shiftScenes(c, userId, storyboardId, at, n, 1);
        const [scene] = await insertScenes(c, userId, storyboardId, [data], at);
        await syncTotals(c, userId, storyboardId);
        await touchProject(c, userId, sb.project_id);
        return scene!;
      });
    },

    async deleteScene(userId, sceneId, cond) {
      await writeScene(userId, sceneId, async (c) => {
        const owner = editable(await lockScene(c, userId, sceneId, cond));
        await c.db.delete(scenes).where(and(eq(scenes.id, sceneId), eq(scenes.userId, userId)));
        await shiftScenes(c, userId, owner.storyboard_id, owner.scene_number + 1, MAX_ID, -1);
        await syncTotals(c, userId, owner.storyboard_id);
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
          // Park the moving scene on 0 (never a real number), close the gap, then drop it in.
          const self = and(eq(scenes.id, sceneId), eq(scenes.userId, userId));
          await c.db.update(scenes).set({ sceneNumber: 0 }).where(self);
          if (to < from) await shiftScenes(c, userId, owner.storyboard_id, to, from - 1, 1);
          else await shiftScenes(c, userId, owner.storyboard_id, from + 1, to, -1);
          await c.db.update(scenes).set({ sceneNumber: to, updatedAt: new Date() }).where(self);
          await syncTotals(c, userId, owner.storyboard_id);
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
