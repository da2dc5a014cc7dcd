import { AppError } from "../../domain/errors";
import type { Storyboard, StoryboardStatus } from "../../domain/types";
import { limitGeneration } from "../../server/rate-limit";
import { invalidateUser, services } from "../../server/services";
import { enqueueGeneration } from "./run-generation";

// Only a failed generation is retried: re-running a completed one would replace its scenes and
// lose the creator's edits and ticks (that is what "New variation" is for).
const refused = (status: StoryboardStatus) =>
  new AppError("conflict", status === "generating" ? "This storyboard is already being generated" : "Only a failed generation can be retried; use New variation for another take");

/**
 * Runs a failed generation again with the same brief and options. A guarded state transition
 * (error → generating, one statement): of concurrent retries exactly one wins, and only the winner
 * spends a rate-limit token and queues a job; the others get 409.
 */
export async function retryGeneration(userId: string, storyboardId: number): Promise<Storyboard> {
  const { store, cache } = await services();
  const before = await store.getStoryboard(userId, storyboardId);
  if (before.status !== "error") throw refused(before.status);
  const claimed = await store.beginRetry(userId, storyboardId);
  if (!claimed) throw refused((await store.getStoryboard(userId, storyboardId)).status);
  try {
    await limitGeneration(userId);
    await enqueueGeneration(userId, storyboardId);
  } catch (e) {
    // Nothing will generate it: back to 'error' with its reason, so the creator can retry later.
    const reason = e instanceof AppError && e.code === "rate_limited" ? before.error_message : "The generation could not be queued; try again";
    await store.setStoryboardStatus(userId, storyboardId, "error", reason);
    throw e;
  }
  await invalidateUser(cache, userId);
  return claimed;
}
