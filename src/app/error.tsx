"use client";
// Shown when a page fails to render. Server errors reach the browser without their message
// (Next.js hides it in production); the digest ties the visit to the server log.
import Link from "next/link";
import { useEffect } from "react";
import { UNAVAILABLE_DIGEST } from "../domain/errors";

// `retry` re-fetches the page from the server before re-rendering it (a plain `reset` would
// re-render the same failed payload); older Next.js versions only pass `reset`.
export default function ErrorPage({ error, reset, retry }: { error: Error & { digest?: string }; reset: () => void; retry?: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  // A lost database connection carries its own digest (AppError "unavailable"): say what it is.
  if (error.digest === UNAVAILABLE_DIGEST) {
    return (
      <main id="main" tabIndex={-1} className="container narrow stack status-page" role="alert">
        <p className="status-code" aria-hidden="true">503</p>
        <h1>The database is briefly unavailable</h1>
        <p className="muted">Nothing was lost. This usually passes within a few seconds: try again in a moment.</p>
        <p className="row" style={{ justifyContent: "center" }}>
          <button type="button" className="btn primary" onClick={retry ?? reset}>Try again</button>
        </p>
      </main>
    );
  }
  return (
    <main id="main" tabIndex={-1} className="container narrow stack status-page" role="alert">
      <p className="status-code" aria-hidden="true">Oops</p>
      <h1>Something went wrong</h1>
      <p className="muted">
        This page could not be loaded. Your work is saved as of your last change. Try again; if it keeps failing, tell us the reference below.
      </p>
      {error.digest && <p className="small muted">Reference: <code>{error.digest}</code></p>}
      <p className="row" style={{ justifyContent: "center" }}>
        <button type="button" className="btn primary" onClick={retry ?? reset}>Try again</button>
        <Link className="btn" href="/dashboard">Go to your projects</Link>
      </p>
    </main>
  );
}
