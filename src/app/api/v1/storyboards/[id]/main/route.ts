// PUT /api/v1/storyboards/:id/main: makes the storyboard its project's main one (the project's
// progress and the dashboard count its tasks); answers the storyboard.
import { setMainStoryboard } from "@/features/storyboards/set-main-storyboard";
import { apiRoute, idParam } from "@/server/api";

export const PUT = apiRoute<{ id: string }>(async ({ params, userId }) => setMainStoryboard(userId, idParam(params.id, "Storyboard")));
