// What the animatic and shoot mode share around their content: the way back to the storyboard,
// and the screen shown when there is nothing to play or shoot yet.
import Link from "next/link";
import type { PreviewView } from "../../features/preview/get-preview";

export function BackLink({ view }: { view: PreviewView }) {
  return (
    <Link className="pv-back" href={`/storyboards/${view.id}`}>
      <span aria-hidden="true">←</span> <span className="pv-back-title">{view.title}</span>
    </Link>
  );
}

export function NothingYet({ view, className, testId, ready, title, whenGenerating, otherwise }: {
  view: PreviewView;
  className: string;
  testId: string;
  ready: boolean;
  title: string;
  whenGenerating: string;
  otherwise: string;
}) {
  return (
    <div className={className} data-testid={testId} data-ready={ready}>
      <header className="pv-bar"><BackLink view={view} /></header>
      <div className="pv-empty">
        <h1>{title}</h1>
        <p>{view.status === "generating" ? whenGenerating : otherwise}</p>
        <p><Link className="btn" href={`/storyboards/${view.id}`}>Back to the storyboard</Link></p>
      </div>
    </div>
  );
}
