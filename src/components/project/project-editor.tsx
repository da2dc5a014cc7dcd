"use client";
// The project's title, description and status, each editable in place, and its deletion.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { deleteProjectAction, updateProjectAction } from "../../app/(app)/projects/actions";
import { HistoryToolbar } from "../history/history-toolbar";
import { afterDeleteUrl } from "../history/undo-toast";
import { LIMITS, PROJECT_STATUSES, type ProjectStatus } from "../../domain/constants";
import { fieldError, projectUpdateSchema } from "../../domain/schemas";
import type { UndoState } from "../../domain/types";
import { ConfirmButton } from "../confirm-button";
import { capitalize, plural } from "../format";
import { InlineText } from "../inline-edit";

interface Props {
  id: number;
  title: string;
  description: string | null;
  status: ProjectStatus;
  storyboardCount: number;
  /** The project's undo stack as the page rendered it. */
  history: UndoState;
}

export function ProjectEditor(props: Props) {
  const router = useRouter();
  const [project, setProject] = useState({ title: props.title, description: props.description, status: props.status });
  // An Undo or Redo (or another tab) changed the project: the page's new values replace the shown ones.
  const shown = `${props.title}\n${props.description ?? ""}\n${props.status}`;
  const [rendered, setRendered] = useState(shown);
  if (rendered !== shown) {
    setRendered(shown);
    setProject({ title: props.title, description: props.description, status: props.status });
  }
  const [statusError, setStatusError] = useState<string | null>(null);
  const [savingStatus, setSavingStatus] = useState(false);
  /** The server's "3 of 28 tasks are still open. Mark completed anyway?", while it waits for an answer. */
  const [question, setQuestion] = useState<string | null>(null);
  const selectRef = useRef<HTMLSelectElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (question) confirmRef.current?.focus();
  }, [question]);

  async function save(field: "title" | "description" | "status", value: string): Promise<string | null> {
    const r = await updateProjectAction(props.id, { [field]: value });
    if (!r.ok) return r.error.fields?.[field] ?? r.error.message;
    setProject({ title: r.data.title, description: r.data.description, status: r.data.status });
    return null;
  }

  /** Completed with open tasks: the server answers with the question, asked here before it is saved. */
  async function changeStatus(next: string, confirmOpenTasks = false) {
    const before = project.status;
    setQuestion(null);
    setProject((p) => ({ ...p, status: next as ProjectStatus }));
    setSavingStatus(true);
    const r = await updateProjectAction(props.id, { status: next }, { confirmOpenTasks });
    setSavingStatus(false);
    if (r.ok) {
      setStatusError(null);
      setProject({ title: r.data.title, description: r.data.description, status: r.data.status });
      return;
    }
    setProject((p) => ({ ...p, status: before }));
    const asked = next === "completed" && r.error.code === "conflict" ? r.error.fields?.status : undefined;
    setStatusError(asked ? null : (r.error.fields?.status ?? r.error.message));
    if (asked) setQuestion(asked);
  }

  return (
    <section className="project-head stack" aria-label="Project">
      <p className="small"><Link href="/dashboard">← All projects</Link></p>
      <HistoryToolbar projectId={props.id} initial={props.history} refreshKey={`${props.history.undo?.id ?? 0}-${props.history.redo?.id ?? 0}`} onStep={() => router.refresh()} />
      <h1 className="editable-heading">
        <InlineText label="Project title" value={project.title} maxLength={LIMITS.projectTitle} validate={(v) => fieldError(projectUpdateSchema, "title", v)} onSave={(v) => save("title", v)} testId="project-title" />
      </h1>
      <div className="field">
        <span className="label">Description</span>
        <InlineText label="Description" value={project.description} multiline emptyText="Add a description: who is it for, what should it achieve?" validate={(v) => fieldError(projectUpdateSchema, "description", v)} onSave={(v) => save("description", v)} testId="project-description" />
      </div>
      <div className="spread">
        <div className="field status-field">
          <label htmlFor="project-status-select">Status</label>
          <select id="project-status-select" value={project.status} disabled={savingStatus} aria-invalid={Boolean(statusError)}
            aria-describedby={statusError ? "project-status-error" : undefined}
            ref={selectRef} onChange={(e) => void changeStatus(e.target.value)}>
            {PROJECT_STATUSES.map((s) => <option key={s} value={s}>{capitalize(s)}</option>)}
          </select>
          {statusError && <p id="project-status-error" className="field-error" role="alert">{statusError}</p>}
          {question && (
            <div className="confirm" role="alertdialog" aria-labelledby="project-complete-question" data-testid="complete-confirm"
              onKeyDown={(e) => { if (e.key === "Escape") { setQuestion(null); selectRef.current?.focus(); } }}>
              <p id="project-complete-question" className="small">{question}</p>
              <div className="row">
                <button ref={confirmRef} type="button" className="btn small primary" disabled={savingStatus} onClick={() => void changeStatus("completed", true)}>Mark completed</button>
                <button type="button" className="btn small" disabled={savingStatus} onClick={() => { setQuestion(null); selectRef.current?.focus(); }}>Keep it {project.status}</button>
              </div>
            </div>
          )}
        </div>
        <ConfirmButton label="Delete project" confirmLabel="Yes, delete project" busyLabel="Deleting…"
          question={`Delete “${project.title}” and its ${plural(props.storyboardCount, "storyboard")}? You can bring it back with Undo.`}
          onConfirm={async () => {
            const r = await deleteProjectAction(props.id);
            if (!r.ok) return r.error.message;
            router.push(afterDeleteUrl("/dashboard", { label: `Project “${project.title}”`, change_id: r.data.change_id, project_id: props.id }));
            return null;
          }} />
      </div>
    </section>
  );
}
