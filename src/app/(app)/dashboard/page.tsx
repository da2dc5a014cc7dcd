import type { Metadata } from "next";
import Link from "next/link";
import { PROJECT_STATUSES, type ProjectStatus } from "../../../domain/constants";
import { listProjects } from "../../../features/projects/list-projects";
import { getUserStats } from "../../../features/stats/get-user-stats";
import { listArchivedProjects } from "../../../features/archive/list-archived-projects";
import { RestoreButton } from "../../../components/project/restore-button";
import { requirePageUser } from "../../../server/action";
import { capitalize, fullDate, plural, relativeTime } from "../../../components/format";
import { NewProjectForm } from "../../../components/project/new-project-form";
import { ProgressBar, StatusBadge } from "../../../components/ui";
import { ApprovalBadge } from "../../../components/review/approval-badge";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your projects" };

const FILTERS = ["all", ...PROJECT_STATUSES] as const;

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const raw = typeof params.status === "string" ? params.status : "all";
  const status = (PROJECT_STATUSES as readonly string[]).includes(raw) ? (raw as ProjectStatus) : undefined;
  const user = await requirePageUser(status ? `/dashboard?status=${status}` : "/dashboard");
  const [projects, all, stats, archived] = await Promise.all([
    listProjects(user.id, { status }),
    status ? listProjects(user.id) : null,
    getUserStats(user.id),
    listArchivedProjects(user.id),
  ]);
  const total = all ? all.length : projects.length;
  // The Archived filter shows projects with that status and, below, those the archive job moved.
  const showArchive = status === "archived" && archived.length > 0;
  const unknownFilter = raw !== "all" && !status;

  return (
    <div className="dashboard">
      <div className="stack">
        <div className="spread">
          <h1>Your projects</h1>
          <p className="muted small">{plural(total, "project")}</p>
        </div>
        {stats && (
          // The materialized view's figures (PostgreSQL refreshes them daily): said with their age.
          <p className="small muted meta" data-testid="user-stats">
            <span>{plural(stats.total_projects, "project")}, {stats.active_projects} active</span>
            {stats.last_activity && (
              <>
                <span aria-hidden="true"> · </span>
                <span>Last activity <time dateTime={stats.last_activity} title={fullDate(stats.last_activity)}>{relativeTime(stats.last_activity)}</time></span>
              </>
            )}
            <span aria-hidden="true"> · </span>
            <span>as of <time dateTime={stats.refreshed_at} title={fullDate(stats.refreshed_at)}>{relativeTime(stats.refreshed_at)}</time></span>
          </p>
        )}
        {unknownFilter && <p className="alert warn" role="status">&ldquo;{raw}&rdquo; is not a project status; showing all projects.</p>}
        {(total > 0 || archived.length > 0) && (
          <nav aria-label="Filter by status" className="filters">
            {FILTERS.map((f) => {
              const active = (f === "all" && !status) || f === status;
              return (
                <Link key={f} href={f === "all" ? "/dashboard" : `/dashboard?status=${f}`} className={`chip${active ? " active" : ""}`} aria-current={active ? "page" : undefined}>
                  {capitalize(f)}
                </Link>
              );
            })}
          </nav>
        )}
        {total === 0 && archived.length === 0 ? (
          <div className="empty">
            <h2>Create your first project</h2>
            <p className="muted">
              A project groups the storyboards of one video idea. Give it a title in the form, then write a brief and StoryboardAI plans the scenes for you.
            </p>
          </div>
        ) : projects.length === 0 ? (
          !showArchive && <div className="empty">
            <h2>No {status} projects</h2>
            <p className="muted">Change a project&apos;s status on its page, or <Link href="/dashboard">show all projects</Link>.</p>
          </div>
        ) : (
          <ul className="card-list" aria-label="Projects">
            {projects.map((p) => (
              <li key={p.id} className="card project-card" data-testid="project-card">
                <div className="spread">
                  <Link className="title" href={`/projects/${p.id}`}>{p.title}</Link>
                  <span className="row">
                    {p.approval_state && p.approval_state !== "draft" && <ApprovalBadge state={p.approval_state} />}
                    <StatusBadge status={p.status} />
                  </span>
                </div>
                {p.description && <p className="muted small clamp">{p.description}</p>}
                <ProgressBar done={p.completed_tasks} total={p.total_tasks} label={`Progress of ${p.title}`} />
                <p className="small muted meta">
                  <span>{plural(p.storyboard_count, "storyboard")}</span>
                  <span aria-hidden="true"> · </span>
                  <span>Updated <time dateTime={p.updated_at} title={fullDate(p.updated_at)}>{relativeTime(p.updated_at)}</time></span>
                </p>
              </li>
            ))}
          </ul>
        )}
        {showArchive && (
          <section className="stack" aria-labelledby="archive-heading">
            <h2 id="archive-heading">In the archive</h2>
            <p className="muted small">Completed projects nobody changed for a long time move here. They are read-only: restore one to work on it again.</p>
            <ul className="card-list" aria-label="Archived projects">
              {archived.map((p) => (
                <li key={p.id} className="card project-card" data-testid="archived-project-card">
                  <div className="spread">
                    <span className="title">{p.title}</span>
                    <StatusBadge status={p.status} />
                  </div>
                  {p.description && <p className="muted small clamp">{p.description}</p>}
                  {p.storyboards.length > 0 && (
                    <ul className="small muted" aria-label={`Storyboards of ${p.title}`}>
                      {p.storyboards.map((sb) => (
                        <li key={sb.id}>
                          {sb.title} ({plural(sb.total_scenes, "scene")}, {sb.total_duration}s)
                        </li>
                      ))}
                    </ul>
                  )}
                  <p className="small muted meta">
                    <span>{plural(p.storyboards.length, "storyboard")}</span>
                    <span aria-hidden="true"> · </span>
                    <span>Last changed <time dateTime={p.updated_at} title={fullDate(p.updated_at)}>{relativeTime(p.updated_at)}</time></span>
                    <span aria-hidden="true"> · </span>
                    <span>Archived <time dateTime={p.archived_at} title={fullDate(p.archived_at)}>{relativeTime(p.archived_at)}</time></span>
                  </p>
                  <RestoreButton projectId={p.id} title={p.title} />
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
      <aside>
        <NewProjectForm autoFocus={total === 0} />
      </aside>
    </div>
  );
}
