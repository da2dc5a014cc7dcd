// Presentational pieces used on every signed-in page (no state, so server or client).
import { percent, plural } from "./format";

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
