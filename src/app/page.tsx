import Link from "next/link";
import { currentSession } from "../server/auth";

export const dynamic = "force-dynamic";

export default async function Landing() {
  const session = await currentSession();
  return (
    <main id="main" tabIndex={-1}>
      <header className="topbar">
        <Link className="brand" href="/">StoryboardAI</Link>
        <Link className="btn small" href={session ? "/dashboard" : "/signin"}>{session ? "Open dashboard" : "Sign in"}</Link>
      </header>
      <section className="hero container">
        <h1>Plan your next short before you shoot it</h1>
        <p className="muted">
          Write a brief, paste a few reference TikToks, Shorts or Reels, and get a storyboard you can film from: a hook that stops the scroll,
          the beats in between, a call to action that lands, with timing, camera, voice-over and on-screen text for every scene.
        </p>
        <p className="row" style={{ justifyContent: "center" }}>
          <Link className="btn primary" href={session ? "/dashboard" : "/signin"}>{session ? "Go to your projects" : "Start planning"}</Link>
        </p>
      </section>
      <section className="container features">
        <div className="panel"><h3>Storyboards in seconds</h3><p className="muted small">Twelve proven short-form structures, timed to the second, in your brief&apos;s language.</p></div>
        <div className="panel"><h3>Variations side by side</h3><p className="muted small">Generate another take of the same brief, edit any scene inline, reorder by drag and drop.</p></div>
        <div className="panel"><h3>Production tracking</h3><p className="muted small">Script, film, record, edit: tick each scene off and watch the project fill up.</p></div>
      </section>
    </main>
  );
}
