// POST /api/v1/scenes/:id/move {position}: returns the storyboard's scenes in their new order.
// If-Match (or `version`): only if the storyboard is still at that version, else 409 with its current state.
import { parseInput } from "@/domain/schemas";
import { moveScene } from "@/features/scenes/move-scene";
import { apiRoute, idParam, readJson, versioned, writeCondition } from "@/server/api";
import { sceneMoveSchema } from "../../../schemas";

export const POST = apiRoute<{ id: string }>(async ({ req, params, userId }) => {
  const id = idParam(params.id, "Scene");
  const body = await readJson(req);
  const { position } = parseInput(sceneMoveSchema, body);
  const cond = writeCondition(req, body);
  return versioned(await moveScene(userId, id, position, cond), cond.version);
});
