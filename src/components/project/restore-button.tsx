"use client";
// Brings an archived project back (one transaction on the server), then opens it.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { restoreProjectAction } from "../../app/(app)/projects/archive-actions";

export function RestoreButton({ projectId, title }: { projectId: number; title: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="row">
      <button
        type="button"
        className="btn small"
        disabled={busy}
        aria-label={`Restore ${title}`}
        onClick={async () => {
          setBusy(true);
          setError(null);
          const r = await restoreProjectAction(projectId);
          if (!r.ok) {
            setBusy(false);
            setError(r.error.message);
            return;
          }
          router.push(`/projects/${r.data.id}`);
        }}
      >
        {busy ? "Restoring…" : "Restore"}
      </button>
      {error && <p className="field-error" role="alert">{error}</p>}
    </div>
  );
}
