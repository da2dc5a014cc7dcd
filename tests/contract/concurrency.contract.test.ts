// The store contract for concurrent writes, on SQLite and PostgreSQL (issue 10, items 6 and 8):
// storyboard versions and stale writes, the retry's guarded transition, Idempotency-Key claims
// and their purge; on PostgreSQL, one user's keys are invisible to another under row level security.
import { describe, expect, it } from "vitest";
import type { Store } from "../../src/db/store/types";
import type { Factories } from "../../src/db/seed/factories";
import { DIALECTS } from "../support/databases";
import type { Raw } from "../support/raw";
import { caught, useStoreFixture } from "../support/store-fixture";
import { APPLIED, inIdempotencyScope } from "../../src/db/store/idempotency-scope";

describe.each(DIALECTS)("concurrent writes in the store on %s", (dialect) => {
  let store: Store;
  let raw: Raw;
  let f: Factories;

  useStoreFixture(dialect, (fx) => ({ store, raw, f } = fx));

  async function board(sceneCount = 4) {
    const u = await f.user();
    const p = await f.project(u.id);
    const sb = await f.storyboard(u.id, p.id, { sceneCount });
    return { u, sb };
  }

  it("counts every change to a storyboard or its scenes in its version, and refuses a stale one with the current state", async () => {
    const { u, sb } = await board();
    const v0 = (await store.getStoryboard(u.id, sb.id)).version;
    const cond = { ifVersion: v0 } as { ifVersion: number; version?: number };
    await store.updateScene(u.id, sb.scenes[0]!.id, { script: "First" }, cond);
    expect(cond.version).toBe(v0 + 1);
    await store.moveScene(u.id, sb.scenes[0]!.id, 2);
    await store.insertScene(u.id, sb.id, undefined, { visual_description: "At the end", duration: 1, scene_type: "content" });
    await store.deleteScene(u.id, sb.scenes[3]!.id);
    await store.reorderScenes(u.id, sb.id, (await store.getStoryboard(u.id, sb.id)).scenes.map((s) => s.id).reverse());
    await store.updateStoryboard(u.id, sb.id, { title: "Renamed" });
    const now = await store.getStoryboard(u.id, sb.id);
    expect(now.version).toBe(v0 + 6);
    // Ticks do not count: they never overwrite a scene.
    await store.setTaskCompleted(u.id, now.scenes[0]!.tasks[0]!.id, true);
    expect((await store.getStoryboard(u.id, sb.id)).version).toBe(v0 + 6);

    const e = await caught(store.updateScene(u.id, now.scenes[0]!.id, { script: "Stale" }, { ifVersion: v0 }));
    expect(e.code).toBe("conflict");
    expect(e.fields).toHaveProperty("version");
    expect(e.current?.version).toBe(v0 + 6);
    expect((e.current as unknown as { scenes: unknown[] }).scenes).toHaveLength(now.scenes.length);
    const after = await store.getStoryboard(u.id, sb.id);
    expect(after.version).toBe(v0 + 6);
    expect(after.scenes[0]!.script).not.toBe("Stale");
    // Another user's storyboard is not found, whatever the version.
    const other = await f.user();
    expect((await caught(store.reorderScenes(other.id, sb.id, [], { ifVersion: v0 + 6 }))).code).toBe("not_found");
  });

  it("a retry is one guarded transition: of concurrent ones exactly one wins", async () => {
    const { u, sb } = await board();
    await raw.query("UPDATE storyboards SET status = 'error', error_message = 'failed' WHERE id = $1", [sb.id]);
    const results = await Promise.all(Array.from({ length: 5 }, () => store.beginRetry(u.id, sb.id)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(results.find(Boolean)).toMatchObject({ id: sb.id, status: "generating", error_message: null });
    expect(await store.beginRetry(u.id, sb.id)).toBeNull();
  });

  it("claims an Idempotency-Key once per user and route, keeps the answer, releases a failure, purges old keys", async () => {
    const u = await f.user();
    const v = await f.user();
    const old = new Date(Date.now() - 60_000);
    expect(await store.claimIdempotencyKey(u.id, "POST /x", "k1", "a".repeat(64), old)).toEqual({ claimed: true });
    // Running: a second claim sees it in progress; another user or route has its own key.
    expect(await store.claimIdempotencyKey(u.id, "POST /x", "k1", "a".repeat(64), old)).toEqual({ claimed: false, record: { fingerprint: "a".repeat(64), status: null, body: null, claimedAt: expect.any(Date) } });
    expect(await store.claimIdempotencyKey(v.id, "POST /x", "k1", "b".repeat(64), old)).toEqual({ claimed: true });
    expect(await store.claimIdempotencyKey(u.id, "POST /y", "k1", "c".repeat(64), old)).toEqual({ claimed: true });
    await store.saveIdempotentResponse(u.id, "POST /x", "k1", 201, '{"id":7}');
    expect(await store.claimIdempotencyKey(u.id, "POST /x", "k1", "a".repeat(64), old)).toEqual({ claimed: false, record: { fingerprint: "a".repeat(64), status: 201, body: '{"id":7}', claimedAt: expect.any(Date) } });
    // A finished key is never taken over, however old; an abandoned running one is.
    expect((await store.claimIdempotencyKey(u.id, "POST /x", "k1", "a".repeat(64), new Date(Date.now() + 60_000))).claimed).toBe(false);
    expect((await store.claimIdempotencyKey(u.id, "POST /y", "k1", "c".repeat(64), new Date(Date.now() + 60_000))).claimed).toBe(true);
    // A running claim that is renewed is not abandoned: renewed after the cut-off, it stays its request's.
    expect(await store.claimIdempotencyKey(u.id, "POST /z", "k1", "e".repeat(64), old)).toEqual({ claimed: true });
    await new Promise((r) => setTimeout(r, 20));
    const cutOff = new Date();
    await new Promise((r) => setTimeout(r, 20));
    await store.renewIdempotencyClaim(u.id, "POST /z", "k1");
    expect((await store.claimIdempotencyKey(u.id, "POST /z", "k1", "e".repeat(64), cutOff)).claimed).toBe(false);
    // The work of a keyed request marks its key applied in the work's own transaction: after a
    // crash before the answer was saved, the key is never taken over (the work is not done twice).
    expect(await store.claimIdempotencyKey(u.id, "POST /w", "k1", "f".repeat(64), old)).toEqual({ claimed: true });
    const made = await inIdempotencyScope({ userId: u.id, route: "POST /w", key: "k1" }, () => f.project(u.id, { title: "Made once" }));
    const [applied] = await raw.query<{ response_status: number }>("SELECT response_status FROM idempotency_keys WHERE route = 'POST /w'");
    expect(Number(applied!.response_status)).toBe(APPLIED);
    expect(await store.claimIdempotencyKey(u.id, "POST /w", "k1", "f".repeat(64), new Date(Date.now() + 60_000))).toMatchObject({ claimed: false, record: { status: APPLIED } });
    expect(made.title).toBe("Made once");
    // A released (failed) claim can be made again, even with another body.
    await store.releaseIdempotencyKey(v.id, "POST /x", "k1");
    expect(await store.getIdempotencyKey(v.id, "POST /x", "k1")).toBeNull();
    expect(await store.claimIdempotencyKey(v.id, "POST /x", "k1", "d".repeat(64), old)).toEqual({ claimed: true });
    // Each user sees only their own keys (row level security on PostgreSQL, the filter on both).
    expect((await store.getIdempotencyKey(v.id, "POST /x", "k1"))?.fingerprint).toBe("d".repeat(64));
    expect((await store.getIdempotencyKey(u.id, "POST /x", "k1"))?.fingerprint).toBe("a".repeat(64));

    const [before] = await raw.query<{ n: number }>("SELECT count(*) AS n FROM idempotency_keys");
    expect(await store.purgeIdempotencyKeys(new Date(Date.now() - 3_600_000))).toBe(0);
    const deleted = await store.purgeIdempotencyKeys(new Date(Date.now() + 1_000));
    expect(deleted).toBe(Number(before!.n));
    expect(await store.getIdempotencyKey(u.id, "POST /x", "k1")).toBeNull();
  });
});
