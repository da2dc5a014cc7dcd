import type { SceneImageMeta } from "../../domain/types";
import { reencodeImage } from "../../render/image";
import { invalidateUser, services } from "../../server/services";

/** Stores an uploaded picture for a scene (checked by content and re-encoded), replacing its sketch. */
export async function setSceneImage(userId: string, sceneId: number, bytes: Uint8Array): Promise<SceneImageMeta> {
  const { store, cache } = await services();
  await store.getScene(userId, sceneId); // not found before spending CPU on someone else's scene
  const image = await reencodeImage(bytes);
  const meta = await store.setSceneImage(userId, sceneId, image);
  await invalidateUser(cache, userId);
  return meta;
}
