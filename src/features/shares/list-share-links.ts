import type { ShareLink } from "../../domain/types";
import { services } from "../../server/services";

/** A storyboard's share links, newest first (revoked ones too, marked with revoked_at). */
export async function listShareLinks(userId: string, storyboardId: number): Promise<ShareLink[]> {
  return (await services()).store.listShareLinks(userId, storyboardId);
}
