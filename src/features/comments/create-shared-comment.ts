import { AppError, notFound } from "../../domain/errors";
import { parseInput, sharedCommentCreateSchema } from "../../domain/schemas";
import type { SceneComment } from "../../domain/types";
import { hit } from "../../server/rate-limit";
import { cacheKeys, services } from "../../server/services";
import { hashShareToken } from "../shares/share-token";

/** Reviewers' comments per link in a window: enough for a real review, a bound on a leaked link. */
export const SHARED_COMMENTS_PER_WINDOW = 60;
const WINDOW_SECONDS = 600;

/**
 * A reviewer's comment through a share link, signed out. Succeeds only for a live link that
 * allows comments and a scene of its storyboard (the store's narrow path checks all three).
 */
export async function createSharedComment(token: string, sceneId: number, input: unknown): Promise<SceneComment> {
  const hash = hashShareToken(token);
  if (!hash) throw notFound("Share link");
  const data = parseInput(sharedCommentCreateSchema, input);
  const { store } = await services();
  const { count, resetSeconds } = await hit(cacheKeys.sharedCommentRate(hash), WINDOW_SECONDS);
  if (count > SHARED_COMMENTS_PER_WINDOW) {
    throw new AppError("rate_limited", `This link can post ${SHARED_COMMENTS_PER_WINDOW} comments every ${WINDOW_SECONDS / 60} minutes. Try again in ${resetSeconds} s.`, { retryAfterSeconds: resetSeconds });
  }
  return store.addSharedSceneComment(hash, sceneId, data);
}
