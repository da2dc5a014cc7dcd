import { notFound } from "../../domain/errors";
import type { SharedStoryboard } from "../../domain/types";
import { services } from "../../server/services";
import { hashShareToken } from "./share-token";

/** What a share link shows, signed out; an unknown or revoked token is simply not found. */
export async function openSharedStoryboard(token: string): Promise<SharedStoryboard> {
  const hash = hashShareToken(token);
  const shared = hash ? await (await services()).store.openSharedStoryboard(hash) : null;
  if (!shared) throw notFound("Page");
  return shared;
}
