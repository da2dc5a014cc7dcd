// Key-value cache and counters: Redis when REDIS_URL is set (shared by every app instance),
// otherwise an in-process map for the embedded single-process default. A cache failure is
// logged and treated as a miss: it may slow the app down, never break it.
import { Redis } from "ioredis";

export interface Cache {
  readonly kind: "redis" | "memory";
  get<T>(key: string): Promise<T | null>;
  set(key: string, value: unknown, ttlSeconds: number): Promise<void>;
  del(...keys: string[]): Promise<void>;
  /** Fixed-window counter: the count after this hit and the seconds until the window resets. */
  hit(key: string, windowSeconds: number): Promise<{ count: number; resetSeconds: number }>;
  close(): Promise<void>;
}

export function memoryCache(now: () => number = Date.now): Cache {
  const values = new Map<string, { value: string; expires: number }>();
  const live = (key: string) => {
    const v = values.get(key);
    if (v && v.expires <= now()) values.delete(key);
    return values.get(key);
  };
  return {
    kind: "memory",
    async get<T>(key: string) {
      const v = live(key);
      return v ? (JSON.parse(v.value) as T) : null;
    },
    async set(key, value, ttlSeconds) {
      if (values.size > 10_000) values.clear(); // bounded: a cache, not a store
      values.set(key, { value: JSON.stringify(value), expires: now() + ttlSeconds * 1000 });
    },
    async del(...keys) {
      for (const k of keys) values.delete(k);
    },
    async hit(key, windowSeconds) {
      const v = live(key);
      const count = v ? Number(v.value) + 1 : 1;
      const expires = v ? v.expires : now() + windowSeconds * 1000;
      values.set(key, { value: String(count), expires });
      return { count, resetSeconds: Math.max(1, Math.ceil((expires - now()) / 1000)) };
    },
    async close() {
      values.clear();
    },
  };
}

export function redisCache(url: string, prefix = "sb:"): Cache {
  const redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 1, enableOfflineQueue: true, connectTimeout: 2_000 });
  let warned = false;
  redis.on("error", (e: Error) => {
    if (!warned) console.error(`[cache] Redis unavailable (${e.message}); serving without cache`);
    warned = true;
  });
  redis.on("ready", () => (warned = false));
  const safe = async <T>(fallback: T, op: () => Promise<T>): Promise<T> => {
    try {
      return await op();
    } catch {
      return fallback;
    }
  };
  return {
    kind: "redis",
    get: <T>(key: string) =>
      safe<T | null>(null, async () => {
        const raw = await redis.get(prefix + key);
        return raw === null ? null : (JSON.parse(raw) as T);
      }),
    set: (key, value, ttl) => safe(undefined, async () => void (await redis.set(prefix + key, JSON.stringify(value), "EX", ttl))),
    del: (...keys) => safe(undefined, async () => void (keys.length && (await redis.del(...keys.map((k) => prefix + k))))),
    // Rate limits fail open when Redis is down: a limit that locks every user out is worse.
    hit: (key, windowSeconds) =>
      safe({ count: 0, resetSeconds: windowSeconds }, async () => {
        const res = (await redis.multi().incr(prefix + key).expire(prefix + key, windowSeconds, "NX").ttl(prefix + key).exec()) ?? [];
        return { count: Number(res[0]?.[1] ?? 0), resetSeconds: Math.max(1, Number(res[2]?.[1] ?? windowSeconds)) };
      }),
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
