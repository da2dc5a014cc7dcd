// Auth.js (next-auth v5): GitHub, Google and a generic OpenID Connect provider, each on when its
// variables are set, and a local email sign-in outside production (or with AUTH_DEV_LOGIN=1).
// Sessions are JWTs; users and OAuth accounts live in the design's tables via the drizzle adapter.
import NextAuth, { type NextAuthConfig } from "next-auth";
import { cookies } from "next/headers";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { AppError } from "../domain/errors";
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
    session: { strategy: "jwt" },
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
    callbacks: {
      jwt({ token, user }) {
        if (user?.id) token.sub = user.id;
        return token;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        return session;
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(config);

// Decrypting the session JWT (a JWE) is the most expensive part of an API request, and a
// client sends the same cookie again and again: remember which user a cookie value stands for,
// for a minute. A cookie is a bearer credential whether cached or not; the cache only saves CPU.
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;
const SESSION_MEMO_MS = 60_000;
const sessionMemo = new Map<string, { userId: string; until: number }>();

async function sessionCookieValue(): Promise<string | null> {
  const parts = (await cookies())
    .getAll()
    .filter((c) => SESSION_COOKIE.test(c.name))
    .sort((a, b) => a.name.localeCompare(b.name, "en", { numeric: true }));
  return parts.length ? parts.map((c) => `${c.name}=${c.value}`).join(";") : null;
}

/** The signed-in user's id, or null. */
export async function currentUserId(): Promise<string | null> {
  const key = await sessionCookieValue();
  if (!key) return null;
  const hit = sessionMemo.get(key);
  if (hit && hit.until > Date.now()) return hit.userId;
  const id = (await auth())?.user?.id ?? null;
  if (id) {
    if (sessionMemo.size >= 10_000) sessionMemo.clear(); // bounded; entries are cheap to rebuild
    sessionMemo.set(key, { userId: id, until: Date.now() + SESSION_MEMO_MS });
  }
  return id;
}

/** The signed-in user's id, or an AppError("unauthorized"). */
export async function requireUserId(): Promise<string> {
  const id = await currentUserId();
  if (!id) throw new AppError("unauthorized", "Sign in to continue");
  return id;
}
