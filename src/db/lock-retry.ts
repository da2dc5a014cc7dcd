// DDL under traffic: a statement that needs a strong lock waits at most lock_timeout (and every
// request queued behind it with it), then gives up; we retry a bounded number of times with a
// growing, jittered pause so the app's queries run in between.
import { isLockTimeout, isTransactionConflict } from "./pg-errors";

export interface LockRetryOptions {
  attempts: number;
  /** First pause; doubles each attempt (with ±50% jitter), capped at 10 s. */
  baseDelayMs?: number;
  log?: (message: string) => void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function retryOnLockTimeout<T>(what: string, fn: () => Promise<T>, opts: LockRetryOptions): Promise<T> {
  const base = opts.baseDelayMs ?? 500;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (!isLockTimeout(e) || attempt >= opts.attempts) throw e;
      const pause = Math.min(10_000, base * 2 ** (attempt - 1)) * (0.5 + Math.random());
      opts.log?.(`${what}: lock not granted within lock_timeout (attempt ${attempt}/${opts.attempts}); retrying in ${Math.round(pause)} ms`);
      await sleep(pause);
    }
  }
}

interface Queryable {
  query(text: string, values: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
}

/**
 * Takes a session advisory lock by polling pg_try_advisory_lock, idle between tries. Waiting
 * inside pg_advisory_lock would hold a snapshot for the whole wait, and CREATE INDEX
 * CONCURRENTLY in the holder waits for every older snapshot: two instances starting together
 * (one running the online steps, the other waiting its turn) deadlocked at boot.
 */
export async function waitForAdvisoryLock(client: Queryable, key: number, pollMs = 100): Promise<void> {
  for (;;) {
    const { rows } = await client.query("SELECT pg_try_advisory_lock($1) AS ok", [key]);
    if (rows[0]?.ok === true) return;
    await sleep(pollMs * (0.5 + Math.random()));
  }
}

/**
 * A transaction that lost a deadlock or a serialization check (40P01, 40001) was rolled back
 * whole: run it again, a bounded number of times, after a short jittered pause. Requests on one
 * storyboard queue on its row lock and do not deadlock (src/db/store/context.ts, lockStoryboard),
 * so this is the safety net for what still can (rows of several storyboards, other paths).
 */
export async function retryOnTransactionConflict<T>(fn: () => Promise<T>, opts: { attempts?: number; baseDelayMs?: number } = {}): Promise<T> {
  const attempts = opts.attempts ?? TRANSACTION_ATTEMPTS;
  const base = opts.baseDelayMs ?? 10;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (!isTransactionConflict(e) || attempt >= attempts) throw e;
      await sleep(Math.min(1_000, base * 2 ** (attempt - 1)) * (0.5 + Math.random()));
    }
  }
}

/** How many times a write transaction runs at most when it keeps losing deadlocks. */
export const TRANSACTION_ATTEMPTS = 5;
