import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AppError } from "../../../../../domain/errors";
import { compareStoryboards, parseCompareIds, type Comparison } from "../../../../../features/storyboards/compare-storyboards";
import { pageId, requirePageUser } from "../../../../../server/action";
import { CompareView } from "../../../../../components/compare/compare-view";
import { ComparePicker } from "../../../../../components/compare/compare-picker";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Compare storyboards" };

export default async function ComparePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id: raw } = await params;
  const query = await searchParams;
  const user = await requirePageUser(`/projects/${raw}/compare`);
  const id = pageId(raw);
  if (id === null) notFound();
  let idsError: string | null = null;
  let ids: number[] | undefined;
  try {
    ids = parseCompareIds(query.ids);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    idsError = e.fields?.ids ?? e.message;
  }
  const comparison = await load(user.id, id, ids);
  const { project, storyboards, compared } = comparison;

  return (
    <div className="compare-page stack">
      <header className="panel stack">
        <p className="small crumbs"><Link href={`/projects/${project.id}`}>← {project.title}</Link></p>
        <h1>Compare storyboards</h1>
        <p className="small muted">Scenes side by side, aligned by beat: hook with hook, call to action with call to action, the beats between them in order.</p>
      </header>
      {storyboards.length < 2 ? (
        <div className="empty" data-testid="compare-empty">
          <h2>Create a variation to compare</h2>
          <p className="muted">
            This project has {storyboards.length === 0 ? "no storyboard yet" : "one storyboard"}. {storyboards[0]
              ? <>Open <Link href={`/storyboards/${storyboards[0].id}`}>{storyboards[0].title}</Link> and press &ldquo;New variation&rdquo;: pick another pattern, platform or length, or let StoryboardAI choose a different take.</>
              : <>Generate one on the <Link href={`/projects/${project.id}`}>project page</Link>, then make a variation of it.</>}
          </p>
        </div>
      ) : (
        <>
          {idsError && <p className="alert error" role="alert">{idsError}</p>}
          <ComparePicker projectId={project.id} storyboards={storyboards} selected={compared.map((c) => c.id)} />
          {compared.length >= 2 && <CompareView comparison={comparison} />}
        </>
      )}
    </div>
  );
}

async function load(userId: string, projectId: number, ids: number[] | undefined): Promise<Comparison> {
  try {
    return await compareStoryboards(userId, projectId, ids);
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
}
