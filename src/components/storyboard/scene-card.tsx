"use client";
// One scene as a creator shoots it: number, type, timing, camera, what is seen, what is said,
// what is written on screen, and the four production tasks. Every field is editable in place.
import { useState } from "react";
import type { Check } from "../../engine";
import { LIMITS, SCENE_TYPES } from "../../domain/constants";
import type { SceneWithTasks } from "../../domain/types";
import { ConfirmButton } from "../confirm-button";
import { TASK_LABELS, capitalize, timecode } from "../format";
import { InlineText } from "../inline-edit";

export type DropSide = "before" | "after";

export interface SceneCardProps {
  scene: SceneWithTasks;
  start: number;
  count: number;
  checks: Check[];
  busy: boolean;
  error: string | null;
  dropSide: DropSide | null;
  dragging: boolean;
  onSave: (patch: Record<string, unknown>) => Promise<string | null>;
  onTask: (taskId: number, completed: boolean) => void;
  onMove: (position: number) => void;
  onRegenerate: () => void;
  onDelete: () => Promise<string | null>;
  onAddAfter: () => void;
  onDragStart: (e: React.DragEvent) => void;
  onDragEnd: () => void;
  onDragOver: (e: React.DragEvent<HTMLElement>) => void;
  onDrop: (e: React.DragEvent<HTMLElement>) => void;
  /** Registers the card's element (drag image, focus after a move). */
  attach: (el: HTMLElement | null) => void;
  /** The scene's frame (sketch or picture), drawn beside its fields. */
  frame?: React.ReactNode;
  /** The scene's review comments (count badge, list, form), below its tasks. */
  comments?: React.ReactNode;
}

const CHECK_CLASS: Record<Check["severity"], string> = { error: "error", warning: "warn", info: "info" };

export function SceneCard(p: SceneCardProps) {
  const { scene, start, count, attach } = p;
  const n = scene.scene_number;
  const ctx = `scene ${n}`;
  const [typeError, setTypeError] = useState<string | null>(null);
  const done = scene.tasks.filter((t) => t.completed).length;
  // The needs_input check says what the to-do above already shows.
  const sceneChecks = p.checks.filter((c) => c.id !== "needs_input");
  const classes = ["card", "scene-card", `type-${scene.scene_type}`, p.dragging && "dragging", p.dropSide && `drop-${p.dropSide}`].filter(Boolean).join(" ");

  return (
    <li ref={attach} className={classes} data-testid="scene-card" data-scene-id={scene.id} data-scene-number={n}
      aria-label={`Scene ${n}`} aria-busy={p.busy} onDragOver={p.onDragOver} onDrop={p.onDrop}>
      <div className="scene-head">
        <span className="drag-handle" draggable onDragStart={p.onDragStart} onDragEnd={p.onDragEnd} title="Drag to reorder" aria-hidden="true" data-testid="drag-handle">⠿</span>
        <span className="scene-number" data-testid="scene-number">Scene {n}</span>
        <select className={`badge ${scene.scene_type} type-select`} value={scene.scene_type} aria-label={`Scene type, ${ctx}`}
          aria-invalid={Boolean(typeError)}
          onChange={async (e) => setTypeError(await p.onSave({ scene_type: e.target.value }))}>
          {SCENE_TYPES.map((t) => <option key={t} value={t}>{t === "cta" ? "CTA" : capitalize(t)}</option>)}
        </select>
        <span className="timecode" data-testid="timecode" title="Start–end in the video">{timecode(start)}–{timecode(start + scene.duration)}</span>
        <span className="scene-duration">
          <InlineText label="Duration in seconds" context={ctx} value={String(scene.duration)} numeric maxLength={4}
            onSave={(v) => p.onSave({ duration: v })} testId="scene-duration">{scene.duration} s</InlineText>
        </span>
        <span className="scene-progress small muted" title="Tasks done">{done}/{scene.tasks.length}</span>
      </div>
      {p.frame}
      {typeError && <p className="field-error" role="alert">{typeError}</p>}
      {scene.needs_input && (
        <p className="alert warn scene-todo" role="note" data-testid="scene-needs-input">
          <strong>To do:</strong> {scene.needs_input}
        </p>
      )}
      {sceneChecks.length > 0 && (
        <ul className="checks scene-checks" aria-label={`Quality checks for scene ${n}`}>
          {sceneChecks.map((c) => <li key={c.id + c.message} className={`alert ${CHECK_CLASS[c.severity]}`}>{c.message}</li>)}
        </ul>
      )}
      <dl className="scene-fields">
        <div className="scene-field">
          <dt>Camera</dt>
          <dd><InlineText label="Camera angle" context={ctx} value={scene.camera_angle} maxLength={LIMITS.cameraAngle} emptyText="Add a camera angle" onSave={(v) => p.onSave({ camera_angle: v })} testId="scene-camera" /></dd>
        </div>
        <div className="scene-field">
          <dt>Visual</dt>
          <dd><InlineText label="Visual description" context={ctx} value={scene.visual_description} multiline onSave={(v) => p.onSave({ visual_description: v })} testId="scene-visual" /></dd>
        </div>
        <div className="scene-field">
          <dt>Voice-over</dt>
          <dd><InlineText label="Script" context={ctx} value={scene.script} multiline emptyText="Add a voice-over script" onSave={(v) => p.onSave({ script: v })} testId="scene-script" /></dd>
        </div>
        <div className="scene-field">
          <dt>On screen</dt>
          <dd><InlineText label="Text overlay" context={ctx} value={scene.text_overlay} maxLength={LIMITS.textOverlay} emptyText="Add on-screen text" onSave={(v) => p.onSave({ text_overlay: v })} testId="scene-overlay" /></dd>
        </div>
      </dl>
      <fieldset className="tasks">
        <legend className="visually-hidden">Production tasks for scene {n}</legend>
        {scene.tasks.map((t) => (
          <label key={t.id} className={`task${t.completed ? " done" : ""}`}>
            <input type="checkbox" checked={t.completed} onChange={(e) => p.onTask(t.id, e.target.checked)}
              aria-label={`${TASK_LABELS[t.task_type] ?? t.task_type}, ${ctx}`} data-task={t.task_type} />
            <span aria-hidden="true">{TASK_LABELS[t.task_type] ?? t.task_type}</span>
          </label>
        ))}
      </fieldset>
      {p.comments}
      {p.error && <p className="alert error" role="alert">{p.error}</p>}
      <div className="scene-actions">
        <button type="button" className="btn small" onClick={() => p.onMove(n - 1)} disabled={p.busy || n === 1} aria-label={`Move scene ${n} up`}>↑ Up</button>
        <button type="button" className="btn small" onClick={() => p.onMove(n + 1)} disabled={p.busy || n === count} aria-label={`Move scene ${n} down`}>↓ Down</button>
        <button type="button" className="btn small" onClick={p.onRegenerate} disabled={p.busy} aria-label={`Regenerate scene ${n}`}>↻ Regenerate</button>
        <button type="button" className="btn small" onClick={p.onAddAfter} disabled={p.busy} aria-label={`Add a scene after scene ${n}`}>+ Scene after</button>
        <ConfirmButton small label={`Delete scene`} confirmLabel={`Delete scene ${n}`} busyLabel="Deleting…"
          question={`Delete scene ${n} and its tasks? The scenes after it move up.`} onConfirm={p.onDelete} />
      </div>
    </li>
  );
}
