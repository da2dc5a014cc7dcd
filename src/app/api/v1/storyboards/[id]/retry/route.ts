// POST /api/v1/storyboards/:id/retry: generate a failed storyboard again (202; poll as for POST).
import { retryGeneration } from "@/features/storyboards/retry-generation";
import { apiRoute, idParam } from "@/server/api";

export const POST = apiRoute<{ id: string }>(async ({ params, userId }) => retryGeneration(userId, idParam(params.id, "Storyboard")), { status: 202, limit: "generate", idempotent: true });
