// GET /api/v1/storyboards/:id/changes: the storyboard's undo stack (what Undo and Redo would do
// next, the newest 50 changes). POST …/undo and …/redo walk it (docs/api.md, "Undo and history").
import { listChanges } from "@/features/history/list-changes";
import { apiRoute, idParam } from "@/server/api";

export const GET = apiRoute<{ id: string }>(async ({ params, userId }) => listChanges(userId, { storyboard_id: idParam(params.id, "Storyboard") }));
