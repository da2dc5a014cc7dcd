"use client";
// Two or three storyboards side by side, scene by scene aligned by beat. On a wide screen every
// column shows; on a phone one at a time, with tabs to switch between them (the table stays one
// table: the other columns are hidden by CSS below 720 px).
import Link from "next/link";
import { useState } from "react";
import type { Comparison } from "../../features/storyboards/compare-storyboards";
import { PLATFORM_LABELS, durationText, plural } from "../format";
import { useHydrated } from "../preview/use-hydrated";
import { ProgressBar } from "../ui";
import "./compare.css";

const KIND_LABELS = { hook: "Hook", content: "Content", cta: "CTA" } as const;

export function CompareView({ comparison }: { comparison: Pick<Comparison, "compared" | "rows"> }) {
  const { compared, rows } = comparison;
  const [active, setActive] = useState(0);
  const ready = useHydrated();
  const colClass = (i: number) => `compare-col${i === active ? " active" : ""}`;
  function onKey(e: React.KeyboardEvent<HTMLButtonElement>, i: number) {
    const next = e.key === "ArrowRight" ? (i + 1) % compared.length : e.key === "ArrowLeft" ? (i - 1 + compared.length) % compared.length : null;
    if (next === null) return;
    e.preventDefault();
    setActive(next);
    document.getElementById(`compare-tab-${next}`)?.focus();
  }
  return (
    <div className="compare stack" data-testid="compare-view" data-ready={ready} style={{ "--compare-cols": compared.length } as React.CSSProperties}>
      <div className="compare-tabs" role="tablist" aria-label="Variation shown">
        {compared.map((sb, i) => (
          <button key={sb.id} id={`compare-tab-${i}`} type="button" role="tab" aria-selected={i === active} aria-controls="compare-table" tabIndex={i === active ? 0 : -1}
            className={`compare-tab${i === active ? " active" : ""}`} data-testid="compare-tab" onClick={() => setActive(i)} onKeyDown={(e) => onKey(e, i)}>
            {sb.title}
          </button>
        ))}
      </div>
      <div className="compare-scroll" id="compare-table" role="tabpanel" aria-labelledby={`compare-tab-${active}`}>
        <table className="compare-table">
          <caption className="compare-caption">Storyboards compared scene by scene, aligned by beat</caption>
          <thead>
            <tr>
              <td className="compare-beat" />
              {compared.map((sb, i) => (
                <th key={sb.id} scope="col" className={colClass(i)} data-testid="compare-column" data-storyboard-id={sb.id}>
                  <div className="stack compare-head">
                    <Link className="title" href={`/storyboards/${sb.id}`}>{sb.title}</Link>
                    {sb.is_main && <span className="badge main-badge">Main storyboard</span>}
                    <dl className="compare-facts small">
                      <div><dt>Runtime</dt><dd data-testid="compare-runtime">{durationText(sb.total_duration)}{sb.requested_duration !== null && sb.requested_duration !== sb.total_duration ? ` (asked ${durationText(sb.requested_duration)})` : ""} · {plural(sb.total_scenes, "scene")}</dd></div>
                      <div><dt>Pattern</dt><dd data-testid="compare-pattern">{sb.pattern?.name ?? "—"}</dd></div>
                      <div><dt>Platform</dt><dd data-testid="compare-platform">{sb.platform ? (PLATFORM_LABELS[sb.platform] ?? sb.platform) : "—"} · {sb.aspect_ratio}</dd></div>
                    </dl>
                    <ProgressBar done={sb.completed_tasks} total={sb.total_tasks} label={`Progress of ${sb.title}`} />
                    <div className="compare-checks small" data-testid="compare-checks">
                      {sb.checks_run === 0 ? (
                        <p className="muted">No checks yet ({sb.status}).</p>
                      ) : sb.failed_checks.length === 0 ? (
                        <p className="check-ok">All {sb.checks_run} checks pass</p>
                      ) : (
                        <>
                          <p>{plural(sb.failed_checks.length, "check")} of {sb.checks_run} to look at</p>
                          <ul>
                            {sb.failed_checks.map((c, k) => (
                              <li key={`${c.id}-${k}`} className={`check-${c.severity}`}>
                                <span className="check-severity">{c.severity}</span> {c.scene_number !== undefined && <>Scene {c.scene_number}: </>}{c.message}
                              </li>
                            ))}
                          </ul>
                        </>
                      )}
                    </div>
                  </div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label} data-testid="compare-row" data-kind={row.kind}>
                <th scope="row" className="compare-beat"><span className={`badge ${row.kind}`}>{row.label}</span></th>
                {row.cells.map((scene, i) => (
                  <td key={compared[i]!.id} className={colClass(i)}>
                    {scene ? (
                      <div className="compare-scene" data-testid="compare-scene" data-scene-type={scene.scene_type}>
                        <p className="small muted">Scene {scene.scene_number} · {KIND_LABELS[row.kind]} · {scene.duration} s{scene.beat ? ` · ${scene.beat}` : ""}</p>
                        {scene.text_overlay && <p className="compare-overlay">{scene.text_overlay}</p>}
                        {scene.script && <p className="compare-script">{scene.script}</p>}
                        {scene.camera_angle && <p className="small muted">Camera: {scene.camera_angle}</p>}
                      </div>
                    ) : (
                      <p className="small muted compare-none">No scene for this beat</p>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
