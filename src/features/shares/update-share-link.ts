import { parseInput, shareLinkUpdateSchema } from "../../domain/schemas";
import type { ShareLink } from "../../domain/types";
import { services } from "../../server/services";

/** Turns reviewers' comments through a link on or off. */
export async function updateShareLink(userId: string, linkId: number, input: unknown): Promise<ShareLink> {
  const data = parseInput(shareLinkUpdateSchema, input);
  return (await services()).store.updateShareLink(userId, linkId, data);
}
