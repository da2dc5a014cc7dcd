import type { ShareLink } from "../../domain/types";
import { services } from "../../server/services";

/** Revokes a link for good: from now on it is a plain 404. */
export async function revokeShareLink(userId: string, linkId: number): Promise<ShareLink> {
  return (await services()).store.revokeShareLink(userId, linkId);
}
