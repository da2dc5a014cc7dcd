// Auth.js's endpoints behind two guards of ours: a body limit (sign-in and sign-out are small
// forms) and an Origin check. Auth.js's own CSRF token covers its forms; on top, a write whose
// Origin is another site is refused, and sign-out is refused without an Origin at all (a browser
// always sends one; a bare POST with a stolen token must not log a user out). Sign-in attempts
// are rate limited per address and per email (429 with Retry-After).
import { NextRequest } from "next/server";
import { LIMITS } from "../../../../domain/constants";
import { AppError } from "../../../../domain/errors";
import { readBytes } from "../../../../server/api";
import { handlers } from "../../../../server/auth";
import { errorResponse } from "../../../../server/errors";
import { isAllowedOrigin } from "../../../../server/origin";
import { clientIp, limitSignIn } from "../../../../server/rate-limit";

export const { GET } = handlers;

export async function POST(req: NextRequest): Promise<Response> {
  try {
    const origin = req.headers.get("origin");
    if (origin !== null && !isAllowedOrigin(req, origin)) throw new AppError("forbidden", "Cross-site request refused");
    if (origin === null && req.nextUrl.pathname.endsWith("/signout")) throw new AppError("forbidden", "Sign out from the app's own page");
    const body = await readBytes(req, LIMITS.authBodyBytes, "body");
    const text = body.byteLength ? new TextDecoder().decode(body) : null;
    // Signing in (a provider's start or a credentials callback), per address and per email tried.
    if (/\/(signin|callback)\//.test(req.nextUrl.pathname)) {
      const form = (req.headers.get("content-type") ?? "").includes("application/x-www-form-urlencoded") && text ? new URLSearchParams(text) : null;
      await limitSignIn(clientIp(req.headers), form?.get("email") ?? null);
    }
    return await handlers.POST(new NextRequest(req.url, { method: "POST", headers: req.headers, body: text }));
  } catch (e) {
    return errorResponse(e);
  }
}
