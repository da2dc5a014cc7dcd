"use client";
// A reviewer's view of one scene's comments on a share page that allows them: the comments so
// far and a form (their name, remembered on this device, and the comment). It posts to
// /s/:token/scenes/:id/comments; nothing here can edit the storyboard.
import { useId, useState, useTransition } from "react";
import { REVIEW_LIMITS } from "../../domain/constants";
import type { SceneComment } from "../../domain/types";
import { useHydrated, useStoredValue } from "../preview/use-hydrated";
import { CommentList } from "./comment-list";
import "./review.css";

const NAME_KEY = "storyboard:reviewer-name";

type Fields = Partial<Record<"author_name" | "body", string>>;

export function SharedSceneComments({ base, sceneId, sceneNumber, initial }: { base: string; sceneId: number; sceneNumber: number; initial: SceneComment[] }) {
  const [comments, setComments] = useState(initial);
  const [storedName, storeName] = useStoredValue(NAME_KEY);
  const [name, setName] = useState<string | null>(null);
  const [body, setBody] = useState("");
  const [fields, setFields] = useState<Fields>({});
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [pending, start] = useTransition();
  const id = useId();
  const hydrated = useHydrated();
  const shownName = name ?? storedName ?? "";

  function submit() {
    start(async () => {
      setError(null);
      setSent(false);
      try {
        const res = await fetch(`${base}/scenes/${sceneId}/comments`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ author_name: shownName, body }),
        });
        const data = (await res.json().catch(() => null)) as (SceneComment & { error?: { message: string; fields?: Fields } }) | null;
        if (res.ok && data) {
          setComments((all) => [...all, data]);
          setBody("");
          setFields({});
          setSent(true);
          storeName(shownName.trim());
          return;
        }
        const err = data?.error;
        if (err?.fields && (err.fields.author_name || err.fields.body)) setFields(err.fields);
        else setError(err?.message ?? `The comment was not saved (HTTP ${res.status}). Try again.`);
      } catch {
        setError("No connection: the comment was not sent. Check your network and try again.");
      }
    });
  }

  return (
    <section className="shared-comments review stack" aria-label={`Comments on scene ${sceneNumber}`} data-testid="shared-comments" data-ready={hydrated}>
      <h3 className="small">Comments{comments.length > 0 ? ` (${comments.length})` : ""}</h3>
      {comments.length === 0 ? (
        <p className="small muted comments-empty">No comments on this scene yet. Type your name and a note below to be the first.</p>
      ) : (
        <CommentList comments={comments} viewer="reviewer" />
      )}
      <form className="comment-form stack" noValidate onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <div className="field">
          <label htmlFor={`${id}-name`}>Your name</label>
          <input id={`${id}-name`} type="text" autoComplete="name" value={shownName} maxLength={REVIEW_LIMITS.commentAuthorName} aria-invalid={Boolean(fields.author_name)}
            aria-describedby={fields.author_name ? `${id}-name-error` : undefined} data-testid="reviewer-name" onChange={(e) => setName(e.target.value)} />
          {fields.author_name && <p id={`${id}-name-error`} className="field-error" role="alert">{fields.author_name}</p>}
        </div>
        <div className="field">
          <label htmlFor={`${id}-body`}>Comment on scene {sceneNumber}</label>
          <textarea id={`${id}-body`} value={body} rows={3} maxLength={REVIEW_LIMITS.commentBody} aria-invalid={Boolean(fields.body)}
            aria-describedby={fields.body ? `${id}-body-error` : undefined} data-testid="reviewer-comment" onChange={(e) => setBody(e.target.value)} />
          {fields.body && <p id={`${id}-body-error`} className="field-error" role="alert">{fields.body}</p>}
        </div>
        <div className="row">
          <button type="submit" className="btn primary" disabled={pending} data-testid="reviewer-submit">{pending ? "Sending…" : "Post comment"}</button>
          {sent && <span className="small" role="status">Sent. The owner will see it on their storyboard.</span>}
        </div>
      </form>
      {error && <p className="alert error" role="alert">{error}</p>}
    </section>
  );
}
