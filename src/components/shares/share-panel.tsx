"use client";
// The owner's share links: make a read-only link (shown once: only its fingerprint is kept), see
// when each was made and last opened, let reviewers comment through it, revoke it.
import { useState, useTransition } from "react";
import { useIdempotencyKey } from "../use-idempotency-key";
import { createShareLinkAction, listShareLinksAction, revokeShareLinkAction, setShareCommentsAction } from "../../app/(app)/storyboards/shoot-actions";
import type { ShareLink } from "../../domain/types";
import { ConfirmButton } from "../confirm-button";
import { relativeTime } from "../format";
import "../frames/frames.css";

export function SharePanel({ storyboardId }: { storyboardId: number }) {
  const [links, setLinks] = useState<ShareLink[] | null>(null);
  const [fresh, setFresh] = useState<{ id: number; url: string } | null>(null);
  const [comments, setComments] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [pending, start] = useTransition();
  // One key per link to make: a double click makes one; after a success the next click makes another.
  const [createKey, renewCreateKey] = useIdempotencyKey();

  const load = () =>
    start(async () => {
      const r = await listShareLinksAction(storyboardId);
      if (r.ok) setLinks(r.data);
      else setError(r.error.message);
    });

  const replace = (link: ShareLink) => setLinks((all) => (all ?? []).map((l) => (l.id === link.id ? link : l)));
  const live = (links ?? []).filter((l) => !l.revoked_at);

  return (
    <details className="menu share-panel no-print" data-testid="share-panel" onToggle={(e) => { if (e.currentTarget.open && links === null) load(); }}>
      <summary className="btn small">Share</summary>
      <div className="menu-panel stack">
        <p className="small muted">A read-only link shows the frames, timings and text, with PDF and CSV downloads, to anyone who has it, signed out. It never shows your name or email.</p>
        <div className="row">
          <label className="check small"><input type="checkbox" checked={comments} onChange={(e) => setComments(e.target.checked)} /> Let reviewers comment</label>
          <button type="button" className="btn small primary" disabled={pending} data-testid="create-share"
            onClick={() =>
              start(async () => {
                setError(null);
                const r = await createShareLinkAction(storyboardId, { allow_comments: comments }, createKey);
                if (!r.ok) return setError(r.error.message);
                renewCreateKey();
                const { path, ...link } = r.data;
                setFresh({ id: link.id, url: new URL(path, window.location.origin).toString() });
                setCopied(false);
                setLinks((all) => [link, ...(all ?? [])]);
              })
            }>Create link</button>
        </div>
        {fresh && (
          <div className="share-fresh stack" role="status">
            <label htmlFor="share-url" className="small">Copy it now: for your security only a fingerprint of it is kept.</label>
            <div className="row">
              <input id="share-url" type="text" readOnly value={fresh.url} data-testid="share-url" onFocus={(e) => e.currentTarget.select()} />
              <button type="button" className="btn small" onClick={() => void navigator.clipboard?.writeText(fresh.url).then(() => setCopied(true), () => setCopied(false))}>{copied ? "Copied" : "Copy"}</button>
            </div>
          </div>
        )}
        {error && <p className="alert error" role="alert">{error}</p>}
        {links === null ? (
          <p className="small muted">{pending ? "Loading links…" : ""}</p>
        ) : live.length === 0 ? (
          <p className="small muted">No live links. Create one to send this storyboard to a client or a crew.</p>
        ) : (
          <ul className="share-links" aria-label="Share links">
            {live.map((l) => (
              <li key={l.id} className="share-link" data-testid="share-link">
                <span className="small">Link #{l.id}{fresh?.id === l.id ? " (new)" : ""} · made {relativeTime(l.created_at)} · {l.last_opened_at ? `last opened ${relativeTime(l.last_opened_at)}` : "not opened yet"}</span>
                <span className="row">
                  <label className="check small">
                    <input type="checkbox" checked={l.allow_comments} disabled={pending}
                      onChange={(e) => {
                        const allow = e.target.checked;
                        start(async () => {
                          const r = await setShareCommentsAction(l.id, allow);
                          if (r.ok) replace(r.data);
                          else setError(r.error.message);
                        });
                      }} /> Comments
                  </label>
                  <ConfirmButton small label="Revoke" confirmLabel="Yes, revoke" busyLabel="Revoking…" question={`Revoke link #${l.id}? Anyone opening it will get a “not found” page.`}
                    onConfirm={async () => {
                      const r = await revokeShareLinkAction(l.id);
                      if (!r.ok) return r.error.message;
                      replace(r.data);
                      if (fresh?.id === l.id) setFresh(null);
                      return null;
                    }} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </details>
  );
}
