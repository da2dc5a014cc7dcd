// AppError codes to HTTP, in one table; anything else is a 500 with a request id and no stack.
import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { isConnectionLost } from "../db/pg-errors";
import { AppError, unavailable, type ErrorCode } from "../domain/errors";
import { logError } from "./log-error";

export const HTTP_STATUS: Record<ErrorCode, number> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
};

export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: Record<string, string>; request_id?: string };
  /** A stale write's 409: the storyboard as it now is (its version is also the ETag header). */
  current?: unknown;
}

/** A version as an HTTP entity tag: "7". */
export const etagOf = (version: number) => `"${version}"`;

/** A lost database connection met outside the store (the Auth.js adapter's queries) is a 503 too. */
export const appErrorOf = (e: unknown): unknown => (!(e instanceof AppError) && isConnectionLost(e) ? unavailable(e) : e);

export function errorResponse(thrown: unknown, requestId: string = randomUUID()): NextResponse<ErrorBody> {
  const e = appErrorOf(thrown);
  const known = e instanceof AppError && e.code !== "internal";
  if (!known) logError("error", requestId, e);
  const err = known ? e : new AppError("internal", "Something went wrong on our side. Try again; if it keeps failing, quote the request id.");
  const body: ErrorBody = {
    error: {
      code: err.code,
      message: err.message,
      ...(err.fields && { fields: err.fields }),
      ...(!known && { request_id: requestId }),
    },
    ...(err.current && { current: err.current }),
  };
  const headers: Record<string, string> = { "x-request-id": requestId };
  if (err.retryAfterSeconds && (err.code === "rate_limited" || err.code === "unavailable")) headers["retry-after"] = String(err.retryAfterSeconds);
  if (err.current) headers.etag = etagOf(err.current.version);
  return NextResponse.json(body, { status: HTTP_STATUS[err.code], headers });
}
