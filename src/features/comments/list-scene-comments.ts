import type { SceneComment } from "../../domain/types";
import { services } from "../../server/services";

/** A storyboard's review comments (the owner's and reviewers'), oldest first. */
export async function listSceneComments(userId: string, storyboardId: number): Promise<SceneComment[]> {
  return (await services()).store.listSceneComments(userId, storyboardId);
}
