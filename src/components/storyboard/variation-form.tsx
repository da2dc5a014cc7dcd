"use client";
// "New variation": pattern, platform, length and aspect ratio to choose, each defaulting to a
// different take (another pattern that fits the brief; the same platform, length and shape).
// The hook and the camera plan are always new. Every error shows at once, next to its field.
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { generateVariationAction } from "../../app/(app)/storyboards/actions";
import { ASPECT_RATIOS, PLATFORMS } from "../../domain/constants";
import { checkInput, variationFormSchema } from "../../domain/schemas";
import { PLATFORM_LABELS } from "../format";
import { useHydrated } from "../preview/use-hydrated";
import { useIdempotencyKey } from "../use-idempotency-key";
import "./variation-form.css";

export interface VariationDefaults {
  pattern: string | null;
  platform: string | null;
  duration: number | null;
  aspect_ratio: string;
  /** The pattern was picked for the brief (true), chosen by the creator (false), or not recorded (older storyboards). */
  auto_pattern?: boolean | undefined;
}

const FIELDS = ["pattern", "platform", "duration", "aspect_ratio"] as const;

/** The pattern id at the head of a storyboard's pattern_source ("listicle (brief: …)"). */
export const patternIdOf = (patternSource: string | null): string | null => patternSource?.split(" ")[0] || null;

export function VariationForm({ storyboardId, current, patterns, disabled }: { storyboardId: number; current: VariationDefaults; patterns: { id: string; name: string }[]; disabled?: boolean }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const initial = { pattern: "", platform: current.platform ?? "", duration: current.duration === null ? "" : String(current.duration), aspect_ratio: "" };
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const [key, renewKey] = useIdempotencyKey();
  const ready = useHydrated();
  const first = useRef<HTMLSelectElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) first.current?.focus();
  }, [open]);
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const currentName = patterns.find((p) => p.id === current.pattern)?.name;

  function close() {
    setOpen(false);
    setErrors({});
    setError(null);
    requestAnimationFrame(() => toggle.current?.focus());
  }
  function submit(e: React.FormEvent) {
    e.preventDefault();
    // The same limits as the server (a length within the chosen platform's maximum), every error at once.
    const local = checkInput(variationFormSchema, form);
    if (!local.ok) {
      setErrors(local.fields);
      setError("Check the highlighted fields.");
      return;
    }
    start(async () => {
      const r = await generateVariationAction(storyboardId, form, key);
      if (r.ok) {
        renewKey();
        setOpen(false);
        router.push(`/storyboards/${r.data.id}`);
        return;
      }
      const byField: Record<string, string> = {};
      for (const [k, v] of Object.entries(r.error.fields ?? {})) if ((FIELDS as readonly string[]).includes(k)) byField[k] = v;
      setErrors(byField);
      setError(Object.keys(byField).length ? "Check the highlighted fields." : r.error.message);
    });
  }
  const err = (name: string) => errors[name] && <p id={`var-${name}-error`} className="field-error">{errors[name]}</p>;
  const described = (name: string, hint?: string) => [errors[name] ? `var-${name}-error` : null, hint].filter(Boolean).join(" ") || undefined;

  return (
    <div className="variation-control">
      <button ref={toggle} type="button" className="btn small" aria-expanded={open} aria-controls={`variation-form-${storyboardId}`} disabled={disabled || pending}
        data-testid="new-variation" data-ready={ready} onClick={() => (open ? close() : setOpen(true))}>New variation</button>
      {open && (
        <form id={`variation-form-${storyboardId}`} className="panel stack variation-form" onSubmit={submit} noValidate aria-labelledby={`variation-heading-${storyboardId}`}
          data-testid="variation-form" onKeyDown={(e) => { if (e.key === "Escape") { e.preventDefault(); close(); } }}>
          <div>
            <h2 id={`variation-heading-${storyboardId}`}>New variation</h2>
            <p className="small muted">From the same brief, with a new hook and a new camera plan. Change what you like; the rest keeps this storyboard&apos;s settings.</p>
          </div>
          {error && <p className="alert error" role="alert">{error}</p>}
          <div className="grid two">
            <div className="field">
              <label htmlFor="var-pattern">Pattern</label>
              <select ref={first} id="var-pattern" value={form.pattern} onChange={set("pattern")} aria-invalid={Boolean(errors.pattern)} aria-describedby={described("pattern")}>
                <option value="">A different pattern that fits the brief</option>
                {patterns.map((p) => <option key={p.id} value={p.id}>{p.name}{p.id === current.pattern ? " (this one)" : ""}</option>)}
              </select>
              {currentName && (
                <p className="hint" data-testid="current-pattern">
                  This storyboard: {current.auto_pattern === true ? `${currentName}, picked for your brief` : current.auto_pattern === false ? `${currentName} (your choice)` : currentName}.
                </p>
              )}
              {err("pattern")}
            </div>
            <div className="field">
              <label htmlFor="var-platform">Platform</label>
              <select id="var-platform" value={form.platform} onChange={set("platform")} aria-invalid={Boolean(errors.platform)} aria-describedby={described("platform")}>
                {!current.platform && <option value="">Auto (from the brief)</option>}
                {PLATFORMS.map((p) => <option key={p} value={p}>{PLATFORM_LABELS[p] ?? p}</option>)}
              </select>
              {err("platform")}
            </div>
            <div className="field">
              <label htmlFor="var-duration">Length (s)</label>
              <input id="var-duration" type="text" inputMode="numeric" value={form.duration} onChange={set("duration")} placeholder="Auto" aria-invalid={Boolean(errors.duration)}
                aria-describedby={described("duration", "var-duration-hint")} />
              <p id="var-duration-hint" className="hint">5–180 seconds, within the platform&apos;s maximum; empty: as this one (from the brief).</p>
              {err("duration")}
            </div>
            <div className="field">
              <label htmlFor="var-aspect">Aspect ratio</label>
              <select id="var-aspect" value={form.aspect_ratio} onChange={set("aspect_ratio")} aria-invalid={Boolean(errors.aspect_ratio)} aria-describedby={described("aspect_ratio", "var-aspect-hint")}>
                <option value="">Same as this one ({current.aspect_ratio}), or the platform&apos;s</option>
                {ASPECT_RATIOS.map((a) => <option key={a} value={a}>{a}</option>)}
              </select>
              <p id="var-aspect-hint" className="hint">A new platform without a choice here takes its own shape (YouTube 16:9, others 9:16).</p>
              {err("aspect_ratio")}
            </div>
          </div>
          <div className="row">
            <button type="submit" className="btn primary" disabled={pending} data-testid="generate-variation">{pending ? "Starting…" : "Generate variation"}</button>
            <button type="button" className="btn" onClick={close}>Cancel</button>
          </div>
        </form>
      )}
    </div>
  );
}
