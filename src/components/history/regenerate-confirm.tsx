"use client";
// Asks before a regenerate overwrites hand edits, naming them ("Scene 5: voice-over, overlay"). A
// modal <dialog>: Esc cancels, focus stays inside and returns to the button that opened it.
import { useEffect, useRef } from "react";

export function RegenerateConfirm({ what, edits, onConfirm, onCancel }: {
  /** "scene 5", "the storyboard". */
  what: string;
  edits: string[];
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    cancelRef.current?.focus();
  }, []);
  // Closed before it goes, so the browser returns focus to the Regenerate button.
  const done = (then: () => void) => {
    ref.current?.close();
    then();
  };
  return (
    <dialog ref={ref} className="regenerate-confirm panel stack" aria-labelledby="regenerate-confirm-title" aria-describedby="regenerate-confirm-edits"
      onCancel={(e) => { e.preventDefault(); done(onCancel); }} data-testid="regenerate-confirm">
      <h2 id="regenerate-confirm-title">Regenerate {what}?</h2>
      <div id="regenerate-confirm-edits">
        <p>It will overwrite what you changed by hand:</p>
        <ul>{edits.map((e) => <li key={e}>{e}</li>)}</ul>
        <p className="small muted">A version is saved first, and Undo brings your edits back.</p>
      </div>
      <div className="row">
        <button type="button" className="btn primary" onClick={() => done(onConfirm)}>Regenerate anyway</button>
        <button ref={cancelRef} type="button" className="btn" onClick={() => done(onCancel)}>Keep my edits</button>
      </div>
    </dialog>
  );
}
