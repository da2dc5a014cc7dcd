// The project page's history panel: who changed what and when, newest first, a page at a time,
// read from the audit log.
import { services } from "../../server/services";
import { describeChange, type HistoryEntry } from "./describe-change";

export interface HistoryPage {
  entries: HistoryEntry[];
  /** Pass back as `before` for the next, older page; null on the last page. */
  next_before: number | null;
}

export async function getProjectHistory(userId: string, projectId: number, page: { before?: number; limit?: number } = {}): Promise<HistoryPage> {
  const { store } = await services();
  const { changes, next_before, labels } = await store.listAuditChanges(userId, { project_id: projectId }, page);
  return { entries: changes.map((c) => describeChange(c, labels)), next_before };
}
