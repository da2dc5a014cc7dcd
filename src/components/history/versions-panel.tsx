"use client";
// Named versions of a storyboard: "Save version" with a name, the list (time, author; the app's own
// "Before regenerating…" ones marked auto), each comparable with the storyboard now, scene by scene,
// and restorable (the restore is one change on the undo stack).
import { useState } from "react";
import type { SceneDiff } from "../../domain/history";
import type { VersionDetail, VersionSummary } from "../../domain/types";
import { listVersionsAction, restoreVersionAction, saveVersionAction, versionAction, type HistoryStep } from "../../app/(app)/storyboards/undo-actions";
import { durationText, plural } from "../format";

const shown = (v: unknown) => (v === null || v === undefined || v === "" ? "(empty)" : Array.isArray(v) ? (v.length ? v.join(", ") : "(none)") : `“${String(v)}”`);

function DiffList({ diff }: { diff: SceneDiff[] }) {
  if (diff.length === 0) return <p className="small muted" data-testid="version-diff">No differences: the storyboard is as this version has it.</p>;
  return (
    <ul className="version-diff small" data-testid="version-diff">
      {diff.map((d) => (
        <li key={`${d.kind}-${d.scene_number}-${d.was_number ?? ""}`}>
          {d.kind === "added" && <><strong>Scene {d.scene_number}</strong>: added since</>}
          {d.kind === "removed" && <><strong>Scene {d.scene_number}</strong> of the version: removed since</>}
          {d.kind === "changed" && (
            <>
              <strong>Scene {d.scene_number}</strong>{d.was_number !== undefined && ` (was ${d.was_number})`}: {d.fields.length === 0 ? "moved" : "changed"}
              {d.fields.length > 0 && (
                <ul>
                  {d.fields.map((f) => <li key={f.field}>{f.label}: {shown(f.version)} in the version, {shown(f.current)} now</li>)}
                </ul>
              )}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

export function VersionsPanel({ storyboardId, version, onRestored }: { storyboardId: number; version: number; onRestored: (r: HistoryStep) => void }) {
  const [list, setList] = useState<VersionSummary[] | null>(null);
  const [name, setName] = useState("");
  const [nameError, setNameError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<VersionDetail | null>(null);
  const [busy, setBusy] = useState(false);

  async function load() {
    const r = await listVersionsAction(storyboardId);
    if (r.ok) setList(r.data);
    else setError(r.error.message);
  }

  return (
    <details className="versions" data-testid="versions" onToggle={(e) => { if ((e.currentTarget as HTMLDetailsElement).open && list === null) void load(); }}>
      <summary>Versions{list ? ` (${list.length})` : ""}</summary>
      <form className="row version-save" noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          const r = await saveVersionAction(storyboardId, name);
          setBusy(false);
          if (r.ok) {
            setList(r.data);
            setName("");
            setNameError(null);
          } else setNameError(r.error.fields?.name ?? r.error.message);
        }}>
        <div className="field">
          <label htmlFor={`version-name-${storyboardId}`}>Version name</label>
          <input id={`version-name-${storyboardId}`} type="text" value={name} maxLength={255} onChange={(e) => setName(e.target.value)}
            aria-invalid={nameError ? true : undefined} aria-describedby={nameError ? `version-name-error-${storyboardId}` : undefined} />
          {nameError && <p id={`version-name-error-${storyboardId}`} className="field-error" role="alert">{nameError}</p>}
        </div>
        <button type="submit" className="btn small" disabled={busy}>Save version</button>
      </form>
      {error && <p className="field-error" role="alert">{error}</p>}
      {list && list.length === 0 && <p className="small muted">No versions yet. One is saved before every regenerate, or save one now.</p>}
      {list && list.length > 0 && (
        <ol className="version-list">
          {list.map((v) => (
            <li key={v.id} className="stack" data-testid="version">
              <div className="spread">
                <span>
                  <strong>{v.name}</strong> {v.kind === "auto" && <span className="badge">auto</span>}
                  <br />
                  <span className="small muted">
                    <time dateTime={v.created_at}>{new Date(v.created_at).toLocaleString()}</time>
                    {v.author ? ` · ${v.author}` : ""} · {plural(v.scene_count, "scene")}, {durationText(v.total_duration)}
                  </span>
                </span>
                <span className="row">
                  <button type="button" className="btn small" aria-expanded={open?.id === v.id}
                    onClick={async () => {
                      if (open?.id === v.id) return setOpen(null);
                      const r = await versionAction(v.id);
                      if (r.ok) setOpen(r.data);
                      else setError(r.error.message);
                    }}>{open?.id === v.id ? "Hide changes" : `Compare “${v.name}”`}</button>
                  <button type="button" className="btn small" disabled={busy}
                    onClick={async () => {
                      setBusy(true);
                      setError(null);
                      const r = await restoreVersionAction(storyboardId, v.id, version);
                      setBusy(false);
                      if (!r.ok) return setError(r.error.message);
                      setOpen(null);
                      onRestored(r.data);
                      await load();
                    }}>{`Restore “${v.name}”`}</button>
                </span>
              </div>
              {open?.id === v.id && <DiffList diff={open.diff} />}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
