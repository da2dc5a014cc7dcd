"use client";
// Shoot mode: the phone in the creator's hand on set. One scene per screen (swipe or the arrows
// to move), the camera set-up and the overlay on top, the voice-over as a teleprompter, and one
// big button to tick "scene filmed", which works without a network and syncs when it is back.
// The screen stays awake while this is open.
import { useEffect, useState } from "react";
import type { PreviewView } from "../../features/preview/get-preview";
import { capitalize, durationText, timecode } from "../format";
import { clamp } from "./timeline";
import { BackLink, NothingYet } from "./player-parts";
import { SPEEDS, Teleprompter } from "./teleprompter";
import { useSwipe } from "./use-swipe";
import { useHydrated, useStoredValue } from "./use-hydrated";
import { useTaskSync, type SyncStatus } from "./use-task-sync";
import { useWakeLock, type WakeLockState } from "./use-wake-lock";
import "./preview.css";

const SPEED_KEY = "storyboard-ai:prompter-speed";

const SYNC_TEXT: Record<SyncStatus, string> = {
  synced: "Saved",
  sending: "Saving…",
  offline: "Offline: saved on this phone",
  "signed-out": "Sign in again to sync",
  retrying: "Server busy: retrying",
};

const WAKE_TEXT: Record<WakeLockState, string> = {
  pending: "",
  on: "Screen stays on",
  unsupported: "This browser may let the screen sleep",
  denied: "Screen may sleep",
};

export function ShootMode({ view }: { view: PreviewView }) {
  const scenes = view.scenes;
  const [index, setIndex] = useState(0);
  const [filmed, setFilmed] = useState<Record<number, boolean>>(() => Object.fromEntries(scenes.map((s) => [s.id, s.filmed])));
  const [storedSpeed, storeSpeed] = useStoredValue(SPEED_KEY);
  const saved = Number(storedSpeed);
  const speed = storedSpeed !== null && saved >= SPEEDS.min && saved <= SPEEDS.max ? saved : 1;
  const ready = useHydrated();
  const sync = useTaskSync(view.id);
  const wake = useWakeLock();

  // Ticks still waiting from an earlier visit are what the creator last saw: show them.
  const pendingByTask = new Map(sync.pending.map((t) => [t.task_id, t.completed]));
  const isFilmed = (s: (typeof scenes)[number]) => (s.filmed_task_id === null ? undefined : pendingByTask.get(s.filmed_task_id)) ?? filmed[s.id] ?? false;

  function setSpeed(v: number) {
    storeSpeed(String(Math.round(clamp(v, SPEEDS.min, SPEEDS.max) * 10) / 10));
  }

  const go = (delta: number) => setIndex((i) => clamp(i + delta, 0, scenes.length - 1));
  const swipe = useSwipe((direction) => go(direction === "left" ? 1 : -1));

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.target as HTMLElement | null)?.closest?.("input, textarea, select")) return;
      if (e.key === "ArrowRight") go(1);
      else if (e.key === "ArrowLeft") go(-1);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  if (scenes.length === 0) {
    return (
      <NothingYet view={view} className="pv-shoot" testId="shoot-mode" ready={ready} title="No scenes to shoot"
        whenGenerating="This storyboard is still being generated: go back to it and open shoot mode when its scenes are ready."
        otherwise="Add scenes on the storyboard page, then come back to shoot them." />
    );
  }

  const scene = scenes[index]!;
  const done = isFilmed(scene);
  const filmedCount = scenes.filter(isFilmed).length;
  const type = scene.scene_type === "cta" ? "CTA" : capitalize(scene.scene_type);

  return (
    <div className="pv-shoot" data-testid="shoot-mode" data-ready={ready} data-scene={scene.scene_number} data-sync={sync.status} data-pending={sync.pending.length} data-wake-lock={wake}>
      <header className="pv-bar">
        <BackLink view={view} />
        <span className={`pv-sync pv-sync-${sync.status}`} role="status" data-testid="sync-status">
          {SYNC_TEXT[sync.status]}{sync.pending.length > 0 && sync.status !== "sending" ? ` (${sync.pending.length} to send)` : ""}
        </span>
      </header>

      <section className="pv-shoot-main" {...swipe} data-testid="shoot-scene">
        <h1 className="pv-shoot-title">
          <span data-testid="shoot-scene-number">Scene {scene.scene_number}</span> <span className="pv-muted">of {scenes.length}</span>
          <span className={`pv-type pv-type-${scene.scene_type}`}>{type}</span>
        </h1>
        <p className="pv-shoot-time">{timecode(scene.start)}–{timecode(scene.start + scene.duration)} · {durationText(scene.duration)}</p>
        <dl className="pv-setup">
          <div>
            <dt>Camera</dt>
            <dd data-testid="shoot-camera">{scene.camera_angle || "No set-up written"}</dd>
          </div>
          <div>
            <dt>On screen</dt>
            <dd data-testid="shoot-overlay">{scene.text_overlay || "No overlay"}</dd>
          </div>
          <div className="pv-setup-visual">
            <dt>Shot</dt>
            <dd>{scene.visual_description}</dd>
          </div>
        </dl>
        {scene.script ? (
          <Teleprompter key={scene.id} script={scene.script} pace={scene.pace} speed={speed} onSpeed={setSpeed} />
        ) : (
          <p className="pv-no-script">No voice-over in this scene: shoot the action above.</p>
        )}
      </section>

      <footer className="pv-shoot-foot">
        <button type="button" className="pv-btn pv-nav" onClick={() => go(-1)} disabled={index === 0} aria-label="Previous scene">←</button>
        <button type="button" className={`pv-btn pv-filmed${done ? " is-done" : ""}`} aria-pressed={done} data-testid="scene-filmed"
          disabled={scene.filmed_task_id === null}
          onClick={() => {
            if (scene.filmed_task_id === null) return;
            setFilmed((f) => ({ ...f, [scene.id]: !done }));
            sync.tick(scene.filmed_task_id, !done);
          }}>
          {done ? "✓ Scene filmed" : "Mark scene filmed"}
        </button>
        <button type="button" className="pv-btn pv-nav" onClick={() => go(1)} disabled={index === scenes.length - 1} aria-label="Next scene">→</button>
        <p className="pv-shoot-count" data-testid="filmed-count">
          {filmedCount} of {scenes.length} filmed{WAKE_TEXT[wake] ? ` · ${WAKE_TEXT[wake]}` : ""}
        </p>
      </footer>
    </div>
  );
}
