// A storyboard's approval state as a badge (dashboard, project page, editor, share page).
import type { ApprovalState } from "../../domain/constants";
import "./review.css";

export const APPROVAL_LABELS: Record<ApprovalState, string> = {
  // Not "Draft": beside the storyboard's status (Generating, Ready, Failed) it read as one more status.
  draft: "Not sent for review",
  in_review: "In review",
  approved: "Approved",
  changes_requested: "Changes requested",
};

export function ApprovalBadge({ state, testId = "approval-badge" }: { state: ApprovalState; testId?: string }) {
  return (
    <span className={`badge approval approval-${state}`} data-testid={testId} data-state={state} title="Approval">
      {APPROVAL_LABELS[state]}
    </span>
  );
}
