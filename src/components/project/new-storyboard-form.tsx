"use client";
// "New storyboard": the brief is the only required field; the engine infers duration, platform
// and pattern unless the creator picks them. Submitting starts generation and opens the
// storyboard, which shows its progress.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { generateStoryboardAction, understandBriefAction } from "../../app/(app)/projects/actions";
import type { BriefUnderstanding } from "../../engine";
import { ASPECT_RATIOS, LIMITS } from "../../domain/constants";
import { fieldErrors, storyboardFormSchema } from "../../domain/schemas";
import { useIdempotencyKey } from "../use-idempotency-key";
import { OptionSelect, PLATFORM_OPTIONS } from "./option-select";

/** The fields a creator most often corrects; lists are one a line, or comma-separated for tone. */
const EDITABLE: { key: string; label: string; list?: "comma" | "lines" }[] = [
  { key: "product", label: "Product" },
  { key: "topic", label: "Topic" },
  { key: "pains", label: "Pain points (one a line)", list: "lines" },
  { key: "proof", label: "Proof (one a line)", list: "lines" },
  { key: "items", label: "List items (one a line)", list: "lines" },
  { key: "cta", label: "Call to action" },
  { key: "tone", label: "Tone (comma-separated)", list: "comma" },
];

export function NewStoryboardForm({ projectId, patterns, first }: { projectId: number; patterns: { id: string; name: string }[]; first: boolean }) {
  const router = useRouter();
  const [form, setForm] = useState({ title: "", brief: "", reference_urls: "", duration: "", platform: "auto", pattern: "auto", aspect_ratio: "auto" });
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  // One key per rendered form: a double click or a resubmit generates one storyboard.
  const [idempotencyKey] = useIdempotencyKey();
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const over = form.brief.length > LIMITS.brief;
  // "We read: ...": what the engine understood, fetched when the brief loses focus; the user's
  // corrections go with the generation as brief_fields.
  const [understood, setUnderstood] = useState<BriefUnderstanding | null>(null);
  const [corrections, setCorrections] = useState<Record<string, string>>({});
  const briefFields = () => {
    const out: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(corrections)) {
      const field = EDITABLE.find((e) => e.key === k);
      if (!field) continue;
      out[k] = field.list ? v.split(field.list === "comma" ? /\s*,\s*/ : /\n/).map((x) => x.trim()).filter(Boolean) : v.trim();
    }
    return out;
  };
  async function readBrief() {
    if (!form.brief.trim() || over) return setUnderstood(null);
    const r = await understandBriefAction(form.brief, briefFields(), { duration: form.duration, platform: form.platform, pattern: form.pattern });
    if (r.ok) setUnderstood(r.data);
  }
  const shownValue = (key: string, list?: "comma" | "lines") => {
    if (key in corrections) return corrections[key]!;
    const v = (understood?.fields as Record<string, string | string[] | undefined> | undefined)?.[key];
    return Array.isArray(v) ? v.join(list === "comma" ? ", " : "\n") : (v ?? "");
  };

  /** "reference_urls.3" from the shared schema still belongs to the reference URLs field. */
  const byField = (errors: Record<string, string>) => {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(errors)) out[k.split(".")[0]!] ??= v;
    return out;
  };

  function submit(e: React.FormEvent) {
    e.preventDefault();
    // Every bad field at once, by the schema the server applies too (the pattern list is the server's).
    const bad = byField(fieldErrors(storyboardFormSchema, { ...form, brief_fields: briefFields() }));
    if (Object.keys(bad).length) {
      setFields(bad);
      setError("Check the highlighted fields.");
      return;
    }
    startTransition(async () => {
      const r = await generateStoryboardAction(projectId, { ...form, brief_fields: briefFields() }, idempotencyKey);
      if (r.ok) {
        router.push(`/storyboards/${r.data.id}`);
        return;
      }
      setFields(byField(r.error.fields ?? {}));
      setError(r.error.fields ? "Check the highlighted fields." : r.error.message);
    });
  }

  const describe = (name: string, hint?: string) => [fields[name] ? `sb-${name}-error` : null, hint].filter(Boolean).join(" ") || undefined;
  const err = (name: string) => fields[name] && <p id={`sb-${name}-error`} className="field-error" role="alert">{fields[name]}</p>;

  return (
    <form className="panel stack" onSubmit={submit} noValidate aria-labelledby="new-storyboard-heading">
      <div>
        <h2 id="new-storyboard-heading">New storyboard</h2>
        <p className="small muted">{first ? "Describe the video; StoryboardAI plans hook, scenes and call to action, timed to the second." : "Each storyboard is a take on the idea: try another brief, platform or pattern."}</p>
      </div>
      {error && <p className="alert error" role="alert">{error}</p>}
      <div className="field">
        <label htmlFor="sb-brief">Brief</label>
        <textarea id="sb-brief" value={form.brief} onChange={set("brief")} rows={6} aria-invalid={Boolean(fields.brief) || over}
          aria-describedby={describe("brief", "sb-brief-count")} placeholder="What is the video about, who is it for, what should viewers do at the end?" />
        <p id="sb-brief-count" className={`hint counter${over ? " over" : ""}`} aria-live="polite">
          {form.brief.length.toLocaleString("en")} / {LIMITS.brief.toLocaleString("en")} characters{over ? ` (${(form.brief.length - LIMITS.brief).toLocaleString("en")} too many)` : ""}
        </p>
        {err("brief")}
      </div>
      <div className="field understood" data-testid="brief-understood">
        <button type="button" className="btn small" onClick={() => void readBrief()} disabled={!form.brief.trim() || over}>Check what we read</button>
        {understood && (
          <details open>
            <summary aria-live="polite" data-testid="brief-summary">{understood.summary}</summary>
            {understood.length.message && (
              // A thin brief is told before generating: the storyboard runs what its material fills, not padding.
              <p className="alert warn" data-testid="brief-length">{understood.length.message} Without more, the storyboard runs {understood.length.total_duration} s.</p>
            )}
            <p className="hint">Correct anything we misread; your version is what the storyboard is written from.</p>
            <div className="grid two">
              {EDITABLE.map((e) => (
                <div className="field" key={e.key}>
                  <label htmlFor={`sb-read-${e.key}`}>{e.label}</label>
                  {e.list === "lines" ? (
                    <textarea id={`sb-read-${e.key}`} rows={2} value={shownValue(e.key, e.list)} onChange={(ev) => setCorrections((c) => ({ ...c, [e.key]: ev.target.value }))} />
                  ) : (
                    <input id={`sb-read-${e.key}`} type="text" value={shownValue(e.key, e.list)} onChange={(ev) => setCorrections((c) => ({ ...c, [e.key]: ev.target.value }))} />
                  )}
                </div>
              ))}
            </div>
          </details>
        )}
      </div>
      <div className="field">
        <label htmlFor="sb-title">Title <span className="muted small">(optional)</span></label>
        <input id="sb-title" type="text" value={form.title} onChange={set("title")} maxLength={LIMITS.storyboardTitle} aria-invalid={Boolean(fields.title)}
          aria-describedby={describe("title", "sb-title-hint")} />
        <p id="sb-title-hint" className="hint">Left empty, the brief&apos;s first line is used.</p>
        {err("title")}
      </div>
      <div className="field">
        <label htmlFor="sb-refs">Reference URLs <span className="muted small">(optional, up to {LIMITS.referenceUrls})</span></label>
        <textarea id="sb-refs" value={form.reference_urls} onChange={set("reference_urls")} rows={3} aria-invalid={Boolean(fields.reference_urls)}
          aria-describedby={describe("reference_urls", "sb-refs-hint")} placeholder={"https://www.tiktok.com/@creator/video/…"} spellCheck={false} autoCapitalize="off" />
        <p id="sb-refs-hint" className="hint">One http(s) link a line: videos whose style you like.</p>
        {err("reference_urls")}
      </div>
      <div className="grid three options">
        <div className="field">
          <label htmlFor="sb-duration">Target duration (s)</label>
          <input id="sb-duration" type="text" inputMode="numeric" value={form.duration} onChange={set("duration")} placeholder="Auto" aria-invalid={Boolean(fields.duration)}
            aria-describedby={describe("duration", "sb-duration-hint")} />
          <p id="sb-duration-hint" className="hint">5–180 seconds; empty: inferred.</p>
          {err("duration")}
        </div>
        <OptionSelect id="sb-platform" label="Platform" value={form.platform} onChange={set("platform")} auto="Auto (from the brief)" options={PLATFORM_OPTIONS} error={fields.platform} />
        <OptionSelect id="sb-pattern" label="Pattern" value={form.pattern} onChange={set("pattern")} auto="Auto (best fit)" options={patterns.map((p) => ({ value: p.id, label: p.name }))} error={fields.pattern} />
        <div className="field">
          <label htmlFor="sb-aspect">Frame</label>
          <select id="sb-aspect" value={form.aspect_ratio} onChange={set("aspect_ratio")} aria-invalid={Boolean(fields.aspect_ratio)} aria-describedby={describe("aspect_ratio")}>
            <option value="auto">Auto (16:9 for YouTube, else 9:16)</option>
            {ASPECT_RATIOS.map((r) => <option key={r} value={r}>{r}</option>)}
          </select>
          {err("aspect_ratio")}
        </div>
      </div>
      <button className="btn primary" type="submit" disabled={pending}>{pending ? "Starting…" : "Generate storyboard"}</button>
    </form>
  );
}
