// POST /api/v1/storyboards/:id/scenes: a scene (with its four tasks) at `position`, default last.
import { parseInput } from "@/domain/schemas";
import { insertScene } from "@/features/scenes/insert-scene";
import { apiRoute, idParam, readJson } from "@/server/api";
import { sceneCreateSchema } from "../../../schemas";

export const POST = apiRoute<{ id: string }>(
  async ({ req, params, userId }) => {
    const id = idParam(params.id, "Storyboard");
    const { position, ...scene } = parseInput(sceneCreateSchema, await readJson(req));
    return insertScene(userId, id, position, scene);
  },
  { status: 201 },
);
