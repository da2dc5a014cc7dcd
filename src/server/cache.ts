// Key-value cache and counters. Three kinds (chosen in services.ts, README "Cache and Redis"):
// - redis: REDIS_URL is set; shared by every app instance;
// - memory: an in-process map, for a deployment that is one process (the embedded SQLite default,
//   development, or SINGLE_INSTANCE=1);
// - off: production on PostgreSQL without Redis and not declared single-instance: several
//   instances may run, and each one's own cache would serve the others' stale data, so nothing is
//   cached (rate limits still count, per process).
//
// Cached reads are versioned (readThrough/bump): a value is filled under the version read BEFORE
// the database was queried, and is served only while that version is still current. A writer
// replaces the version after its commit, so a fill racing with a write can never outlive it
// (tests/server/cache-model.test.ts checks this over thousands of interleavings).
//
// Redis failing must slow nothing down: short command and connect timeouts, no offline queue,
// and a circuit breaker that, after a few failures, skips Redis for a window (one probe per
// window). While Redis is unavailable, reads come from the database and counters from this
// process: a rate limit falls back to a per-process limit, never to none.
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";

export interface Cache {
  readonly kind: "redis" | "memory" | "off";
  get<T>(key: string): Promise<T | null>;
  set(key: string, value: unknown, ttlSeconds: number): Promise<void>;
  del(...keys: string[]): Promise<void>;
  /**
   * The value cached under `key` if it was filled under the current version of `versionKey`;
   * otherwise `load()`'s, cached under the version read before `load` ran. Errors of `load`
   * propagate; the cache's own failures only make it a miss.
   */
  readThrough<T>(key: string, versionKey: string, ttlSeconds: number, load: () => Promise<T>): Promise<T>;
  /** Retires every value cached under `versionKey`'s current version. Call it after the write commits. */
  bump(versionKey: string): Promise<void>;
  /** Fixed-window counter: the count after this hit and the seconds until the window resets. */
  hit(key: string, windowSeconds: number): Promise<{ count: number; resetSeconds: number }>;
  close(): Promise<void>;
}

/** How long a version lives (refreshed by every write). A version that expired is replaced by a new random one: never reused, so always safe. */
export const VERSION_TTL_SECONDS = 86_400;

/** A version: random, so that a version key that expired or was evicted never comes back with an old value's version. */
export const newVersion = () => randomBytes(9).toString("base64url");

/** The few key-value operations a versioned read needs; each one atomic on its own. */
export interface VersionedKv {
  /** [version, raw entry] */
  getPair(versionKey: string, key: string): Promise<[string | null, string | null]>;
  /** Sets the version if there is none; returns the version now current (null: unknown). */
  initVersion(versionKey: string, version: string): Promise<string | null>;
  setVersion(versionKey: string, version: string): Promise<void>;
  setEntry(key: string, raw: string, ttlSeconds: number): Promise<void>;
}

interface Entry {
  v: string;
  d: unknown;
}

/**
 * The versioned read, shared by every kind of cache and by the model test. Correct because
 * (1) the version is read before `load` queries the database, (2) writers replace the version
 * after their commit, and (3) versions are never reused: an entry whose version is still current
 * was loaded after every write whose bump has completed.
 */
export async function versionedRead<T>(kv: VersionedKv, key: string, versionKey: string, ttlSeconds: number, load: () => Promise<T>): Promise<T> {
  let version: string | null = null;
  try {
    const [current, raw] = await kv.getPair(versionKey, key);
    version = current ?? (await kv.initVersion(versionKey, newVersion()));
    if (raw !== null && version !== null) {
      const entry = JSON.parse(raw) as Entry;
      if (entry.v === version) return entry.d as T;
    }
  } catch {
    version = null; // the cache is unavailable: read from the database, fill nothing
  }
  const value = await load();
  if (version !== null) await kv.setEntry(key, JSON.stringify({ v: version, d: value } satisfies Entry), ttlSeconds).catch(() => undefined);
  return value;
}

/** The in-process map (bounded: a cache, not a store). */
class MemoryMap {
  private values = new Map<string, { value: string; expires: number }>();
  constructor(private now: () => number) {}
  get(key: string): string | null {
    const v = this.values.get(key);
    if (!v) return null;
    if (v.expires > this.now()) return v.value;
    this.values.delete(key);
    return null;
  }
  expiresAt(key: string): number | null {
    return this.get(key) === null ? null : this.values.get(key)!.expires;
  }
  set(key: string, value: string, ttlSeconds: number, expires = this.now() + ttlSeconds * 1000) {
    if (this.values.size > 10_000) this.values.clear(); // versions go too: every entry becomes a miss, never stale
    this.values.set(key, { value, expires });
  }
  delete(key: string) {
    this.values.delete(key);
  }
  clear() {
    this.values.clear();
  }
  hit(key: string, windowSeconds: number) {
    const current = this.get(key);
    const count = current === null ? 1 : Number(current) + 1;
    const expires = this.expiresAt(key) ?? this.now() + windowSeconds * 1000;
    this.set(key, String(count), 0, expires);
    return { count, resetSeconds: Math.max(1, Math.ceil((expires - this.now()) / 1000)) };
  }
  kv(): VersionedKv {
    return {
      getPair: async (versionKey, key) => [this.get(versionKey), this.get(key)],
      initVersion: async (versionKey, version) => {
        if (this.get(versionKey) === null) this.set(versionKey, version, VERSION_TTL_SECONDS);
        return this.get(versionKey);
      },
      setVersion: async (versionKey, version) => this.set(versionKey, version, VERSION_TTL_SECONDS),
      setEntry: async (key, raw, ttl) => this.set(key, raw, ttl),
    };
  }
}

export function memoryCache(now: () => number = Date.now): Cache {
  const map = new MemoryMap(now);
  const kv = map.kv();
  return {
    kind: "memory",
    async get<T>(key: string) {
      const raw = map.get(key);
      return raw === null ? null : (JSON.parse(raw) as T);
    },
    async set(key, value, ttlSeconds) {
      map.set(key, JSON.stringify(value), ttlSeconds);
    },
    async del(...keys) {
      for (const k of keys) map.delete(k);
    },
    readThrough: (key, versionKey, ttl, load) => versionedRead(kv, key, versionKey, ttl, load),
    bump: (versionKey) => kv.setVersion(versionKey, newVersion()),
    hit: async (key, windowSeconds) => map.hit(key, windowSeconds),
    async close() {
      map.clear();
    },
  };
}

/**
 * No shared cache and more than one process may run: nothing is cached (a value cached here
 * could be stale after a write through another instance), counters are per process.
 */
export function uncachedCache(now: () => number = Date.now): Cache {
  const counters = new MemoryMap(now);
  return {
    kind: "off",
    get: async () => null,
    set: async () => undefined,
    del: async () => undefined,
    readThrough: (_key, _versionKey, _ttl, load) => load(),
    bump: async () => undefined,
    hit: async (key, windowSeconds) => counters.hit(key, windowSeconds),
    async close() {
      counters.clear();
    },
  };
}

/**
 * After `failures` failures in a row, calls are refused for `windowMs`; then one call (the probe)
 * goes through: its success closes the breaker, its failure opens it for another window.
 */
export class CircuitBreaker {
  private failures = 0;
  private openUntil = 0;
  private probing = false;
  constructor(
    private readonly threshold: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}
  get isOpen(): boolean {
    return this.failures >= this.threshold;
  }
  /** May this call go to Redis? While open, true once per window (the probe). */
  allow(): boolean {
    if (!this.isOpen) return true;
    if (this.probing || this.now() < this.openUntil) return false;
    this.probing = true;
    return true;
  }
  success(): void {
    this.failures = 0;
    this.probing = false;
  }
  failure(): void {
    this.failures++;
    this.probing = false;
    if (this.isOpen) this.openUntil = this.now() + this.windowMs;
  }
}

export interface RedisCacheOptions {
  url: string;
  /** Longest wait for one command's reply (REDIS_COMMAND_TIMEOUT_MS). */
  commandTimeoutMs: number;
  /** Longest wait for a connection (REDIS_CONNECT_TIMEOUT_MS). */
  connectTimeoutMs: number;
  /** Failures in a row that open the breaker (REDIS_BREAKER_FAILURES). */
  breakerFailures: number;
  /** How long an open breaker skips Redis before one probe (REDIS_BREAKER_WINDOW_MS). */
  breakerWindowMs: number;
  prefix?: string;
  log?: (line: string) => void;
  now?: () => number;
}

export const REDIS_DEFAULTS = { commandTimeoutMs: 200, connectTimeoutMs: 200, breakerFailures: 3, breakerWindowMs: 5_000 } as const;

/** Redis is not answering, or the breaker says not to ask. */
class Unavailable extends Error {}

export function redisCache(opts: RedisCacheOptions | string): Cache {
  const o: RedisCacheOptions = typeof opts === "string" ? { url: opts, ...REDIS_DEFAULTS } : opts;
  const prefix = o.prefix ?? "sb:";
  const log = o.log ?? ((line: string) => console.error(line));
  const now = o.now ?? Date.now;
  const redis = new Redis(o.url, {
    lazyConnect: false,
    connectTimeout: o.connectTimeoutMs,
    commandTimeout: o.commandTimeoutMs,
    // A command never waits for a connection: without one it fails at once and the breaker counts it.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    // Reconnect forever, but at most once a second: recovery within about a second of Redis's return.
    retryStrategy: (times) => Math.min(50 * 2 ** Math.min(times, 5), 1_000),
  });
  const breaker = new CircuitBreaker(o.breakerFailures, o.breakerWindowMs, now);
  const local = new MemoryMap(now); // counters while Redis is unavailable
  // Versions this process could not replace while Redis was unavailable: replaced first, before
  // anything is read from the cache again (a value filled before that write must not be served).
  const pendingBumps = new Set<string>();
  let down = false;
  const markDown = (why: string) => {
    if (!down) log(`[cache] Redis unavailable (${why}): reading from the database, counting in this process`);
    down = true;
  };
  redis.on("error", (e: Error) => markDown(e.message));
  const markUp = () => {
    if (down) log("[cache] Redis is back");
    down = false;
  };

  // One guarded call: refused while the breaker is open, bounded by the command timeout (ioredis
  // enforces it too; this also bounds MULTI and scripts), counted by the breaker.
  const call = async <T>(op: () => Promise<T>): Promise<T> => {
    if (!breaker.allow()) throw new Unavailable("circuit open");
    let timer: NodeJS.Timeout | undefined;
    try {
      const result = await Promise.race([
        op(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Unavailable(`no reply within ${o.commandTimeoutMs} ms`)), o.commandTimeoutMs + 20);
        }),
      ]);
      breaker.success();
      markUp();
      return result;
    } catch (e) {
      breaker.failure();
      markDown((e as Error).message);
      throw e instanceof Unavailable ? e : new Unavailable((e as Error).message);
    } finally {
      clearTimeout(timer);
    }
  };
  const quietly = async <T>(fallback: T, op: () => Promise<T>): Promise<T> => {
    try {
      return await call(op);
    } catch {
      return fallback;
    }
  };
  const replaceVersion = (versionKey: string, version: string) => call(async () => void (await redis.set(prefix + versionKey, version, "EX", VERSION_TTL_SECONDS)));
  const flushPendingBumps = async () => {
    for (const versionKey of [...pendingBumps]) {
      await replaceVersion(versionKey, newVersion());
      pendingBumps.delete(versionKey);
    }
  };

  const kv: VersionedKv = {
    async getPair(versionKey, key) {
      if (pendingBumps.size > 0) await flushPendingBumps(); // throws while Redis is still away: a miss, no fill
      const [version, raw] = await call(() => redis.mget(prefix + versionKey, prefix + key));
      return [version ?? null, raw ?? null];
    },
    async initVersion(versionKey, version) {
      const set = await call(() => redis.set(prefix + versionKey, version, "EX", VERSION_TTL_SECONDS, "NX"));
      return set === "OK" ? version : await call(() => redis.get(prefix + versionKey));
    },
    setVersion: replaceVersion,
    setEntry: (key, raw, ttl) => call(async () => void (await redis.set(prefix + key, raw, "EX", ttl))),
  };

  return {
    kind: "redis",
    get: <T>(key: string) =>
      quietly<T | null>(null, async () => {
        const raw = await redis.get(prefix + key);
        return raw === null ? null : (JSON.parse(raw) as T);
      }),
    set: (key, value, ttl) => quietly(undefined, async () => void (await redis.set(prefix + key, JSON.stringify(value), "EX", ttl))),
    del: (...keys) => quietly(undefined, async () => void (keys.length && (await redis.del(...keys.map((k) => prefix + k))))),
    readThrough: (key, versionKey, ttl, load) => versionedRead(kv, key, versionKey, ttl, load),
    async bump(versionKey) {
      try {
        await replaceVersion(versionKey, newVersion());
        pendingBumps.delete(versionKey);
      } catch {
        // A timed-out SET may still land later: harmless, it is a new version too.
        pendingBumps.add(versionKey);
      }
    },
    // Shared across instances through Redis; while Redis is unavailable, counted in this process
    // (a per-process limit, never none).
    async hit(key, windowSeconds) {
      try {
        const res = await call(async () => (await redis.multi().incr(prefix + key).expire(prefix + key, windowSeconds, "NX").ttl(prefix + key).exec()) ?? []);
        if (res.some(([err]) => err)) throw new Unavailable("counter failed");
        return { count: Number(res[0]?.[1] ?? 0), resetSeconds: Math.max(1, Number(res[2]?.[1] ?? windowSeconds)) };
      } catch {
        return local.hit(key, windowSeconds);
      }
    },
    async close() {
      local.clear();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
