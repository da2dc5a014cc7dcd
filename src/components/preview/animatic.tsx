"use client";
// The animatic: the storyboard played at its real timing, frame by frame, with the on-screen
// text in the frame and the voice-over as captions, a timeline to scrub and play from any scene.
//
// Time comes from the page's clock only: the playhead is the position where play started plus
// performance.now() since, so the animatic runs exactly as long as the storyboard whatever the
// frame rate. Cuts and the end are setTimeout'd to the exact boundary (the scene shown never
// drifts from the timecodes); animation frames only move the playhead and the captions.
import { useEffect, useRef, useState } from "react";
import type { PreviewView } from "../../features/preview/get-preview";
import { capitalize, durationText, timecode } from "../format";
import { Icon } from "./icons";
import { BackLink, NothingYet } from "./player-parts";
import { PreviewFrame } from "./preview-frame";
import { clamp, cueAt, sceneIndexAt } from "./timeline";
import { useHydrated } from "./use-hydrated";
import "./preview.css";

type PlayState = "paused" | "playing" | "ended";

/** A scene chip's label: number and type, as on the timeline. */
const typeLabel = (t: string) => (t === "cta" ? "CTA" : capitalize(t));

export function Animatic({ view }: { view: PreviewView }) {
  const scenes = view.scenes;
  const total = view.total_duration;
  const [state, setState] = useState<PlayState>("paused");
  const [index, setIndex] = useState(() => Math.max(0, sceneIndexAt(scenes, 0)));
  const [t, setT] = useState(0);
  const [run, setRun] = useState<{ startedAt: number | null; endedAt: number | null }>({ startedAt: null, endedAt: null });
  const ready = useHydrated();
  const [fullscreen, setFullscreen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  // Mutable playback state read by timers (React state would be stale inside their closures).
  const clock = useRef({ playing: false, anchorPerf: 0, anchorPos: 0, pos: 0, timeout: 0, frame: 0 });

  const position = () => {
    const c = clock.current;
    return c.playing ? c.anchorPos + (performance.now() - c.anchorPerf) / 1000 : c.pos;
  };

  function stopTimers() {
    const c = clock.current;
    clearTimeout(c.timeout);
    cancelAnimationFrame(c.frame);
  }

  /** Arms the timer for the next cut (or the end) and the frame loop for the playhead. */
  function schedule() {
    stopTimers();
    const c = clock.current;
    const pos = position();
    const i = sceneIndexAt(scenes, pos);
    const next = scenes.slice(i + 1).find((s) => s.duration > 0)?.start ?? total;
    c.timeout = window.setTimeout(() => cut(next), Math.max(0, (next - pos) * 1000));
    const frame = () => {
      // Tenths of a second are enough for captions and the bar, and keep re-renders to 10 a second.
      setT(Math.floor(Math.min(position(), total) * 10) / 10);
      c.frame = requestAnimationFrame(frame);
    };
    c.frame = requestAnimationFrame(frame);
  }

  function cut(boundary: number) {
    if (!clock.current.playing) return;
    if (boundary >= total) return end();
    // The timer fires at (or, on a busy page, just after) the boundary: the new scene starts there.
    setIndex(sceneIndexAt(scenes, Math.max(position(), boundary)));
    schedule();
  }

  function end() {
    stopTimers();
    Object.assign(clock.current, { playing: false, pos: total });
    setT(total);
    setState("ended");
    setRun((r) => ({ ...r, endedAt: Date.now() }));
  }

  function play() {
    if (total <= 0) return;
    const c = clock.current;
    const from = state === "ended" || c.pos >= total ? 0 : c.pos;
    Object.assign(c, { playing: true, anchorPerf: performance.now(), anchorPos: from, pos: from });
    setIndex(sceneIndexAt(scenes, from));
    setT(from);
    setState("playing");
    setRun({ startedAt: from === 0 ? Date.now() : null, endedAt: null });
    schedule();
  }

  function pause() {
    const c = clock.current;
    const pos = Math.min(position(), total);
    stopTimers();
    Object.assign(c, { playing: false, pos });
    setT(pos);
    setState("paused");
  }

  function seek(to: number, thenPlay = false) {
    const pos = clamp(to, 0, total);
    const c = clock.current;
    setIndex(sceneIndexAt(scenes, pos));
    setT(pos);
    setRun({ startedAt: null, endedAt: null });
    if (c.playing || thenPlay) {
      Object.assign(c, { playing: true, anchorPerf: performance.now(), anchorPos: pos, pos });
      setState("playing");
      schedule();
    } else {
      Object.assign(c, { pos });
      setState("paused");
    }
  }

  const step = (delta: number) => {
    let i = index + delta;
    while (scenes[i] && scenes[i]!.duration === 0) i += delta;
    if (scenes[i]) seek(scenes[i]!.start);
  };

  // Shortcuts work wherever focus is (the body too): Space / K play and pause, arrows change scene.
  const keys = useRef(onKey);
  useEffect(() => {
    keys.current = onKey;
  });
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => keys.current(e);
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  useEffect(() => {
    const onFs = () => setFullscreen(document.fullscreenElement === root.current);
    document.addEventListener("fullscreenchange", onFs);
    const c = clock.current;
    return () => {
      document.removeEventListener("fullscreenchange", onFs);
      clearTimeout(c.timeout);
      cancelAnimationFrame(c.frame);
    };
  }, []);

  function onKey(e: KeyboardEvent) {
    const target = e.target instanceof HTMLElement ? e.target : document.body;
    const onControl = target.closest("button, a, input, select, textarea");
    if ((e.key === " " || e.key === "k") && !onControl) {
      e.preventDefault();
      if (state === "playing") pause();
      else play();
    } else if ((e.key === "ArrowRight" || e.key === "ArrowLeft") && !target.closest("input")) {
      e.preventDefault();
      step(e.key === "ArrowRight" ? 1 : -1);
    } else if (e.key === "f" && !target.closest("input, textarea")) {
      void toggleFullscreen();
    }
  }

  async function toggleFullscreen() {
    if (document.fullscreenElement) await document.exitFullscreen().catch(() => undefined);
    else await root.current?.requestFullscreen().catch(() => undefined);
  }

  if (scenes.length === 0 || total <= 0) {
    return (
      <NothingYet view={view} className="pv-player pv-empty-player" testId="animatic" ready={ready} title="Nothing to play yet"
        whenGenerating="This storyboard is still being generated. Go back to it; the animatic is ready once its scenes are."
        otherwise="This storyboard has no scenes with a duration. Add scenes on the storyboard page, then come back to play it." />
    );
  }

  const scene = scenes[index]!;
  const cue = cueAt(scene.captions, Math.max(0, t - scene.start));
  const pct = total > 0 ? (t / total) * 100 : 0;

  return (
    <div ref={root} className="pv-player" data-testid="animatic" data-ready={ready} data-state={state} data-scene={scene.scene_number}
      data-run-started-at={run.startedAt ?? undefined} data-run-ended-at={run.endedAt ?? undefined}>
      <header className="pv-bar">
        <BackLink view={view} />
        <h1 className="visually-hidden">Animatic of {view.title}</h1>
        <span className="pv-bar-meta">{durationText(total)} · {scenes.length} scenes · {view.aspect_ratio}</span>
        <button type="button" className="pv-btn pv-quiet" onClick={() => void toggleFullscreen()} aria-pressed={fullscreen}>
          {fullscreen ? "Exit full screen" : "Full screen"}
        </button>
      </header>

      <div className="pv-stage" onClick={() => (state === "playing" ? pause() : play())}>
        <PreviewFrame scene={scene} aspect={view.aspect_ratio} caption={cue?.text ?? null} />
      </div>

      <div className="pv-controls">
        <div className="pv-scrub">
          {/* The scenes as coloured spans under the slider (inset by half the thumb, as the slider maps its values), so a cut is visible before it is reached. */}
          <div className="pv-track" aria-hidden="true">
            {scenes.filter((s) => s.duration > 0).map((s) => (
              <span key={s.id} className={`pv-type-${s.scene_type}`} style={{ flexGrow: s.duration }} />
            ))}
            <span className="pv-unplayed" style={{ left: `${pct}%` }} />
          </div>
          <input type="range" className="pv-range" aria-label="Playhead" data-testid="scrubber"
            min={0} max={total} step={0.1} value={t}
            aria-valuetext={`${timecode(Math.floor(t))} of ${timecode(total)}, scene ${scene.scene_number} of ${scenes.length}`}
            onChange={(e) => seek(Number(e.target.value))} />
        </div>
        <div className="pv-transport">
          <button type="button" className="pv-btn" onClick={() => step(-1)} disabled={index === 0} aria-label="Previous scene"><Icon name="previous" /></button>
          <button type="button" className="pv-btn pv-play" data-testid="play" onClick={() => (state === "playing" ? pause() : play())}
            aria-label={state === "playing" ? "Pause" : state === "ended" ? "Play again" : "Play"}>
            <Icon name={state === "playing" ? "pause" : "play"} />
          </button>
          <button type="button" className="pv-btn" onClick={() => step(1)} disabled={index >= scenes.length - 1} aria-label="Next scene"><Icon name="next" /></button>
          <span className="pv-time" data-testid="animatic-time"><span>{timecode(Math.floor(t))}</span> / {timecode(total)}</span>
          <span className="pv-scene-label" data-testid="animatic-scene">Scene {scene.scene_number} of {scenes.length} · {typeLabel(scene.scene_type)}</span>
        </div>
        <ol className="pv-chips" aria-label="Play from a scene">
          {scenes.map((s, i) => (
            <li key={s.id}>
              <button type="button" className={`pv-chip pv-type-${s.scene_type}`} aria-current={i === index ? "step" : undefined}
                disabled={s.duration === 0} onClick={() => seek(s.start, true)} data-testid="scene-chip"
                aria-label={`Play from scene ${s.scene_number}, ${typeLabel(s.scene_type)}, at ${timecode(s.start)}`}>
                <strong>{s.scene_number}</strong> <span>{timecode(s.start)}</span>
              </button>
            </li>
          ))}
        </ol>
      </div>
    </div>
  );
}
