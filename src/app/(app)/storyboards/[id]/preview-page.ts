// What the animatic and shoot-mode pages share: the signed-in user, the id from the path, and
// the preview, with anything the user cannot see answered by the 404 page.
import { notFound } from "next/navigation";
import { AppError } from "../../../../domain/errors";
import { getPreview, type PreviewView } from "../../../../features/preview/get-preview";
import { pageId, requirePageUser } from "../../../../server/action";

export async function loadPreview(raw: string, page: "play" | "shoot"): Promise<PreviewView> {
  const user = await requirePageUser(`/storyboards/${raw}/${page}`);
  const id = pageId(raw);
  if (id === null) notFound();
  try {
    return await getPreview(user.id, id);
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
}
