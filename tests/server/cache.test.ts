// The cache contract on a real Redis and on the in-process map; and that a Redis outage is a
// cache miss, never an error.
import { afterAll, describe, expect, it } from "vitest";
import { memoryCache, redisCache, type Cache } from "../../src/server/cache";
import { redisAnswers, TEST_REDIS_URL as REDIS_URL } from "../support/redis";

const redisUp = await redisAnswers(REDIS_URL);
if (!redisUp) console.warn(`[cache.test] no Redis at ${REDIS_URL}: the Redis half of this suite is skipped (CI always runs it)`);

const kinds: Array<[string, () => Cache, boolean]> = [
  ["memory", () => memoryCache(), true],
  ["redis", () => redisCache(REDIS_URL, `test:${process.pid}:${Date.now()}:`), redisUp],
];

describe.each(kinds)("%s cache", (_kind, make, available) => {
  const cache = available ? make() : null;
  afterAll(async () => cache?.close());

  it.skipIf(!available)("stores JSON values with a time to live, and deletes them", async () => {
    const c = cache!;
    expect(await c.get("k")).toBeNull();
    await c.set("k", [{ id: 1, title: "Launch" }], 60);
    expect(await c.get("k")).toEqual([{ id: 1, title: "Launch" }]);
    await c.del("k");
    expect(await c.get("k")).toBeNull();
    await c.set("short", 1, 1);
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await c.get("short")).toBeNull();
  });

  it.skipIf(!available)("counts hits in a fixed window", async () => {
    const c = cache!;
    const key = `rate:${Math.random()}`;
    expect((await c.hit(key, 60)).count).toBe(1);
    expect((await c.hit(key, 60)).count).toBe(2);
    const third = await c.hit(key, 60);
    expect(third.count).toBe(3);
    expect(third.resetSeconds).toBeGreaterThan(0);
    expect(third.resetSeconds).toBeLessThanOrEqual(60);
  });
});

describe("a Redis outage", () => {
  it("reads as a miss and counts nothing, without throwing", async () => {
    const c = redisCache("redis://127.0.0.1:1/0");
    expect(await c.get("x")).toBeNull();
    await expect(c.set("x", 1, 10)).resolves.toBeUndefined();
    expect((await c.hit("x", 10)).count).toBe(0);
    await c.close();
  });
});
