// The generation job: brief in, scenes out, written in one transaction. Any failure leaves the
// storyboard in 'error' with a reason the creator can read, and a retry button.
import { AppError } from "../../domain/errors";
import { generateWithProvider } from "../../engine";
import { cacheKeys, services } from "../../server/services";
import { engineInputOf, sceneInputOf } from "./engine-io";

export async function runGeneration(userId: string, storyboardId: number): Promise<void> {
  const { store, cache } = await services();
  try {
    const sb = await store.getStoryboard(userId, storyboardId);
    if (sb.status !== "generating") return;
    const out = await generateWithProvider(engineInputOf(sb));
    await store.completeGeneration(userId, storyboardId, {
      pattern_source: `${out.pattern} (${out.pattern_source})`.slice(0, 255),
      scenes: out.scenes.map(sceneInputOf),
      generation_options: { ...sb.generation_options, platform: out.platform },
    });
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") return; // deleted while it was queued
    console.error(`[generation] storyboard ${storyboardId} failed:`, e);
    const reason = e instanceof AppError && e.code !== "internal" ? e.message : "The storyboard engine failed unexpectedly";
    await store.setStoryboardStatus(userId, storyboardId, "error", reason).catch(() => undefined);
  } finally {
    await cache.del(cacheKeys.dashboard(userId));
  }
}

/** Queues the job; the request that asked for it returns at once. */
export async function enqueueGeneration(userId: string, storyboardId: number): Promise<void> {
  (await services()).jobs.enqueue(`generate storyboard ${storyboardId}`, () => runGeneration(userId, storyboardId));
}
