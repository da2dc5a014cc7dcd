"use client";
// The storyboard's brief, reference URLs and options, shown folded; "Edit brief" opens them as a
// form, checked by the same schema as the server's (every bad field at once, next to it), and
// regenerates the storyboard from them after saying what it replaces.
import { useEffect, useRef, useState } from "react";
import { regenerateFromBriefAction } from "../../app/(app)/storyboards/actions";
import { LIMITS } from "../../domain/constants";
import { briefEditFormSchema, fieldErrors } from "../../domain/schemas";
import type { StoryboardView } from "../../features/storyboards/get-storyboard";
import type { ActionResult } from "../../server/action";
import { plural } from "../format";
import { OptionSelect, PLATFORM_OPTIONS } from "../project/option-select";

type Form = { brief: string; reference_urls: string; duration: string; platform: string; pattern: string };

const formOf = (v: StoryboardView): Form => ({
  brief: v.brief,
  reference_urls: v.reference_urls.join("\n"),
  duration: v.generation_options.duration === undefined ? "" : String(v.generation_options.duration),
  platform: v.generation_options.platform ?? "auto",
  pattern: v.generation_options.pattern ?? "auto",
});

export function BriefPanel({ view, patterns, onDone }: {
  view: StoryboardView;
  patterns: { id: string; name: string }[];
  /** The action's answer: the storyboard now generating, or a stale version's current state. */
  onDone: (r: ActionResult<StoryboardView>) => Promise<string | null>;
}) {
  const [editing, setEditing] = useState(false);
  const [form, setForm] = useState<Form>(() => formOf(view));
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const firstRef = useRef<HTMLTextAreaElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const editRef = useRef<HTMLButtonElement>(null);
  useEffect(() => { if (editing) firstRef.current?.focus(); }, [editing]);
  useEffect(() => { if (asking) confirmRef.current?.focus(); }, [asking]);
  const set = (k: keyof Form) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => setForm((f) => ({ ...f, [k]: e.target.value }));

  function close() {
    setEditing(false);
    setAsking(false);
    setFields({});
    setError(null);
    requestAnimationFrame(() => editRef.current?.focus());
  }

  function check(e: React.FormEvent) {
    e.preventDefault();
    const bad: Record<string, string> = {};
    for (const [k, v] of Object.entries(fieldErrors(briefEditFormSchema, form))) bad[k.split(".")[0]!] ??= v;
    setFields(bad);
    setError(null);
    setAsking(Object.keys(bad).length === 0);
  }

  async function regenerate() {
    setBusy(true);
    const r = await regenerateFromBriefAction(view.id, form, view.version);
    setBusy(false);
    setAsking(false);
    if (r.ok) {
      await onDone(r);
      close();
      return;
    }
    if (r.error.fields) {
      const bad: Record<string, string> = {};
      for (const [k, v] of Object.entries(r.error.fields)) bad[k.split(".")[0]!] ??= v;
      setFields(bad);
    }
    setError(r.error.current ? await onDone(r) : r.error.message);
  }

  const describe = (name: string, hint?: string) => [fields[name] ? `brief-edit-${name}-error` : null, hint].filter(Boolean).join(" ") || undefined;
  const err = (name: string) => fields[name] && <p id={`brief-edit-${name}-error`} className="field-error" role="alert">{fields[name]}</p>;

  return (
    <details className="brief" open={editing || undefined}>
      <summary>Brief{view.reference_urls.length > 0 ? ` and ${plural(view.reference_urls.length, "reference")}` : ""}</summary>
      {!editing ? (
        <>
          <p className="brief-text">{view.brief}</p>
          {view.reference_urls.length > 0 && (
            <ul className="refs">
              {view.reference_urls.map((u) => <li key={u}><a href={u} target="_blank" rel="noopener noreferrer nofollow">{u}</a></li>)}
            </ul>
          )}
          {view.status !== "generating" && (
            <button ref={editRef} type="button" className="btn small" onClick={() => { setForm(formOf(view)); setEditing(true); }}>Edit brief</button>
          )}
        </>
      ) : (
        <form className="stack brief-edit" onSubmit={check} noValidate aria-label="Edit brief and regenerate"
          onKeyDown={(e) => { if (e.key === "Escape" && !busy) { e.preventDefault(); close(); } }}>
          {error && <p className="alert error" role="alert">{error}</p>}
          <div className="field">
            <label htmlFor="brief-edit-brief">Brief</label>
            <textarea ref={firstRef} id="brief-edit-brief" rows={6} value={form.brief} onChange={set("brief")} maxLength={LIMITS.brief + 1000}
              aria-invalid={Boolean(fields.brief)} aria-describedby={describe("brief")} />
            {err("brief")}
          </div>
          <div className="field">
            <label htmlFor="brief-edit-refs">Reference URLs <span className="muted small">(one a line, up to {LIMITS.referenceUrls})</span></label>
            <textarea id="brief-edit-refs" rows={3} value={form.reference_urls} onChange={set("reference_urls")} spellCheck={false} autoCapitalize="off"
              aria-invalid={Boolean(fields.reference_urls)} aria-describedby={describe("reference_urls")} />
            {err("reference_urls")}
          </div>
          <div className="grid three options">
            <div className="field">
              <label htmlFor="brief-edit-duration">Target duration (s)</label>
              <input id="brief-edit-duration" type="text" inputMode="numeric" value={form.duration} onChange={set("duration")} placeholder="Auto"
                aria-invalid={Boolean(fields.duration)} aria-describedby={describe("duration", "brief-edit-duration-hint")} />
              <p id="brief-edit-duration-hint" className="hint">5–180 seconds; empty: inferred.</p>
              {err("duration")}
            </div>
            <OptionSelect id="brief-edit-platform" label="Platform" value={form.platform} onChange={set("platform")} auto="Auto (from the brief)" options={PLATFORM_OPTIONS} error={fields.platform} />
            <OptionSelect id="brief-edit-pattern" label="Pattern" value={form.pattern} onChange={set("pattern")} auto="Auto (best fit)" options={patterns.map((p) => ({ value: p.id, label: p.name }))} error={fields.pattern} />
          </div>
          {asking ? (
            <div className="confirm" role="alertdialog" aria-labelledby="brief-edit-question">
              <p id="brief-edit-question" className="small">
                Regenerate “{view.title}” from this brief? Its {plural(view.scenes.length, "scene")}, with your edits and ticked tasks, are replaced.
              </p>
              <div className="row">
                <button ref={confirmRef} type="button" className="btn small primary" disabled={busy} onClick={() => void regenerate()}>{busy ? "Starting…" : "Yes, regenerate"}</button>
                <button type="button" className="btn small" disabled={busy} onClick={() => setAsking(false)}>Keep editing</button>
              </div>
            </div>
          ) : (
            <div className="row">
              <button type="submit" className="btn small primary">Regenerate from this brief</button>
              <button type="button" className="btn small" onClick={close}>Cancel</button>
            </div>
          )}
        </form>
      )}
    </details>
  );
}
