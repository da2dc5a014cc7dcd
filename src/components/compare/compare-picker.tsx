"use client";
// Pick two or three of a project's storyboards to compare (project page, compare page).
import Link from "next/link";
import { useState } from "react";
import type { Comparison } from "../../features/storyboards/compare-storyboards";
import { useHydrated } from "../preview/use-hydrated";

const MAX = 3;

export function ComparePicker({ projectId, storyboards, selected = [] }: { projectId: number; storyboards: Comparison["storyboards"]; selected?: number[] }) {
  const [picked, setPicked] = useState<number[]>(selected);
  const ready = useHydrated();
  if (storyboards.length < 2) {
    return (
      <section className="panel stack" aria-labelledby="compare-heading" data-testid="compare-picker">
        <h2 id="compare-heading">Compare variations</h2>
        <p className="small muted" data-testid="compare-empty">Create a variation to compare: open the storyboard and press &ldquo;New variation&rdquo;.</p>
      </section>
    );
  }
  const toggle = (id: number) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : p.length >= MAX ? p : [...p, id]));
  const ok = picked.length >= 2 && picked.length <= MAX;
  const href = `/projects/${projectId}/compare?ids=${picked.join(",")}`;
  return (
    <section className="panel stack" aria-labelledby="compare-heading" data-testid="compare-picker" data-ready={ready}>
      <h2 id="compare-heading">Compare variations</h2>
      <fieldset className="stack compare-pick">
        <legend className="small muted">Pick 2 or {MAX} storyboards ({picked.length} picked)</legend>
        {storyboards.map((s) => {
          const on = picked.includes(s.id);
          return (
            <label key={s.id} className="row compare-option">
              <input type="checkbox" checked={on} disabled={!on && picked.length >= MAX} onChange={() => toggle(s.id)} data-testid="compare-option" data-storyboard-id={s.id} />
              <span>{s.title}{s.is_main ? " (main)" : ""}</span>
            </label>
          );
        })}
      </fieldset>
      {ok ? (
        <Link className="btn primary" href={href} data-testid="compare-link">Compare {picked.length} storyboards</Link>
      ) : (
        <span className="btn primary" aria-disabled="true" data-testid="compare-link">Compare</span>
      )}
    </section>
  );
}
