// The generation job: brief in, scenes out, written in one transaction. It runs as the
// generate-storyboard job (src/server/jobs): an unexpected failure is retried with backoff, and
// the last attempt's failure leaves the storyboard in 'error' with a reason the creator can read,
// and a retry button. A failure the engine explains (invalid options) is not retried. Idempotent:
// a run that finds the storyboard no longer generating (completed by an earlier attempt that
// lost its worker after committing, or deleted) does nothing.
import { AppError } from "../../domain/errors";
import { generateWithProvider } from "../../engine";
import { invalidateUser, services } from "../../server/services";
import { generateStoryboardJob } from "../../server/jobs/definitions/generate-storyboard";
import { errorSummary } from "../../server/log-error";
import { readableTitle } from "../../domain/titles";
import { engineInputOf, sceneInputOf } from "./engine-io";

export const GENERATION_FAILED_MESSAGE = "The storyboard engine failed unexpectedly";

export async function runGeneration(userId: string, storyboardId: number, attempt: { final: boolean; attempt?: number } = { final: true }): Promise<void> {
  const { store, cache } = await services();
  try {
    const sb = await store.getStoryboard(userId, storyboardId);
    if (sb.status !== "generating") return;
    const out = await generateWithProvider(engineInputOf(sb));
    // A storyboard the creator did not name takes the engine's title, readable and unique in its project.
    const named = sb.generation_options.auto_title === true && readableTitle(out.title) !== "";
    await store.completeGeneration(userId, storyboardId, {
      ...(named && { title: readableTitle(out.title), unique_title: true }),
      pattern_source: `${out.pattern} (${out.pattern_source})`.slice(0, 255),
      scenes: out.scenes.map(sceneInputOf),
      generation_options: { ...sb.generation_options, platform: out.platform },
    });
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") return; // deleted while it was queued
    const explained = e instanceof AppError && e.code !== "internal";
    if (!explained && !attempt.final) throw e; // the queue retries it
    console.error(`[generation] storyboard ${storyboardId} failed: ${errorSummary(e)}`);
    const reason = explained ? e.message : `${GENERATION_FAILED_MESSAGE}${attempt.attempt && attempt.attempt > 1 ? ` (${attempt.attempt} attempts)` : ""}`;
    await store.setStoryboardStatus(userId, storyboardId, "error", reason).catch(() => undefined);
  } finally {
    await invalidateUser(cache, userId);
  }
}

/** Queues the job (durably: a restart does not lose it); the request that asked for it returns at once. */
export async function enqueueGeneration(userId: string, storyboardId: number): Promise<void> {
  await (await services()).jobs.enqueue(generateStoryboardJob.name, { userId, storyboardId }, { key: String(storyboardId) });
}
