// Share links: the owner makes, lists, changes and revokes them; anyone holding a live token reads
// that one storyboard. The signed-out read is the store's only path without a user: on
// PostgreSQL it is the SECURITY DEFINER functions of migration 0007 (the share role can see one
// storyboard, the one the function found for the token), on SQLite the same queries run here.
import { and, count, desc, eq, isNull, lt, or } from "drizzle-orm";
import { LIMITS } from "../../domain/constants";
import { conflict, notFound, validationError } from "../../domain/errors";
import type { SharedStoryboard, ShareLink } from "../../domain/types";
import { checkId, type StoreContext } from "./context";
import type { Conn, Row } from "./driver";
import { storyboardComments } from "./review";
import { iso, num, toComment, toImageMeta, toScene, toTask } from "./rows";
import { sceneImageColumns, toSceneImage } from "./scene-images";
import type { Store } from "./types";

const TOKEN_HASH = /^[0-9a-f]{64}$/;
/** Opening a link is recorded at most this often (a busy shared page must not write on every view). */
const OPENED_EVERY_MS = 60_000;

const isoOrNull = (v: unknown) => (v === null || v === undefined ? null : iso(v));

const toShareLink = (r: Row): ShareLink => ({
  id: num(r.id),
  storyboard_id: num(r.storyboard_id),
  allow_comments: Boolean(r.allow_comments),
  created_at: iso(r.created_at),
  last_opened_at: isoOrNull(r.last_opened_at),
  revoked_at: isoOrNull(r.revoked_at),
});

/** The shape shared_storyboard() returns, turned into domain types (same mapping as the store's rows). */
function toShared(v: Row): SharedStoryboard {
  const link = v.link as Row;
  const sb = v.storyboard as Row;
  return {
    link: { id: num(link.id), allow_comments: Boolean(link.allow_comments) },
    project_title: String(v.project_title),
    storyboard: {
      id: num(sb.id),
      title: String(sb.title),
      total_scenes: num(sb.total_scenes),
      total_duration: num(sb.total_duration),
      status: String(sb.status) as SharedStoryboard["storyboard"]["status"],
      platform: (sb.platform ?? null) as SharedStoryboard["storyboard"]["platform"],
      aspect_ratio: String(sb.aspect_ratio) as SharedStoryboard["storyboard"]["aspect_ratio"],
      approval_state: String(sb.approval_state ?? "draft") as SharedStoryboard["storyboard"]["approval_state"],
      generated_at: iso(sb.generated_at),
      updated_at: iso(sb.updated_at),
    },
    scenes: (v.scenes as Row[]).map((s) => {
      const image = s.image as Row | null;
      return {
        ...toScene(s),
        tasks: (s.tasks as Row[]).map(toTask),
        image: image ? toImageMeta(Object.fromEntries(Object.entries(image).map(([k, x]) => [`image_${k}`, x]))) : null,
      };
    }),
    comments: ((v.comments as Row[] | undefined) ?? []).map(toComment),
  };
}

export function sharesStore(ctx: StoreContext): Pick<Store, "createShareLink" | "listShareLinks" | "updateShareLink" | "revokeShareLink" | "openSharedStoryboard" | "getSharedSceneImages"> {
  const { read, write, ownStoryboard, scenesWithTasks } = ctx;
  const { shareLinks, storyboards, projects, sceneImages, scenes } = ctx.tables;
  const columns = {
    id: shareLinks.id,
    storyboard_id: shareLinks.storyboardId,
    allow_comments: shareLinks.allowComments,
    created_at: shareLinks.createdAt,
    last_opened_at: shareLinks.lastOpenedAt,
    revoked_at: shareLinks.revokedAt,
  };
  const viaFunctions = ctx.driver.dialect === "postgres";

  async function ownShareLink(c: Conn, userId: string, id: number) {
    const [row] = await c.db
      .select(columns)
      .from(shareLinks)
      .where(and(eq(shareLinks.id, checkId(id, "Share link")), eq(shareLinks.userId, userId)));
    if (!row) throw notFound("Share link");
    return toShareLink(row as Row);
  }

  /** SQLite's counterpart of share_link_for(): the live link of a token hash, with its storyboard's owner. */
  async function liveLink(c: Conn, tokenHash: string) {
    const [row] = await c.db
      .select({ ...columns, owner: shareLinks.userId })
      .from(shareLinks)
      .where(and(eq(shareLinks.tokenHash, tokenHash), isNull(shareLinks.revokedAt)));
    return row ? { ...toShareLink(row as Row), owner: String(row.owner) } : null;
  }

  async function openOnSqlite(c: Conn, tokenHash: string): Promise<SharedStoryboard | null> {
    const link = await liveLink(c, tokenHash);
    if (!link) return null;
    const [sb] = await c.db
      .select({
        id: storyboards.id,
        title: storyboards.title,
        total_scenes: storyboards.totalScenes,
        total_duration: storyboards.totalDuration,
        status: storyboards.status,
        generation_options: storyboards.generationOptions,
        aspect_ratio: storyboards.aspectRatio,
        approval_state: storyboards.approvalState,
        generated_at: storyboards.generatedAt,
        updated_at: storyboards.updatedAt,
        project_title: projects.title,
      })
      .from(storyboards)
      .innerJoin(projects, eq(projects.id, storyboards.projectId))
      .where(and(eq(storyboards.id, link.storyboard_id), isNull(storyboards.deletedAt), isNull(projects.deletedAt)));
    if (!sb) return null;
    const now = new Date();
    await c.db
      .update(shareLinks)
      .set({ lastOpenedAt: now })
      .where(and(eq(shareLinks.id, link.id), or(isNull(shareLinks.lastOpenedAt), lt(shareLinks.lastOpenedAt, new Date(now.getTime() - OPENED_EVERY_MS)))));
    const options = (typeof sb.generation_options === "string" ? JSON.parse(sb.generation_options) : sb.generation_options) as { platform?: string } | null;
    const shared = toShared({
      link: { id: link.id, allow_comments: link.allow_comments },
      project_title: sb.project_title,
      storyboard: { ...sb, platform: options?.platform ?? null },
      scenes: [],
      comments: [],
    });
    // Reviewers read the comments only through a link that lets them comment (as shared_storyboard()).
    const comments = link.allow_comments ? await storyboardComments(ctx, c, link.storyboard_id, null) : [];
    // The creator's own to-dos are not shared (shared_storyboard() leaves them out too).
    return { ...shared, comments, scenes: (await scenesWithTasks(c, link.owner, link.storyboard_id)).map((s) => ({ ...s, needs_input: null })) };
  }

  return {
    async createShareLink(userId, storyboardId, input) {
      if (typeof input.token_hash !== "string" || !TOKEN_HASH.test(input.token_hash)) throw validationError({ token_hash: "Token hash must be 64 hex digits (SHA-256)" });
      if (input.allow_comments !== undefined && typeof input.allow_comments !== "boolean") throw validationError({ allow_comments: "Allow comments must be true or false" });
      return write(userId, async (c) => {
        await ownStoryboard(c, userId, storyboardId);
        const [live] = await c.db
          .select({ n: count() })
          .from(shareLinks)
          .where(and(eq(shareLinks.storyboardId, storyboardId), eq(shareLinks.userId, userId), isNull(shareLinks.revokedAt)));
        if (num(live?.n) >= LIMITS.shareLinksPerStoryboard) {
          throw conflict(`A storyboard can have at most ${LIMITS.shareLinksPerStoryboard} live share links; revoke one first`);
        }
        const [row] = await c.db
          .insert(shareLinks)
          .values({ storyboardId, userId, tokenHash: input.token_hash, allowComments: input.allow_comments ?? false, createdAt: new Date() })
          .returning(columns);
        return toShareLink(row as Row);
      });
    },

    listShareLinks: (userId, storyboardId) =>
      read(userId, async (c) => {
        await ownStoryboard(c, userId, storyboardId);
        const rows = await c.db
          .select(columns)
          .from(shareLinks)
          .where(and(eq(shareLinks.storyboardId, storyboardId), eq(shareLinks.userId, userId)))
          .orderBy(desc(shareLinks.createdAt), desc(shareLinks.id));
        return rows.map((r) => toShareLink(r as Row));
      }),

    async updateShareLink(userId, linkId, patch) {
      if (typeof patch?.allow_comments !== "boolean") throw validationError({ allow_comments: "Allow comments must be true or false" });
      return write(userId, async (c) => {
        const link = await ownShareLink(c, userId, linkId);
        if (link.revoked_at) throw conflict("This share link is revoked; create a new one");
        const [row] = await c.db
          .update(shareLinks)
          .set({ allowComments: patch.allow_comments })
          .where(and(eq(shareLinks.id, link.id), eq(shareLinks.userId, userId)))
          .returning(columns);
        return toShareLink(row as Row);
      });
    },

    revokeShareLink: (userId, linkId) =>
      write(userId, async (c) => {
        const link = await ownShareLink(c, userId, linkId);
        if (link.revoked_at) return link;
        const [row] = await c.db
          .update(shareLinks)
          .set({ revokedAt: new Date() })
          .where(and(eq(shareLinks.id, link.id), eq(shareLinks.userId, userId)))
          .returning(columns);
        return toShareLink(row as Row);
      }),

    async openSharedStoryboard(tokenHash) {
      if (typeof tokenHash !== "string" || !TOKEN_HASH.test(tokenHash)) return null;
      return write(null, async (c) => {
        if (!viaFunctions) return openOnSqlite(c, tokenHash);
        const [row] = await c.query("shared_storyboard", "SELECT shared_storyboard($1) AS view", [tokenHash]);
        const view = row?.view;
        return view ? toShared((typeof view === "string" ? JSON.parse(view) : view) as Row) : null;
      });
    },

    async getSharedSceneImages(tokenHash, sceneId) {
      if (typeof tokenHash !== "string" || !TOKEN_HASH.test(tokenHash)) return [];
      if (sceneId !== undefined && (!Number.isSafeInteger(sceneId) || sceneId < 1 || sceneId > 2_147_483_647)) return [];
      return read(null, async (c) => {
        if (viaFunctions) {
          const rows = await c.query(
            "shared_scene_images",
            "SELECT scene_id, content_type, width, height, byte_size, data, updated_at FROM shared_scene_images($1, $2)",
            [tokenHash, sceneId ?? null],
          );
          return rows.map(toSceneImage);
        }
        const link = await liveLink(c, tokenHash);
        if (!link) return [];
        const rows = await c.db
          .select(sceneImageColumns(ctx))
          .from(sceneImages)
          .innerJoin(scenes, eq(scenes.id, sceneImages.sceneId))
          .innerJoin(storyboards, eq(storyboards.id, scenes.storyboardId))
          .innerJoin(projects, eq(projects.id, storyboards.projectId))
          .where(and(eq(scenes.storyboardId, link.storyboard_id), isNull(storyboards.deletedAt), isNull(projects.deletedAt), sceneId === undefined ? undefined : eq(sceneImages.sceneId, sceneId)))
          .orderBy(scenes.sceneNumber);
        return rows.map((r) => toSceneImage(r as Row));
      });
    },
  };
}
