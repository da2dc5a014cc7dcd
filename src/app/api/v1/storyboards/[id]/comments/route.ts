// GET /api/v1/storyboards/:id/comments: the storyboard's review comments (the owner's and
// reviewers'), oldest first.
import { listSceneComments } from "@/features/comments/list-scene-comments";
import { apiRoute, idParam } from "@/server/api";

export const GET = apiRoute<{ id: string }>(async ({ params, userId }) => listSceneComments(userId, idParam(params.id, "Storyboard")));
