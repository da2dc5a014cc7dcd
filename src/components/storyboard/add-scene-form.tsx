"use client";
// A new scene: what the camera sees is required, type and length have sensible defaults.
import { useEffect, useRef, useState } from "react";
import { SCENE_TYPES } from "../../domain/constants";
import { fieldErrors, sceneFormSchema } from "../../domain/schemas";
import { capitalize } from "../format";
import { useIdempotencyKey } from "../use-idempotency-key";

export function AddSceneForm({ after, onAdd, onCancel }: {
  /** Scene number to insert after; null: at the end. */
  after: number | null;
  /** `idempotencyKey`: made when this form rendered, so a double submit adds one scene. */
  onAdd: (fields: Record<string, unknown>, idempotencyKey: string) => Promise<Record<string, string> | string | null>;
  onCancel: () => void;
}) {
  const [idempotencyKey] = useIdempotencyKey();
  const [visual, setVisual] = useState("");
  const [type, setType] = useState("content");
  const [duration, setDuration] = useState("3");
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLTextAreaElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // After a refused submit, focus goes to the first field in error (its message is announced too).
  const focusFirstInvalid = () => requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus());
  useEffect(() => first.current?.focus(), []);
  const prefix = after === null ? "add-end" : `add-after-${after}`;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (busy) return;
    // Every bad field at once, by the schema the server applies too.
    const bad = fieldErrors(sceneFormSchema, { visual_description: visual, scene_type: type, duration });
    if (Object.keys(bad).length) {
      setFields(bad);
      setError(null);
      focusFirstInvalid();
      return;
    }
    setBusy(true);
    const r = await onAdd({ visual_description: visual, scene_type: type, duration }, idempotencyKey);
    setBusy(false);
    if (r === null) return;
    if (typeof r === "string") {
      setError(r);
      setFields({});
    } else {
      setFields(r);
      setError(null);
      focusFirstInvalid();
    }
  }

  return (
    <form ref={formRef} className="panel add-scene stack" onSubmit={submit} noValidate onKeyDown={(e) => e.key === "Escape" && onCancel()}
      aria-label={after === null ? "Add a scene at the end" : `Add a scene after scene ${after}`}>
      <h3>{after === null ? "New scene at the end" : `New scene after scene ${after}`}</h3>
      {error && <p className="alert error" role="alert">{error}</p>}
      <div className="field">
        <label htmlFor={`${prefix}-visual`}>Visual description</label>
        <textarea ref={first} id={`${prefix}-visual`} rows={3} value={visual} onChange={(e) => setVisual(e.target.value)} aria-invalid={Boolean(fields.visual_description)}
          aria-describedby={fields.visual_description ? `${prefix}-visual-error` : undefined} placeholder="What the camera sees" />
        {fields.visual_description && <p id={`${prefix}-visual-error`} className="field-error" role="alert">{fields.visual_description}</p>}
      </div>
      <div className="row add-scene-options">
        <div className="field">
          <label htmlFor={`${prefix}-type`}>Type</label>
          <select id={`${prefix}-type`} value={type} onChange={(e) => setType(e.target.value)} aria-invalid={Boolean(fields.scene_type)}
            aria-describedby={fields.scene_type ? `${prefix}-type-error` : undefined}>
            {SCENE_TYPES.map((t) => <option key={t} value={t}>{t === "cta" ? "CTA" : capitalize(t)}</option>)}
          </select>
          {fields.scene_type && <p id={`${prefix}-type-error`} className="field-error" role="alert">{fields.scene_type}</p>}
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-duration`}>Duration (s)</label>
          <input id={`${prefix}-duration`} type="text" inputMode="numeric" value={duration} onChange={(e) => setDuration(e.target.value)}
            aria-invalid={Boolean(fields.duration)} aria-describedby={fields.duration ? `${prefix}-duration-error` : undefined} />
          {fields.duration && <p id={`${prefix}-duration-error`} className="field-error" role="alert">{fields.duration}</p>}
        </div>
      </div>
      <div className="row">
        <button type="submit" className="btn primary small" aria-disabled={busy || undefined}>{busy ? "Adding…" : "Add scene"}</button>
        <button type="button" className="btn small" onClick={onCancel} disabled={busy}>Cancel</button>
      </div>
    </form>
  );
}
