// Which origins may send a cookie-authenticated write: the app's own public origin (AUTH_URL)
// and the ones ALLOWED_ORIGINS adds, compared on scheme, host and port. Without either (local
// development) the request's own origin counts, and X-Forwarded-Proto/-Host are believed only
// when TRUST_PROXY says a proxy in front of the app sets them (anyone can send those headers).
import { ConfigError } from "../db/config";

type Env = Record<string, string | undefined>;

export interface OriginPolicy {
  /** Exact origins (`https://app.example.com:8443`); empty means "the request's own origin". */
  allowed: ReadonlySet<string>;
  trustProxy: boolean;
}

const originOf = (name: string, value: string): string => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(name, `must be a URL like https://storyboard.example.com, got "${value}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new ConfigError(name, `must be an http(s) URL, got "${value}"`);
  return url.origin;
};

/** Reads AUTH_URL, ALLOWED_ORIGINS and TRUST_PROXY; malformed values are a start-up error. */
export function readOriginPolicy(env: Env = process.env): OriginPolicy {
  const allowed = new Set<string>();
  const authUrl = env.AUTH_URL?.trim();
  if (authUrl) allowed.add(originOf("AUTH_URL", authUrl));
  for (const entry of (env.ALLOWED_ORIGINS ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
    allowed.add(originOf("ALLOWED_ORIGINS", entry));
  }
  const trust = env.TRUST_PROXY?.trim().toLowerCase() ?? "";
  if (trust && !["1", "true", "0", "false"].includes(trust)) throw new ConfigError("TRUST_PROXY", `must be 1 or 0, got "${env.TRUST_PROXY}"`);
  return { allowed, trustProxy: trust === "1" || trust === "true" };
}

let cached: OriginPolicy | undefined;
export const originPolicy = (): OriginPolicy => (cached ??= readOriginPolicy());

const first = (v: string | null) => v?.split(",")[0]?.trim() || null;

/** The origin this request was addressed to: the URL it arrived on, or the proxy's headers when trusted. */
export function requestOrigin(req: Request, policy: OriginPolicy = originPolicy()): string | null {
  const url = new URL(req.url);
  let proto = url.protocol.replace(/:$/, "");
  let host = req.headers.get("host");
  if (policy.trustProxy) {
    proto = first(req.headers.get("x-forwarded-proto")) ?? proto;
    host = first(req.headers.get("x-forwarded-host")) ?? host;
  }
  if (!host) return null;
  try {
    return new URL(`${proto}://${host}`).origin;
  } catch {
    return null;
  }
}

/** The app's public origin for links it hands out: AUTH_URL when set (the origin writes must come
 * from), else the origin this request was addressed to. Next.js's req.nextUrl says "localhost"
 * for a server bound to 127.0.0.1, which would send a share link's reviewer to another origin. */
export function publicOrigin(req: Request): string {
  const authUrl = process.env.AUTH_URL?.trim();
  if (authUrl) return new URL(authUrl).origin;
  return requestOrigin(req) ?? new URL(req.url).origin;
}

/** True when `origin` (an Origin header) may write: scheme, host and port all match. */
export function isAllowedOrigin(req: Request, origin: string, policy: OriginPolicy = originPolicy()): boolean {
  let parsed: string;
  try {
    parsed = new URL(origin).origin;
  } catch {
    return false;
  }
  if (parsed === "null") return false;
  if (policy.allowed.size > 0) return policy.allowed.has(parsed);
  return parsed === requestOrigin(req, policy);
}
