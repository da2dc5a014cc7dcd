import { parseInput, shareLinkCreateSchema } from "../../domain/schemas";
import type { ShareLink } from "../../domain/types";
import { services } from "../../server/services";
import { newShareToken, sharePath } from "./share-token";

/** A new read-only link; its path (with the token) is returned this once and never again. */
export async function createShareLink(userId: string, storyboardId: number, input: unknown): Promise<ShareLink & { path: string }> {
  const data = parseInput(shareLinkCreateSchema, input ?? {});
  const { store } = await services();
  const { token, hash } = newShareToken();
  const link = await store.createShareLink(userId, storyboardId, { token_hash: hash, allow_comments: data.allow_comments });
  return { ...link, path: sharePath(token) };
}
