// GET /api/v1/projects/:id/changes: the project's undo stack (edits of the project, deletes of it and
// its storyboards). A deleted project's stack is still readable: its Undo is how it comes back.
import { listChanges } from "@/features/history/list-changes";
import { apiRoute, idParam } from "@/server/api";

export const GET = apiRoute<{ id: string }>(async ({ params, userId }) => listChanges(userId, { project_id: idParam(params.id, "Project") }));
