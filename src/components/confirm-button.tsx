"use client";
// A destructive button that asks first, in a modal <dialog> (not window.confirm): it says what
// will be lost and offers a confirm/cancel pair. showModal() keeps Tab inside the dialog and
// makes the rest of the page inert; Esc or Cancel closes it and focus goes back to the button
// that opened it. Focus starts on "Cancel", so Enter is the safe choice. While the action runs
// its button stays focusable (aria-disabled), so focus is never dropped to the page.
import { useId, useRef, useState } from "react";

export function ConfirmButton({ label, confirmLabel, question, onConfirm, busyLabel, small, triggerLabel }: {
  label: string;
  confirmLabel: string;
  question: string;
  busyLabel?: string;
  small?: boolean;
  /** The trigger's accessible name when `label` alone is ambiguous ("Delete scene 3"). */
  triggerLabel?: string;
  /** Resolves to an error message, or null when done. */
  onConfirm: () => Promise<string | null>;
}) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  const size = small ? " small" : "";

  function open() {
    setError(null);
    dialogRef.current?.showModal();
    keepRef.current?.focus();
  }

  function close() {
    if (busy) return;
    dialogRef.current?.close();
  }

  /** Tab and Shift+Tab go round the dialog's two buttons (the browser could otherwise leave for its own UI). */
  function trapTab(e: React.KeyboardEvent<HTMLDialogElement>) {
    if (e.key !== "Tab") return;
    const buttons = [...e.currentTarget.querySelectorAll<HTMLElement>("button")];
    const at = buttons.indexOf(document.activeElement as HTMLElement);
    const next = buttons[(at + (e.shiftKey ? -1 : 1) + buttons.length) % buttons.length];
    e.preventDefault();
    next?.focus();
  }

  async function confirm() {
    if (busy) return;
    setBusy(true);
    const message = await onConfirm();
    // On success the caller removes this element or leaves the page: stay "busy" until then.
    if (message) {
      setBusy(false);
      setError(message);
    }
  }

  return (
    <>
      <button ref={triggerRef} type="button" className={`btn danger${size}`} aria-label={triggerLabel} aria-haspopup="dialog" onClick={open}>
        {label}
      </button>
      <dialog ref={dialogRef} className="confirm" role="alertdialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-question`}
        onCancel={(e) => { if (busy) e.preventDefault(); }}
        onKeyDown={trapTab}
        // The browser returns focus to the opener on close; this makes sure of it (the opener may have re-rendered).
        onClose={() => { if (triggerRef.current?.isConnected) triggerRef.current.focus(); }}>
        <h2 id={`${id}-title`} className="confirm-title">{triggerLabel ?? label}</h2>
        <p id={`${id}-question`} className="small">{question}</p>
        {error && <p className="field-error" role="alert">{error}</p>}
        <div className="row">
          <button type="button" className={`btn danger primary-danger${size}`} aria-disabled={busy} onClick={() => void confirm()}>
            {busy ? (busyLabel ?? "Working…") : confirmLabel}
          </button>
          <button ref={keepRef} type="button" className={`btn${size}`} aria-disabled={busy} onClick={close}>Cancel</button>
        </div>
      </dialog>
    </>
  );
}
