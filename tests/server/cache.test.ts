// The cache contract on a real Redis and on the in-process map; versioned reads racing with a
// write on a real Redis (issue 10, failure 7); and that a Redis outage, killed or frozen, is a
// cache miss served from the database and a per-process counter, never an error or a stall
// (failure 9; the breaker's window logic with a fake clock).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CircuitBreaker, memoryCache, REDIS_DEFAULTS, redisCache, uncachedCache, type Cache } from "../../src/server/cache";
import { cacheKindFor } from "../../src/server/services";
import { redisAnswers, TEST_REDIS_URL as REDIS_URL } from "../support/redis";
import { startOwnRedis, type OwnRedis } from "../support/redis-server";

const redisUp = await redisAnswers(REDIS_URL);
if (!redisUp) console.warn(`[cache.test] no Redis at ${REDIS_URL}: the Redis half of this suite is skipped (CI always runs it)`);

const kinds: Array<[string, () => Cache, boolean]> = [
  ["memory", () => memoryCache(), true],
  ["redis", () => redisCache({ url: REDIS_URL, ...REDIS_DEFAULTS, prefix: `test:${process.pid}:${Date.now()}:` }), redisUp],
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

  it.skipIf(!available)("reads through under a version; a bump retires what was filled before it", async () => {
    const c = cache!;
    const key = `dash:${Math.random()}`;
    const version = `ver:${key}`;
    let db = "Launch";
    let queries = 0;
    const load = async () => (queries++, db);
    expect(await c.readThrough(key, version, 60, load)).toBe("Launch");
    expect(await c.readThrough(key, version, 60, load)).toBe("Launch");
    expect(queries).toBe(1);
    db = "Relaunch";
    await c.bump(version);
    expect(await c.readThrough(key, version, 60, load)).toBe("Relaunch");
    expect(queries).toBe(2);
  });

  it.skipIf(!available)("a fill that lands after a write's invalidation is never served (the issue's race, forced)", async () => {
    const c = cache!;
    const key = `dash:${Math.random()}`;
    const version = `ver:${key}`;
    let db = "Old title";
    // The reader reads the version and queries the database (old title)...
    let releaseQuery!: () => void;
    let querying!: () => void;
    const queried = new Promise<void>((r) => (releaseQuery = r));
    const inQuery = new Promise<void>((r) => (querying = r));
    const slowRead = c.readThrough(key, version, 60, async () => {
      const snapshot = db;
      querying();
      await queried;
      return snapshot;
    });
    await inQuery;
    // ...the PATCH commits and invalidates...
    db = "New title";
    await c.bump(version);
    // ...then the reader's fill lands.
    releaseQuery();
    expect(await slowRead).toBe("Old title");
    expect(await c.readThrough(key, version, 60, async () => db)).toBe("New title");
    expect(await c.readThrough(key, version, 60, async () => "a query that should not run")).toBe("New title");
  });

  it.skipIf(!available)("a failed query is an error, not a cached value", async () => {
    const c = cache!;
    const key = `dash:${Math.random()}`;
    await expect(c.readThrough(key, `ver:${key}`, 60, async () => Promise.reject(new Error("db down")))).rejects.toThrow("db down");
    expect(await c.readThrough(key, `ver:${key}`, 60, async () => "fresh")).toBe("fresh");
  });
});

describe("which cache a process uses (SINGLE_INSTANCE)", () => {
  it("Redis when configured; in-process only for one process; off for production PostgreSQL otherwise", () => {
    const base = { redisUrl: null, singleInstance: null, production: true };
    expect(cacheKindFor({ ...base, redisUrl: "redis://r:6379" }, "postgres")).toBe("redis");
    expect(cacheKindFor(base, "postgres")).toBe("off");
    expect(cacheKindFor({ ...base, singleInstance: true }, "postgres")).toBe("memory");
    expect(cacheKindFor(base, "sqlite")).toBe("memory"); // the README's embedded default
    expect(cacheKindFor({ ...base, singleInstance: false }, "sqlite")).toBe("off");
    expect(cacheKindFor({ ...base, production: false }, "postgres")).toBe("memory");
  });

  it("off: nothing is cached, counters still count (per process)", async () => {
    const c = uncachedCache();
    let db = 1;
    expect(await c.readThrough("k", "v", 60, async () => db)).toBe(1);
    db = 2;
    expect(await c.readThrough("k", "v", 60, async () => db)).toBe(2);
    expect((await c.hit("r", 60)).count).toBe(1);
    expect((await c.hit("r", 60)).count).toBe(2);
  });
});

describe("the circuit breaker", () => {
  it("opens after N failures in a row, lets one probe through per window, closes on a success", () => {
    let t = 0;
    const b = new CircuitBreaker(3, 5_000, () => t);
    b.failure();
    b.failure();
    expect(b.allow()).toBe(true);
    b.failure();
    expect(b.isOpen).toBe(true);
    expect(b.allow()).toBe(false);
    t = 4_999;
    expect(b.allow()).toBe(false);
    t = 5_000;
    expect(b.allow()).toBe(true); // the probe
    expect(b.allow()).toBe(false); // only one per window
    b.failure();
    t = 9_999;
    expect(b.allow()).toBe(false);
    t = 10_000;
    expect(b.allow()).toBe(true);
    b.success();
    expect(b.isOpen).toBe(false);
    expect(b.allow()).toBe(true);
    expect(b.allow()).toBe(true);
  });
});

describe("a Redis outage", () => {
  it("nothing listening: reads come from the database, limits count in this process (never fail open)", async () => {
    const c = redisCache("redis://127.0.0.1:1/0");
    expect(await c.get("x")).toBeNull();
    await expect(c.set("x", 1, 10)).resolves.toBeUndefined();
    expect(await c.readThrough("k", "v", 10, async () => "from the database")).toBe("from the database");
    await expect(c.bump("v")).resolves.toBeUndefined();
    expect((await c.hit("x", 10)).count).toBe(1);
    expect((await c.hit("x", 10)).count).toBe(2);
    expect((await c.hit("x", 10)).count).toBe(3);
    await c.close();
  });

  describe("a Redis of the test's own, killed and frozen", () => {
    let own: OwnRedis;
    let c: Cache;
    const lines: string[] = [];
    beforeAll(async () => {
      own = await startOwnRedis();
      c = redisCache({ url: own.url, ...REDIS_DEFAULTS, breakerWindowMs: 1_000, log: (l) => lines.push(l) });
      for (let i = 0; i < 50 && (await c.hit("warm", 60)).count < 2; i++) await new Promise((r) => setTimeout(r, 50));
    });
    afterAll(async () => {
      own.thaw();
      await c.close();
      await own.stop();
    });

    it("frozen (SIGSTOP): every call returns, counters fall back, and the breaker stops waiting", async () => {
      let db = "v1";
      expect(await c.readThrough("dash", "ver", 60, async () => db)).toBe("v1");
      own.freeze();
      const took: number[] = [];
      for (let i = 0; i < 12; i++) {
        const t0 = performance.now();
        expect(await c.readThrough("dash", "ver", 60, async () => db)).toBe(db);
        took.push(Math.round(performance.now() - t0));
      }
      const counts: number[] = [];
      for (let i = 0; i < 3; i++) counts.push((await c.hit("frozen-limit", 60)).count);
      expect(counts).toEqual([1, 2, 3]); // in-process, not "0 = allowed"
      // A write during the freeze: its invalidation cannot reach Redis and is kept for later.
      db = "v2";
      await c.bump("ver");
      console.log(`[cache.test] frozen Redis, 12 reads in a row took (ms): ${took.join(", ")}`);
      own.thaw();
      // Once Redis answers again (breaker probe), the pending invalidation goes first: the
      // value filled before the freeze ("v1") is never served.
      const seen = new Set<string>();
      for (let i = 0; i < 60; i++) {
        seen.add(await c.readThrough("dash", "ver", 60, async () => db));
        await new Promise((r) => setTimeout(r, 50));
      }
      expect([...seen]).toEqual(["v2"]);
      expect(lines.some((l) => /Redis unavailable/.test(l))).toBe(true);
    });

    it("killed (SIGKILL), then back: served from the database meanwhile, and Redis is used again", async () => {
      await own.kill();
      expect(await c.readThrough("dash2", "ver2", 60, async () => "db")).toBe("db");
      expect((await c.hit("killed-limit", 60)).count).toBe(1);
      expect((await c.hit("killed-limit", 60)).count).toBe(2);
      await own.start();
      let back = false;
      for (let i = 0; i < 100 && !back; i++) {
        await c.set("probe", 1, 60);
        back = (await c.get<number>("probe")) === 1;
        if (!back) await new Promise((r) => setTimeout(r, 100));
      }
      expect(back).toBe(true);
      expect(lines.some((l) => /Redis is back/.test(l))).toBe(true);
    });
  });
});
