// The recovery point objective in practice: how long after a commit its WAL is in the archive.
// A commit is safe from the loss of the whole server only once its segment is archived; the
// segment is archived when it is full or when archive_timeout closes it, then archive-push takes
// some time. This closes the current segment and times how long the archiver takes to push it.
import * as pgBackup from "../../db/backup/pg";

export interface ArchiveLag {
  /** Seconds from closing a segment to its archival (the push itself). */
  pushSeconds: number;
  /** The worst case for a commit: archive_timeout plus the push. */
  rpoSeconds: number;
  archiveTimeoutSeconds: number;
  segment: string;
}

export async function measureArchiveLag(url: string, opts: { timeoutMs?: number } = {}): Promise<ArchiveLag> {
  const c = await pgBackup.connect(url, "storyboard-pitr");
  try {
    const before = await pgBackup.archiveStatus(c);
    if (before.archiveMode === "off") throw new Error("archive_mode is off on this server: nothing is archived (docs/operations.md, PITR)");
    const t0 = performance.now();
    const segment = await pgBackup.switchWal(c);
    const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
    for (;;) {
      const s = await pgBackup.archiveStatus(c);
      if (s.lastArchivedWal !== null && s.lastArchivedWal >= segment) {
        const pushSeconds = (performance.now() - t0) / 1000;
        return { pushSeconds, rpoSeconds: before.archiveTimeoutSeconds + pushSeconds, archiveTimeoutSeconds: before.archiveTimeoutSeconds, segment };
      }
      if (s.failedCount > before.failedCount) throw new Error(`archiving ${s.lastFailedWal} failed (pg_stat_archiver.failed_count ${s.failedCount}): see the server log`);
      if (Date.now() > deadline) throw new Error(`segment ${segment} not archived within ${(opts.timeoutMs ?? 60_000) / 1000} s (last archived: ${s.lastArchivedWal ?? "none"})`);
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await c.end();
  }
}
