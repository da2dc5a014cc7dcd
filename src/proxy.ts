// Runs before every page: a fresh nonce per request for a strict Content-Security-Policy
// (Next.js reads it from the request's CSP header and puts it on its own scripts), and the
// origin and size guard for writes to pages (server actions).
import { NextResponse, type NextRequest } from "next/server";
import { isAllowedOrigin } from "./server/origin";

/** The server actions' body limit, also set as serverActions.bodySizeLimit in next.config.ts. */
export const ACTION_BODY_LIMIT = 1024 * 1024;

/** A share link's reviewer comments: a JSON route authorised by the token in its URL, never by a
 * cookie, so a cross-site post gains nothing; it answers its own 4xx and limits its own body. */
const SHARE_COMMENTS = /^\/s\/[^/]+\/scenes\/[^/]+\/comments$/;

/**
 * Writes to pages are server actions (and the sign-out form). Next.js answers a cross-origin one
 * with a 500 and lets one without Origin through; here a write from another origin, or with no
 * Origin (every browser sends one on a POST), is a 403, and a body declared or sent without a
 * length over the limit is a 413 / 411 before Next.js reads it.
 */
function refuseWrite(request: NextRequest): NextResponse | null {
  if (request.method === "GET" || request.method === "HEAD") return null;
  if (SHARE_COMMENTS.test(request.nextUrl.pathname)) return null;
  const origin = request.headers.get("origin");
  if (origin === null || !isAllowedOrigin(request, origin)) {
    return NextResponse.json({ error: { code: "forbidden", message: "Cross-site request refused" } }, { status: 403 });
  }
  const length = request.headers.get("content-length");
  if (length === null && request.headers.get("transfer-encoding")) {
    return NextResponse.json({ error: { code: "validation", message: "Send the form with a Content-Length" } }, { status: 411 });
  }
  if (Number(length ?? 0) > ACTION_BODY_LIMIT) {
    return NextResponse.json({ error: { code: "payload_too_large", message: "The form is too large: send at most 1 MB" } }, { status: 413 });
  }
  return null;
}

export function proxy(request: NextRequest) {
  const refused = refuseWrite(request);
  if (refused) return refused;
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const dev = process.env.NODE_ENV !== "production";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  // Lets the signed-in layout send a signed-out visitor to sign-in and back to this very page.
  headers.set("x-pathname", request.nextUrl.pathname + request.nextUrl.search);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!api|_next/static|_next/image|favicon.ico).*)", missing: [{ type: "header", key: "next-router-prefetch" }] }],
};
