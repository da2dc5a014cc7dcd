import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { listPatterns } from "../../../../engine";
import { getProject } from "../../../../features/projects/get-project";
import { getStoryboard } from "../../../../features/storyboards/get-storyboard";
import { listSceneComments } from "../../../../features/comments/list-scene-comments";
import { pageId, requirePageUser } from "../../../../server/action";
import { AppError } from "../../../../domain/errors";
import { StoryboardEditor } from "../../../../components/storyboard/storyboard-editor";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Storyboard" };

export default async function StoryboardPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: raw } = await params;
  const user = await requirePageUser(`/storyboards/${raw}`);
  const id = pageId(raw);
  if (id === null) notFound();
  const { view, projectTitle, comments } = await load(user.id, id);
  return <StoryboardEditor initial={view} projectTitle={projectTitle} comments={comments} patterns={listPatterns()} />;
}

async function load(userId: string, id: number) {
  try {
    const view = await getStoryboard(userId, id);
    const [project, comments] = await Promise.all([getProject(userId, view.project_id), listSceneComments(userId, id)]);
    return { view, projectTitle: project.title, comments };
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
}
