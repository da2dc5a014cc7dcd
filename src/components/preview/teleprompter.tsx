"use client";
// The voice-over in large type, scrolling past a reading line at the scene's speaking rate:
// the whole script passes the line in the time the engine allows for saying it (2.8 words a
// second, 5 characters a second in Japanese), times the speed the creator picks.
import { useEffect, useRef, useState } from "react";
import type { ReadingPace } from "../../engine/captions";

type PrompterState = "ready" | "running" | "paused" | "done";

export const SPEEDS = { min: 0.5, max: 2, step: 0.1 } as const;

export function Teleprompter({ script, pace, speed, onSpeed }: { script: string; pace: ReadingPace; speed: number; onSpeed: (speed: number) => void }) {
  const [state, setState] = useState<PrompterState>("ready");
  const box = useRef<HTMLDivElement>(null);
  const text = useRef<HTMLParagraphElement>(null);
  const run = useRef({ elapsed: 0, anchor: 0, frame: 0, speed });
  const seconds = Math.max(pace.seconds, 0.5);

  useEffect(() => {
    const r = run.current;
    // A speed change while running keeps the place: bank the time so far at the old speed.
    if (r.frame) {
      r.elapsed += ((performance.now() - r.anchor) / 1000) * r.speed;
      r.anchor = performance.now();
    }
    r.speed = speed;
  }, [speed]);

  useEffect(() => () => cancelAnimationFrame(run.current.frame), []);

  function place(fraction: number) {
    const b = box.current;
    const t = text.current;
    if (b && t) b.scrollTop = fraction * t.offsetHeight;
  }

  function start() {
    const r = run.current;
    if (state === "done") r.elapsed = 0;
    r.anchor = performance.now();
    setState("running");
    const frame = () => {
      const elapsed = r.elapsed + ((performance.now() - r.anchor) / 1000) * r.speed;
      const fraction = Math.min(1, elapsed / seconds);
      place(fraction);
      if (fraction >= 1) {
        r.elapsed = seconds;
        r.frame = 0;
        setState("done");
        return;
      }
      r.frame = requestAnimationFrame(frame);
    };
    r.frame = requestAnimationFrame(frame);
  }

  function pause() {
    const r = run.current;
    cancelAnimationFrame(r.frame);
    r.elapsed += ((performance.now() - r.anchor) / 1000) * r.speed;
    r.frame = 0;
    setState("paused");
  }

  function restart() {
    const r = run.current;
    cancelAnimationFrame(r.frame);
    Object.assign(r, { elapsed: 0, frame: 0 });
    place(0);
    setState("ready");
  }

  const toggle = () => (state === "running" ? pause() : start());
  const rate = `${pace.per_second} ${pace.unit}/s`;

  return (
    <section className="pv-prompter-wrap" aria-label="Teleprompter">
      <div className="pv-prompter-frame">
        {/* The script starts on the reading line and ends on it: the scroll distance is its height. */}
        <div ref={box} className="pv-prompter" data-testid="teleprompter" data-state={state} data-seconds={seconds / speed} onClick={toggle}>
          <div className="pv-prompter-lead" aria-hidden="true" />
          <p ref={text} className="pv-prompter-text">{script}</p>
          <div className="pv-prompter-tail" aria-hidden="true" />
        </div>
        <span className="pv-reading-line" aria-hidden="true" />
      </div>
      <div className="pv-prompter-controls">
        <button type="button" className="pv-btn" data-testid="prompter-toggle" onClick={toggle}>
          {state === "running" ? "Pause" : state === "paused" ? "Resume" : state === "done" ? "Again" : "Start"}
        </button>
        <button type="button" className="pv-btn pv-quiet" onClick={restart} disabled={state === "ready"}>Restart</button>
        <span className="pv-speed" role="group" aria-label="Prompter speed">
          <button type="button" className="pv-btn pv-quiet" aria-label="Slower" disabled={speed <= SPEEDS.min + 1e-9} onClick={() => onSpeed(speed - SPEEDS.step)}>−</button>
          <output aria-live="polite" data-testid="prompter-speed">{speed.toFixed(1)}×</output>
          <button type="button" className="pv-btn pv-quiet" aria-label="Faster" disabled={speed >= SPEEDS.max - 1e-9} onClick={() => onSpeed(speed + SPEEDS.step)}>+</button>
        </span>
        <span className="pv-pace" data-testid="prompter-pace">{pace.seconds.toFixed(1)} s at {rate}</span>
      </div>
    </section>
  );
}
