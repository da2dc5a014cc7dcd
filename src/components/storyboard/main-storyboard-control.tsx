"use client";
// Which storyboard of the project is the main one (its tasks are the project's progress): a
// "Main storyboard" badge on it, a "Make main" button on each variation (project page, editor).
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { makeMainStoryboardAction } from "../../app/(app)/storyboards/actions";
import { useHydrated } from "../preview/use-hydrated";
import "./main-storyboard.css";

export function MainStoryboardControl({ storyboardId, isMain, title }: { storyboardId: number; isMain: boolean; title: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const ready = useHydrated();
  if (isMain) {
    return (
      <span className="badge main-badge" data-testid="main-badge" title="The project's progress counts this storyboard's tasks">
        Main storyboard
      </span>
    );
  }
  return (
    <span className="main-control">
      <button type="button" className="btn small" disabled={pending} data-testid="make-main" data-ready={ready} aria-label={`Make “${title}” the main storyboard`}
        onClick={() =>
          start(async () => {
            setError(null);
            const r = await makeMainStoryboardAction(storyboardId);
            if (r.ok) router.refresh();
            else setError(r.error.message);
          })
        }>{pending ? "Making main…" : "Make main"}</button>
      {error && <span className="field-error small" role="alert">{error}</span>}
    </span>
  );
}
