// The hourly purge of what has expired or is no longer named (the purge-expired job): Auth.js
// sessions and sign-in tokens past their expiry, and scene pictures' blobs that no picture, undo
// row or version names any more. All users at once, as the maintenance role (it bypasses no RLS
// it is not granted: pg 0012, 0014, 0020, 0024, 0025). Idempotent: a re-run deletes nothing more.
import { lt } from "drizzle-orm";
import type { Store } from "./types";
import type { StoreContext } from "./context";

/** Blobs examined per statement: each batch is its own short transaction. */
const BLOB_BATCH = 500;

/**
 * A blob is still named when a live or archived picture has its hash, or an undo row or a version
 * (live or archived) mentions it. Those images are JSON; a 64-digit hex hash found in their text
 * is the picture's own (anything else matching it would only keep a blob, never lose one).
 */
const named = (col: string) => `CAST(${col} AS text) LIKE '%' || b.sha256 || '%'`;
const UNUSED_BLOBS = `
DELETE FROM scene_image_blobs WHERE (user_id, sha256) IN (
  SELECT b.user_id, b.sha256 FROM scene_image_blobs b
  WHERE b.created_at < $1
    AND NOT EXISTS (SELECT 1 FROM scene_images i WHERE i.user_id = b.user_id AND i.sha256 = b.sha256)
    AND NOT EXISTS (SELECT 1 FROM scene_images_archive i WHERE i.user_id = b.user_id AND i.sha256 = b.sha256)
    AND NOT EXISTS (SELECT 1 FROM storyboard_changes c WHERE c.user_id = b.user_id AND (${named("c.before")} OR ${named("c.after")}))
    AND NOT EXISTS (SELECT 1 FROM storyboard_snapshots s WHERE s.user_id = b.user_id AND ${named("s.snapshot")})
    AND NOT EXISTS (SELECT 1 FROM storyboard_snapshots_archive s WHERE s.user_id = b.user_id AND ${named("s.snapshot")})
  LIMIT ${BLOB_BATCH}
) RETURNING sha256`;

export function purgeStore(ctx: StoreContext): Pick<Store, "purgeExpiredSessions" | "purgeUnusedSceneImageBlobs"> {
  const { driver } = ctx;
  const { sessions, verificationTokens } = ctx.tables;
  return {
    purgeExpiredSessions: (now) =>
      driver.adminTx("maintenance", async (c) => ({
        sessions: (await c.db.delete(sessions).where(lt(sessions.expires, now)).returning({ t: sessions.sessionToken })).length,
        verification_tokens: (await c.db.delete(verificationTokens).where(lt(verificationTokens.expires, now)).returning({ t: verificationTokens.token })).length,
      })),

    async purgeUnusedSceneImageBlobs(before) {
      let deleted = 0;
      for (;;) {
        const n = await driver.adminTx("maintenance", async (c) => (await c.query("purge_unused_scene_image_blobs", UNUSED_BLOBS, [before])).length);
        deleted += n;
        if (n < BLOB_BATCH) return deleted;
      }
    },
  };
}
