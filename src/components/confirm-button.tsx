"use client";
// A destructive button that asks first, in the page (not window.confirm): the first click shows
// what will be lost and a confirm/keep pair; focus moves to "Keep" so Enter is the safe choice.
import { useEffect, useRef, useState } from "react";

export function ConfirmButton({ label, confirmLabel, question, onConfirm, busyLabel, small }: {
  label: string;
  confirmLabel: string;
  question: string;
  busyLabel?: string;
  small?: boolean;
  /** Resolves to an error message, or null when done. */
  onConfirm: () => Promise<string | null>;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) keepRef.current?.focus();
  }, [asking]);

  if (!asking) {
    return (
      <button type="button" className={`btn danger${small ? " small" : ""}`} onClick={() => { setError(null); setAsking(true); }}>
        {label}
      </button>
    );
  }
  return (
    <div className="confirm" role="alertdialog" aria-label={label}>
      <p className="small">{question}</p>
      {error && <p className="field-error" role="alert">{error}</p>}
      <div className="row">
        <button type="button" className={`btn danger primary-danger${small ? " small" : ""}`} disabled={busy}
          onClick={async () => {
            setBusy(true);
            const message = await onConfirm();
            // On success the caller removes this element or leaves the page: stay "busy" until then.
            if (message) {
              setBusy(false);
              setError(message);
            }
          }}>
          {busy ? (busyLabel ?? "Working…") : confirmLabel}
        </button>
        <button ref={keepRef} type="button" className={`btn${small ? " small" : ""}`} disabled={busy} onClick={() => setAsking(false)}>Cancel</button>
      </div>
    </div>
  );
}
