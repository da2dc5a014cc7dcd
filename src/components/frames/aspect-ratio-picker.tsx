"use client";
// The storyboard's frame shape, changeable at any time; every frame redraws in it.
import { useState, useTransition } from "react";
import { setAspectRatioAction } from "../../app/(app)/storyboards/shoot-actions";
import { ASPECT_RATIOS, type AspectRatio } from "../../domain/constants";

const LABELS: Record<AspectRatio, string> = { "9:16": "9:16 vertical", "16:9": "16:9 landscape", "1:1": "1:1 square", "4:5": "4:5 portrait" };

export function AspectRatioPicker({ storyboardId, value, version, onSaved, onStale }: {
  storyboardId: number;
  value: AspectRatio;
  /** The storyboard version the page shows: the change is made only if it is still current. */
  version?: number;
  onSaved: (ratio: AspectRatio, version: number) => void;
  /** The storyboard changed elsewhere: nothing was saved, the page should show the current one. */
  onStale?: (message: string) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="aspect-picker no-print">
      <label htmlFor={`aspect-${storyboardId}`} className="small">Frame</label>
      <select id={`aspect-${storyboardId}`} value={value} title="9:16 for TikTok, Shorts and Reels; 16:9 for YouTube" disabled={pending} aria-invalid={Boolean(error)} data-testid="aspect-ratio"
        onChange={(e) => {
          const ratio = e.target.value as AspectRatio;
          setError(null);
          start(async () => {
            const r = await setAspectRatioAction(storyboardId, ratio, version);
            if (r.ok) onSaved(r.data.aspect_ratio, r.data.version);
            else if (r.error.code === "conflict" && r.error.fields?.version && onStale) onStale(r.error.message);
            else setError(r.error.fields?.aspect_ratio ?? r.error.message);
          });
        }}>
        {ASPECT_RATIOS.map((r) => <option key={r} value={r}>{LABELS[r]}</option>)}
      </select>
      {error && <p className="field-error" role="alert">{error}</p>}
    </div>
  );
}
