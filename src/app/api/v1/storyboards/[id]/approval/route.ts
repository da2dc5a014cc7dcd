// PUT /api/v1/storyboards/:id/approval {approval_state}: draft → in_review → approved /
// changes_requested (409 for any other move); answers the storyboard.
import { updateApprovalState } from "@/features/comments/update-approval-state";
import { apiRoute, idParam } from "@/server/api";
import { readSmallJson } from "@/server/small-json";
import { SMALL_JSON_BYTES } from "../../../schemas";

export const PUT = apiRoute<{ id: string }>(async ({ req, params, userId }) => updateApprovalState(userId, idParam(params.id, "Storyboard"), await readSmallJson(req, SMALL_JSON_BYTES)));
