"use server";
// Server actions of the storyboard page's shoot-ready tools: the frame's aspect ratio and the
// share links. Each parses, gets the user and calls one use-case.
import { revalidatePath } from "next/cache";
import type { AspectRatio } from "../../../domain/constants";
import type { ShareLink, Storyboard } from "../../../domain/types";
import { createShareLink } from "../../../features/shares/create-share-link";
import { listShareLinks } from "../../../features/shares/list-share-links";
import { revokeShareLink } from "../../../features/shares/revoke-share-link";
import { updateShareLink } from "../../../features/shares/update-share-link";
import { updateStoryboard } from "../../../features/storyboards/update-storyboard";
import { idArg, runAction, type ActionResult } from "../../../server/action";
import { idempotentAction } from "../../../server/idempotency";

/** With `version`, only if the storyboard is still at it (else a 409 naming the version field). */
export async function setAspectRatioAction(storyboardId: unknown, aspectRatio: AspectRatio, version?: number): Promise<ActionResult<Storyboard>> {
  return runAction(async (userId) => {
    const ifVersion = typeof version === "number" && Number.isSafeInteger(version) && version > 0 ? version : undefined;
    const sb = await updateStoryboard(userId, idArg(storyboardId, "Storyboard"), { aspect_ratio: aspectRatio }, { ifVersion });
    revalidatePath(`/storyboards/${sb.id}`);
    return sb;
  });
}

export async function listShareLinksAction(storyboardId: unknown): Promise<ActionResult<ShareLink[]>> {
  return runAction((userId) => listShareLinks(userId, idArg(storyboardId, "Storyboard")));
}

/** `idempotencyKey`: the Create link button's key: a double click makes one link. */
export async function createShareLinkAction(storyboardId: unknown, input: { allow_comments?: boolean }, idempotencyKey?: string): Promise<ActionResult<ShareLink & { path: string }>> {
  return runAction((userId) => idempotentAction(userId, "createShareLink", idempotencyKey, [storyboardId, input], () => createShareLink(userId, idArg(storyboardId, "Storyboard"), input)));
}

export async function setShareCommentsAction(linkId: unknown, allowComments: boolean): Promise<ActionResult<ShareLink>> {
  return runAction((userId) => updateShareLink(userId, idArg(linkId, "Share link"), { allow_comments: allowComments }));
}

export async function revokeShareLinkAction(linkId: unknown): Promise<ActionResult<ShareLink>> {
  return runAction((userId) => revokeShareLink(userId, idArg(linkId, "Share link")));
}
