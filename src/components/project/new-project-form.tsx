"use client";
// "New project": title required, description and status optional. Opens the new project on
// success; on error the typed text stays and each field shows its own message.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createProjectAction } from "../../app/(app)/projects/actions";
import { PROJECT_STATUSES } from "../../domain/constants";
import { LIMITS } from "../../domain/constants";
import { fieldErrors, projectCreateSchema } from "../../domain/schemas";
import { capitalize } from "../format";
import { useIdempotencyKey } from "../use-idempotency-key";

export function NewProjectForm({ autoFocus = false }: { autoFocus?: boolean }) {
  const router = useRouter();
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [status, setStatus] = useState("active");
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [idempotencyKey] = useIdempotencyKey();

  function submit(e: React.FormEvent) {
    e.preventDefault();
    // Every bad field at once, by the schema the server applies too.
    const bad = fieldErrors(projectCreateSchema, { title, description, status });
    if (title.trim() === "") bad.title = "Title is required: give your project a name";
    if (Object.keys(bad).length) {
      setFields(bad);
      setError(null);
      return;
    }
    startTransition(async () => {
      const r = await createProjectAction({ title, description, status }, idempotencyKey);
      if (r.ok) {
        router.push(`/projects/${r.data.id}`);
        return;
      }
      setFields(r.error.fields ?? {});
      setError(r.error.fields ? null : r.error.message);
    });
  }

  return (
    <form className="panel stack" onSubmit={submit} noValidate aria-labelledby="new-project-heading">
      <h2 id="new-project-heading">New project</h2>
      {error && <p className="alert error" role="alert">{error}</p>}
      <div className="field">
        <label htmlFor="project-title">Title</label>
        <input id="project-title" type="text" value={title} maxLength={LIMITS.projectTitle} autoFocus={autoFocus}
          onChange={(e) => setTitle(e.target.value)} aria-invalid={Boolean(fields.title)} aria-describedby={fields.title ? "project-title-error" : undefined}
          placeholder="e.g. Spring launch shorts" />
        {fields.title && <p id="project-title-error" className="field-error" role="alert">{fields.title}</p>}
      </div>
      <div className="field">
        <label htmlFor="project-description">Description <span className="muted small">(optional)</span></label>
        <textarea id="project-description" value={description} rows={2} onChange={(e) => setDescription(e.target.value)}
          aria-invalid={Boolean(fields.description)} aria-describedby={fields.description ? "project-description-error" : undefined} />
        {fields.description && <p id="project-description-error" className="field-error" role="alert">{fields.description}</p>}
      </div>
      <div className="field">
        <label htmlFor="project-status">Status</label>
        <select id="project-status" value={status} onChange={(e) => setStatus(e.target.value)}
          aria-invalid={Boolean(fields.status)} aria-describedby={fields.status ? "project-status-error" : undefined}>
          {PROJECT_STATUSES.map((s) => <option key={s} value={s}>{capitalize(s)}</option>)}
        </select>
        {fields.status && <p id="project-status-error" className="field-error" role="alert">{fields.status}</p>}
      </div>
      <button className="btn primary" type="submit" disabled={pending}>{pending ? "Creating…" : "Create project"}</button>
    </form>
  );
}
