// The store contract for what makes a storyboard shoot-ready, on SQLite and PostgreSQL: aspect
// ratios, scene images, and share links, including the one read path without a user (a token
// opens exactly its own storyboard and nothing else) and, on PostgreSQL, the roles and policies
// beneath it.
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
const bytes = (label: string) => new Uint8Array(Buffer.from(`fake image bytes: ${label}`));

describe.each(DIALECTS)("shoot-ready store on %s", (dialect) => {
  let db: TestDatabase;
  let store: Store;
  let raw: Raw;
  let f: Factories;
  useStoreFixture(dialect, (fx) => ({ db, store, raw, f } = fx));

  const count = async (table: string, where = "1=1", params: unknown[] = []) =>
    Number((await raw.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`, params))[0]?.n);

  async function board(sceneCount = 3) {
    const u = await f.user();
    const p = await f.project(u.id);
    const sb = await f.storyboard(u.id, p.id, { sceneCount });
    return { u, p, sb };
  }

  describe("aspect ratio", () => {
    it("defaults to 9:16, is set at creation and changed later", async () => {
      const { u, p, sb } = await board(1);
      expect(sb.aspect_ratio).toBe("9:16");
      const wide = await f.storyboard(u.id, p.id, { aspect_ratio: "16:9" });
      expect((await store.getStoryboard(u.id, wide.id)).aspect_ratio).toBe("16:9");
      expect((await store.updateStoryboard(u.id, sb.id, { aspect_ratio: "4:5" })).aspect_ratio).toBe("4:5");
      expect((await store.getStoryboard(u.id, sb.id)).aspect_ratio).toBe("4:5");
      expect((await store.listStoryboards(u.id, p.id)).map((s) => s.aspect_ratio).sort()).toEqual(["16:9", "4:5"]);
    });

    it("refuses an unknown ratio naming the field, in the store and in the schema", async () => {
      const { u, sb } = await board(1);
      const e = await caught(store.updateStoryboard(u.id, sb.id, { aspect_ratio: "3:2" as never }));
      expect(e.code).toBe("validation");
      expect(e.fields).toHaveProperty("aspect_ratio");
      await expect(raw.query("UPDATE storyboards SET aspect_ratio = '3:2' WHERE id = $1", [sb.id])).rejects.toThrow(/aspect_ratio_check/);
    });
  });

  describe("scene images", () => {
    it("stores, replaces, lists and removes a scene's image, shown in the storyboard view", async () => {
      const { u, sb } = await board(3);
      const [s1, s2] = sb.scenes;
      const meta = await store.setSceneImage(u.id, s2!.id, { content_type: "image/png", width: 720, height: 1280, data: bytes("first") });
      expect(meta).toMatchObject({ content_type: "image/png", width: 720, height: 1280, byte_size: bytes("first").byteLength });
      let view = await store.getStoryboard(u.id, sb.id);
      expect(view.scenes.map((s) => s.image?.width ?? null)).toEqual([null, 720, null]);
      expect(view.scenes[1]!.tasks).toHaveLength(4);

      await store.setSceneImage(u.id, s2!.id, { content_type: "image/jpeg", width: 1080, height: 1920, data: bytes("second") });
      await store.setSceneImage(u.id, s1!.id, { content_type: "image/png", width: 10, height: 10, data: bytes("s1") });
      const got = await store.getSceneImage(u.id, s2!.id);
      expect(got.content_type).toBe("image/jpeg");
      expect(Buffer.from(got.data).toString()).toBe("fake image bytes: second");
      expect((await store.listSceneImages(u.id, sb.id)).map((i) => i.scene_id)).toEqual([s1!.id, s2!.id]);

      await store.deleteSceneImage(u.id, s2!.id);
      await store.deleteSceneImage(u.id, s2!.id); // nothing left to remove is fine
      view = await store.getStoryboard(u.id, sb.id);
      expect(view.scenes.map((s) => s.image !== null)).toEqual([true, false, false]);
      expect((await caught(store.getSceneImage(u.id, s2!.id))).code).toBe("not_found");

      // Deleting the scene takes its image with it.
      await store.deleteScene(u.id, s1!.id);
      expect(await count("scene_images", "scene_id = $1", [s1!.id])).toBe(0);
    });

    it("refuses a type that is not a re-encoded PNG or JPEG, and another user's scene", async () => {
      const { u, sb } = await board(1);
      const scene = sb.scenes[0]!;
      const e = await caught(store.setSceneImage(u.id, scene.id, { content_type: "image/svg+xml" as never, width: 10, height: 10, data: bytes("x") }));
      expect(e.fields).toHaveProperty("content_type");
      const other = await f.user();
      await store.setSceneImage(u.id, scene.id, { content_type: "image/png", width: 10, height: 10, data: bytes("mine") });
      for (const attempt of [
        () => store.setSceneImage(other.id, scene.id, { content_type: "image/png", width: 10, height: 10, data: bytes("theirs") }),
        () => store.getSceneImage(other.id, scene.id),
        () => store.deleteSceneImage(other.id, scene.id),
        () => store.listSceneImages(other.id, sb.id),
      ]) {
        expect((await caught(attempt())).code).toBe("not_found");
      }
      expect(Buffer.from((await store.getSceneImage(u.id, scene.id)).data).toString()).toBe("fake image bytes: mine");
    });
  });

  describe("share links", () => {
    it("creates, lists, updates and revokes links; only the owner can", async () => {
      const { u, sb } = await board(2);
      const t1 = newToken();
      const link = await store.createShareLink(u.id, sb.id, { token_hash: t1.hash });
      expect(link).toMatchObject({ storyboard_id: sb.id, allow_comments: false, last_opened_at: null, revoked_at: null });
      const t2 = newToken();
      const link2 = await store.createShareLink(u.id, sb.id, { token_hash: t2.hash, allow_comments: true });
      expect((await store.listShareLinks(u.id, sb.id)).map((l) => l.id)).toEqual([link2.id, link.id]);
      expect((await store.updateShareLink(u.id, link.id, { allow_comments: true })).allow_comments).toBe(true);
      // The token itself is never stored.
      expect(await count("share_links", "token_hash = $1", [t1.token])).toBe(0);

      const other = await f.user();
      for (const attempt of [
        () => store.createShareLink(other.id, sb.id, { token_hash: newToken().hash }),
        () => store.listShareLinks(other.id, sb.id),
        () => store.updateShareLink(other.id, link.id, { allow_comments: false }),
        () => store.revokeShareLink(other.id, link.id),
      ]) {
        expect((await caught(attempt())).code).toBe("not_found");
      }

      const revoked = await store.revokeShareLink(u.id, link.id);
      expect(revoked.revoked_at).not.toBeNull();
      expect((await store.revokeShareLink(u.id, link.id)).revoked_at).toBe(revoked.revoked_at);
      expect((await caught(store.updateShareLink(u.id, link.id, { allow_comments: false }))).code).toBe("conflict");
      expect(await store.openSharedStoryboard(t1.hash)).toBeNull();
      expect(await store.openSharedStoryboard(t2.hash)).not.toBeNull();
    });

    it("refuses a malformed token hash and more than 20 live links per storyboard", async () => {
      const { u, sb } = await board(1);
      expect((await caught(store.createShareLink(u.id, sb.id, { token_hash: "not-a-hash" }))).fields).toHaveProperty("token_hash");
      const links = [];
      for (let i = 0; i < 20; i++) links.push(await store.createShareLink(u.id, sb.id, { token_hash: newToken().hash }));
      expect((await caught(store.createShareLink(u.id, sb.id, { token_hash: newToken().hash }))).code).toBe("conflict");
      await store.revokeShareLink(u.id, links[0]!.id);
      await store.createShareLink(u.id, sb.id, { token_hash: newToken().hash });
    });

    it("opens exactly the token's storyboard and nothing else; unknown and revoked tokens open nothing", async () => {
      // Two owners, two storyboards each, images on some scenes, a link on every storyboard.
      const boards = [];
      for (let owner = 0; owner < 2; owner++) {
        const u = await f.user();
        const p = await f.project(u.id, { title: `Project of owner ${owner}` });
        for (let k = 0; k < 2; k++) {
          const sb = await f.storyboard(u.id, p.id, { sceneCount: 2 + k, aspect_ratio: k ? "1:1" : "9:16" });
          await store.setSceneImage(u.id, sb.scenes[0]!.id, { content_type: "image/png", width: 4, height: 4, data: bytes(`${sb.id}`) });
          const t = newToken();
          await store.createShareLink(u.id, sb.id, { token_hash: t.hash });
          boards.push({ u, p, sb, t });
        }
      }
      const allSceneIds = boards.flatMap((b) => b.sb.scenes.map((s) => s.id));
      for (const { u, p, sb, t } of boards) {
        const shared = await store.openSharedStoryboard(t.hash);
        expect(shared).not.toBeNull();
        expect(shared!.storyboard).toMatchObject({ id: sb.id, title: sb.title, aspect_ratio: sb.aspect_ratio, total_duration: sb.total_duration, status: "completed" });
        expect(shared!.project_title).toBe(p.title);
        expect(shared!.scenes.map((s) => s.id)).toEqual(sb.scenes.map((s) => s.id));
        expect(shared!.scenes.map((s) => s.script)).toEqual(sb.scenes.map((s) => s.script));
        expect(shared!.scenes.map((s) => s.beat)).toEqual(sb.scenes.map((s) => s.beat));
        expect(shared!.scenes.every((s) => s.needs_input === null)).toBe(true);
        expect(shared!.scenes.map((s) => s.tasks.length)).toEqual(sb.scenes.map(() => 4));
        expect(shared!.scenes[0]!.image).toMatchObject({ content_type: "image/png", width: 4 });
        // Nothing of the owner: no user id, email, name or brief anywhere in what it returns.
        const text = JSON.stringify(shared);
        for (const secret of [u.id, u.email, u.name!, sb.brief]) expect(text).not.toContain(secret);
        // Images: this storyboard's only, and none for a scene of another storyboard.
        const images = await store.getSharedSceneImages(t.hash);
        expect(images.map((i) => i.scene_id)).toEqual([sb.scenes[0]!.id]);
        expect(Buffer.from(images[0]!.data).toString()).toBe(`fake image bytes: ${sb.id}`);
        for (const sceneId of allSceneIds) {
          const one = await store.getSharedSceneImages(t.hash, sceneId);
          expect(one.length, `scene ${sceneId} through the link of storyboard ${sb.id}`).toBe(sceneId === sb.scenes[0]!.id ? 1 : 0);
        }
      }
      expect(await store.openSharedStoryboard(newToken().hash)).toBeNull();
      expect(await store.openSharedStoryboard("x".repeat(64))).toBeNull();
      expect(await store.getSharedSceneImages(newToken().hash)).toEqual([]);
      const { u, t } = boards[0]!;
      const [link] = await store.listShareLinks(u.id, boards[0]!.sb.id);
      await store.revokeShareLink(u.id, link!.id);
      expect(await store.openSharedStoryboard(t.hash)).toBeNull();
      expect(await store.getSharedSceneImages(t.hash)).toEqual([]);
    });

    it("records when a link was last opened, at most once a minute", async () => {
      const { u, sb } = await board(1);
      const t = newToken();
      const link = await store.createShareLink(u.id, sb.id, { token_hash: t.hash });
      await store.openSharedStoryboard(t.hash);
      const [first] = await store.listShareLinks(u.id, sb.id);
      expect(first!.last_opened_at).not.toBeNull();
      await store.openSharedStoryboard(t.hash);
      expect((await store.listShareLinks(u.id, sb.id))[0]!.last_opened_at).toBe(first!.last_opened_at);
      const longAgo = new Date(Date.now() - 3_600_000);
      await raw.query("UPDATE share_links SET last_opened_at = $1 WHERE id = $2", [dialect === "sqlite" ? longAgo.getTime() : longAgo, link.id]);
      await store.openSharedStoryboard(t.hash);
      expect(new Date((await store.listShareLinks(u.id, sb.id))[0]!.last_opened_at!).getTime()).toBeGreaterThan(longAgo.getTime() + 1000);
    });

    it("opens nothing once its storyboard or project is deleted (soft or for good)", async () => {
      const { u, p, sb } = await board(1);
      const t = newToken();
      await store.createShareLink(u.id, sb.id, { token_hash: t.hash });
      await store.setSceneImage(u.id, sb.scenes[0]!.id, { content_type: "image/png", width: 1, height: 1, data: bytes("x") });
      const now = dialect === "sqlite" ? Date.now() : new Date();
      await raw.query("UPDATE storyboards SET deleted_at = $1 WHERE id = $2", [now, sb.id]);
      expect(await store.openSharedStoryboard(t.hash)).toBeNull();
      expect(await store.getSharedSceneImages(t.hash)).toEqual([]);
      await raw.query("UPDATE storyboards SET deleted_at = NULL WHERE id = $1", [sb.id]);
      await raw.query("UPDATE projects SET deleted_at = $1 WHERE id = $2", [now, p.id]);
      expect(await store.openSharedStoryboard(t.hash)).toBeNull();
      await raw.query("UPDATE projects SET deleted_at = NULL WHERE id = $1", [p.id]);
      expect(await store.openSharedStoryboard(t.hash)).not.toBeNull();
    });

    it("goes away with its storyboard", async () => {
      const { u, sb } = await board(1);
      const t = newToken();
      await store.createShareLink(u.id, sb.id, { token_hash: t.hash });
      await store.deleteStoryboard(u.id, sb.id);
      expect(await count("share_links", "storyboard_id = $1", [sb.id])).toBe(0);
      expect(await store.openSharedStoryboard(t.hash)).toBeNull();
    });
  });

  if (dialect === "postgres") {
    describe("row level security beneath the share path", () => {
      const asApp = async <T>(fn: (c: pg.Client) => Promise<T>) => {
        const app = new pg.Client({ connectionString: db.ownerUrl, options: "-c role=storyboard_app" });
        await app.connect();
        try {
          return await fn(app);
        } finally {
          await app.end();
        }
      };

      it("keeps images and links to their owner, with RLS forced on both tables", async () => {
        const tables = await raw.query<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>(
          "SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname IN ('scene_images', 'share_links') ORDER BY relname",
        );
        expect(tables).toEqual([
          { relname: "scene_images", relrowsecurity: true, relforcerowsecurity: true },
          { relname: "share_links", relrowsecurity: true, relforcerowsecurity: true },
        ]);
        const a = await board(1);
        const b = await board(1);
        await store.setSceneImage(a.u.id, a.sb.scenes[0]!.id, { content_type: "image/png", width: 1, height: 1, data: bytes("a") });
        await store.createShareLink(a.u.id, a.sb.id, { token_hash: newToken().hash });
        await asApp(async (app) => {
          const counts = async () => (await app.query("SELECT (SELECT COUNT(*) FROM scene_images) AS i, (SELECT COUNT(*) FROM share_links) AS l")).rows[0];
          expect(await counts()).toEqual({ i: 0, l: 0 });
          await app.query("BEGIN");
          await app.query("SELECT set_config('app.current_user_id', $1, true)", [b.u.id]);
          expect(await counts()).toEqual({ i: 0, l: 0 });
          await expect(app.query("INSERT INTO share_links (storyboard_id, token_hash) VALUES ($1, $2)", [a.sb.id, newToken().hash])).rejects.toThrow(/row-level security/);
          await app.query("ROLLBACK");
        });
      });

      it("reads a shared storyboard only through the SECURITY DEFINER functions; the app role cannot widen them", async () => {
        const a = await board(2);
        const b = await board(3);
        const t = newToken();
        await store.createShareLink(a.u.id, a.sb.id, { token_hash: t.hash });
        const fns = await raw.query<{ proname: string; prosecdef: boolean; owner: string; proconfig: string[]; public_exec: boolean }>(
          `SELECT proname, prosecdef, pg_get_userbyid(proowner) AS owner, proconfig,
                  has_function_privilege('public', oid, 'EXECUTE') AS public_exec
           FROM pg_proc WHERE proname IN ('share_link_for', 'shared_storyboard', 'shared_scene_images') ORDER BY proname`,
        );
        expect(fns).toHaveLength(3);
        for (const fn of fns) {
          expect(fn).toMatchObject({ prosecdef: true, owner: "storyboard_share", public_exec: false });
          expect(fn.proconfig.join(",")).toMatch(/search_path=pg_catalog, public/);
        }
        const [share] = await raw.query<{ rolbypassrls: boolean; rolcanlogin: boolean }>("SELECT rolbypassrls, rolcanlogin FROM pg_roles WHERE rolname = 'storyboard_share'");
        expect(share).toEqual({ rolbypassrls: false, rolcanlogin: false });

        await asApp(async (app) => {
          // The function returns the one storyboard, and leaves no setting behind.
          await app.query("BEGIN");
          const view = (await app.query("SELECT shared_storyboard($1) AS v", [t.hash])).rows[0].v;
          expect(view.storyboard.id).toBe(a.sb.id);
          expect(view.scenes.map((s: { id: number }) => s.id)).toEqual(a.sb.scenes.map((s) => s.id));
          const left = (await app.query("SELECT current_setting('app.share_storyboard_id', true) AS s, current_setting('app.share_token_hash', true) AS h")).rows[0];
          expect(left).toEqual({ s: "", h: "" });
          // Setting the share role's settings by hand opens nothing to the app role...
          await app.query("SELECT set_config('app.share_storyboard_id', $1, true), set_config('app.share_token_hash', $2, true)", [String(b.sb.id), t.hash]);
          expect((await app.query("SELECT COUNT(*) AS n FROM scenes")).rows[0].n).toBe(0);
          expect((await app.query("SELECT COUNT(*) AS n FROM share_links")).rows[0].n).toBe(0);
          await app.query("ROLLBACK");
          // ...nor is it a member of the share role, nor may it call the lookup the functions share.
          expect((await app.query("SELECT pg_has_role('storyboard_app', 'storyboard_share', 'MEMBER') AS m")).rows[0].m).toBe(false);
          await expect(app.query("SELECT share_link_for($1)", [t.hash])).rejects.toThrow(/permission denied/);
          expect((await app.query("SELECT shared_storyboard($1) AS v", [newToken().hash])).rows[0].v).toBeNull();
        });

        // The share role on its own (as the functions run) sees nothing until a function found a
        // link, and has no column of an owner's or a brief to read at all.
        const asShareRole = async <T>(text: string) => {
          await raw.exec("BEGIN; SET LOCAL ROLE storyboard_share");
          try {
            return await raw.query<T>(text);
          } finally {
            await raw.exec("ROLLBACK");
          }
        };
        expect((await asShareRole("SELECT (SELECT COUNT(*) FROM storyboards) AS s, (SELECT COUNT(*) FROM scenes) AS sc, (SELECT COUNT(*) FROM share_links) AS l"))[0]).toEqual({ s: 0, sc: 0, l: 0 });
        await expect(asShareRole("SELECT brief FROM storyboards")).rejects.toThrow(/permission denied/);
        await expect(asShareRole("SELECT email FROM users")).rejects.toThrow(/permission denied/);
        await expect(asShareRole("SELECT user_id FROM projects")).rejects.toThrow(/permission denied/);
      });
    });
  }
});
