// Writes to one storyboard, one at a time within this process: they wait here, holding no pool
// connection, instead of each taking a connection to wait on the storyboard's row lock (50
// concurrent edits of one storyboard would otherwise hold the whole pool and time out everyone
// else's requests). Across processes the row lock (context.ts, lockStoryboard) still serializes.
import { AppError } from "../../domain/errors";

/** At most this many writes wait for one storyboard; past it, a 409 asks to try again. */
export const MAX_WAITING_PER_KEY = 500;

export function keyedSerial() {
  const queues = new Map<string, { tail: Promise<unknown>; waiting: number }>();
  return async function serial<T>(key: string, fn: () => Promise<T>): Promise<T> {
    let q = queues.get(key);
    if (!q) queues.set(key, (q = { tail: Promise.resolve(), waiting: 0 }));
    if (q.waiting >= MAX_WAITING_PER_KEY) throw new AppError("conflict", "Too many changes to this storyboard at once; try again in a moment");
    q.waiting++;
    const entry = q;
    const run = entry.tail.then(fn, fn);
    entry.tail = run.catch(() => undefined);
    try {
      return await run;
    } finally {
      if (--entry.waiting === 0 && queues.get(key) === entry) queues.delete(key);
    }
  };
}
