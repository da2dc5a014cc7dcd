import { notFound } from "../../domain/errors";
import type { SceneImage } from "../../domain/types";
import { services } from "../../server/services";
import { hashShareToken } from "./share-token";

/** One scene's picture through a share link (only a scene of the link's own storyboard). */
export async function getSharedSceneImage(token: string, sceneId: number): Promise<SceneImage> {
  const hash = hashShareToken(token);
  const [image] = hash ? await (await services()).store.getSharedSceneImages(hash, sceneId) : [];
  if (!image) throw notFound("Image");
  return image;
}
