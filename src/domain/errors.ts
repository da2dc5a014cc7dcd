// One error type for the whole app: a code the HTTP layer maps to a status in one table,
// a message a person can read, and, for validation, the fields at fault.

export type ErrorCode = "validation" | "not_found" | "conflict" | "unauthorized" | "forbidden" | "payload_too_large" | "unprocessable" | "rate_limited" | "unavailable" | "internal";

/**
 * Next.js bundles a module once per server chunk, so the store (opened by instrumentation) and a
 * route can hold different copies of this class: `instanceof` checks a registry-wide brand
 * instead of the class identity, or every not-found from the store would surface as a 500.
 */
const BRAND = Symbol.for("storyboard-ai.AppError");

export class AppError extends Error {
  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }

  readonly [BRAND] = true;
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;
  readonly retryAfterSeconds: number | undefined;
  /** Next.js hands a page's error boundary only this digest, never the message (src/app/error.tsx). */
  readonly digest: string | undefined;
  /** A stale write's 409: the record as it now is (with its version), so the client can show it. */
  readonly current: VersionedState | undefined;

  constructor(code: ErrorCode, message: string, opts: { fields?: Record<string, string>; retryAfterSeconds?: number; current?: VersionedState; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = "AppError";
    this.code = code;
    this.fields = opts.fields;
    this.retryAfterSeconds = opts.retryAfterSeconds;
    this.digest = code === "unavailable" ? UNAVAILABLE_DIGEST : undefined;
    this.current = opts.current;
  }
}

export const UNAVAILABLE_DIGEST = "storyboard-unavailable";

/** The database lost its connection (a restart, a failover, a killed backend): worth a retry in a moment. */
export const unavailable = (cause?: unknown) =>
  new AppError("unavailable", "The database is briefly unavailable. Nothing was lost; try again in a few seconds.", { retryAfterSeconds: 2, cause });

export type VersionedState = { version: number } & Record<string, unknown>;

export const validationError = (fields: Record<string, string>, message?: string) =>
  new AppError("validation", message ?? `Invalid ${Object.keys(fields).join(", ")}: ${Object.values(fields).join("; ")}`, { fields });

export const notFound = (what: string) => new AppError("not_found", `${what} not found`);

export const conflict = (message: string, fields?: Record<string, string>) => new AppError("conflict", message, fields ? { fields } : {});

/**
 * Marking a project completed while its main storyboard has open tasks, unconfirmed: the message
 * is the question the project page asks ("3 of 28 tasks are still open. Mark completed anyway?",
 * also its `status` field); `confirm_open_tasks` tells an API client what to send.
 */
export const openTasksConflict = (open: number, total: number) => {
  const question = `${open} of ${total} ${total === 1 ? "task" : "tasks"} ${open === 1 ? "is" : "are"} still open. Mark completed anyway?`;
  return new AppError("conflict", question, {
    fields: { status: question, confirm_open_tasks: `${open} of ${total} tasks of the main storyboard are open: send confirm_open_tasks: true to mark the project completed anyway` },
  });
};

/**
 * A write that named a version (If-Match, or `version`) the record has since moved past: nothing
 * was written, and `current` is what the client should show instead.
 */
export const staleVersion = (sent: number, current: VersionedState, what = "storyboard") =>
  new AppError("conflict", `This ${what} was changed since you loaded it (you sent version ${sent}; it is now at version ${current.version}). Nothing was saved: look at the current version, then make your change again.`, {
    fields: { version: `The ${what} is now at version ${current.version}` },
    current,
  });

/** The 409 of staleVersion (it names the version field and carries the current state). */
export const isStaleVersion = (e: unknown): e is AppError => e instanceof AppError && e.code === "conflict" && e.current !== undefined;

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
