import type { SceneImage } from "../../domain/types";
import { services } from "../../server/services";

export async function getSceneImage(userId: string, sceneId: number): Promise<SceneImage> {
  return (await services()).store.getSceneImage(userId, sceneId);
}
