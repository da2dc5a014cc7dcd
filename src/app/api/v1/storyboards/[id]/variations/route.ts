// POST /api/v1/storyboards/:id/variations: a new storyboard from the same brief with another
// seed, in the same project (202 with the new storyboard in 'generating').
import { generateVariation } from "@/features/storyboards/generate-variation";
import { apiRoute, idParam } from "@/server/api";

export const POST = apiRoute<{ id: string }>(async ({ params, userId }) => generateVariation(userId, idParam(params.id, "Storyboard")), { status: 202, limit: "generate", idempotent: true });
