import { parseInput, sceneCommentCreateSchema } from "../../domain/schemas";
import type { SceneComment } from "../../domain/types";
import { services } from "../../server/services";

/** The owner's own comment on one of their scenes. */
export async function createSceneComment(userId: string, sceneId: number, input: unknown): Promise<SceneComment> {
  const data = parseInput(sceneCommentCreateSchema, input);
  return (await services()).store.addSceneComment(userId, sceneId, data);
}
