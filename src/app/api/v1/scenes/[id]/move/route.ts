// POST /api/v1/scenes/:id/move {position}: returns the storyboard's scenes in their new order.
import { parseInput } from "@/domain/schemas";
import { moveScene } from "@/features/scenes/move-scene";
import { apiRoute, idParam, readJson } from "@/server/api";
import { sceneMoveSchema } from "../../../schemas";

export const POST = apiRoute<{ id: string }>(async ({ req, params, userId }) => {
  const id = idParam(params.id, "Scene");
  const { position } = parseInput(sceneMoveSchema, await readJson(req));
  return moveScene(userId, id, position);
});
