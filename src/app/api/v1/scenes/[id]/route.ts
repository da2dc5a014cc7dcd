// PATCH /api/v1/scenes/:id: edit a scene's fields. DELETE: remove it; later scenes move up.
// Both take If-Match (or `version`): only if the storyboard is still at that version, else 409.
import { parseInput, scenePatchSchema } from "@/domain/schemas";
import { deleteScene } from "@/features/scenes/delete-scene";
import { updateScene } from "@/features/scenes/update-scene";
import { apiRoute, idParam, readJson, versioned, writeCondition } from "@/server/api";
import { patchOf } from "../../schemas";

type Params = { id: string };

export const PATCH = apiRoute<Params>(async ({ req, params, userId }) => {
  const id = idParam(params.id, "Scene");
  const body = await readJson(req);
  const patch = parseInput(patchOf(scenePatchSchema), body);
  const cond = writeCondition(req, body);
  return versioned(await updateScene(userId, id, patch, cond), cond.version);
});

export const DELETE = apiRoute<Params>(async ({ req, params, userId }) => {
  const id = idParam(params.id, "Scene");
  const cond = writeCondition(req);
  await deleteScene(userId, id, cond);
  return versioned(undefined, cond.version);
});
