// Shoot mode's offline queue: "scene filmed" ticks waiting to reach the server, kept in the
// phone's storage so that a dead zone on set, a locked screen or a closed tab loses none.
// The newest tick of a task replaces older ones (the server keeps the last state, so sending
// only the last is the same as sending all of them in order).

export interface PendingTick {
  task_id: number;
  completed: boolean;
  /** When it was made (the page's clock): tells a settled tick from a newer one of the same task. */
  at: number;
}

export type KeyValueStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export const outboxKey = (storyboardId: number) => `storyboard-ai:shoot-outbox:${storyboardId}`;

export function readOutbox(storage: KeyValueStorage | null, key: string): PendingTick[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(key) ?? "[]");
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (t): t is PendingTick =>
        typeof t === "object" && t !== null && Number.isSafeInteger(t.task_id) && t.task_id > 0 && typeof t.completed === "boolean" && typeof t.at === "number",
    );
  } catch {
    return [];
  }
}

export function writeOutbox(storage: KeyValueStorage | null, key: string, list: readonly PendingTick[]): void {
  try {
    if (list.length === 0) storage?.removeItem(key);
    else storage?.setItem(key, JSON.stringify(list));
  } catch {
    // Storage full or blocked (private mode): the tick still lives in memory until sent.
  }
}

/** Adds a tick; an older pending tick of the same task is replaced. */
export const queueTick = (list: readonly PendingTick[], tick: PendingTick): PendingTick[] => [...list.filter((t) => t.task_id !== tick.task_id), tick];

/** Removes a tick once the server has it, unless a newer tick of the task came in meanwhile. */
export const settleTick = (list: readonly PendingTick[], tick: PendingTick): PendingTick[] =>
  list.filter((t) => !(t.task_id === tick.task_id && t.at === tick.at));
