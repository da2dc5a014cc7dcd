// POST /api/v1/storyboards/:id/scenes: a scene (with its four tasks) at `position`, default last.
// If-Match (or `version`): only if the storyboard is still at that version, else 409 with its current state.
import { parseInput } from "@/domain/schemas";
import { insertScene } from "@/features/scenes/insert-scene";
import { apiRoute, idParam, readJson, versioned, writeCondition } from "@/server/api";
import { sceneCreateSchema } from "../../../schemas";

export const POST = apiRoute<{ id: string }>(async ({ req, params, userId }) => {
  const id = idParam(params.id, "Storyboard");
  const body = await readJson(req);
  const { position, ...scene } = parseInput(sceneCreateSchema, body);
  const cond = writeCondition(req, body);
  return versioned(await insertScene(userId, id, position, scene, cond), cond.version, 201);
}, { idempotent: true });
