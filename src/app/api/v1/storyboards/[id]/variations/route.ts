// POST /api/v1/storyboards/:id/variations {pattern?, platform?, duration?, aspect_ratio?}: a new
// storyboard in the same project from the same brief that differs (another pattern that fits the
// brief unless one is chosen, a new hook and camera plan); 202 with it in 'generating'.
import { generateVariation } from "@/features/storyboards/generate-variation";
import { apiRoute, idParam } from "@/server/api";
import { readSmallJson } from "@/server/small-json";
import { SMALL_JSON_BYTES } from "../../../schemas";

export const POST = apiRoute<{ id: string }>(async ({ req, params, userId }) => generateVariation(userId, idParam(params.id, "Storyboard"), await readSmallJson(req, SMALL_JSON_BYTES)), { status: 202, limit: "generate", idempotent: true });
