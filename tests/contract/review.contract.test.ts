// The store contract for review, on SQLite and PostgreSQL: scene comments by the owner and by
// reviewers through a share link (the one write without a user: only a live link that allows
// comments, only on its own storyboard's scenes), and the approval state with its transitions;
// on PostgreSQL, the row level security and the share role's function beneath it.
import { createHash, randomBytes } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import type { Store } from "../../src/db/store/types";
import type { Factories } from "../../src/db/seed/factories";
import { DIALECTS, type TestDatabase } from "../support/databases";
import type { Raw } from "../support/raw";
import { caught, useStoreFixture } from "../support/store-fixture";


const newToken = () => {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: createHash("sha256").update(token).digest("hex") };
};

describe.each(DIALECTS)("review store on %s", (dialect) => {
  let db: TestDatabase;
  let store: Store;
  let raw: Raw;
  let f: Factories;
  useStoreFixture(dialect, (fx) => ({ db, store, raw, f } = fx));

  async function board(sceneCount = 3) {
    const u = await f.user();
    const p = await f.project(u.id);
    const sb = await f.storyboard(u.id, p.id, { sceneCount });
    return { u, p, sb };
  }
  async function link(userId: string, storyboardId: number, allow_comments: boolean) {
    const t = newToken();
    const l = await store.createShareLink(userId, storyboardId, { token_hash: t.hash, allow_comments });
    return { ...t, link: l };
  }
  const review = { author_name: "Dana (client)", body: "Can the hook be shorter?\nTwo seconds, tops." };

  describe("owner's comments", () => {
    it("adds, lists, resolves and reopens comments; another user sees and changes nothing", async () => {
      const { u, sb } = await board(2);
      const [s1, s2] = sb.scenes;
      const a = await store.addSceneComment(u.id, s2!.id, { body: "  Reshoot in daylight  " });
      expect(a).toMatchObject({ scene_id: s2!.id, storyboard_id: sb.id, author: "owner", author_name: null, body: "Reshoot in daylight", resolved: false, resolved_at: null });
      const b = await store.addSceneComment(u.id, s1!.id, { body: "Tighter framing" });
      expect((await store.listSceneComments(u.id, sb.id)).map((c) => c.id)).toEqual([a.id, b.id]);

      const resolved = await store.setSceneCommentResolved(u.id, a.id, { resolved: true });
      expect(resolved.resolved).toBe(true);
      expect(resolved.resolved_at).not.toBeNull();
      const reopened = await store.setSceneCommentResolved(u.id, a.id, { resolved: false });
      expect(reopened).toMatchObject({ resolved: false, resolved_at: null });

      const other = await f.user();
      for (const attempt of [
        () => store.addSceneComment(other.id, s1!.id, { body: "mine now" }),
        () => store.listSceneComments(other.id, sb.id),
        () => store.setSceneCommentResolved(other.id, a.id, { resolved: true }),
      ]) {
        expect((await caught(attempt())).code).toBe("not_found");
      }
      expect((await store.listSceneComments(u.id, sb.id)).every((c) => !c.resolved)).toBe(true);
    });

    it("refuses an empty or too long comment and control characters, naming the field", async () => {
      const { u, sb } = await board(1);
      const scene = sb.scenes[0]!;
      for (const body of ["", "   ", "x".repeat(2001), "bell\u0007", "nul\u0000"]) {
        const e = await caught(store.addSceneComment(u.id, scene.id, { body }));
        expect(e.code).toBe("validation");
        expect(e.fields).toHaveProperty("body");
      }
      expect((await store.addSceneComment(u.id, scene.id, { body: "x".repeat(2000) })).body).toHaveLength(2000);
      expect((await store.addSceneComment(u.id, scene.id, { body: "line one\n\tline two" })).body).toBe("line one\n\tline two");
      // The table holds the limit even for a write that bypasses the store.
      await expect(
        raw.query("INSERT INTO scene_comments (scene_id, storyboard_id, user_id, author, body) VALUES ($1, $2, $3, 'owner', '')", [scene.id, sb.id, u.id]),
      ).rejects.toThrow(/body_length_check/);
      await expect(
        raw.query("INSERT INTO scene_comments (scene_id, storyboard_id, user_id, author, body) VALUES ($1, $2, $3, 'reviewer', 'no name')", [scene.id, sb.id, u.id]),
      ).rejects.toThrow(/reviewer_name_check/);
    });

    it("keeps the owner column equal to the scene's and the storyboard's, and goes away with the scene", async () => {
      const a = await board(2);
      const b = await board(1);
      const c = await store.addSceneComment(a.u.id, a.sb.scenes[0]!.id, { body: "ok" });
      // Another owner's id, or a scene of another owner's storyboard, breaks a composite foreign key.
      await expect(raw.query("UPDATE scene_comments SET user_id = $1 WHERE id = $2", [b.u.id, c.id])).rejects.toThrow(/foreign key/i);
      await expect(raw.query("UPDATE scene_comments SET storyboard_id = $1 WHERE id = $2", [b.sb.id, c.id])).rejects.toThrow(/foreign key/i);
      await store.deleteScene(a.u.id, a.sb.scenes[0]!.id);
      expect(await store.listSceneComments(a.u.id, a.sb.id)).toEqual([]);
    });
  });

  describe("reviewers' comments through a share link", () => {
    it("a link that allows comments comments on its storyboard's scenes; the owner sees and resolves it", async () => {
      const { u, sb } = await board(2);
      const { hash } = await link(u.id, sb.id, true);
      const c = await store.addSharedSceneComment(hash, sb.scenes[1]!.id, review);
      expect(c).toMatchObject({ scene_id: sb.scenes[1]!.id, storyboard_id: sb.id, author: "reviewer", author_name: "Dana (client)", body: review.body, resolved: false });
      expect(JSON.stringify(c)).not.toContain(u.id);

      const shared = await store.openSharedStoryboard(hash);
      expect(shared!.comments.map((x) => x.id)).toEqual([c.id]);
      const mine = await store.listSceneComments(u.id, sb.id);
      expect(mine).toEqual([c]);
      await store.setSceneCommentResolved(u.id, c.id, { resolved: true });
      expect((await store.openSharedStoryboard(hash))!.comments[0]!.resolved).toBe(true);
    });

    it("a link without comments cannot comment, and shows no comments", async () => {
      const { u, sb } = await board(1);
      await store.addSceneComment(u.id, sb.scenes[0]!.id, { body: "internal note" });
      const { hash, link: l } = await link(u.id, sb.id, false);
      expect((await caught(store.addSharedSceneComment(hash, sb.scenes[0]!.id, review))).code).toBe("forbidden");
      expect((await store.openSharedStoryboard(hash))!.comments).toEqual([]);
      // Turning comments on opens both.
      await store.updateShareLink(u.id, l.id, { allow_comments: true });
      await store.addSharedSceneComment(hash, sb.scenes[0]!.id, review);
      expect((await store.openSharedStoryboard(hash))!.comments.map((x) => x.author)).toEqual(["owner", "reviewer"]);
      expect((await store.listSceneComments(u.id, sb.id))).toHaveLength(2);
    });

    it("a revoked or unknown token cannot comment", async () => {
      const { u, sb } = await board(1);
      const { hash, link: l } = await link(u.id, sb.id, true);
      await store.revokeShareLink(u.id, l.id);
      expect((await caught(store.addSharedSceneComment(hash, sb.scenes[0]!.id, review))).code).toBe("not_found");
      expect((await caught(store.addSharedSceneComment(newToken().hash, sb.scenes[0]!.id, review))).code).toBe("not_found");
      expect((await caught(store.addSharedSceneComment("not a hash", sb.scenes[0]!.id, review))).code).toBe("not_found");
      expect(await store.listSceneComments(u.id, sb.id)).toEqual([]);
    });

    it("a token cannot comment on another storyboard's scene, of its owner or of anyone else", async () => {
      const a = await board(1);
      const sibling = await f.storyboard(a.u.id, a.p.id, { sceneCount: 1 });
      const b = await board(1);
      const { hash } = await link(a.u.id, a.sb.id, true);
      for (const scene of [sibling.scenes[0]!, b.sb.scenes[0]!]) {
        expect((await caught(store.addSharedSceneComment(hash, scene.id, review))).code).toBe("not_found");
      }
      expect(await store.listSceneComments(a.u.id, sibling.id)).toEqual([]);
      expect(await store.listSceneComments(b.u.id, b.sb.id)).toEqual([]);
    });

    it("a deleted storyboard takes no comments", async () => {
      const { u, sb } = await board(1);
      const { hash } = await link(u.id, sb.id, true);
      await raw.query("UPDATE storyboards SET deleted_at = $1 WHERE id = $2", [dialect === "sqlite" ? Date.now() : new Date(), sb.id]);
      expect((await caught(store.addSharedSceneComment(hash, sb.scenes[0]!.id, review))).code).toBe("not_found");
    });

    it("refuses a reviewer's missing name, a too long one and control characters, naming the field", async () => {
      const { u, sb } = await board(1);
      const { hash } = await link(u.id, sb.id, true);
      const scene = sb.scenes[0]!.id;
      for (const [input, field] of [
        [{ author_name: "", body: "hi" }, "author_name"],
        [{ author_name: "   ", body: "hi" }, "author_name"],
        [{ author_name: "x".repeat(81), body: "hi" }, "author_name"],
        [{ author_name: "Dana\nEvil", body: "hi" }, "author_name"],
        [{ author_name: "Dana", body: "" }, "body"],
        [{ author_name: "Dana", body: "esc\u001b[31m" }, "body"],
        [{ body: "hi" }, "author_name"],
      ] as const) {
        const e = await caught(store.addSharedSceneComment(hash, scene, input as never));
        expect(e.code).toBe("validation");
        expect(e.fields, JSON.stringify(input)).toHaveProperty(field);
      }
      expect((await store.addSharedSceneComment(hash, scene, { author_name: "  Dana  ", body: "ok" })).author_name).toBe("Dana");
    });
  });

  describe("approval", () => {
    it("moves draft → in review → approved / changes requested, shows on the dashboard and the share page, refuses a skip", async () => {
      const { u, p, sb } = await board(1);
      expect(sb.approval_state).toBe("draft");
      expect((await store.listProjects(u.id)).find((x) => x.id === p.id)!.approval_state).toBe("draft");
      const skip = await caught(store.setApprovalState(u.id, sb.id, { approval_state: "approved" }));
      expect(skip.code).toBe("conflict");
      expect(skip.fields).toHaveProperty("approval_state");
      expect((await store.setApprovalState(u.id, sb.id, { approval_state: "in_review" })).approval_state).toBe("in_review");
      expect((await store.setApprovalState(u.id, sb.id, { approval_state: "changes_requested" })).approval_state).toBe("changes_requested");
      await store.setApprovalState(u.id, sb.id, { approval_state: "in_review" });
      expect((await store.setApprovalState(u.id, sb.id, { approval_state: "approved" })).approval_state).toBe("approved");
      expect((await store.getStoryboard(u.id, sb.id)).approval_state).toBe("approved");
      expect((await store.listStoryboards(u.id, p.id))[0]!.approval_state).toBe("approved");
      expect((await store.listProjects(u.id)).find((x) => x.id === p.id)!.approval_state).toBe("approved");
      const { hash } = await link(u.id, sb.id, false);
      expect((await store.openSharedStoryboard(hash))!.storyboard.approval_state).toBe("approved");
      // Same state again is a no-op, an unknown one a validation error naming the field.
      expect((await store.setApprovalState(u.id, sb.id, { approval_state: "approved" })).approval_state).toBe("approved");
      expect((await caught(store.setApprovalState(u.id, sb.id, { approval_state: "done" as never }))).fields).toHaveProperty("approval_state");
      expect((await caught(store.setApprovalState((await f.user()).id, sb.id, { approval_state: "draft" }))).code).toBe("not_found");
      await expect(raw.query("UPDATE storyboards SET approval_state = 'maybe' WHERE id = $1", [sb.id])).rejects.toThrow(/approval_state_check/);
    });

    it("a project without storyboards has no approval state on the dashboard", async () => {
      const u = await f.user();
      const p = await f.project(u.id);
      expect((await store.listProjects(u.id)).find((x) => x.id === p.id)!.approval_state).toBeNull();
    });

    it("a storyboard still generating cannot be sent for review", async () => {
      const u = await f.user();
      const p = await f.project(u.id);
      const sb = await f.storyboard(u.id, p.id, { status: "generating", sceneCount: 0 });
      expect((await caught(store.setApprovalState(u.id, sb.id, { approval_state: "in_review" }))).code).toBe("conflict");
    });

    it("is in the history", async () => {
      const { u, sb } = await board(1);
      await store.setApprovalState(u.id, sb.id, { approval_state: "in_review" });
      const page = await store.listAuditChanges(u.id, { storyboard_id: sb.id });
      const row = page.changes[0]!.rows.find((r) => r.table_name === "storyboards")!;
      expect(row.old_values?.approval_state).toBe("draft");
      expect(row.new_values?.approval_state).toBe("in_review");
    });
  });

  if (dialect === "postgres") {
    describe("row level security beneath the review path", () => {
      const asApp = async <T>(fn: (c: pg.Client) => Promise<T>) => {
        const app = new pg.Client({ connectionString: db.ownerUrl, options: "-c role=storyboard_app" });
        await app.connect();
        try {
          return await fn(app);
        } finally {
          await app.end();
        }
      };

      it("keeps comments to their owner with RLS forced; the app role cannot write a reviewer's comment by hand", async () => {
        const [t] = await raw.query<{ relrowsecurity: boolean; relforcerowsecurity: boolean }>("SELECT relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname = 'scene_comments'");
        expect(t).toEqual({ relrowsecurity: true, relforcerowsecurity: true });
        const a = await board(1);
        const b = await board(1);
        const { hash, link: l } = await link(a.u.id, a.sb.id, true);
        await store.addSceneComment(a.u.id, a.sb.scenes[0]!.id, { body: "a's note" });
        await asApp(async (app) => {
          expect((await app.query("SELECT COUNT(*) AS n FROM scene_comments")).rows[0].n).toBe(0);
          await app.query("BEGIN");
          await app.query("SELECT set_config('app.current_user_id', $1, true)", [b.u.id]);
          expect((await app.query("SELECT COUNT(*) AS n FROM scene_comments")).rows[0].n).toBe(0);
          await expect(
            app.query("INSERT INTO scene_comments (scene_id, storyboard_id, user_id, author, author_name, body) VALUES ($1, $2, $3, 'reviewer', 'x', 'y')", [a.sb.scenes[0]!.id, a.sb.id, a.u.id]),
          ).rejects.toThrow(/row-level security/);
          await app.query("ROLLBACK");
          // The share role's settings, set by hand, open nothing to the app role.
          await app.query("BEGIN");
          await app.query("SELECT set_config('app.share_storyboard_id', $1, true), set_config('app.share_link_id', $2, true)", [String(a.sb.id), String(l.id)]);
          await expect(
            app.query("INSERT INTO scene_comments (scene_id, storyboard_id, user_id, author, author_name, share_link_id, body) VALUES ($1, $2, $3, 'reviewer', 'x', $4, 'y')", [a.sb.scenes[0]!.id, a.sb.id, a.u.id, l.id]),
          ).rejects.toThrow(/row-level security/);
          await app.query("ROLLBACK");
          // The function is the way in, and leaves no setting behind.
          await app.query("BEGIN");
          const r = (await app.query("SELECT add_shared_scene_comment($1, $2, 'Dana', 'hello') AS r", [hash, a.sb.scenes[0]!.id])).rows[0].r;
          expect(r.comment.author).toBe("reviewer");
          const left = (await app.query("SELECT current_setting('app.share_storyboard_id', true) AS s, current_setting('app.share_token_hash', true) AS h, current_setting('app.share_link_id', true) AS l")).rows[0];
          expect(left).toEqual({ s: "", h: "", l: "" });
          expect((await app.query("SELECT current_setting('app.current_user_id', true) AS u")).rows[0].u ?? "").toBe("");
          await app.query("COMMIT");
          expect((await app.query("SELECT add_shared_scene_comment($1, $2, 'Dana', 'hello') AS r", [hash, b.sb.scenes[0]!.id])).rows[0].r).toEqual({ error: "scene_not_found" });
        });
        expect((await store.listSceneComments(a.u.id, a.sb.id)).map((c) => c.author)).toEqual(["owner", "reviewer"]);
      });

      it("the function is the share role's, SECURITY DEFINER, not PUBLIC's; the share role reads no owner column", async () => {
        const [fn] = await raw.query<{ prosecdef: boolean; owner: string; proconfig: string[]; public_exec: boolean }>(
          `SELECT prosecdef, pg_get_userbyid(proowner) AS owner, proconfig, has_function_privilege('public', oid, 'EXECUTE') AS public_exec
           FROM pg_proc WHERE proname = 'add_shared_scene_comment'`,
        );
        expect(fn).toMatchObject({ prosecdef: true, owner: "storyboard_share", public_exec: false });
        expect(fn!.proconfig.join(",")).toMatch(/search_path=pg_catalog, public/);
        await raw.exec("BEGIN; SET LOCAL ROLE storyboard_share");
        try {
          await expect(raw.query("SELECT user_id FROM scene_comments")).rejects.toThrow(/permission denied/);
        } finally {
          await raw.exec("ROLLBACK");
        }
        await raw.exec("BEGIN; SET LOCAL ROLE storyboard_share");
        try {
          expect((await raw.query<{ n: number }>("SELECT COUNT(*)::int AS n FROM scene_comments"))[0]!.n).toBe(0);
        } finally {
          await raw.exec("ROLLBACK");
        }
      });
    });
  }
});
