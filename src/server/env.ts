// The app's settings (beside the database's, in src/db/config.ts), read once and validated
// with messages a newcomer understands. Every variable is documented in README and .env.example.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ConfigError, flag } from "../db/config";
import { readOriginPolicy } from "./origin";

type Env = Record<string, string | undefined>;

export interface OAuthProviderEnv {
  github: { clientId: string; clientSecret: string } | null;
  google: { clientId: string; clientSecret: string } | null;
  oidc: { issuer: string; clientId: string; clientSecret: string; name: string } | null;
}

export interface AppEnv {
  production: boolean;
  authSecret: string;
  devLogin: boolean;
  providers: OAuthProviderEnv;
  redisUrl: string | null;
  /** Redis client bounds (README "Cache and Redis"): timeouts ≤ 200 ms by default and the circuit breaker. */
  redis: { commandTimeoutMs: number; connectTimeoutMs: number; breakerFailures: number; breakerWindowMs: number };
  /** SINGLE_INSTANCE: true/false when set; null lets services.ts decide (see cacheKindFor). */
  singleInstance: boolean | null;
  cacheTtlSeconds: number;
  generation: { ratePerWindow: number; windowSeconds: number; concurrency: number; staleAfterMs: number };
  /** Signed-in operators allowed on /admin (query and index reports), lower-cased; empty: nobody. */
  adminEmails: string[];
  /** The archive job: completed projects untouched this many days move to the archive, this many per transaction. */
  archive: { afterDays: number; batchSize: number };
  /** DELETED_KEEP_DAYS: how long a deleted project or storyboard can be brought back by Undo before the purge job removes it. */
  deletedKeepDays: number;
}

const int = (env: Env, name: string, fallback: number, min = 0) => {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new ConfigError(name, `must be a whole number of at least ${min}, got "${raw}"`);
  return n;
};

const pair = (env: Env, idVar: string, secretVar: string) => {
  const clientId = env[idVar]?.trim();
  const clientSecret = env[secretVar]?.trim();
  if (!clientId && !clientSecret) return null;
  if (!clientId || !clientSecret) throw new ConfigError(clientId ? secretVar : idVar, `is required when ${clientId ? idVar : secretVar} is set`);
  return { clientId, clientSecret };
};

const MIN_SECRET_BITS = 256;

/**
 * An upper estimate of the randomness in a secret: its length times the bits per character of
 * the smallest alphabet it is written in (hex 4, base64 6, any printable 6.5), and nothing for a
 * secret of fewer than 8 distinct characters (a repeated pattern). `openssl rand -base64 32`
 * (44 characters) and `openssl rand -hex 32` (64) pass; "x", "changeme" or "aaaa…" do not.
 */
export function secretBits(secret: string): number {
  if (new Set(secret).size < 8) return 0;
  const perChar = /^[0-9a-f]+$/i.test(secret) ? 4 : /^[A-Za-z0-9+/=_-]+$/.test(secret) ? 6 : Math.log2(95);
  return secret.length * perChar;
}

/** Outside production a missing AUTH_SECRET is generated once and kept in ./data, never committed. */
function devSecret(): string {
  const file = path.resolve("data", ".auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    const secret = crypto.randomBytes(32).toString("base64url");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}

function readAdminEmails(env: Env): string[] {
  const list = (env.ADMIN_EMAILS ?? "").split(",").map((e) => e.trim().toLowerCase()).filter(Boolean);
  const bad = list.find((e) => !/^[^\s@]+@[^\s@]+$/.test(e));
  if (bad) throw new ConfigError("ADMIN_EMAILS", `must be a comma-separated list of email addresses, "${bad}" is not one`);
  return list;
}

export function readAppEnv(env: Env = process.env): AppEnv {
  const production = env.NODE_ENV === "production";
  const devLogin = !production || ["1", "true"].includes(env.AUTH_DEV_LOGIN?.trim() ?? "");
  const oidcPair = pair(env, "AUTH_OIDC_ID", "AUTH_OIDC_SECRET");
  const issuer = env.AUTH_OIDC_ISSUER?.trim();
  if (oidcPair && !issuer) throw new ConfigError("AUTH_OIDC_ISSUER", "is required when AUTH_OIDC_ID is set (the provider's issuer URL)");
  if (issuer && !oidcPair) throw new ConfigError("AUTH_OIDC_ID", "and AUTH_OIDC_SECRET are required when AUTH_OIDC_ISSUER is set");
  if (issuer && !/^https?:\/\//.test(issuer)) throw new ConfigError("AUTH_OIDC_ISSUER", `must be an http(s) URL, got "${issuer}"`);
  const providers: OAuthProviderEnv = {
    github: pair(env, "AUTH_GITHUB_ID", "AUTH_GITHUB_SECRET"),
    google: pair(env, "AUTH_GOOGLE_ID", "AUTH_GOOGLE_SECRET"),
    oidc: oidcPair && issuer ? { ...oidcPair, issuer, name: env.AUTH_OIDC_NAME?.trim() || "Single sign-on" } : null,
  };
  if (production && !devLogin && !providers.github && !providers.google && !providers.oidc) {
    throw new ConfigError(
      "AUTH_GITHUB_ID",
      "no sign-in method is configured for production: set AUTH_GITHUB_ID/SECRET, AUTH_GOOGLE_ID/SECRET or AUTH_OIDC_ISSUER/ID/SECRET (or AUTH_DEV_LOGIN=1 for a local trial)",
    );
  }
  const secret = env.AUTH_SECRET?.trim();
  if (production && !secret) throw new ConfigError("AUTH_SECRET", "is required in production (generate one with: openssl rand -base64 32)");
  if (production && secret && secretBits(secret) < MIN_SECRET_BITS) {
    throw new ConfigError(
      "AUTH_SECRET",
      `is too weak for production: it needs at least 32 random bytes (256 bits), this one holds about ${Math.floor(secretBits(secret))}. Generate one with: openssl rand -base64 32`,
    );
  }
  readOriginPolicy(env); // AUTH_URL, ALLOWED_ORIGINS, TRUST_PROXY: refused at boot when malformed
  const redis = env.REDIS_URL?.trim();
  if (redis && !/^rediss?:\/\//.test(redis)) throw new ConfigError("REDIS_URL", `must start with redis:// or rediss://, got "${redis}"`);
  return {
    production,
    authSecret: secret || devSecret(),
    devLogin,
    providers,
    redisUrl: redis || null,
    adminEmails: readAdminEmails(env),
    redis: {
      commandTimeoutMs: int(env, "REDIS_COMMAND_TIMEOUT_MS", 200, 1),
      connectTimeoutMs: int(env, "REDIS_CONNECT_TIMEOUT_MS", 200, 1),
      breakerFailures: int(env, "REDIS_BREAKER_FAILURES", 3, 1),
      breakerWindowMs: int(env, "REDIS_BREAKER_WINDOW_MS", 5_000, 100),
    },
    singleInstance: env.SINGLE_INSTANCE?.trim() ? flag(env, "SINGLE_INSTANCE", false) : null,
    cacheTtlSeconds: int(env, "CACHE_TTL_SECONDS", 300),
    generation: {
      ratePerWindow: int(env, "GENERATION_RATE_LIMIT", 10, 1),
      windowSeconds: int(env, "GENERATION_RATE_WINDOW_SECONDS", 60, 1),
      concurrency: int(env, "GENERATION_CONCURRENCY", 2, 1),
      staleAfterMs: int(env, "GENERATION_STALE_AFTER_MS", 120_000, 1_000),
    },
    archive: {
      afterDays: int(env, "ARCHIVE_AFTER_DAYS", 730, 1),
      batchSize: int(env, "ARCHIVE_BATCH_SIZE", 100, 1),
    },
    deletedKeepDays: int(env, "DELETED_KEEP_DAYS", 30, 1),
  };
}

let cached: AppEnv | undefined;
export const appEnv = (): AppEnv => (cached ??= readAppEnv());
