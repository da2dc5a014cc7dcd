"use client";
// The "Undo" after deleting a project or a storyboard: the page the delete led to shows it (its
// address carries ?deleted=…&undo=<change>&project=<id>[&storyboard=<id>]). Focus lands on Undo,
// the element the user acted on being gone; it stays until used or dismissed (no time limit).
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { undoDeleteAction } from "../../app/(app)/storyboards/undo-actions";

/** The address that shows the toast after a delete. */
export function afterDeleteUrl(to: string, deleted: { label: string; change_id: number; project_id: number; storyboard_id?: number }): string {
  const q = new URLSearchParams({ deleted: deleted.label, undo: String(deleted.change_id), project: String(deleted.project_id) });
  if (deleted.storyboard_id !== undefined) q.set("storyboard", String(deleted.storyboard_id));
  return `${to}?${q.toString()}`;
}

export function UndoToast() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const undoRef = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const label = params.get("deleted");
  const change = Number(params.get("undo"));
  const project = Number(params.get("project"));
  const storyboard = params.get("storyboard");
  const open = !!label && Number.isSafeInteger(change) && change > 0 && Number.isSafeInteger(project) && project > 0;

  useEffect(() => {
    if (open) undoRef.current?.focus();
  }, [open, change]);

  if (!open) return null;
  const dismiss = () => router.replace(pathname);
  return (
    <div className="undo-toast" role="status" aria-live="polite" data-testid="undo-toast">
      <p>{label} deleted.</p>
      {error && <p className="field-error" role="alert">{error}</p>}
      <div className="row">
        <button ref={undoRef} type="button" className="btn small primary" disabled={busy}
          onClick={async () => {
            setBusy(true);
            setError(null);
            const r = await undoDeleteAction(project, change);
            setBusy(false);
            if (!r.ok) {
              setError(r.error.message);
              return;
            }
            router.replace(storyboard ? `/storyboards/${storyboard}` : `/projects/${project}`);
            router.refresh();
          }}>{busy ? "Restoring…" : "Undo"}</button>
        <button type="button" className="btn small" onClick={dismiss} aria-label="Dismiss">Dismiss</button>
      </div>
    </div>
  );
}
