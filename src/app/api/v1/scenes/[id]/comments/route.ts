// POST /api/v1/scenes/:id/comments {body}: the owner's comment on a scene.
import { createSceneComment } from "@/features/comments/create-scene-comment";
import { apiRoute, idParam } from "@/server/api";
import { readSmallJson } from "@/server/small-json";
import { SMALL_JSON_BYTES } from "../../../schemas";

export const POST = apiRoute<{ id: string }>(async ({ req, params, userId }) => createSceneComment(userId, idParam(params.id, "Scene"), await readSmallJson(req, SMALL_JSON_BYTES)), { status: 201, idempotent: true });
