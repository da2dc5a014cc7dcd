// GET /api/v1/versions/:id: a named version with its scenes and, scene by scene, how it differs
// from the storyboard now (added, removed, changed fields).
import { getVersion } from "@/features/history/versions";
import { apiRoute, idParam } from "@/server/api";

export const GET = apiRoute<{ id: string }>(async ({ params, userId }) => getVersion(userId, idParam(params.id, "Version")));
