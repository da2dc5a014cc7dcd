"use client";
// The project's title, description and status, each editable in place, and its deletion.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { deleteProjectAction, updateProjectAction } from "../../app/(app)/projects/actions";
import { LIMITS, PROJECT_STATUSES, type ProjectStatus } from "../../domain/constants";
import { ConfirmButton } from "../confirm-button";
import { capitalize, plural } from "../format";
import { InlineText } from "../inline-edit";

interface Props {
  id: number;
  title: string;
  description: string | null;
  status: ProjectStatus;
  storyboardCount: number;
}

export function ProjectEditor(props: Props) {
  const router = useRouter();
  const [project, setProject] = useState({ title: props.title, description: props.description, status: props.status });
  const [statusError, setStatusError] = useState<string | null>(null);
  const [savingStatus, setSavingStatus] = useState(false);

  async function save(field: "title" | "description" | "status", value: string): Promise<string | null> {
    const r = await updateProjectAction(props.id, { [field]: value });
    if (!r.ok) return r.error.fields?.[field] ?? r.error.message;
    setProject({ title: r.data.title, description: r.data.description, status: r.data.status });
    return null;
  }

  return (
    <section className="project-head stack" aria-label="Project">
      <p className="small"><Link href="/dashboard">← All projects</Link></p>
      <h1 className="editable-heading">
        <InlineText label="Project title" value={project.title} maxLength={LIMITS.projectTitle} onSave={(v) => save("title", v)} testId="project-title" />
      </h1>
      <div className="field">
        <span className="label">Description</span>
        <InlineText label="Description" value={project.description} multiline emptyText="Add a description: who is it for, what should it achieve?" onSave={(v) => save("description", v)} testId="project-description" />
      </div>
      <div className="spread">
        <div className="field status-field">
          <label htmlFor="project-status-select">Status</label>
          <select id="project-status-select" value={project.status} disabled={savingStatus} aria-invalid={Boolean(statusError)}
            aria-describedby={statusError ? "project-status-error" : undefined}
            onChange={async (e) => {
              const next = e.target.value;
              const before = project.status;
              setProject((p) => ({ ...p, status: next as ProjectStatus }));
              setSavingStatus(true);
              const message = await save("status", next);
              setSavingStatus(false);
              setStatusError(message);
              if (message) setProject((p) => ({ ...p, status: before }));
            }}>
            {PROJECT_STATUSES.map((s) => <option key={s} value={s}>{capitalize(s)}</option>)}
          </select>
          {statusError && <p id="project-status-error" className="field-error" role="alert">{statusError}</p>}
        </div>
        <ConfirmButton label="Delete project" confirmLabel="Yes, delete project" busyLabel="Deleting…"
          question={`Delete “${project.title}” and its ${plural(props.storyboardCount, "storyboard")}? This cannot be undone.`}
          onConfirm={async () => {
            const r = await deleteProjectAction(props.id);
            if (!r.ok) return r.error.message;
            router.push("/dashboard");
            return null;
          }} />
      </div>
    </section>
  );
}
