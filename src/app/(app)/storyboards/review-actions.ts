"use server";
// Server actions of the storyboard page's review tools: the owner's scene comments (add, resolve,
// reopen) and the approval state. Each gets the user and calls one use-case.
import { revalidatePath } from "next/cache";
import type { SceneComment, Storyboard } from "../../../domain/types";
import { createSceneComment } from "../../../features/comments/create-scene-comment";
import { updateApprovalState } from "../../../features/comments/update-approval-state";
import { updateSceneComment } from "../../../features/comments/update-scene-comment";
import { idArg, runAction, type ActionResult } from "../../../server/action";
import { idempotentAction } from "../../../server/idempotency";

/** `idempotencyKey`: the comment form's key: a double submit posts the comment once. */
export async function addCommentAction(sceneId: unknown, body: unknown, idempotencyKey?: string): Promise<ActionResult<SceneComment>> {
  return runAction((userId) => idempotentAction(userId, "addComment", idempotencyKey, [sceneId, body], () => createSceneComment(userId, idArg(sceneId, "Scene"), { body })));
}

export async function setCommentResolvedAction(commentId: unknown, resolved: unknown): Promise<ActionResult<SceneComment>> {
  return runAction((userId) => updateSceneComment(userId, idArg(commentId, "Comment"), { resolved }));
}

export async function setApprovalAction(storyboardId: unknown, approvalState: unknown): Promise<ActionResult<Storyboard>> {
  return runAction(async (userId) => {
    const sb = await updateApprovalState(userId, idArg(storyboardId, "Storyboard"), { approval_state: approvalState });
    revalidatePath("/dashboard");
    revalidatePath(`/projects/${sb.project_id}`);
    return sb;
  });
}
