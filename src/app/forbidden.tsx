import Link from "next/link";

export const metadata = { title: "Not allowed" };

export default function Forbidden() {
  return (
    <main id="main" tabIndex={-1} className="container narrow stack status-page">
      <p className="status-code" aria-hidden="true">403</p>
      <h1>This page is for operators</h1>
      <p className="muted">
        Your account is signed in but is not listed as an operator of this StoryboardAI. An administrator adds operators with the ADMIN_EMAILS setting.
      </p>
      <p className="row" style={{ justifyContent: "center" }}>
        <Link className="btn primary" href="/dashboard">Go to your projects</Link>
      </p>
    </main>
  );
}
