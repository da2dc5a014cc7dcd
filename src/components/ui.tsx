// Presentational pieces used on every signed-in page (no state, so server or client).
import type { StoryboardStatus } from "../domain/constants";
import { STORYBOARD_STATUS_LABELS, percent, plural } from "./format";

export function ProgressBar({ done, total, label }: { done: number; total: number; label: string }) {
  const pct = percent(done, total);
  return (
    <div className="progress-block">
      <div className="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={total} aria-valuenow={done} aria-valuetext={`${done} of ${total} tasks`}>
        <span style={{ width: `${pct}%` }} />
      </div>
      <p className="small muted progress-text">
        {total === 0 ? "No tasks yet" : `${done} of ${plural(total, "task")} · ${pct}%`}
      </p>
    </div>
  );
}

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge status-${status}`}>{status}</span>;
}

/**
 * A storyboard's generation state, in words that cannot be read as "production finished":
 * Generating, Ready, Failed. How far production got is the separate progress bar.
 */
export function StoryboardStatusBadge({ status }: { status: StoryboardStatus }) {
  return <span className={`badge sb-status-${status}`} data-testid="storyboard-status">{STORYBOARD_STATUS_LABELS[status] ?? status}</span>;
}
