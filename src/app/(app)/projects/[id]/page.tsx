import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ProjectDetail } from "../../../../domain/types";
import { listPatterns } from "../../../../engine";
import { getProjectHistory } from "../../../../features/history/get-project-history";
import { listChanges } from "../../../../features/history/list-changes";
import { getProjectDetail } from "../../../../features/projects/get-project-detail";
import { pageId, requirePageUser } from "../../../../server/action";
import { AppError } from "../../../../domain/errors";
import { durationText, fullDate, plural, relativeTime } from "../../../../components/format";
import { GenerationPoller } from "../../../../components/generation-poller";
import { HistoryPanel } from "../../../../components/project/history-panel";
import { NewStoryboardForm } from "../../../../components/project/new-storyboard-form";
import { ProjectEditor } from "../../../../components/project/project-editor";
import { ProgressBar, StoryboardStatusBadge } from "../../../../components/ui";
import { ApprovalBadge } from "../../../../components/review/approval-badge";
import { ComparePicker } from "../../../../components/compare/compare-picker";
import { MainStoryboardControl } from "../../../../components/storyboard/main-storyboard-control";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Project" };

async function load(userId: string, id: number): Promise<ProjectDetail> {
  try {
    return await getProjectDetail(userId, id);
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
}

export default async function ProjectPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: raw } = await params;
  const user = await requirePageUser(`/projects/${raw}`);
  const id = pageId(raw);
  if (id === null) notFound();
  const detail = await load(user.id, id);
  const history = await getProjectHistory(user.id, id, { limit: 10 });
  const changes = await listChanges(user.id, { project_id: id });
  const { project, storyboards } = detail;
  const generating = storyboards.some((s) => s.status === "generating");
  const main = storyboards.find((s) => s.is_main);

  return (
    <div className="project-page stack">
      <GenerationPoller active={generating} />
      <ProjectEditor id={project.id} title={project.title} description={project.description} status={project.status} storyboardCount={storyboards.length} history={changes} />
      <div data-testid="project-progress">
        <ProgressBar done={detail.completed_tasks} total={detail.total_tasks} label="Project progress" />
        {storyboards.length > 1 && <p className="small muted">Counts the tasks of the main storyboard{main ? <> (&ldquo;{main.title}&rdquo;)</> : null}; each variation shows its own progress.</p>}
      </div>
      <div className="project-grid">
        <section className="stack" aria-labelledby="storyboards-heading">
          <h2 id="storyboards-heading">Storyboards <span className="muted small">({storyboards.length})</span></h2>
          {storyboards.length === 0 ? (
            <div className="empty">
              <h3>No storyboards yet</h3>
              <p className="muted">Write a brief in the &ldquo;New storyboard&rdquo; form and generate your first storyboard. You can make variations of it later.</p>
            </div>
          ) : (
            <ul className="card-list" aria-label="Storyboards">
              {storyboards.map((s) => (
                <li key={s.id} className="card storyboard-card" data-testid="storyboard-card">
                  <div className="spread">
                    <Link className="title" href={`/storyboards/${s.id}`}>{s.title}</Link>
                    <span className="row">
                      {storyboards.length > 1 && <MainStoryboardControl storyboardId={s.id} isMain={s.is_main} title={s.title} />}
                      <StoryboardStatusBadge status={s.status} />
                    </span>
                  </div>
                  {s.status === "generating" ? (
                    <p className="small muted row"><span className="spinner" aria-hidden="true" /> Generating…</p>
                  ) : s.status === "error" ? (
                    <p className="small field-error">{s.error_message ?? "Generation failed."} Open it to retry.</p>
                  ) : (
                    <>
                      <p className="small muted meta">
                        <span>{plural(s.scene_count, "scene")}</span>
                        <span aria-hidden="true"> · </span>
                        <span>{durationText(s.total_duration)}</span>
                        <span aria-hidden="true"> · </span>
                        <span>Updated <time dateTime={s.updated_at} title={fullDate(s.updated_at)}>{relativeTime(s.updated_at)}</time></span>
                        {/* A storyboard not yet sent for review has no badge: only review states are news. */}
                        {s.approval_state !== "draft" && (
                          <>
                            <span aria-hidden="true"> · </span>
                            <ApprovalBadge state={s.approval_state} />
                          </>
                        )}
                      </p>
                      <ProgressBar done={s.completed_tasks} total={s.total_tasks} label={`Progress of ${s.title}`} />
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
        <aside className="stack">
          <ComparePicker projectId={project.id} storyboards={storyboards.map(({ id, title, is_main, status }) => ({ id, title, is_main, status }))} />
          <NewStoryboardForm projectId={project.id} patterns={listPatterns()} first={storyboards.length === 0} />
          <HistoryPanel key={history.entries[0]?.id ?? "none"} projectId={project.id} userId={user.id} entries={history.entries} nextBefore={history.next_before} />
        </aside>
      </div>
    </div>
  );
}
