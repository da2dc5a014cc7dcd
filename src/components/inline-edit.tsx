"use client";
// Click-to-edit text. Enter (or the Save button, or leaving the field) saves, Escape cancels;
// a failed save keeps the draft in the field with the server's message under it.
import { useEffect, useId, useRef, useState } from "react";

export interface InlineTextProps {
  /** Names the field in labels and messages: "Script", "Title". */
  label: string;
  /** Extra words for the accessible name, e.g. "scene 3". */
  context?: string;
  value: string | null;
  multiline?: boolean;
  numeric?: boolean;
  maxLength?: number;
  placeholder?: string;
  /** Shown when the value is empty. */
  emptyText?: string;
  className?: string;
  /** Checks the draft before saving (the shared schema's message), or null when it is fine. */
  validate?: (draft: string) => string | null;
  /** Saves the draft; resolves to an error message, or null when saved. */
  onSave: (draft: string) => Promise<string | null>;
  /** Renders the read-only value (defaults to the text). */
  children?: React.ReactNode;
  testId?: string;
}

export function InlineText({ label, context, value, multiline, numeric, maxLength, placeholder, emptyText, className, validate, onSave, children, testId }: InlineTextProps) {
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value ?? "");
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const savingRef = useRef(false);
  const boxRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const viewRef = useRef<HTMLButtonElement>(null);
  const refocusView = useRef(false);

  useEffect(() => {
    if (editing) {
      const el = inputRef.current;
      el?.focus();
      if (el && !numeric) el.setSelectionRange(el.value.length, el.value.length);
    } else if (refocusView.current) {
      refocusView.current = false;
      viewRef.current?.focus();
    }
  }, [editing, numeric]);

  const name = context ? `${label}, ${context}` : label;

  function start() {
    setDraft(value ?? "");
    setError(null);
    setEditing(true);
  }

  function cancel() {
    refocusView.current = true;
    setEditing(false);
    setError(null);
    setDraft(value ?? "");
  }

  async function save(keepFocus: boolean) {
    if (savingRef.current) return;
    if (draft === (value ?? "")) {
      refocusView.current = keepFocus;
      setEditing(false);
      setError(null);
      return;
    }
    const invalid = validate?.(draft) ?? null;
    if (invalid) {
      // Refused before sending: the field stays open with the message under it.
      setError(invalid);
      if (keepFocus) inputRef.current?.focus();
      return;
    }
    savingRef.current = true;
    setSaving(true);
    try {
      const message = await onSave(draft);
      if (message) {
        setError(message);
        if (keepFocus) inputRef.current?.focus();
      } else {
        refocusView.current = keepFocus;
        setEditing(false);
        setError(null);
      }
    } finally {
      savingRef.current = false;
      setSaving(false);
    }
  }

  function onKeyDown(e: React.KeyboardEvent) {
    if (e.key === "Escape") {
      e.preventDefault();
      cancel();
    } else if (e.key === "Enter" && !(multiline && e.shiftKey) && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void save(true);
    }
  }

  function onBlur(e: React.FocusEvent) {
    // Moving to this field's own Save/Cancel buttons is not leaving it.
    if (boxRef.current && e.relatedTarget instanceof Node && boxRef.current.contains(e.relatedTarget)) return;
    void save(false);
  }

  if (!editing) {
    const empty = value === null || value === "";
    return (
      <button ref={viewRef} type="button" className={`inline-view${empty ? " is-empty" : ""}${className ? ` ${className}` : ""}`} onClick={start} data-testid={testId} data-editable={label}>
        <span className="visually-hidden">Edit {name}: </span>
        {empty ? <span className="muted">{emptyText ?? `Add ${label.toLowerCase()}`}</span> : children ?? value}
      </button>
    );
  }

  const errorId = `${id}-error`;
  const common = {
    id: `${id}-input`,
    ref: inputRef,
    value: draft,
    maxLength,
    placeholder,
    disabled: false,
    "aria-label": name,
    "aria-invalid": Boolean(error),
    "aria-describedby": error ? errorId : `${id}-hint`,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setDraft(e.target.value),
    onKeyDown,
    onBlur,
    "data-testid": testId ? `${testId}-input` : undefined,
  };
  return (
    <div ref={boxRef} className={`inline-edit${className ? ` ${className}` : ""}`}>
      {multiline ? <textarea {...common} rows={Math.min(8, Math.max(3, draft.split("\n").length + 1))} /> : <input {...common} type="text" inputMode={numeric ? "numeric" : undefined} />}
      {error && <p id={errorId} className="field-error" role="alert">{error}</p>}
      <div className="row inline-actions">
        <button type="button" className="btn small primary" onClick={() => void save(true)} disabled={saving}>{saving ? "Saving…" : "Save"}</button>
        <button type="button" className="btn small" onMouseDown={(e) => e.preventDefault()} onClick={cancel} disabled={saving}>Cancel</button>
        <span id={`${id}-hint`} className="small muted hint-keys">{multiline ? "Enter saves · Shift+Enter new line · Esc cancels" : "Enter saves · Esc cancels"}</span>
      </div>
    </div>
  );
}
