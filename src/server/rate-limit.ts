// Rate limits: sign-in per address and per email, and every costly route per user and per address
// (settings in README "Rate limits"). Counted in the shared cache (Redis across instances) AND in
// this process: the limit holds on the larger of the two counts, so when Redis is down (its hit
// answers 0) each process still enforces the limit on its own, never none. This process's count
// is a part of the shared one, so with Redis up it never refuses earlier than the shared count.
import { AppError } from "../domain/errors";
import { ConfigError } from "../db/config";
import { appEnv } from "./env";
import { cacheKeys, services } from "./services";

type Env = Record<string, string | undefined>;

export interface Rate {
  /** Requests allowed per window. */
  max: number;
  windowSeconds: number;
}

/** The groups of costly routes, each limited per user and (× RATE_LIMIT_IP_MULTIPLIER) per address. */
export type LimitGroup = "generate" | "engine" | "export" | "share" | "heavy";

export interface RateLimits {
  signinPerEmail: Rate;
  signinPerIp: Rate;
  groups: Record<LimitGroup, Rate>;
  ipMultiplier: number;
  /** How many proxies in front of the app append to X-Forwarded-For: the client is that many entries from the right. */
  trustProxyHops: number;
}

/** "N/S": N requests per S seconds. */
function rate(env: Env, name: string, fallback: string): Rate {
  const raw = env[name]?.trim() || fallback;
  const m = /^(\d+)\s*\/\s*(\d+)$/.exec(raw);
  const max = Number(m?.[1]);
  const windowSeconds = Number(m?.[2]);
  if (!m || max < 1 || windowSeconds < 1) throw new ConfigError(name, `must be "requests/seconds" like "${fallback}" (both at least 1), got "${raw}"`);
  return { max, windowSeconds };
}

export function readRateLimits(env: Env = process.env, generation: Rate = { max: 10, windowSeconds: 60 }): RateLimits {
  const multiplier = env.RATE_LIMIT_IP_MULTIPLIER?.trim() || "4";
  if (!/^\d+$/.test(multiplier) || Number(multiplier) < 1) throw new ConfigError("RATE_LIMIT_IP_MULTIPLIER", `must be a whole number of at least 1, got "${multiplier}"`);
  const hops = env.TRUST_PROXY_HOPS?.trim() || "1";
  if (!/^\d+$/.test(hops) || Number(hops) < 1 || Number(hops) > 10) {
    throw new ConfigError("TRUST_PROXY_HOPS", `must be the number of proxies in front of the app that append to X-Forwarded-For, 1 to 10, got "${hops}"`);
  }
  return {
    signinPerEmail: rate(env, "SIGNIN_RATE_LIMIT", "10/300"),
    signinPerIp: rate(env, "SIGNIN_RATE_LIMIT_PER_IP", "30/60"),
    groups: {
      generate: generation, // GENERATION_RATE_LIMIT per GENERATION_RATE_WINDOW_SECONDS
      engine: rate(env, "RATE_LIMIT_ENGINE", "60/60"),
      export: rate(env, "RATE_LIMIT_EXPORT", "30/60"),
      share: rate(env, "RATE_LIMIT_SHARE", "30/3600"),
      heavy: rate(env, "RATE_LIMIT_HEAVY", "60/60"),
    },
    ipMultiplier: Number(multiplier),
    trustProxyHops: Number(hops),
  };
}

let cached: RateLimits | undefined;
export const rateLimits = (): RateLimits => {
  if (!cached) {
    const { ratePerWindow, windowSeconds } = appEnv().generation;
    cached = readRateLimits(process.env, { max: ratePerWindow, windowSeconds });
  }
  return cached;
};

// ---- counting ----

/** Per-process fixed-window counters: the floor every limit keeps when the shared cache is down. */
export function localCounter(now: () => number = Date.now, bound = 50_000) {
  const windows = new Map<string, { count: number; resetAt: number }>();
  return (key: string, windowSeconds: number) => {
    const t = now();
    let w = windows.get(key);
    if (!w || w.resetAt <= t) {
      if (!w && windows.size >= bound) for (const [k, v] of windows) if (v.resetAt <= t) windows.delete(k);
      if (windows.size >= bound) windows.clear(); // still full of live windows: start over rather than grow
      w = { count: 0, resetAt: t + windowSeconds * 1000 };
      windows.set(key, w);
    }
    w.count++;
    return { count: w.count, resetSeconds: Math.max(1, Math.ceil((w.resetAt - t) / 1000)) };
  };
}

const local = localCounter();

/** One hit on `key`: the larger of the shared and this process's counts. */
export async function hit(key: string, windowSeconds: number): Promise<{ count: number; resetSeconds: number }> {
  const mine = local(key, windowSeconds);
  let shared = { count: 0, resetSeconds: windowSeconds };
  try {
    shared = await (await services()).cache.hit(key, windowSeconds);
  } catch {
    // the shared cache failed outright: this process's count stands alone
  }
  return shared.count >= mine.count ? shared : mine;
}

const seconds = (n: number) => (n === 3600 ? "hour" : n === 60 ? "minute" : n % 3600 === 0 ? `${n / 3600} hours` : n % 60 === 0 ? `${n / 60} minutes` : `${n} seconds`);

/** Counts one request on `key` and refuses it with 429 and Retry-After past `limit`. */
export async function enforce(key: string, limit: Rate, what: string): Promise<void> {
  const { count, resetSeconds } = await hit(`rate:${key}`, limit.windowSeconds);
  if (count > limit.max) {
    throw new AppError("rate_limited", `${what}: at most ${limit.max} every ${seconds(limit.windowSeconds)}. Try again in ${resetSeconds} s.`, { retryAfterSeconds: resetSeconds });
  }
}

const GROUP_WORDS: Record<LimitGroup, string> = {
  generate: "Too many storyboard generations",
  engine: "Too many brief readings and scene regenerations",
  export: "Too many exports",
  share: "Too many share links created",
  heavy: "Too many copies, restores and uploads",
};

/** A costly route: limited per user and, at RATE_LIMIT_IP_MULTIPLIER times that, per address. */
export async function limitRoute(group: LimitGroup, userId: string | null, ip: string): Promise<void> {
  const limits = rateLimits();
  const per = limits.groups[group];
  // The per-user generation limit lives in the generate and retry use-cases (limitGeneration).
  if (userId && group !== "generate") await enforce(`${group}:user:${userId}`, per, GROUP_WORDS[group]);
  await enforce(`${group}:ip:${ip}`, { max: per.max * limits.ipMultiplier, windowSeconds: per.windowSeconds }, `${GROUP_WORDS[group]} from your network`);
}

/** Sign-in attempts, per address and per email address tried. */
export async function limitSignIn(ip: string, email: string | null): Promise<void> {
  const limits = rateLimits();
  await enforce(`signin:ip:${ip}`, limits.signinPerIp, "Too many sign-in attempts from your network");
  if (email) await enforce(`signin:email:${email.trim().toLowerCase()}`, limits.signinPerEmail, "Too many sign-in attempts for this email");
}

/** Per-user limit on storyboard generation (the expensive call), shared across instances via Redis. */
export async function limitGeneration(userId: string): Promise<void> {
  const { ratePerWindow, windowSeconds } = appEnv().generation;
  const { count, resetSeconds } = await hit(cacheKeys.generationRate(userId), windowSeconds);
  if (count > ratePerWindow) {
    throw new AppError("rate_limited", `You can generate ${ratePerWindow} storyboards every ${windowSeconds} seconds. Try again in ${resetSeconds} s.`, {
      retryAfterSeconds: resetSeconds,
    });
  }
}

/**
 * The client's address, for per-address limits: the X-Forwarded-For entry `hops` from the right
 * (TRUST_PROXY_HOPS, 1: the last one). Each proxy appends the address it saw, so with N proxies in
 * front the N-th entry from the right is the one the outermost proxy saw, the client; the entries
 * left of it are whatever the client sent. Fewer entries than hops: the leftmost, still one a proxy
 * (or Next.js, from the socket) wrote. A client that reaches the app directly can send its own
 * X-Forwarded-For; deploy behind a proxy that sets it (docs/security.md, "Rate limits").
 */
export function clientIp(headers: Headers, hops = rateLimits().trustProxyHops): string {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter((e) => e !== "");
  return entries.at(-Math.min(hops, entries.length)) || headers.get("x-real-ip")?.trim() || "unknown";
}
