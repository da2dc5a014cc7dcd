import { AppError } from "../../domain/errors";
import type { Storyboard } from "../../domain/types";
import { limitGeneration } from "../../server/rate-limit";
import { services } from "../../server/services";
import { enqueueGeneration } from "./run-generation";

/** Runs a failed generation again with the same brief and options. */
export async function retryGeneration(userId: string, storyboardId: number): Promise<Storyboard> {
  const { store } = await services();
  const sb = await store.getStoryboard(userId, storyboardId);
  if (sb.status === "generating") throw new AppError("conflict", "This storyboard is already being generated");
  await limitGeneration(userId);
  const updated = await store.setStoryboardStatus(userId, storyboardId, "generating");
  await enqueueGeneration(userId, storyboardId);
  return updated;
}
