import { AppError } from "../../domain/errors";
import type { Storyboard } from "../../domain/types";
import { limitGeneration } from "../../server/rate-limit";
import { services } from "../../server/services";
import { enqueueGeneration } from "./run-generation";

/** Runs a failed generation again with the same brief and options. */
export async function retryGeneration(userId: string, storyboardId: number): Promise<Storyboard> {
  const { store } = await services();
  const sb = await store.getStoryboard(userId, storyboardId);
  // Only a failed generation is retried: re-running a completed one would replace its scenes and
  // lose the creator's edits and ticks (that is what "New variation" is for).
  if (sb.status !== "error") {
    throw new AppError("conflict", sb.status === "generating" ? "This storyboard is already being generated" : "Only a failed generation can be retried; use New variation for another take");
  }
  await limitGeneration(userId);
  const updated = await store.setStoryboardStatus(userId, storyboardId, "generating");
  await enqueueGeneration(userId, storyboardId);
  return updated;
}
