// One error type for the whole app: a code the HTTP layer maps to a status in one table,
// a message a person can read, and, for validation, the fields at fault.

export type ErrorCode = "validation" | "not_found" | "conflict" | "unauthorized" | "forbidden" | "payload_too_large" | "rate_limited" | "unavailable" | "internal";

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

  constructor(code: ErrorCode, message: string, opts: { fields?: Record<string, string>; retryAfterSeconds?: number; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = "AppError";
    this.code = code;
    this.fields = opts.fields;
    this.retryAfterSeconds = opts.retryAfterSeconds;
    this.digest = code === "unavailable" ? UNAVAILABLE_DIGEST : undefined;
  }
}

export const UNAVAILABLE_DIGEST = "storyboard-unavailable";

/** The database lost its connection (a restart, a failover, a killed backend): worth a retry in a moment. */
export const unavailable = (cause?: unknown) =>
  new AppError("unavailable", "The database is briefly unavailable. Nothing was lost; try again in a few seconds.", { retryAfterSeconds: 2, cause });

export const validationError = (fields: Record<string, string>, message?: string) =>
  new AppError("validation", message ?? `Invalid ${Object.keys(fields).join(", ")}: ${Object.values(fields).join("; ")}`, { fields });

export const notFound = (what: string) => new AppError("not_found", `${what} not found`);

export const conflict = (message: string, fields?: Record<string, string>) => new AppError("conflict", message, fields ? { fields } : {});

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
