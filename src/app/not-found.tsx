import Link from "next/link";

export const metadata = { title: "Not found" };

export default function NotFound() {
  return (
    <main id="main" tabIndex={-1} className="container narrow stack status-page">
      <p className="status-code" aria-hidden="true">404</p>
      <h1>We can&apos;t find that page</h1>
      <p className="muted">
        It may have been deleted, or it belongs to another account. Check the address, or go back to your projects.
      </p>
      <p className="row" style={{ justifyContent: "center" }}>
        <Link className="btn primary" href="/dashboard">Go to your projects</Link>
        <Link className="btn" href="/">Home</Link>
      </p>
    </main>
  );
}
