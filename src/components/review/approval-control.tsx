"use client";
// The owner's approval control on the storyboard page: the current state and a button for each
// move APPROVAL_TRANSITIONS allows (send for review, approve, request changes, withdraw).
import { useState, useTransition } from "react";
import { setApprovalAction } from "../../app/(app)/storyboards/review-actions";
import { APPROVAL_TRANSITIONS, type ApprovalState } from "../../domain/constants";
import { ApprovalBadge } from "./approval-badge";

const MOVE_LABELS: Record<ApprovalState, string> = {
  draft: "Withdraw from review",
  in_review: "Send for review",
  approved: "Approve",
  changes_requested: "Request changes",
};

const HINTS: Record<ApprovalState, string> = {
  draft: "Send it for review when it is ready for someone else to look at.",
  in_review: "Share a link with comments on, then approve it or request changes.",
  approved: "Approved: ready to shoot.",
  changes_requested: "Work through the comments, then send it for review again.",
};

export function ApprovalControl({ storyboardId, state, onChange }: { storyboardId: number; state: ApprovalState; onChange: (state: ApprovalState) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <section className="approval-control review" aria-label="Approval" data-testid="approval-control">
      <div className="row">
        <span className="small muted">Approval</span> <ApprovalBadge state={state} />
      </div>
      <p className="small muted approval-hint">{HINTS[state]}</p>
      <div className="row">
        {APPROVAL_TRANSITIONS[state].map((next) => (
          <button key={next} type="button" className={`btn${next === "approved" || next === "in_review" ? " primary" : ""}`} disabled={pending}
            data-testid={`approval-${next}`}
            onClick={() =>
              start(async () => {
                setError(null);
                const r = await setApprovalAction(storyboardId, next);
                if (r.ok) onChange(r.data.approval_state);
                else setError(r.error.fields?.approval_state ?? r.error.message);
              })
            }>{MOVE_LABELS[next]}</button>
        ))}
      </div>
      {error && <p className="alert error" role="alert">{error}</p>}
    </section>
  );
}
