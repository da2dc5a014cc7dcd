// GET /s/:token/images/:sceneId: a scene's picture on a shared page (that storyboard's scenes only).
import { getSharedSceneImage } from "@/features/shares/get-shared-scene-image";
import { pageId } from "@/server/action";
import { imageResponse, SHARE_HEADERS, shareNotFound } from "@/server/files";
import { AppError } from "@/domain/errors";
import { errorResponse } from "@/server/errors";

export async function GET(_req: Request, { params }: { params: Promise<{ token: string; sceneId: string }> }) {
  const { token, sceneId } = await params;
  const id = pageId(sceneId);
  if (id === null) return shareNotFound();
  try {
    return imageResponse(await getSharedSceneImage(token, id), SHARE_HEADERS);
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") return shareNotFound();
    return errorResponse(e);
  }
}
