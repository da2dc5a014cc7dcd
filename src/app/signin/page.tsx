import Link from "next/link";
import { redirect } from "next/navigation";
import { currentSession, signInOptions } from "../../server/auth";
import { safeNextPath } from "../../server/redirect";
import { devSignIn, providerSignIn } from "./actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sign in" };

const MESSAGES: Record<string, string> = {
  email: "Enter a valid email address.",
  name: "A name cannot contain control characters or line breaks.",
  provider: "That sign-in method is not available.",
  rate_limited: "Too many sign-in attempts. Wait a minute, then try again.",
  CredentialsSignin: "We could not sign you in with that email.",
  OAuthAccountNotLinked: "This email already signed in with another method. Use that one.",
  AccessDenied: "Sign-in was cancelled or refused.",
  OAuthCallbackError: "Sign-in was cancelled or refused at the provider.",
  Configuration: "Sign-in is not set up correctly on this server. Try again later, or tell the site's administrator.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  if (await currentSession()) redirect(next);
  const options = signInOptions();
  const oauth = options.filter((o) => o.kind === "oauth");
  const dev = options.find((o) => o.kind === "dev");
  const error = params.error ? (MESSAGES[params.error] ?? "Sign-in failed. Try again.") : null;
  return (
    <main id="main" tabIndex={-1} className="container narrow stack" style={{ paddingTop: "3rem" }}>
      <p><Link href="/" className="muted small">← StoryboardAI</Link></p>
      <h1>Sign in to StoryboardAI</h1>
      {params.signed_out && <p className="alert info" role="status">You are signed out.</p>}
      {error && params.error !== "email" && params.error !== "name" && <p className="alert error" role="alert">{error}</p>}
      {oauth.length > 0 && (
        <div className="panel stack">
          {oauth.map((o) => (
            <form key={o.id} action={providerSignIn}>
              <input type="hidden" name="provider" value={o.id} />
              <input type="hidden" name="next" value={next} />
              <button className="btn" style={{ width: "100%" }} type="submit">Continue with {o.name}</button>
            </form>
          ))}
        </div>
      )}
      {dev && (
        <form action={devSignIn} className="panel stack" noValidate>
          <div>
            <h2>Sign in with your email</h2>
            <p className="small muted">This server signs you in with your email address alone, no password.</p>
          </div>
          <input type="hidden" name="next" value={next} />
          <div className="field">
            <label htmlFor="email">Email</label>
            <input id="email" name="email" type="email" autoComplete="email" required defaultValue={params.email ?? ""}
              aria-invalid={params.error === "email"} aria-describedby={params.error === "email" ? "email-error" : undefined} />
            {params.error === "email" && <p id="email-error" className="field-error" role="alert">{MESSAGES.email}</p>}
          </div>
          <div className="field">
            <label htmlFor="name">Name <span className="muted small">(optional)</span></label>
            <input id="name" name="name" type="text" autoComplete="name"
              aria-invalid={params.error === "name"} aria-describedby={params.error === "name" ? "name-error" : undefined} />
            {params.error === "name" && <p id="name-error" className="field-error" role="alert">{MESSAGES.name}</p>}
          </div>
          <button className="btn primary" type="submit">Sign in locally</button>
        </form>
      )}
      {options.length === 0 && <p className="alert error">Sign-in is not available on this server right now. Try again later, or tell the site&apos;s administrator.</p>}
    </main>
  );
}
