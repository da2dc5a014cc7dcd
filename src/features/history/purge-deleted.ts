// The daily purge of projects and storyboards deleted more than DELETED_KEEP_DAYS ago (until then
// Undo brings them back). Idempotent: a re-run deletes nothing more.
import { appEnv } from "../../server/env";
import { services } from "../../server/services";

export async function purgeDeleted(opts: { now?: Date; keepDays?: number; onProgress?: (line: string) => void } = {}): Promise<{ projects: number; storyboards: number }> {
  const { store } = await services();
  const days = opts.keepDays ?? appEnv().deletedKeepDays;
  const before = new Date((opts.now ?? new Date()).getTime() - days * 86_400_000);
  const r = await store.purgeDeleted(before);
  opts.onProgress?.(`deleted rows: ${r.projects} projects and ${r.storyboards} storyboards deleted before ${before.toISOString()} purged`);
  return r;
}
