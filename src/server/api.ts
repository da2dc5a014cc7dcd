// One wrapper for every /api/v1 route: CSRF check, session, parse, call one use-case, shape
// errors. Route files stay a few lines: parse params, call, return the DTO.
import { randomUUID } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { AppError, validationError } from "../domain/errors";
import { requireUserId } from "./auth";
import { errorResponse } from "./errors";

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
  if (origin && origin !== "null") {
    const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      /* malformed Origin: refused below */
    }
    if (!host || originHost !== host) throw new AppError("forbidden", "Cross-site request refused");
  } else if (origin === "null") {
    throw new AppError("forbidden", "Cross-site request refused");
  }
  const type = (req.headers.get("content-type") ?? "").toLowerCase();
  const hasBody = req.headers.get("content-length") !== "0" && req.method !== "DELETE";
  if (hasBody && type !== "" && !bodyTypes.some((t) => type.startsWith(t))) {
    const list = bodyTypes.join(", ");
    throw new AppError("validation", `Send the body as ${bodyTypes === JSON_BODY ? "JSON (Content-Type: application/json)" : list}`, { fields: { body: `Content-Type must be ${list}` } });
  }
}

const JSON_BODY = ["application/json"] as const;
/** Raw image uploads: none of these is a type a cross-site form can send without a preflight. */
export const IMAGE_BODY_TYPES = ["image/png", "image/jpeg", "image/webp", "application/octet-stream"] as const;

/** The raw body, refused (naming `field`) past `max` bytes without reading the rest. */
export async function readBytes(req: NextRequest, max: number, field: string): Promise<Uint8Array> {
  const tooLarge = () => validationError({ [field]: `The ${field} must be at most ${Math.round(max / 1024 / 1024)} MB` });
  if (Number(req.headers.get("content-length") ?? 0) > max) throw tooLarge();
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
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export async function readJson(req: NextRequest): Promise<unknown> {
  const text = await req.text();
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw validationError({ body: "The body is not valid JSON" });
  }
}

/** A path id: a positive integer, else the resource cannot exist (404). */
export function idParam(value: string | undefined, what: string): number {
  const n = Number(value);
  if (!value || !/^\d{1,10}$/.test(value) || !Number.isSafeInteger(n) || n < 1) throw new AppError("not_found", `${what} not found`);
  return n;
}

export function apiRoute<P = Record<string, string>>(handler: (ctx: ApiContext<P>) => Promise<unknown>, opts: { status?: number; bodyTypes?: readonly string[] } = {}) {
  return async (req: NextRequest, route: { params: Promise<P> }): Promise<Response> => {
    const requestId = randomUUID();
    try {
      checkCsrf(req, opts.bodyTypes);
      const userId = await requireUserId();
      const result = await handler({ req, params: await route.params, userId, requestId });
      if (result instanceof Response) return result;
      if (result === undefined) return new NextResponse(null, { status: 204, headers: { "x-request-id": requestId } });
      return NextResponse.json(result, { status: opts.status ?? 200, headers: { "x-request-id": requestId } });
    } catch (e) {
      return errorResponse(e, requestId);
    }
  };
}
