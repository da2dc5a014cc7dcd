// PUT /api/v1/storyboards/:id/scene-order {scene_ids}: every scene id once, in the new order.
// If-Match (or `version`): only if the storyboard is still at that version, else 409 with its current state.
import { parseInput } from "@/domain/schemas";
import { reorderScenes } from "@/features/scenes/reorder-scenes";
import { apiRoute, idParam, readJson, versioned, writeCondition } from "@/server/api";
import { sceneOrderSchema } from "../../../schemas";

export const PUT = apiRoute<{ id: string }>(async ({ req, params, userId }) => {
  const id = idParam(params.id, "Storyboard");
  const body = await readJson(req);
  const { scene_ids } = parseInput(sceneOrderSchema, body);
  const cond = writeCondition(req, body);
  return versioned(await reorderScenes(userId, id, scene_ids, cond), cond.version);
});
