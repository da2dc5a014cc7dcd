// PATCH /api/v1/comments/:id {resolved}: resolves or reopens a comment on one of your storyboards.
import { updateSceneComment } from "@/features/comments/update-scene-comment";
import { apiRoute, idParam } from "@/server/api";
import { readSmallJson } from "@/server/small-json";
import { SMALL_JSON_BYTES } from "../../schemas";

export const PATCH = apiRoute<{ id: string }>(async ({ req, params, userId }) => updateSceneComment(userId, idParam(params.id, "Comment"), await readSmallJson(req, SMALL_JSON_BYTES)));
