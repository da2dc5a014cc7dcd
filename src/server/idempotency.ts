// Idempotency-Key (docs/api.md): a create request sent again with the same key by the same user on
// the same route gets the first result (same status and body) and never makes a second row. The
// first request claims the key in idempotency_keys; a repeat of a finished one is a replay; a
// repeat while it still runs waits for it (or, past IDEMPOTENCY_WAIT_MS, gets 409); a running request
// renews its claim every IDEMPOTENCY_RENEW_MS, and a claim left unrenewed (its process died) is
// taken over by a repeat after IDEMPOTENCY_ABANDONED_MS; a key reused
// with another body is a 422. Only successes are kept: after an error the key is released, so the
// same request can be tried again. The work's own write transactions mark the key applied
// (idempotency-scope.ts): a repeat of a request whose process died after its work committed but
// before it answered gets 409 naming Idempotency-Key, and the work is never done twice. Keys expire after 24 h (the purge-expired job).
import { createHash } from "node:crypto";
import { AppError, validationError } from "../domain/errors";
import { APPLIED, inIdempotencyScope } from "../db/store/idempotency-scope";
import { services } from "./services";

/** How long a repeat waits for the first request of its key before answering 409. */
export const IDEMPOTENCY_WAIT_MS = 10_000;
/** A running request renews its claim this often (idempotency_keys.created_at). */
export const IDEMPOTENCY_RENEW_MS = 2_000;
/**
 * A claim not renewed for this long belongs to a request whose process died (killed, crashed): a
 * repeat takes it over. Before, a claim was held for 5 minutes, so a client retrying after a server
 * crash was refused with 409 for 5 minutes (tests/faults/server-kill.test.ts).
 */
export const IDEMPOTENCY_ABANDONED_MS = 15_000;
/** Keys are kept this long, then purged. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60_000;

export interface IdempotentResult {
  status: number;
  /** The response body as sent (JSON text; "" for none). */
  body: string;
  /** True when this is the stored answer of an earlier request. */
  replayed: boolean;
}

/** The header's value: 1 to 255 visible ASCII characters (a UUID is the usual choice). */
export function parseIdempotencyKey(value: unknown, field = "Idempotency-Key"): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== "string" || !/^[\x21-\x7e]{1,255}$/.test(value)) {
    throw validationError({ [field]: `${field} must be 1 to 255 visible ASCII characters, e.g. a UUID` });
  }
  return value;
}

export const fingerprintOf = (body: Uint8Array | string) => createHash("sha256").update(body).digest("hex");

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const mismatch = () =>
  new AppError("unprocessable", "This Idempotency-Key was already used with a different request; send a new key for a new request", {
    fields: { "Idempotency-Key": "Already used with a different request body" },
  });

const inProgress = () => new AppError("conflict", "A request with this Idempotency-Key is still in progress; try again in a moment", { retryAfterSeconds: 1 });

/** The first request's work committed, then its process died before it answered: done, never again. */
const answerLost = () =>
  new AppError("conflict", "This request was already carried out, but the server stopped before it could answer; it was not done again. Reload to see its result.", {
    fields: { "Idempotency-Key": "Already carried out; its answer was lost when the server stopped" },
  });

/**
 * Runs `run` once per (user, route, key). Its answer is kept when it succeeded (status < 400) and
 * replayed for every repeat; a thrown error, or an error status, releases the key.
 */
export async function runIdempotent(userId: string, route: string, key: string, fingerprint: string, run: () => Promise<{ status: number; body: string }>): Promise<IdempotentResult> {
  const { store } = await services();
  const deadline = Date.now() + IDEMPOTENCY_WAIT_MS;
  for (let pause = 25; ; pause = Math.min(pause * 2, 250)) {
    const claim = await store.claimIdempotencyKey(userId, route, key, fingerprint, new Date(Date.now() - IDEMPOTENCY_ABANDONED_MS));
    if (claim.claimed) {
      let result: { status: number; body: string };
      const renew = setInterval(() => void store.renewIdempotencyClaim(userId, route, key).catch(() => undefined), IDEMPOTENCY_RENEW_MS);
      renew.unref();
      try {
        result = await inIdempotencyScope({ userId, route, key }, run);
      } catch (e) {
        await store.releaseIdempotencyKey(userId, route, key).catch(() => undefined);
        throw e;
      } finally {
        clearInterval(renew);
      }
      if (result.status < 400) await store.saveIdempotentResponse(userId, route, key, result.status, result.body);
      else await store.releaseIdempotencyKey(userId, route, key);
      return { ...result, replayed: false };
    }
    const record = claim.record;
    if (record) {
      if (record.fingerprint !== fingerprint) throw mismatch();
      if (record.status === APPLIED) {
        // Done but not answered: the first request is about to save its answer, or it died.
        if (record.claimedAt.getTime() < Date.now() - IDEMPOTENCY_ABANDONED_MS) throw answerLost();
      } else if (record.status !== null) return { status: record.status, body: record.body ?? "", replayed: true };
    }
    // The first request is still running (or was just released): wait for it, then look again.
    if (Date.now() + pause > deadline) throw inProgress();
    await sleep(pause);
  }
}

/**
 * A server action's form of the same: `key` comes from the form (made when it rendered), the
 * arguments are the fingerprint, and the action's data is what is kept and replayed.
 */
export async function idempotentAction<T>(userId: string, action: string, key: unknown, args: unknown, run: () => Promise<T>): Promise<T> {
  const k = parseIdempotencyKey(key ?? null, "idempotency_key");
  if (k === null) return run();
  const result = await runIdempotent(userId, `action:${action}`, k, fingerprintOf(JSON.stringify(args ?? null)), async () => ({ status: 200, body: JSON.stringify((await run()) ?? null) }));
  return JSON.parse(result.body) as T;
}
