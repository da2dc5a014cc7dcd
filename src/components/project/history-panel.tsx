"use client";
// The project's history: who changed what and when, newest first, from the audit log. The page
// renders the first page; "Show older changes" fetches the next one.
import Link from "next/link";
import { useState } from "react";
import { loadProjectHistoryAction } from "../../app/(app)/projects/history-actions";
import type { HistoryEntry } from "../../features/history/describe-change";
import { fullDate, relativeTime } from "../format";

interface Props {
  projectId: number;
  userId: string;
  entries: HistoryEntry[];
  nextBefore: number | null;
}

export function HistoryPanel(props: Props) {
  const [entries, setEntries] = useState(props.entries);
  const [nextBefore, setNextBefore] = useState(props.nextBefore);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function older() {
    if (nextBefore === null) return;
    setLoading(true);
    setError(null);
    const r = await loadProjectHistoryAction(props.projectId, nextBefore);
    setLoading(false);
    if (!r.ok) return setError(r.error.message);
    setEntries((list) => [...list, ...r.data.entries.filter((e) => !list.some((x) => x.id === e.id))]);
    setNextBefore(r.data.next_before);
  }

  return (
    <section className="panel stack history" aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      {entries.length === 0 ? (
        <p className="muted small">Nothing has changed yet. Edits, generations and ticked tasks show up here.</p>
      ) : (
        <ol className="history-list" aria-label="Changes, newest first" data-testid="history-list">
          {entries.map((e) => (
            <li key={e.id} data-testid="history-entry">
              <span className="history-summary">
                {e.storyboard_id !== null ? <Link href={`/storyboards/${e.storyboard_id}`}>{e.summary}</Link> : e.summary}
              </span>
              <span className="small muted">
                {e.user_id === props.userId ? "You" : "StoryboardAI"} · <time dateTime={e.at} title={fullDate(e.at)}>{relativeTime(e.at)}</time>
              </span>
            </li>
          ))}
        </ol>
      )}
      {error && <p className="field-error" role="alert">{error}</p>}
      {nextBefore !== null && (
        <button type="button" className="btn small" onClick={() => void older()} disabled={loading} aria-busy={loading}>
          {loading ? "Loading…" : "Show older changes"}
        </button>
      )}
    </section>
  );
}
