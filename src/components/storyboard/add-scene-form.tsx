"use client";
// A new scene: what the camera sees is required, type and length have sensible defaults.
import { useEffect, useRef, useState } from "react";
import { SCENE_TYPES } from "../../domain/constants";
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
  useEffect(() => first.current?.focus(), []);
  const prefix = after === null ? "add-end" : `add-after-${after}`;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (visual.trim() === "") {
      setFields({ visual_description: "Visual description is required: say what the camera sees" });
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
    }
  }

  return (
    <form className="panel add-scene stack" onSubmit={submit} noValidate onKeyDown={(e) => e.key === "Escape" && onCancel()}
      aria-label={after === null ? "Add a scene at the end" : `Add a scene after scene ${after}`}>
      <h3>{after === null ? "New scene at the end" : `New scene after scene ${after}`}</h3>
      {error && <p className="alert error" role="alert">{error}</p>}
      <div className="field">
        <label htmlFor={`${prefix}-visual`}>Visual description</label>
        <textarea ref={first} id={`${prefix}-visual`} rows={3} value={visual} onChange={(e) => setVisual(e.target.value)} aria-invalid={Boolean(fields.visual_description)}
          aria-describedby={fields.visual_description ? `${prefix}-visual-error` : undefined} placeholder="What the camera sees" />
        {fields.visual_description && <p id={`${prefix}-visual-error`} className="field-error">{fields.visual_description}</p>}
      </div>
      <div className="row add-scene-options">
        <div className="field">
          <label htmlFor={`${prefix}-type`}>Type</label>
          <select id={`${prefix}-type`} value={type} onChange={(e) => setType(e.target.value)}>
            {SCENE_TYPES.map((t) => <option key={t} value={t}>{t === "cta" ? "CTA" : capitalize(t)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-duration`}>Duration (s)</label>
          <input id={`${prefix}-duration`} type="text" inputMode="numeric" value={duration} onChange={(e) => setDuration(e.target.value)}
            aria-invalid={Boolean(fields.duration)} aria-describedby={fields.duration ? `${prefix}-duration-error` : undefined} />
          {fields.duration && <p id={`${prefix}-duration-error`} className="field-error">{fields.duration}</p>}
        </div>
      </div>
      <div className="row">
        <button type="submit" className="btn primary small" disabled={busy}>{busy ? "Adding…" : "Add scene"}</button>
        <button type="button" className="btn small" onClick={onCancel} disabled={busy}>Cancel</button>
      </div>
    </form>
  );
}
