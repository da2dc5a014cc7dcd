// POST /api/v1/versions/:id/restore: puts its storyboard back as the version has it. A version of
// the current state is taken first, and the restore is one change on the storyboard's undo stack.
// If-Match (or `version`): only if the storyboard is still at that version.
import { restoreVersion } from "@/features/history/versions";
import { apiRoute, idParam, readJson, versioned, writeCondition } from "@/server/api";

export const POST = apiRoute<{ id: string }>(async ({ req, params, userId }) => {
  const body = await readJson(req);
  const cond = writeCondition(req, body);
  return versioned(await restoreVersion(userId, idParam(params.id, "Version"), cond), cond.version);
});
