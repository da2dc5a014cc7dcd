"use client";
// One scene as a creator shoots it: number, type, timing, camera, what is seen, what is said,
// what is written on screen, and the four production tasks. Every field is editable in place.
// On a phone the card starts collapsed to what identifies the scene (number, type, time range,
// on-screen text, frame thumbnail); its heading is the button that expands it. The handle
// reorders it by mouse, touch or keyboard (@dnd-kit, wired in the storyboard editor).
import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useState } from "react";
import type { Check } from "../../engine";
import { LIMITS, SCENE_TYPES } from "../../domain/constants";
import { fieldError, numberFromText, scenePatchSchema } from "../../domain/schemas";
import type { SceneWithTasks } from "../../domain/types";
import { ConfirmButton } from "../confirm-button";
import { TASK_LABELS, capitalize, timecode } from "../format";
import { InlineText } from "../inline-edit";

export interface SceneCardProps {
  scene: SceneWithTasks;
  start: number;
  count: number;
  checks: Check[];
  busy: boolean;
  error: string | null;
  /** true/false once the page knows the screen; null while rendering on the server (CSS decides by width). */
  expanded: boolean | null;
  onToggle: () => void;
  onSave: (patch: Record<string, unknown>) => Promise<string | null>;
  onTask: (taskId: number, completed: boolean) => void;
  onMove: (position: number) => void;
  onRegenerate: () => void;
  onDelete: () => Promise<string | null>;
  onAddAfter: (invoker: HTMLElement) => void;
  /** Registers the card's element (focus after a move). */
  attach: (el: HTMLElement | null) => void;
  /** The scene's frame (sketch or picture), drawn beside its fields. */
  frame?: React.ReactNode;
  /** The scene's review comments (count badge, list, form), below its tasks. */
  comments?: React.ReactNode;
}

const CHECK_CLASS: Record<Check["severity"], string> = { error: "error", warning: "warn", info: "info" };

/** An inline edit of one scene field, checked by the shared schema before it is sent. */
const checkScene = (key: string) => (draft: string) => fieldError(scenePatchSchema, key, key === "duration" ? (numberFromText(draft) ?? "") : draft);

/** A button that stays focusable while its action runs (aria-disabled, clicks ignored). */
function ActionButton({ busy, disabled, onClick, children, ...rest }: { busy: boolean; disabled?: boolean; onClick: (e: React.MouseEvent<HTMLButtonElement>) => void; children: React.ReactNode } & Omit<React.ButtonHTMLAttributes<HTMLButtonElement>, "onClick" | "disabled">) {
  return (
    <button type="button" className="btn small" disabled={disabled} aria-disabled={busy || undefined} onClick={(e) => { if (!busy) onClick(e); }} {...rest}>
      {children}
    </button>
  );
}

export function SceneCard(p: SceneCardProps) {
  const { scene, start, count, attach } = p;
  const n = scene.scene_number;
  const ctx = `scene ${n}`;
  const [typeError, setTypeError] = useState<string | null>(null);
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: scene.id });
  const done = scene.tasks.filter((t) => t.completed).length;
  // The needs_input check says what the to-do above already shows.
  const sceneChecks = p.checks.filter((c) => c.id !== "needs_input");
  const classes = ["card", "scene-card", `type-${scene.scene_type}`, isDragging && "dragging"].filter(Boolean).join(" ");
  const bodyId = `scene-${scene.id}-body`;

  return (
    <li ref={(el) => { setNodeRef(el); attach(el); }} className={classes} data-testid="scene-card" data-scene-id={scene.id} data-scene-number={n}
      data-expanded={p.expanded === null ? undefined : String(p.expanded)}
      aria-labelledby={`scene-${scene.id}-heading`} aria-busy={p.busy}
      style={{ transform: CSS.Translate.toString(transform), transition }}>
      <div className="scene-head">
        <button type="button" ref={setActivatorNodeRef} className="drag-handle" data-testid="drag-handle" {...attributes} {...listeners}
          aria-label={`Reorder scene ${n}`} aria-roledescription="sortable scene">
          <span aria-hidden="true">⠿</span>
        </button>
        <h2 className="scene-title" id={`scene-${scene.id}-heading`}>
          <button type="button" className="scene-toggle" data-testid="scene-toggle" aria-expanded={p.expanded ?? undefined} aria-controls={bodyId} onClick={p.onToggle}>
            <span className="scene-number" data-testid="scene-number">Scene {n}</span>
            <span className="toggle-icon" aria-hidden="true" />
          </button>
        </h2>
        <select className={`badge ${scene.scene_type} type-select`} value={scene.scene_type} aria-label={`Scene type, ${ctx}`}
          aria-invalid={Boolean(typeError)}
          onChange={async (e) => setTypeError(await p.onSave({ scene_type: e.target.value }))}>
          {SCENE_TYPES.map((t) => <option key={t} value={t}>{t === "cta" ? "CTA" : capitalize(t)}</option>)}
        </select>
        <span className="timecode" data-testid="timecode" title="Start–end in the video">{timecode(start)}–{timecode(start + scene.duration)}</span>
        <span className="scene-progress small muted" title="Tasks done"><span className="visually-hidden">Tasks done: </span>{done}/{scene.tasks.length}</span>
        <span className="scene-summary" data-testid="scene-summary">
          {scene.text_overlay ? <>“{scene.text_overlay}”</> : <span className="muted">No on-screen text</span>}
        </span>
      </div>
      {p.frame}
      <div className="scene-body" id={bodyId}>
        <p className="scene-duration">
          <span className="muted small">Duration </span>
          <InlineText label="Duration in seconds" context={ctx} value={String(scene.duration)} numeric maxLength={4}
            validate={checkScene("duration")} onSave={(v) => p.onSave({ duration: v })} testId="scene-duration">{scene.duration} s</InlineText>
        </p>
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
            <dd><InlineText label="Camera angle" context={ctx} value={scene.camera_angle} maxLength={LIMITS.cameraAngle} emptyText="Add a camera angle" validate={checkScene("camera_angle")} onSave={(v) => p.onSave({ camera_angle: v })} testId="scene-camera" /></dd>
          </div>
          <div className="scene-field">
            <dt>Visual</dt>
            <dd><InlineText label="Visual description" context={ctx} value={scene.visual_description} multiline validate={checkScene("visual_description")} onSave={(v) => p.onSave({ visual_description: v })} testId="scene-visual" /></dd>
          </div>
          <div className="scene-field">
            <dt>Voice-over</dt>
            <dd><InlineText label="Script" context={ctx} value={scene.script} multiline emptyText="Add a voice-over script" validate={checkScene("script")} onSave={(v) => p.onSave({ script: v })} testId="scene-script" /></dd>
          </div>
          <div className="scene-field">
            <dt>On screen</dt>
            <dd><InlineText label="Text overlay" context={ctx} value={scene.text_overlay} maxLength={LIMITS.textOverlay} emptyText="Add on-screen text" validate={checkScene("text_overlay")} onSave={(v) => p.onSave({ text_overlay: v })} testId="scene-overlay" /></dd>
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
          <ActionButton busy={p.busy} onClick={() => p.onMove(n - 1)} disabled={n === 1} aria-label={`Move scene ${n} up`}>↑ Up</ActionButton>
          <ActionButton busy={p.busy} onClick={() => p.onMove(n + 1)} disabled={n === count} aria-label={`Move scene ${n} down`}>↓ Down</ActionButton>
          <ActionButton busy={p.busy} onClick={p.onRegenerate} aria-label={`Regenerate scene ${n}`}>{p.busy ? "Working…" : "↻ Regenerate"}</ActionButton>
          <ActionButton busy={p.busy} onClick={(e) => p.onAddAfter(e.currentTarget)} aria-label={`Add a scene after scene ${n}`}>+ Scene after</ActionButton>
          <ConfirmButton small label="Delete scene" triggerLabel={`Delete scene ${n}`} confirmLabel={`Yes, delete scene ${n}`} busyLabel="Deleting…"
            question={`Delete scene ${n} and its tasks? The scenes after it move up.`} onConfirm={p.onDelete} />
        </div>
      </div>
    </li>
  );
}
