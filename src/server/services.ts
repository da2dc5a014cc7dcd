// The process-wide services the use-cases call: the store, the cache and the job queue.
import { getDriver, getStore, type Store } from "../db/client";
import { readDbConfig } from "../db/config";
import { memoryCache, redisCache, uncachedCache, type Cache } from "./cache";
import { appEnv, type AppEnv } from "./env";
import { createJobQueue, isJobWorker, type JobQueue } from "./jobs";

export interface Services {
  store: Store;
  cache: Cache;
  jobs: JobQueue;
}

const globalServices = globalThis as unknown as { __storyboardServices?: Promise<Services> };

export function services(): Promise<Services> {
  globalServices.__storyboardServices ??= (async () => {
    const env = appEnv();
    const store = await getStore();
    const cache = makeCache(env, readDbConfig().dialect);
    // Created idle: it connects on first use (pg-boss) and works only when boot or `storyboard worker` says so.
    const jobs = createJobQueue(readDbConfig(), await getDriver(), { worker: isJobWorker() });
    return { store, cache, jobs };
  })().catch((e: unknown) => {
    globalServices.__storyboardServices = undefined;
    throw e;
  });
  return globalServices.__storyboardServices;
}

/**
 * Which cache this process uses. Redis when REDIS_URL is set. Without it, the in-process cache
 * only when this is the only process serving the data: SINGLE_INSTANCE=1, development, or the
 * embedded SQLite database (one file, one server process by nature); SINGLE_INSTANCE=0 says
 * otherwise. A production PostgreSQL deployment without Redis that did not say it is one instance
 * gets no cache (each instance's own cache would serve data another instance changed) and
 * per-process rate limits. README "Cache and Redis".
 */
export function cacheKindFor(env: Pick<AppEnv, "redisUrl" | "singleInstance" | "production">, dialect: "postgres" | "sqlite"): Cache["kind"] {
  if (env.redisUrl) return "redis";
  const single = env.singleInstance ?? (!env.production || dialect === "sqlite");
  return single ? "memory" : "off";
}

function makeCache(env: AppEnv, dialect: "postgres" | "sqlite"): Cache {
  const kind = cacheKindFor(env, dialect);
  if (kind === "redis") return redisCache({ url: env.redisUrl!, ...env.redis });
  if (kind === "memory") return memoryCache();
  console.warn("[storyboard] cache: off (production without REDIS_URL and without SINGLE_INSTANCE=1); rate limits count per process");
  return uncachedCache();
}

/** Cache keys, in one place so that writers invalidate exactly what readers fill. */
export const cacheKeys = {
  dashboard: (userId: string) => `user:${userId}:projects`,
  /** The version of everything cached for one user: replaced after every write of their data (invalidateUser). */
  userVersion: (userId: string) => `user:${userId}:version`,
  generationRate: (userId: string) => `rate:generate:${userId}`,
  sharedCommentRate: (tokenHash: string) => `rate:shared-comment:${tokenHash}`,
};

/** After a write of the user's data has committed: no value cached before it is served again. */
export async function invalidateUser(cache: Cache, userId: string): Promise<void> {
  await cache.bump(cacheKeys.userVersion(userId));
}
