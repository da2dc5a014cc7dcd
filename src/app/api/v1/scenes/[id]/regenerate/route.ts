// POST /api/v1/scenes/:id/regenerate: new wording and visuals, same place, type and duration.
// If-Match: only if the storyboard is still at that version, else 409 with its current state.
import { regenerateScene } from "@/features/scenes/regenerate-scene";
import { apiRoute, idParam, versioned, writeCondition } from "@/server/api";

export const POST = apiRoute<{ id: string }>(async ({ req, params, userId }) => {
  const id = idParam(params.id, "Scene");
  const cond = writeCondition(req);
  return versioned(await regenerateScene(userId, id, cond), cond.version);
}, { limit: "engine" });
