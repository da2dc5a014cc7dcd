// One wrapper for every server action: the signed-in user's id, one use-case, and a result a
// form can render (field errors included) instead of an exception React would turn into the
// error page. Pages share the sign-in guard below so a signed-out visitor comes back to the
// page they asked for.
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { redirect, unstable_rethrow } from "next/navigation";
import { AppError, type ErrorCode } from "../domain/errors";
import { currentSession, requireUserId } from "./auth";
import { appErrorOf } from "./errors";
import { logError } from "./log-error";
import { clientIp, limitRoute, type LimitGroup } from "./rate-limit";

export interface ActionError {
  code: ErrorCode;
  message: string;
  fields?: Record<string, string>;
  /** A stale write (409): the record as it now is, for the page to show instead. */
  current?: unknown;
}

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

export function actionError(thrown: unknown): ActionError {
  const e = appErrorOf(thrown);
  // instanceof holds across bundles: AppError checks a registry-wide brand (src/domain/errors.ts).
  if (e instanceof AppError && e.code !== "internal") {
    return { code: e.code, message: e.message, ...(e.fields && { fields: e.fields }) };
  }
  const requestId = randomUUID();
  logError("action", requestId, e);
  return { code: "internal", message: `Something went wrong on our side. Try again; if it keeps failing, quote request ${requestId}.` };
}

/** `limit` names the action's rate-limit group, as for the API route doing the same thing. */
export async function runAction<T>(run: (userId: string) => Promise<T>, limit?: LimitGroup): Promise<ActionResult<T>> {
  try {
    const userId = await requireUserId();
    if (limit) await limitRoute(limit, userId, clientIp(await headers()));
    return { ok: true, data: await run(userId) };
  } catch (e) {
    // redirect() and notFound() work by throwing; they must reach Next.js untouched.
    unstable_rethrow(e);
    return { ok: false, error: actionError(e) };
  }
}

/** Action arguments come from the browser: an id that is not a positive integer cannot exist. */
export function idArg(value: unknown, what: string): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 1) throw new AppError("not_found", `${what} not found`);
  return value;
}

/**
 * A path segment id: only the canonical spelling of a positive integer (`1`, never `01`,
 * `00001` or `+1`), so one record has one address; anything else is a 404.
 */
export function pageId(value: string): number | null {
  if (!/^[1-9]\d{0,9}$/.test(value)) return null;
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** The signed-in user's id for a page, or a redirect to sign-in that comes back to `path`. */
export async function requirePageUser(path: string): Promise<{ id: string; email: string }> {
  const user = await currentSession();
  if (!user) redirect(`/signin?next=${encodeURIComponent(path)}`);
  return { id: user.id, email: user.email };
}
