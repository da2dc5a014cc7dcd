// POST /api/v1/storyboards/:id/redo {change_id?}: redoes the oldest undone change of the storyboard. If-Match
// (or `version`): only at that version. 409 when there is none, when `change_id` is not the one
// next, or when its scenes were changed since (the message names them); nothing is changed then.
import { parseInput } from "@/domain/schemas";
import { redoChange } from "@/features/history/undo-change";
import { apiRoute, idParam, readJson, versioned, writeCondition } from "@/server/api";
import { undoSchema } from "../../../schemas";

export const POST = apiRoute<{ id: string }>(async ({ req, params, userId }) => {
  const id = idParam(params.id, "Storyboard");
  const body = await readJson(req);
  const { change_id } = parseInput(undoSchema, body);
  const cond = writeCondition(req, body);
  return versioned(await redoChange(userId, { storyboard_id: id }, { change_id, cond }), cond.version);
});
