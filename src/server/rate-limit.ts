// Per-user limit on storyboard generation (the expensive call), shared across instances via Redis.
import { AppError } from "../domain/errors";
import { appEnv } from "./env";
import { cacheKeys, services } from "./services";

export async function limitGeneration(userId: string): Promise<void> {
  const { ratePerWindow, windowSeconds } = appEnv().generation;
  const { cache } = await services();
  const { count, resetSeconds } = await cache.hit(cacheKeys.generationRate(userId), windowSeconds);
  if (count > ratePerWindow) {
    throw new AppError("rate_limited", `You can generate ${ratePerWindow} storyboards every ${windowSeconds} seconds. Try again in ${resetSeconds} s.`, {
      retryAfterSeconds: resetSeconds,
    });
  }
}
