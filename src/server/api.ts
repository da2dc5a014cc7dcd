// One wrapper for every /api/v1 route: CSRF check, session, parse, call one use-case, shape
// errors. Route files stay a few lines: parse params, call, return the DTO.
import { randomUUID } from "node:crypto";
import { NextRequest, NextResponse } from "next/server";
import { LIMITS } from "../domain/constants";
import { AppError, validationError } from "../domain/errors";
import { pageId } from "./action";
import { requireUserId } from "./auth";
import type { WriteCondition } from "../db/store/types";
import { errorResponse, etagOf } from "./errors";
import { fingerprintOf, parseIdempotencyKey, runIdempotent } from "./idempotency";
import { isAllowedOrigin } from "./origin";
import { clientIp, limitRoute, type LimitGroup } from "./rate-limit";

export interface ApiContext<P> {
  req: NextRequest;
  params: P;
  userId: string;
  requestId: string;
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Cookie-authenticated writes must come from our own pages: a browser always sends Origin on a
 * cross-site POST, and a body that is not JSON could be a cross-site form post.
 */
export function checkCsrf(req: NextRequest, bodyTypes: readonly string[] = JSON_BODY): void {
  if (!UNSAFE.has(req.method)) return;
  const origin = req.headers.get("origin");
  // No Origin: not a browser (curl, scripts); a browser always sends one on a cross-site write.
  if (origin !== null && !isAllowedOrigin(req, origin)) throw new AppError("forbidden", "Cross-site request refused");
  const type = (req.headers.get("content-type") ?? "").toLowerCase();
  const hasBody = req.headers.get("content-length") !== "0";
  if (hasBody && type !== "" && !bodyTypes.some((t) => type.startsWith(t))) {
    const list = bodyTypes.join(", ");
    throw new AppError("validation", `Send the body as ${bodyTypes === JSON_BODY ? "JSON (Content-Type: application/json)" : list}`, { fields: { body: `Content-Type must be ${list}` } });
  }
}

const JSON_BODY = ["application/json"] as const;
/** Raw image uploads: none of these is a type a cross-site form can send without a preflight. */
export const IMAGE_BODY_TYPES = ["image/png", "image/jpeg", "image/webp", "application/octet-stream"] as const;

const megabytes = (n: number) => (n >= 1024 * 1024 ? `${Math.round((n / 1024 / 1024) * 10) / 10} MB` : `${Math.round(n / 1024)} kB`);
const payloadTooLarge = (max: number, field: string) =>
  new AppError("payload_too_large", `The ${field} is too large: send at most ${megabytes(max)}`, { fields: { [field]: `At most ${megabytes(max)}` } });

/** A declared Content-Length past `max` is refused before a byte of the body is read. */
export function checkDeclaredLength(req: Request, max: number, field = "body"): void {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > max) throw payloadTooLarge(max, field);
}

/**
 * The raw body, refused with 413 (naming `field`) past `max` bytes: a declared Content-Length
 * over the limit is refused unread, and the stream is counted as it arrives (a chunked body, or
 * one whose header lies, is cut off at the limit, never buffered whole).
 */
export async function readBytes(req: Request, max: number, field: string): Promise<Uint8Array> {
  checkDeclaredLength(req, max, field);
  const reader = req.body?.getReader();
  if (!reader) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw payloadTooLarge(max, field);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The deepest nesting of arrays and objects in a JSON text, counted without parsing it. */
export function jsonDepth(text: string, stopAt: number): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) {
      if (++depth > max && (max = depth) > stopAt) return max;
    } else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return max;
}

/** The JSON body: at most LIMITS.jsonBodyBytes (413) and LIMITS.jsonDepth levels deep (400). */
export async function readJson(req: Request): Promise<unknown> {
  const text = new TextDecoder().decode(await readBytes(req, LIMITS.jsonBodyBytes, "body"));
  if (text.trim() === "") return {};
  if (jsonDepth(text, LIMITS.jsonDepth) > LIMITS.jsonDepth) {
    throw validationError({ body: `The JSON is nested too deeply (at most ${LIMITS.jsonDepth} levels)` });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw validationError({ body: "The body is not valid JSON" });
  }
}

/** A path id: a positive integer written canonically (no sign, no leading zero), else a 404. */
export function idParam(value: string | undefined, what: string): number {
  const n = pageId(value ?? "");
  if (n === null) throw new AppError("not_found", `${what} not found`);
  return n;
}

/** An entity tag as we send it ("7"); W/"7" and a bare 7 are taken too. */
const VERSION_TAG = /^\s*(?:W\/)?"?([1-9]\d{0,9})"?\s*$/;

/**
 * Optimistic concurrency of a write (docs/api.md): If-Match with the ETag last read, or else a
 * `version` field in the body; with neither (or If-Match: *), the last writer wins.
 */
export function writeCondition(req: Request, body?: unknown): WriteCondition {
  const header = req.headers.get("if-match");
  if (header !== null && header.trim() !== "*") {
    const m = VERSION_TAG.exec(header);
    if (!m) throw validationError({ "If-Match": 'If-Match must be the ETag of the storyboard as you last read it, e.g. "7"' });
    return { ifVersion: Number(m[1]) };
  }
  const v = body !== null && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>).version : undefined;
  if (v === undefined || v === null) return {};
  if (typeof v !== "number" || !Number.isSafeInteger(v) || v < 1) throw validationError({ version: "Version must be the storyboard's version as you last read it (a whole number)" });
  return { ifVersion: v };
}

/** A JSON answer (or 204 without a body) whose ETag is the storyboard's version after the request. */
export function versioned(body: unknown, version: number | undefined, status = 200): Response {
  const headers: Record<string, string> = version ? { etag: etagOf(version) } : {};
  if (body === undefined) return new NextResponse(null, { status: 204, headers });
  return NextResponse.json(body, { status, headers });
}

export interface ApiRouteOptions {
  status?: number;
  bodyTypes?: readonly string[];
  bodyLimit?: number;
  /** A creating POST: takes an Idempotency-Key header (src/server/idempotency.ts, docs/api.md). */
  idempotent?: boolean;
  /** The route's rate-limit group (src/server/rate-limit.ts): a costly route has one. */
  limit?: LimitGroup;
}

export function apiRoute<P = Record<string, string>>(handler: (ctx: ApiContext<P>) => Promise<unknown>, opts: ApiRouteOptions = {}) {
  const respond = (result: unknown, requestId: string): Response => {
    if (result instanceof Response) {
      try {
        if (!result.headers.has("x-request-id")) result.headers.set("x-request-id", requestId);
      } catch {
        // a response with immutable headers keeps them
      }
      return result;
    }
    if (result === undefined) return new NextResponse(null, { status: 204, headers: { "x-request-id": requestId } });
    return NextResponse.json(result, { status: opts.status ?? 200, headers: { "x-request-id": requestId } });
  };

  /**
   * The handler run once per Idempotency-Key: the body read here (its hash is the fingerprint), the
   * first answer replayed. The rate limit counts only a request that runs: a replay is not limited.
   */
  async function once(req: NextRequest, params: P, userId: string, requestId: string, key: string): Promise<Response> {
    const bytes = await readBytes(req, opts.bodyLimit ?? LIMITS.jsonBodyBytes, "body");
    const again = new NextRequest(req.url, { method: req.method, headers: req.headers, ...(bytes.byteLength > 0 && { body: bytes as Uint8Array<ArrayBuffer> }) });
    let first: Response | undefined;
    const result = await runIdempotent(userId, `${req.method} ${req.nextUrl.pathname}`, key, fingerprintOf(bytes), async () => {
      if (opts.limit) await limitRoute(opts.limit, userId, clientIp(req.headers));
      first = respond(await handler({ req: again, params, userId, requestId }), requestId);
      return { status: first.status, body: await first.clone().text() };
    });
    if (first && !result.replayed) return first;
    return new NextResponse(result.body === "" ? null : result.body, {
      status: result.status,
      headers: { ...(result.body !== "" && { "content-type": "application/json" }), "x-request-id": requestId, "idempotent-replayed": "true" },
    });
  }

  return async (req: NextRequest, route: { params: Promise<P> }): Promise<Response> => {
    const requestId = randomUUID();
    try {
      checkCsrf(req, opts.bodyTypes);
      // Routes that read no body still refuse a declared oversize one (uploads set their own limit).
      checkDeclaredLength(req, opts.bodyLimit ?? LIMITS.jsonBodyBytes);
      const userId = await requireUserId();
      const params = await route.params;
      const key = opts.idempotent ? parseIdempotencyKey(req.headers.get("idempotency-key")) : null;
      if (key !== null) return await once(req, params, userId, requestId, key);
      if (opts.limit) await limitRoute(opts.limit, userId, clientIp(req.headers));
      return respond(await handler({ req, params, userId, requestId }), requestId);
    } catch (e) {
      return errorResponse(e, requestId);
    }
  };
}
