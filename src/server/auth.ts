// Auth.js (next-auth v5): GitHub, Google and a generic OpenID Connect provider, each on when its
// variables are set, and a local email sign-in outside production (or with AUTH_DEV_LOGIN=1).
// Sessions are JWTs that name a row of the sessions table: signing out deletes the row, deleting
// the user cascades to it, and every request checks it (see "Sessions" below and docs/security.md).
// Users and OAuth accounts live in the design's tables via the drizzle adapter.
import { createHash, randomBytes } from "node:crypto";
import NextAuth, { type NextAuthConfig } from "next-auth";
import type { Adapter } from "next-auth/adapters";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { cache } from "react";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { AppError, unavailable } from "../domain/errors";
import { isConnectionLost, retryReadOnce } from "../db/pg-errors";
import { parseInput, userUpsertSchema } from "../domain/schemas";
import { getAuthAdapter, getStore } from "../db/client";
import { appEnv } from "./env";

export const DEV_LOGIN_ID = "dev-login";
const OAUTH_CHECKS: Array<"pkce" | "state"> = ["pkce", "state"];
export const OIDC_ID = "oidc";

export interface SignInOption {
  id: string;
  name: string;
  kind: "oauth" | "dev";
}

/** The sign-in methods this deployment offers, for the sign-in page. */
export function signInOptions(): SignInOption[] {
  const { providers, devLogin } = appEnv();
  return [
    ...(providers.github ? [{ id: "github", name: "GitHub", kind: "oauth" as const }] : []),
    ...(providers.google ? [{ id: "google", name: "Google", kind: "oauth" as const }] : []),
    ...(providers.oidc ? [{ id: OIDC_ID, name: providers.oidc.name, kind: "oauth" as const }] : []),
    ...(devLogin ? [{ id: DEV_LOGIN_ID, name: "Local sign-in (development)", kind: "dev" as const }] : []),
  ];
}

async function config(): Promise<NextAuthConfig> {
  const env = appEnv();
  const { github, google, oidc } = env.providers;
  return {
    adapter: await getAuthAdapter(),
    secret: env.authSecret,
    trustHost: true,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S, updateAge: SESSION_UPDATE_AGE_S },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      // Both checks on every provider: PKCE binds the code to this browser's verifier, and state
      // (Auth.js checks only PKCE by default) refuses a callback whose state was not ours.
      ...(github ? [GitHub({ clientId: github.clientId, clientSecret: github.clientSecret, checks: OAUTH_CHECKS })] : []),
      ...(google ? [Google({ clientId: google.clientId, clientSecret: google.clientSecret, checks: OAUTH_CHECKS })] : []),
      ...(oidc
        ? [
            {
              id: OIDC_ID,
              name: oidc.name,
              type: "oidc" as const,
              issuer: oidc.issuer,
              clientId: oidc.clientId,
              clientSecret: oidc.clientSecret,
              authorization: { params: { scope: "openid email profile" } },
              checks: OAUTH_CHECKS,
              // OIDC Core 5.4: with the code flow a provider may put email and name only in the
              // user info, not the ID token, so read the profile there (checked against its sub).
              idToken: false,
            },
          ]
        : []),
      ...(env.devLogin
        ? [
            Credentials({
              id: DEV_LOGIN_ID,
              name: "Local sign-in",
              credentials: { email: { label: "Email", type: "email" }, name: { label: "Name", type: "text" } },
              async authorize(credentials) {
                const r = userUpsertSchema.safeParse({ email: credentials?.email, name: credentials?.name || null });
                if (!r.success) return null;
                const user = await (await getStore()).upsertUserByEmail(parseInput(userUpsertSchema, r.data));
                return { id: user.id, email: user.email, name: user.name };
              },
            }),
          ]
        : []),
    ],
    events: {
      // Sign-out (POST /api/auth/signout, or the app's sign-out button) ends the session row, so
      // the cookie stops working everywhere at once, not only in this browser.
      async signOut(message) {
        const sid = "token" in message ? message.token?.sid : undefined;
        if (typeof sid === "string") await (await sessionAdapter()).deleteSession!(sid);
      },
    },
    callbacks: {
      // At sign-in: a new session row whose id the JWT carries. Afterwards (GET /api/auth/session,
      // auth()): null, which clears the cookie, once that row is gone.
      async jwt({ token, user }) {
        if (user?.id) {
          token.sub = user.id;
          token.sid = await openSession(user.id);
          return token;
        }
        return (await sessionLive(token.sid, token.sub)) ? token : null;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        return session;
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(config);

// ---- Sessions ----
// The JWT alone would stay valid until it expires (30 days), whatever happens to the user. So it
// carries `sid`, the key of a sessions row: sign-out deletes the row, deleting the user cascades
// to it, and every request reads it (one primary-key lookup joined to the user, no cache: a
// sign-out on one instance holds on every instance at once; docs/performance.md has the cost).
// A JWT without a live row is no session at all, on pages, API routes, actions and
// /api/auth/session alike.
const SESSION_MAX_AGE_S = 30 * 24 * 3600; // Auth.js's default lifetime
const SESSION_UPDATE_AGE_S = 24 * 3600; // the row's expiry slides at most once a day

let adapterMemo: Promise<Adapter> | undefined;
const sessionAdapter = () =>
  (adapterMemo ??= getAuthAdapter().catch((e: unknown) => {
    adapterMemo = undefined;
    throw e;
  }));

async function openSession(userId: string): Promise<string> {
  const sid = randomBytes(32).toString("base64url");
  await (await sessionAdapter()).createSession!({ sessionToken: sid, userId, expires: new Date(Date.now() + SESSION_MAX_AGE_S * 1000) });
  return sid;
}

/** Whether the session row `sid` still exists, belongs to `userId` (who still exists) and is unexpired. */
export async function sessionLive(sid: unknown, userId: unknown): Promise<boolean> {
  if (typeof sid !== "string" || typeof userId !== "string" || !sid || !userId) return false;
  const adapter = await sessionAdapter();
  const found = await retryReadOnce(async () => adapter.getSessionAndUser!(sid));
  if (!found || found.user.id !== userId) return false;
  const now = Date.now();
  const left = found.session.expires.getTime() - now;
  if (left <= 0) {
    await adapter.deleteSession!(sid);
    return false;
  }
  if (left < (SESSION_MAX_AGE_S - SESSION_UPDATE_AGE_S) * 1000) {
    await adapter.updateSession!({ sessionToken: sid, expires: new Date(now + SESSION_MAX_AGE_S * 1000) });
  }
  return true;
}

// Decrypting the session JWT (a JWE) is the most expensive part of an API request, and a client
// sends the same cookie again and again: remember what a cookie value decrypts to, for a minute
// and never past the token's own expiry, keyed by a SHA-256 of the cookie (the memo holds no
// token). This saves CPU only; the row check above still runs on every request, so a sign-out
// or a deleted user holds at once on every instance.
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;
const SECURE_NAME = "__Secure-authjs.session-token";
const PLAIN_NAME = "authjs.session-token";
const DECODE_MEMO_MS = 60_000;

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
}

interface Decoded extends SessionUser {
  sid: string;
}

const decodeMemo = new Map<string, { value: Decoded | null; until: number }>();

/** The session cookie's JWT (its chunks joined in order) and the cookie name it was salted with. */
async function sessionCookie(): Promise<{ name: string; token: string } | null> {
  const all = (await cookies()).getAll().filter((c) => SESSION_COOKIE.test(c.name));
  if (!all.length) return null;
  const name = all.some((c) => c.name.startsWith("__Secure-")) ? SECURE_NAME : PLAIN_NAME;
  const chunk = (n: string) => (n === name ? -1 : Number(n.slice(name.length + 1)));
  const parts = all.filter((c) => c.name === name || c.name.startsWith(`${name}.`)).sort((a, b) => chunk(a.name) - chunk(b.name));
  return { name, token: parts.map((c) => c.value).join("") };
}

async function decodeCookie(): Promise<{ key: string; value: Decoded | null } | null> {
  const cookie = await sessionCookie();
  if (!cookie) return null;
  const key = createHash("sha256").update(`${cookie.name}=${cookie.token}`).digest("base64url");
  const hit = decodeMemo.get(key);
  if (hit && hit.until > Date.now()) return { key, value: hit.value };
  let value: Decoded | null = null;
  let until = Date.now() + DECODE_MEMO_MS;
  try {
    const jwt = await decode({ token: cookie.token, secret: appEnv().authSecret, salt: cookie.name });
    if (jwt && typeof jwt.sub === "string" && typeof jwt.sid === "string") {
      value = { id: jwt.sub, sid: jwt.sid, email: typeof jwt.email === "string" ? jwt.email : "", name: typeof jwt.name === "string" ? jwt.name : null };
      if (typeof jwt.exp === "number") until = Math.min(until, jwt.exp * 1000);
    }
  } catch {
    value = null; // not ours, tampered or expired: no session
  }
  if (decodeMemo.size >= 10_000) decodeMemo.clear(); // bounded; entries are cheap to rebuild
  decodeMemo.set(key, { value, until });
  return { key, value };
}

/**
 * The signed-in user, or null: the cookie's JWT decrypted and its session row read. Once per
 * request (React's cache: the layout and the page share it). A database that cannot answer is an
 * error (a 503 page or API answer), never a silent sign-out.
 */
export const currentSession = cache(async (): Promise<SessionUser | null> => {
  const decoded = await decodeCookie();
  if (!decoded?.value) return null;
  const { sid, ...user } = decoded.value;
  let live: boolean;
  try {
    live = await sessionLive(sid, user.id);
  } catch (e) {
    throw isConnectionLost(e) ? unavailable(e) : e;
  }
  if (!live) {
    decodeMemo.delete(decoded.key);
    return null;
  }
  return user;
});

/** The signed-in user's id, or null. */
export async function currentUserId(): Promise<string | null> {
  return (await currentSession())?.id ?? null;
}

/** The signed-in user's id, or an AppError("unauthorized"). */
export async function requireUserId(): Promise<string> {
  const id = await currentUserId();
  if (!id) throw new AppError("unauthorized", "Sign in to continue");
  return id;
}
