// POST /s/:token/scenes/:sceneId/comments {author_name, body}: a reviewer's comment through a
// share link, signed out. 404 for an unknown or revoked link or a scene of another storyboard,
// 403 when the link does not allow comments, 429 past the link's comment rate.
import { randomUUID } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { createSharedComment } from "@/features/comments/create-shared-comment";
import { checkCsrf, idParam } from "@/server/api";
import { readSmallJson } from "@/server/small-json";
import { errorResponse } from "@/server/errors";
import { SHARE_HEADERS } from "@/server/files";
import { SMALL_JSON_BYTES } from "../../../../../api/v1/schemas";

export async function POST(req: NextRequest, { params }: { params: Promise<{ token: string; sceneId: string }> }) {
  const requestId = randomUUID();
  try {
    checkCsrf(req);
    const { token, sceneId } = await params;
    const comment = await createSharedComment(token, idParam(sceneId, "Scene"), await readSmallJson(req, SMALL_JSON_BYTES));
    return NextResponse.json(comment, { status: 201, headers: { ...SHARE_HEADERS, "cache-control": "no-store", "x-request-id": requestId } });
  } catch (e) {
    const res = errorResponse(e, requestId);
    for (const [k, v] of Object.entries(SHARE_HEADERS)) res.headers.set(k, v);
    return res;
  }
}
