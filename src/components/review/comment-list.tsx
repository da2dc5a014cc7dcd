// The comments of one scene, oldest first: who (the owner, or the reviewer's typed name), when,
// the text, and whether it is resolved. `actions` adds the owner's resolve/reopen button.
import type { SceneComment } from "../../domain/types";
import { relativeTime } from "../format";

export function CommentList({ comments, viewer, actions }: { comments: SceneComment[]; viewer: "owner" | "reviewer"; actions?: (c: SceneComment) => React.ReactNode }) {
  return (
    <ul className="comment-list" aria-label="Comments">
      {comments.map((c) => (
        <li key={c.id} className={`comment${c.resolved ? " resolved" : ""}`} data-testid="comment" data-comment-id={c.id} data-resolved={c.resolved}>
          <p className="comment-meta small">
            <strong>{c.author === "owner" ? (viewer === "owner" ? "You" : "Owner") : c.author_name}</strong>
            {c.author === "reviewer" && <span className="muted"> · reviewer</span>}
            <span className="muted"> · <time dateTime={c.created_at} suppressHydrationWarning>{relativeTime(c.created_at)}</time></span>
            {c.resolved && <span className="badge comment-resolved">Resolved</span>}
          </p>
          <p className="comment-body" data-testid="comment-body">{c.body}</p>
          {actions?.(c)}
        </li>
      ))}
    </ul>
  );
}

/** "2 open" or "3 resolved": what a scene's comment badge says; null with no comments. */
export function commentCountText(comments: SceneComment[]): string | null {
  if (comments.length === 0) return null;
  const open = comments.filter((c) => !c.resolved).length;
  return open > 0 ? `${open} open` : `${comments.length} resolved`;
}
