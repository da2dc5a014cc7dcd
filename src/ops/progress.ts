// Progress lines for long operations: "12,000 / 57,600 rows, 21%, 4,100 rows/s, ETA 11 s".
const int = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

export const formatCount = (n: number) => int.format(n);

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  if (seconds < 120) return `${Math.round(seconds)} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 2 : 1)} ${units[i]}`;
}

/**
 * done / total with the rate of this run (rows resumed from an earlier run do not count towards
 * the rate) and the time left at that rate.
 */
export function progressLine(done: number, total: number | null, doneThisRun: number, elapsedSeconds: number): string {
  const rate = elapsedSeconds > 0 ? doneThisRun / elapsedSeconds : 0;
  const parts = [total === null ? `${formatCount(done)} rows` : `${formatCount(done)} / ${formatCount(total)} rows`];
  if (total) parts.push(`${Math.min(100, Math.floor((done / total) * 100))}%`);
  parts.push(`${formatCount(rate)} rows/s`);
  if (total !== null && rate > 0) parts.push(`ETA ${formatDuration(Math.max(0, total - done) / rate)}`);
  return parts.join(", ");
}
