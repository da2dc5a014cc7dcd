// The process-wide services the use-cases call: the store, the cache and the job queue.
import { getDriver, getStore, type Store } from "../db/client";
import { readDbConfig } from "../db/config";
import { memoryCache, redisCache, type Cache } from "./cache";
import { appEnv } from "./env";
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
    const cache = env.redisUrl ? redisCache(env.redisUrl) : memoryCache();
    // Created idle: it connects on first use (pg-boss) and works only when boot or `storyboard worker` says so.
    const jobs = createJobQueue(readDbConfig(), await getDriver(), { worker: isJobWorker() });
    return { store, cache, jobs };
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
  sharedCommentRate: (tokenHash: string) => `rate:shared-comment:${tokenHash}`,
};
