// The hourly purge-expired job's store half on SQLite and PostgreSQL (as the maintenance role
// there): expired Auth.js sessions and sign-in tokens go, live ones stay; a scene picture's blob
// goes once no picture, undo row or version names it and it is past the grace time, never before.
import { randomUUID } from "node:crypto";
import type { Adapter } from "@auth/core/adapters";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDriver } from "../../src/db/client";
import type { Driver } from "../../src/db/store/driver";
import type { Store } from "../../src/db/store/types";
import type { Factories } from "../../src/db/seed/factories";
import { DIALECTS, type TestDatabase } from "../support/databases";
import type { Raw } from "../support/raw";
import { useStoreFixture } from "../support/store-fixture";

const MINUTE = 60_000;

describe.each(DIALECTS)("the purge of expired rows on %s", (dialect) => {
  let db: TestDatabase;
  let store: Store;
  let raw: Raw;
  let f: Factories;
  let driver: Driver;
  let adapter: Adapter;
  useStoreFixture(dialect, (fx) => ({ db, store, raw, f } = fx));
  beforeAll(async () => {
    driver = await openDriver(db.config);
    adapter = driver.authAdapter();
  });
  afterAll(async () => {
    await driver?.close();
  });

  it("deletes sessions and sign-in tokens past their expiry, and only those", async () => {
    const u = await f.user();
    const now = new Date();
    const [lapsed, live] = [randomUUID(), randomUUID()];
    await adapter.createSession!({ sessionToken: lapsed, userId: u.id, expires: new Date(now.getTime() - MINUTE) });
    await adapter.createSession!({ sessionToken: live, userId: u.id, expires: new Date(now.getTime() + 30 * 24 * 60 * MINUTE) });
    await adapter.createVerificationToken!({ identifier: u.email, token: "old-token", expires: new Date(now.getTime() - MINUTE) });
    await adapter.createVerificationToken!({ identifier: u.email, token: "new-token", expires: new Date(now.getTime() + 10 * MINUTE) });

    expect(await store.purgeExpiredSessions(now)).toEqual({ sessions: 1, verification_tokens: 1 });
    const tokens = (await raw.query<{ session_token: string }>("SELECT session_token FROM sessions WHERE user_id = $1", [u.id])).map((r) => r.session_token);
    expect(tokens).toEqual([live]);
    expect((await adapter.getSessionAndUser!(live))?.user.id).toBe(u.id);
    expect((await raw.query<{ token: string }>("SELECT token FROM verification_tokens WHERE identifier = $1", [u.email])).map((r) => r.token)).toEqual(["new-token"]);
    // Idempotent: a second run finds nothing.
    expect(await store.purgeExpiredSessions(now)).toEqual({ sessions: 0, verification_tokens: 0 });
  });

  it("deletes a picture's blob once nothing names it, after the grace time", async () => {
    const u = await f.user();
    const p = await f.project(u.id);
    const sb = await f.storyboard(u.id, p.id, { sceneCount: 3 });
    const [s1, s2, s3] = sb.scenes.map((s) => s.id) as [number, number, number];
    const png = (text: string) => ({ content_type: "image/png" as const, width: 4, height: 4, data: new Uint8Array(Buffer.from(text)) });
    const blobs = async () =>
      (await raw.query<{ byte_size: number; data: Uint8Array }>("SELECT byte_size, data FROM scene_image_blobs WHERE user_id = $1", [u.id])).map((r) => Buffer.from(r.data).toString()).sort();
    const purge = (before = new Date(Date.now() + 1_000)) => store.purgeUnusedSceneImageBlobs(before);

    await store.setSceneImage(u.id, s1, png("a"));
    await store.setSceneImage(u.id, s1, png("b")); // current: b; "a" named by the replace
    await store.setSceneImage(u.id, s2, png("x"));
    await store.undo(u.id, { storyboard_id: sb.id }); // "x" named by the undone change only
    await store.updateScene(u.id, s2, { script: "A new line" }); // drops the redo branch: "x" unnamed
    await store.setSceneImage(u.id, s3, png("v"));
    await store.createVersion(u.id, sb.id, { name: "With v" });
    await store.deleteSceneImage(u.id, s3); // "v" named by the version and the remove
    expect(await blobs()).toEqual(["a", "b", "v", "x"]);

    expect(await purge(new Date(Date.now() - 60 * MINUTE))).toBe(0); // within the grace time
    expect(await purge()).toBe(1);
    expect(await blobs()).toEqual(["a", "b", "v"]);

    // Without the undo rows, "a" is named by nothing; "v" still by the version, "b" by the scene.
    await raw.query("DELETE FROM storyboard_changes WHERE user_id = $1", [u.id]);
    expect(await purge()).toBe(1);
    expect(await blobs()).toEqual(["b", "v"]);
    expect(await purge()).toBe(0);
    // What is left still restores: the version brings "v" back.
    const [version] = await store.listVersions(u.id, sb.id);
    await store.restoreVersion(u.id, version!.id);
    expect(Buffer.from((await store.getSceneImage(u.id, s3)).data).toString()).toBe("v");
  });
});
