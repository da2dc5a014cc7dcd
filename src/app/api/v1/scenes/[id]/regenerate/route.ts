// POST /api/v1/scenes/:id/regenerate: new wording and visuals, same place, type and duration.
import { regenerateScene } from "@/features/scenes/regenerate-scene";
import { apiRoute, idParam } from "@/server/api";

export const POST = apiRoute<{ id: string }>(async ({ params, userId }) => regenerateScene(userId, idParam(params.id, "Scene")), { limit: "engine" });
