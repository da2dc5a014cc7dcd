// The signed-in shell. Each page also checks the session itself (with its own path for the
// return trip): a layout is not re-run on client navigation, so it cannot be the only guard.
import Link from "next/link";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { UndoToast } from "../../components/history/undo-toast";
import { currentSession } from "../../server/auth";
import { signOutAction } from "../signin/actions";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await currentSession();
  if (!user) {
    const path = (await headers()).get("x-pathname");
    redirect(`/signin?next=${encodeURIComponent(path?.startsWith("/") ? path : "/dashboard")}`);
  }
  return (
    <>
      <header className="topbar">
        <Link className="brand" href="/dashboard">StoryboardAI</Link>
        <div className="user">
          <span title={user.email || undefined} data-testid="user-email">{user.email}</span>
          <form action={signOutAction}>
            <button className="btn small" type="submit">Sign out</button>
          </form>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="container app-main">
        {/* First in the content: on a phone it sits above the page rather than over it. */}
        <Suspense fallback={null}>
          <UndoToast />
        </Suspense>
        {children}
      </main>
    </>
  );
}
