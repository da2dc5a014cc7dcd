// GET /api/v1/scenes/:id/image: the scene's picture. PUT: upload one (the raw bytes of a PNG, JPEG
// or WebP file, at most 5 MB). DELETE: remove it (the sketch shows again).
import { deleteSceneImage } from "@/features/scenes/delete-scene-image";
import { getSceneImage } from "@/features/scenes/get-scene-image";
import { setSceneImage } from "@/features/scenes/set-scene-image";
import { LIMITS } from "@/domain/constants";
import { apiRoute, idParam, readBytes, IMAGE_BODY_TYPES } from "@/server/api";
import { imageResponse } from "@/server/files";

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ params, userId }) => imageResponse(await getSceneImage(userId, idParam(params.id, "Scene"))));

export const PUT = apiRoute<Params>(
  async ({ req, params, userId }) => setSceneImage(userId, idParam(params.id, "Scene"), await readBytes(req, LIMITS.sceneImageBytes, "image")),
  { bodyTypes: IMAGE_BODY_TYPES, bodyLimit: LIMITS.sceneImageBytes, limit: "heavy" },
);

export const DELETE = apiRoute<Params>(async ({ params, userId }) => {
  await deleteSceneImage(userId, idParam(params.id, "Scene"));
});
