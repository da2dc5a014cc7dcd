// Review: scene comments (by the owner, and by reviewers through a share link that allows
// comments) and the storyboard's approval state. A reviewer's comment is the store's only write
// without a user: on PostgreSQL it is add_shared_scene_comment() of migration 0017, a SECURITY
// DEFINER function of the share role; on SQLite the same checks run here.
import { and, asc, count, eq, isNull } from "drizzle-orm";
import { APPROVAL_TRANSITIONS, REVIEW_LIMITS } from "../../domain/constants";
import { AppError, conflict, notFound, validationError } from "../../domain/errors";
import { approvalUpdateSchema, parseInput, sceneCommentCreateSchema, sceneCommentUpdateSchema, sharedCommentCreateSchema } from "../../domain/schemas";
import type { SceneComment } from "../../domain/types";
import { checkId, type StoreContext } from "./context";
import type { Conn, Row } from "./driver";
import { toComment, toStoryboard } from "./rows";
import type { Store } from "./types";

const TOKEN_HASH = /^[0-9a-f]{64}$/;

export const commentsOff = () => new AppError("forbidden", "This link does not let reviewers comment. Ask the owner for a link with comments on.");
const tooMany = () => conflict(`A scene can have at most ${REVIEW_LIMITS.commentsPerScene} comments`);

export const commentColumns = ({ tables: { sceneComments } }: Pick<StoreContext, "tables">) => ({
  id: sceneComments.id,
  scene_id: sceneComments.sceneId,
  storyboard_id: sceneComments.storyboardId,
  author: sceneComments.author,
  author_name: sceneComments.authorName,
  body: sceneComments.body,
  resolved: sceneComments.resolved,
  resolved_at: sceneComments.resolvedAt,
  created_at: sceneComments.createdAt,
});

/** A storyboard's comments, oldest first; `userId` filters by the owner column (null: the share path, which found the storyboard by its link). */
export async function storyboardComments(ctx: Pick<StoreContext, "tables">, c: Conn, storyboardId: number, userId: string | null): Promise<SceneComment[]> {
  const { sceneComments } = ctx.tables;
  const rows = await c.db
    .select(commentColumns(ctx))
    .from(sceneComments)
    .where(and(eq(sceneComments.storyboardId, storyboardId), userId === null ? undefined : eq(sceneComments.userId, userId)))
    .orderBy(asc(sceneComments.createdAt), asc(sceneComments.id));
  return rows.map((r) => toComment(r as Row));
}

export function reviewStore(ctx: StoreContext): Pick<Store, "listSceneComments" | "addSceneComment" | "setSceneCommentResolved" | "setApprovalState" | "addSharedSceneComment"> {
  const { cols, read, write, ownStoryboard, ownScene, touchProject } = ctx;
  const { sceneComments, shareLinks, storyboards, projects, scenes } = ctx.tables;
  const columns = commentColumns(ctx);
  const viaFunctions = ctx.driver.dialect === "postgres";

  async function commentCount(c: Conn, sceneId: number) {
    const [r] = await c.db.select({ n: count() }).from(sceneComments).where(eq(sceneComments.sceneId, sceneId));
    return Number(r?.n ?? 0);
  }

  /** SQLite's counterpart of add_shared_scene_comment(): the same checks, in the same order. */
  async function addSharedOnSqlite(c: Conn, tokenHash: string, sceneId: number, data: { author_name: string; body: string }): Promise<SceneComment> {
    const [link] = await c.db
      .select({ id: shareLinks.id, storyboard_id: shareLinks.storyboardId, allow_comments: shareLinks.allowComments })
      .from(shareLinks)
      .innerJoin(storyboards, eq(storyboards.id, shareLinks.storyboardId))
      .innerJoin(projects, eq(projects.id, storyboards.projectId))
      .where(and(eq(shareLinks.tokenHash, tokenHash), isNull(shareLinks.revokedAt), isNull(storyboards.deletedAt), isNull(projects.deletedAt)));
    if (!link) throw notFound("Share link");
    if (!link.allow_comments) throw commentsOff();
    const [scene] = await c.db
      .select({ id: scenes.id, storyboard_id: scenes.storyboardId, user_id: scenes.userId })
      .from(scenes)
      .where(and(eq(scenes.id, sceneId), eq(scenes.storyboardId, link.storyboard_id)));
    if (!scene) throw notFound("Scene");
    if ((await commentCount(c, scene.id)) >= REVIEW_LIMITS.commentsPerScene) throw tooMany();
    const [row] = await c.db
      .insert(sceneComments)
      .values({ sceneId: scene.id, storyboardId: scene.storyboard_id, userId: scene.user_id, author: "reviewer", authorName: data.author_name, shareLinkId: link.id, body: data.body, createdAt: new Date() })
      .returning(columns);
    return toComment(row as Row);
  }

  return {
    listSceneComments: (userId, storyboardId) =>
      read(userId, async (c) => {
        await ownStoryboard(c, userId, storyboardId);
        return storyboardComments(ctx, c, storyboardId, userId);
      }),

    async addSceneComment(userId, sceneId, input) {
      const data = parseInput(sceneCommentCreateSchema, input);
      return write(userId, async (c) => {
        const scene = await ownScene(c, userId, sceneId);
        if ((await commentCount(c, scene.id)) >= REVIEW_LIMITS.commentsPerScene) throw tooMany();
        const [row] = await c.db
          .insert(sceneComments)
          .values({ sceneId: scene.id, storyboardId: scene.storyboard_id, userId, author: "owner", authorName: null, body: data.body, createdAt: new Date() })
          .returning(columns);
        return toComment(row as Row);
      });
    },

    async setSceneCommentResolved(userId, commentId, patch) {
      const { resolved } = parseInput(sceneCommentUpdateSchema, patch);
      return write(userId, async (c) => {
        const [row] = await c.db
          .update(sceneComments)
          .set({ resolved, resolvedAt: resolved ? new Date() : null })
          .where(and(eq(sceneComments.id, checkId(commentId, "Comment")), eq(sceneComments.userId, userId)))
          .returning(columns);
        if (!row) throw notFound("Comment");
        return toComment(row as Row);
      });
    },

    async setApprovalState(userId, storyboardId, input) {
      const { approval_state: next } = parseInput(approvalUpdateSchema, input);
      return write(userId, async (c) => {
        const sb = await ownStoryboard(c, userId, storyboardId);
        if (sb.approval_state === next) return sb;
        if (sb.status !== "completed") throw conflict("Only a generated storyboard can be reviewed; wait for it to finish or retry it");
        const allowed = APPROVAL_TRANSITIONS[sb.approval_state];
        if (!allowed.includes(next)) {
          throw conflict(`A storyboard in “${sb.approval_state}” can move to ${allowed.join(" or ")}, not to ${next}`, { approval_state: `Choose one of ${allowed.join(", ")}` });
        }
        const now = new Date();
        const [row] = await c.db
          .update(storyboards)
          .set({ approvalState: next, updatedAt: now })
          .where(and(eq(storyboards.id, sb.id), eq(storyboards.userId, userId)))
          .returning(cols.storyboard);
        await touchProject(c, userId, sb.project_id, now);
        return toStoryboard(row as Row);
      });
    },

    async addSharedSceneComment(tokenHash, sceneId, input) {
      if (typeof tokenHash !== "string" || !TOKEN_HASH.test(tokenHash)) throw notFound("Share link");
      const data = parseInput(sharedCommentCreateSchema, input);
      const scene = checkId(sceneId, "Scene");
      return write(null, async (c) => {
        if (!viaFunctions) return addSharedOnSqlite(c, tokenHash, scene, data);
        const [row] = await c.query("add_shared_scene_comment", "SELECT add_shared_scene_comment($1, $2, $3, $4) AS result", [tokenHash, scene, data.author_name, data.body]);
        const raw = row?.result;
        const result = (typeof raw === "string" ? JSON.parse(raw) : raw) as { comment?: Row; error?: string } | null;
        switch (result?.error) {
          case undefined:
            if (!result?.comment) throw notFound("Share link");
            return toComment(result.comment);
          case "comments_off":
            throw commentsOff();
          case "scene_not_found":
            throw notFound("Scene");
          case "too_many":
            throw tooMany();
          case "invalid":
            throw validationError({ body: "The name or the comment is empty, too long or has control characters" });
          default:
            throw notFound("Share link");
        }
      });
    },
  };
}
