"use server";
// "Show older changes" of the project page's history panel.
import { getProjectHistory, type HistoryPage } from "../../../features/history/get-project-history";
import { idArg, runAction, type ActionResult } from "../../../server/action";

const HISTORY_PAGE_SIZE = 10;

export async function loadProjectHistoryAction(projectId: number, before: number): Promise<ActionResult<HistoryPage>> {
  return runAction(async (userId) => getProjectHistory(userId, idArg(projectId, "Project"), { before: idArg(before, "History page"), limit: HISTORY_PAGE_SIZE }));
}
