// POST /api/v1/storyboards/:id/duplicate: a copy with the same scenes and unticked tasks (201).
import { duplicateStoryboard } from "@/features/storyboards/duplicate-storyboard";
import { apiRoute, idParam } from "@/server/api";

export const POST = apiRoute<{ id: string }>(async ({ params, userId }) => duplicateStoryboard(userId, idParam(params.id, "Storyboard")), { status: 201, limit: "heavy", idempotent: true });
