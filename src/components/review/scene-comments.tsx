"use client";
// The owner's comments on one scene of the storyboard page: a button with the count of open
// comments that opens the scene's comments (theirs and reviewers'), resolve or reopen each, and
// write a new one.
import { useId, useState, useTransition } from "react";
import { addCommentAction, setCommentResolvedAction } from "../../app/(app)/storyboards/review-actions";
import { REVIEW_LIMITS } from "../../domain/constants";
import type { SceneComment } from "../../domain/types";
import { useHydrated } from "../preview/use-hydrated";
import { CommentList, commentCountText } from "./comment-list";
import "./review.css";
import { useIdempotencyKey } from "../use-idempotency-key";

export function SceneComments({ sceneId, sceneNumber, comments, onChange }: {
  sceneId: number;
  sceneNumber: number;
  comments: SceneComment[];
  /** A comment added or changed, as saved. */
  onChange: (comment: SceneComment) => void;
}) {
  const [open, setOpen] = useState(false);
  const [body, setBody] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  // One key per comment: a double submit posts it once; after a success the next comment gets a new one.
  const [commentKey, renewCommentKey] = useIdempotencyKey();
  const id = useId();
  const hydrated = useHydrated();
  const count = commentCountText(comments);
  const openCount = comments.filter((c) => !c.resolved).length;

  return (
    <div className="scene-comments review" data-testid="scene-comments" data-ready={hydrated}>
      <button type="button" className="btn comments-toggle" aria-expanded={open} aria-controls={`${id}-panel`} onClick={() => setOpen(!open)}
        data-testid="comments-toggle">
        <svg className="comments-icon" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
          <path d="M3 4.5A1.5 1.5 0 0 1 4.5 3h11A1.5 1.5 0 0 1 17 4.5v8a1.5 1.5 0 0 1-1.5 1.5H9l-4 3v-3H4.5A1.5 1.5 0 0 1 3 12.5z" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
        </svg>
        Comments
        {count && <span className={`badge comment-count${openCount > 0 ? " has-open" : ""}`} data-testid="comment-count">{count}</span>}
      </button>
      {open && (
        <div id={`${id}-panel`} className="comments-panel stack">
          {comments.length === 0 ? (
            <p className="small muted comments-empty">No comments on scene {sceneNumber} yet. Write a note below, or share a link with “Let reviewers comment” ticked so others can add theirs.</p>
          ) : (
            <CommentList comments={comments} viewer="owner" actions={(c) => (
              <button type="button" className="btn" disabled={pending} data-testid={c.resolved ? "comment-reopen" : "comment-resolve"}
                onClick={() =>
                  start(async () => {
                    setError(null);
                    const r = await setCommentResolvedAction(c.id, !c.resolved);
                    if (r.ok) onChange(r.data);
                    else setError(r.error.message);
                  })
                }>{c.resolved ? "Reopen" : "Resolve"}</button>
            )} />
          )}
          <form className="comment-form stack" noValidate
            onSubmit={(e) => {
              e.preventDefault();
              start(async () => {
                setError(null);
                const r = await addCommentAction(sceneId, body, commentKey);
                if (r.ok) {
                  renewCommentKey();
                  onChange(r.data);
                  setBody("");
                  setFieldError(null);
                } else if (r.error.fields?.body) setFieldError(r.error.fields.body);
                else setError(r.error.message);
              });
            }}>
            <div className="field">
              <label htmlFor={`${id}-body`}>Your comment on scene {sceneNumber}</label>
              <textarea id={`${id}-body`} value={body} maxLength={REVIEW_LIMITS.commentBody} rows={3} aria-invalid={Boolean(fieldError)}
                aria-describedby={fieldError ? `${id}-error` : undefined} data-testid="comment-input"
                onChange={(e) => setBody(e.target.value)} />
              {fieldError && <p id={`${id}-error`} className="field-error" role="alert">{fieldError}</p>}
            </div>
            <div className="row">
              <button type="submit" className="btn primary" disabled={pending} data-testid="comment-submit">{pending ? "Saving…" : "Add comment"}</button>
              <span className="small muted">{body.length}/{REVIEW_LIMITS.commentBody}</span>
            </div>
          </form>
          {error && <p className="alert error" role="alert">{error}</p>}
        </div>
      )}
    </div>
  );
}
