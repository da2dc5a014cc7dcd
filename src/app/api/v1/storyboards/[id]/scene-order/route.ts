// PUT /api/v1/storyboards/:id/scene-order {scene_ids}: every scene id once, in the new order.
import { parseInput } from "@/domain/schemas";
import { reorderScenes } from "@/features/scenes/reorder-scenes";
import { apiRoute, idParam, readJson } from "@/server/api";
import { sceneOrderSchema } from "../../../schemas";

export const PUT = apiRoute<{ id: string }>(async ({ req, params, userId }) => {
  const id = idParam(params.id, "Storyboard");
  const { scene_ids } = parseInput(sceneOrderSchema, await readJson(req));
  return reorderScenes(userId, id, scene_ids);
});
