// GET /api/v1/projects/archived: the user's projects in the archive (read-only), newest move first.
import { listArchivedProjects } from "@/features/archive/list-archived-projects";
import { apiRoute } from "@/server/api";

export const GET = apiRoute(async ({ userId }) => listArchivedProjects(userId));
