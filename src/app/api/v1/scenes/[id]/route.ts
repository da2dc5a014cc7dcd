// PATCH /api/v1/scenes/:id: edit a scene's fields. DELETE: remove it; later scenes move up.
import { parseInput, scenePatchSchema } from "@/domain/schemas";
import { deleteScene } from "@/features/scenes/delete-scene";
import { updateScene } from "@/features/scenes/update-scene";
import { apiRoute, idParam, readJson } from "@/server/api";
import { patchOf } from "../../schemas";

type Params = { id: string };

export const PATCH = apiRoute<Params>(async ({ req, params, userId }) => {
  const id = idParam(params.id, "Scene");
  return updateScene(userId, id, parseInput(patchOf(scenePatchSchema), await readJson(req)));
});

export const DELETE = apiRoute<Params>(async ({ params, userId }) => deleteScene(userId, idParam(params.id, "Scene")));
