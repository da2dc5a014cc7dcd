// GET /api/v1/projects/:id/detail: the project with its storyboards and their scenes' progress.
import { getProjectDetail } from "@/features/projects/get-project-detail";
import { apiRoute, idParam } from "@/server/api";

export const GET = apiRoute<{ id: string }>(async ({ params, userId }) => getProjectDetail(userId, idParam(params.id, "Project")));
