import { parseInput, sceneCommentUpdateSchema } from "../../domain/schemas";
import type { SceneComment } from "../../domain/types";
import { services } from "../../server/services";

/** Resolves or reopens a comment on one of the owner's storyboards. */
export async function updateSceneComment(userId: string, commentId: number, input: unknown): Promise<SceneComment> {
  const data = parseInput(sceneCommentUpdateSchema, input);
  return (await services()).store.setSceneCommentResolved(userId, commentId, data);
}
