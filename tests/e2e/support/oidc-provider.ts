// A real OpenID Connect provider on loopback for the sign-in tests: panva's oidc-provider (an
// OpenID-certified implementation, not a mock), with one confidential client, one account, PKCE
// required, and the package's development login and consent pages so a browser can finish the flow.
//
// The app's callback URL must be registered with the provider, and the app must be told the
// provider's issuer before it starts. The HTTP listener therefore opens first (fixing the issuer),
// the app starts next, and the provider itself is built once the app's address is known.
import crypto from "node:crypto";
import http from "node:http";
import type net from "node:net";
// @ts-expect-error oidc-provider v9 ships no type declarations and @types/oidc-provider is not a dependency; the members used are typed below.
import { Provider } from "oidc-provider";

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

interface ProviderInstance {
  callback(): Handler;
  on(event: string, listener: (ctx: unknown, err?: Error) => void): void;
}
type ProviderConstructor = new (issuer: string, configuration: Record<string, unknown>) => ProviderInstance;

export interface OidcTestAccount {
  /** What to type into the provider's login page; the development interactions make it the `sub`. */
  login: string;
  sub: string;
  email: string;
  email_verified: boolean;
  name: string;
}

export interface OidcTestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  account: OidcTestAccount;
  /** Every request the provider received, as "METHOD /path": proves which endpoints the app used. */
  requests: string[];
  /** Errors the provider reported (bad client auth, PKCE mismatch, ...), for failing assertions. */
  errors: string[];
  /** Builds the provider with the one client whose redirect URI is on the app at `appBaseUrl`. */
  registerClient(appBaseUrl: string): void;
  /** The app's settings for this provider. */
  appEnv(displayName: string): Record<string, string>;
  stop(): Promise<void>;
}

const describeError = (err?: Error) => {
  const { error_description, error_detail } = (err ?? {}) as { error_description?: string; error_detail?: string };
  const detail = [error_description, error_detail].filter(Boolean).join(": ");
  return `${err?.message ?? "unknown error"}${detail ? ` (${detail})` : ""}`;
};

const ERROR_EVENTS = ["server_error", "authorization.error", "grant.error", "userinfo.error", "jwks.error", "discovery.error", "end_session.error"];

export async function startOidcProvider(account: Omit<OidcTestAccount, "sub">): Promise<OidcTestProvider> {
  let handler: Handler | null = null;
  const requests: string[] = [];
  const errors: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${new URL(req.url ?? "/", "http://provider").pathname}`);
    if (handler) return handler(req, res);
    res.writeHead(503, { "content-type": "text/plain" }).end("the test provider has no client registered yet");
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const issuer = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  const clientId = "storyboard-e2e";
  const clientSecret = crypto.randomBytes(24).toString("base64url");
  const full: OidcTestAccount = { ...account, sub: account.login };

  return {
    issuer,
    clientId,
    clientSecret,
    account: full,
    requests,
    errors,
    registerClient(appBaseUrl) {
      // A fixed signing key and cookie key instead of the package's throwaway development ones.
      const signingKey = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });
      const provider = new (Provider as ProviderConstructor)(issuer, {
        clients: [
          {
            client_id: clientId,
            client_secret: clientSecret,
            redirect_uris: [`${appBaseUrl}/api/auth/callback/oidc`],
            grant_types: ["authorization_code"],
            response_types: ["code"],
            // Auth.js authenticates at the token endpoint with HTTP Basic unless told otherwise.
            token_endpoint_auth_method: "client_secret_basic",
          },
        ],
        async findAccount(_ctx: unknown, id: string) {
          if (id !== full.sub) return undefined;
          return {
            accountId: full.sub,
            async claims() {
              return { sub: full.sub, email: full.email, email_verified: full.email_verified, name: full.name };
            },
          };
        },
        // The Core scope-to-claim mapping for the scopes the app asks for (openid email profile).
        claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
        // Confidential clients need not use PKCE by default; requiring it proves the app sends it.
        pkce: { required: () => true },
        jwks: { keys: [{ ...signingKey, use: "sig", alg: "RS256", kid: "e2e" }] },
        cookies: { keys: [crypto.randomBytes(32).toString("base64url")] },
        // Lifetimes in seconds, long enough for one test file.
        ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, AuthorizationCode: 60, IdToken: 600 },
        features: { devInteractions: { enabled: true } },
      });
      for (const event of ERROR_EVENTS) {
        provider.on(event, (_ctx, err) => errors.push(`${event}: ${describeError(err)}`));
      }
      handler = provider.callback();
    },
    appEnv(displayName) {
      return { AUTH_OIDC_ISSUER: issuer, AUTH_OIDC_ID: clientId, AUTH_OIDC_SECRET: clientSecret, AUTH_OIDC_NAME: displayName };
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
