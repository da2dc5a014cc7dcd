// POST /api/v1/projects/:id/restore: bring an archived project back, whole (200 Project; 404 if it is not in the user's archive).
import { restoreProject } from "@/features/archive/restore-project";
import { apiRoute, idParam } from "@/server/api";

export const POST = apiRoute<{ id: string }>(async ({ params, userId }) => restoreProject(userId, idParam(params.id, "Archived project")), { limit: "heavy" });
