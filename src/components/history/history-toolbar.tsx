"use client";
// Undo and Redo for a storyboard (the editor) or a project (the project page): two buttons that say
// what they would do, and Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z (and Ctrl+Y) anywhere on the page except
// while typing in a field (where the browser's own text undo applies). The stack is the server's:
// it survives reloads.
import { useCallback, useEffect, useRef, useState } from "react";
import type { UndoState } from "../../domain/types";
import type { ActionResult } from "../../server/action";
import { changesAction, stepAction, type HistoryStep } from "../../app/(app)/storyboards/undo-actions";
import { projectChangesAction, projectStepAction } from "../../app/(app)/projects/history-actions";

/** True when a key press belongs to a text field (its own undo), not to the page. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

type Scope =
  | {
      storyboardId: number;
      /** The version the editor shows: a step is made only if the storyboard is still at it. */
      version: number;
      /** The storyboard after a step (or, when it was changed elsewhere, as it now is). */
      onStep: (r: HistoryStep) => void;
    }
  | {
      projectId: number;
      /** After a step: the page shows the project as it now is. */
      onStep: () => void;
    };

export function HistoryToolbar(props: Scope & {
  /** Changes whenever what the stack covers did (version, ticks, the project's newest change): the stack is read again. */
  refreshKey: string;
  /** The stack as the page rendered it (none: read when mounted). */
  initial?: UndoState;
  disabled?: boolean;
}) {
  const { refreshKey, disabled } = props;
  const [state, setState] = useState<UndoState | null>(props.initial ?? null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const busyRef = useRef(false);
  const storyboardId = "storyboardId" in props ? props.storyboardId : null;
  const projectId = "projectId" in props ? props.projectId : null;
  const version = "version" in props ? props.version : null;
  const onStep = props.onStep;

  useEffect(() => {
    let live = true;
    void (storyboardId !== null ? changesAction(storyboardId) : projectChangesAction(projectId!)).then((r) => {
      if (live && r.ok) setState(r.data);
    });
    return () => {
      live = false;
    };
  }, [storyboardId, projectId, refreshKey]);

  const step = useCallback(
    async (direction: "undo" | "redo") => {
      if (busyRef.current || disabled) return;
      busyRef.current = true;
      setBusy(true);
      const r: ActionResult<{ changes: UndoState }> = storyboardId !== null ? await stepAction(storyboardId, direction, version ?? undefined) : await projectStepAction(projectId!, direction);
      busyRef.current = false;
      setBusy(false);
      if (r.ok) {
        setState(r.data.changes);
        const done = direction === "undo" ? r.data.changes.redo : r.data.changes.undo;
        setMessage({ text: `${direction === "undo" ? "Undone" : "Redone"}: ${done?.label ?? "last change"}`, error: false });
        (onStep as (s: { changes: UndoState }) => void)(r.data);
      } else {
        setMessage({ text: r.error.message, error: true });
        if (storyboardId !== null && r.error.current) (onStep as (s: HistoryStep) => void)({ view: r.error.current as HistoryStep["view"], changes: state ?? { undo: null, redo: null, changes: [] } });
      }
    },
    [storyboardId, projectId, version, disabled, onStep, state],
  );

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || typing(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === "z") {
        e.preventDefault();
        void step(e.shiftKey ? "redo" : "undo");
      } else if (key === "y" && !e.shiftKey) {
        e.preventDefault();
        void step("redo");
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [step]);

  const undo = state?.undo ?? null;
  const redo = state?.redo ?? null;
  return (
    <div className="history-toolbar row" role="group" aria-label="Undo and redo">
      <button type="button" className="btn small" data-testid="undo" disabled={busy || disabled || !undo} onClick={() => void step("undo")}
        aria-label={undo ? `Undo: ${undo.label}` : "Undo (nothing to undo)"} title={undo ? `Undo: ${undo.label} (Ctrl+Z)` : "Nothing to undo"}>
        ↶ Undo
      </button>
      <button type="button" className="btn small" data-testid="redo" disabled={busy || disabled || !redo} onClick={() => void step("redo")}
        aria-label={redo ? `Redo: ${redo.label}` : "Redo (nothing to redo)"} title={redo ? `Redo: ${redo.label} (Shift+Ctrl+Z)` : "Nothing to redo"}>
        ↷ Redo
      </button>
      <p className={message?.error ? "small field-error" : "small muted"} role={message?.error ? "alert" : "status"} aria-live="polite" data-testid="history-message">
        {message?.text ?? ""}
      </p>
    </div>
  );
}
