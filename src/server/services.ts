// The process-wide services the use-cases call: the store, the cache and the job queue.
import { getStore, type Store } from "../db/client";
import { memoryCache, redisCache, type Cache } from "./cache";
import { appEnv } from "./env";
import { createJobQueue, type JobQueue } from "./jobs";

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
    const cache = env.redisUrl ? redisCache(env.redisUrl) : memoryCache();
    return { store, cache, jobs: createJobQueue(env.generation.concurrency) };
  })().catch((e: unknown) => {
    globalServices.__storyboardServices = undefined;
    throw e;
  });
  return globalServices.__storyboardServices;
}

/** Cache keys, in one place so that writers invalidate exactly what readers fill. */
export const cacheKeys = {
  dashboard: (userId: string) => `user:${userId}:projects`,
  generationRate: (userId: string) => `rate:generate:${userId}`,
};
