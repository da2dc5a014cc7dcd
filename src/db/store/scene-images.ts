// Scene images: a creator's own picture per scene, kept in the database beside the scene (bytes
// already re-encoded by the caller). Deleting the scene deletes its image (ON DELETE CASCADE).
// Adding, replacing and removing one are changes on the storyboard's undo stack (changes.ts).
import { createHash } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { SCENE_IMAGE_TYPES } from "../../domain/constants";
import { notFound } from "../../domain/errors";
import { parseInput } from "../../domain/schemas";
import type { SceneImage } from "../../domain/types";
import { z } from "zod";
import { HOT_SQL } from "./hot-sql";
import { iso, num } from "./rows";
import type { Row } from "./driver";
import type { StoreContext } from "./context";
import type { Store } from "./types";

/** Re-encoded images are far below this; anything larger did not come through the encoder. */
const MAX_STORED_BYTES = 12 * 1024 * 1024;
const side = z.number().int().min(1).max(10_000);
const newImageSchema = z.object({
  content_type: z.enum(SCENE_IMAGE_TYPES, { error: `Image type must be one of ${SCENE_IMAGE_TYPES.join(", ")}` }),
  width: side,
  height: side,
  data: z.instanceof(Uint8Array).refine((d) => d.byteLength > 0 && d.byteLength <= MAX_STORED_BYTES, { error: "Image data is empty or too large" }),
});

const asBuffer = (d: Uint8Array) => (Buffer.isBuffer(d) ? d : Buffer.from(d.buffer, d.byteOffset, d.byteLength));

export const toSceneImage = (r: Row): SceneImage => ({
  scene_id: num(r.scene_id),
  content_type: String(r.content_type) as SceneImage["content_type"],
  width: num(r.width),
  height: num(r.height),
  byte_size: num(r.byte_size),
  updated_at: iso(r.updated_at),
  data: r.data instanceof Uint8Array ? r.data : Buffer.from(r.data as ArrayBuffer),
});

/** The columns toSceneImage reads. */
export const sceneImageColumns = ({ tables: { sceneImages } }: Pick<StoreContext, "tables">) => ({
  scene_id: sceneImages.sceneId,
  content_type: sceneImages.contentType,
  width: sceneImages.width,
  height: sceneImages.height,
  byte_size: sceneImages.byteSize,
  data: sceneImages.data,
  updated_at: sceneImages.updatedAt,
});

export function sceneImagesStore(ctx: StoreContext): Pick<Store, "setSceneImage" | "deleteSceneImage" | "getSceneImage" | "listSceneImages"> {
  const { read, writeScene, ownScene, ownStoryboard, lockScene, editable, touchProject, changes } = ctx;
  const { sceneImages, sceneImageBlobs, scenes } = ctx.tables;
  const sbOf = (owner: { storyboard_id: number; project_id: number }) => ({ id: owner.storyboard_id, project_id: owner.project_id });
  const columns = sceneImageColumns(ctx);
  return {
    async setSceneImage(userId, sceneId, image) {
      const data = parseInput(newImageSchema, image);
      const bytes = asBuffer(data.data);
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      return writeScene(userId, sceneId, async (c) => {
        const owner = editable(await lockScene(c, userId, sceneId));
        const now = new Date();
        await c.query("touch_storyboard", HOT_SQL.touchStoryboard, [owner.storyboard_id, now, userId]);
        const meta = { contentType: data.content_type, width: data.width, height: data.height, byteSize: bytes.byteLength };
        // The bytes once per owner and content: what an undo, a redo or a restore copies back (changes.ts).
        // An existing blob's created_at is renewed: the row lock and the new time keep the purge of
        // unnamed blobs (purge.ts, only older ones) from deleting it under this upload.
        await c.db
          .insert(sceneImageBlobs)
          .values({ userId, sha256, ...meta, data: bytes, createdAt: now })
          .onConflictDoUpdate({ target: [sceneImageBlobs.userId, sceneImageBlobs.sha256], set: { createdAt: now } });
        const values = { ...meta, data: bytes, sha256, updatedAt: now };
        const { result: row } = await changes.recordStoryboard(
          c,
          userId,
          sbOf(owner),
          (r: { replaced: boolean }) => (r.replaced ? `Replace the picture of scene ${owner.scene_number}` : `Add a picture to scene ${owner.scene_number}`),
          async (before) => {
            const [saved] = await c.db
              .insert(sceneImages)
              .values({ sceneId, userId, ...values, createdAt: now })
              .onConflictDoUpdate({ target: sceneImages.sceneId, set: values })
              .returning(columns);
            return { ...(saved as Row), replaced: Boolean(before.pictures?.[sceneId]) };
          },
        );
        await touchProject(c, userId, owner.project_id, now);
        const { data: _bytes, ...stored } = toSceneImage(row);
        return stored;
      });
    },

    deleteSceneImage: (userId, sceneId) =>
      writeScene(userId, sceneId, async (c) => {
        const owner = editable(await lockScene(c, userId, sceneId));
        const now = new Date();
        await c.query("touch_storyboard", HOT_SQL.touchStoryboard, [owner.storyboard_id, now, userId]);
        const { result: gone } = await changes.recordStoryboard(c, userId, sbOf(owner), `Remove the picture of scene ${owner.scene_number}`, async () =>
          c.db
            .delete(sceneImages)
            .where(and(eq(sceneImages.sceneId, sceneId), eq(sceneImages.userId, userId)))
            .returning({ id: sceneImages.sceneId }),
        );
        if (gone.length === 0) return;
        await touchProject(c, userId, owner.project_id, now);
      }),

    getSceneImage: (userId, sceneId) =>
      read(userId, async (c) => {
        await ownScene(c, userId, sceneId);
        const [row] = await c.db
          .select(columns)
          .from(sceneImages)
          .where(and(eq(sceneImages.sceneId, sceneId), eq(sceneImages.userId, userId)));
        if (!row) throw notFound("Scene image");
        return toSceneImage(row as Row);
      }),

    listSceneImages: (userId, storyboardId) =>
      read(userId, async (c) => {
        await ownStoryboard(c, userId, storyboardId);
        const rows = await c.db
          .select(columns)
          .from(sceneImages)
          .innerJoin(scenes, eq(scenes.id, sceneImages.sceneId))
          .where(and(eq(scenes.storyboardId, storyboardId), eq(scenes.userId, userId), eq(sceneImages.userId, userId)))
          .orderBy(asc(scenes.sceneNumber));
        return rows.map((r) => toSceneImage(r as Row));
      }),
  };
}
