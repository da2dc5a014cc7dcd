"use server";
// The project page's Undo and Redo (its own stack: the project's edits, "Make main", new and deleted
// storyboards), and "Show older changes" of its history panel.
import { revalidatePath } from "next/cache";
import type { UndoState } from "../../../domain/types";
import { getProjectHistory, type HistoryPage } from "../../../features/history/get-project-history";
import { listChanges } from "../../../features/history/list-changes";
import { redoChange, undoChange } from "../../../features/history/undo-change";
import { idArg, runAction, type ActionResult } from "../../../server/action";

const HISTORY_PAGE_SIZE = 10;

export async function loadProjectHistoryAction(projectId: number, before: number): Promise<ActionResult<HistoryPage>> {
  return runAction(async (userId) => getProjectHistory(userId, idArg(projectId, "Project"), { before: idArg(before, "History page"), limit: HISTORY_PAGE_SIZE }));
}

/** What Undo and Redo would do next on the project's stack. */
export async function projectChangesAction(projectId: number): Promise<ActionResult<UndoState>> {
  return runAction((userId) => listChanges(userId, { project_id: idArg(projectId, "Project") }));
}

/** Undo (or redo) the project's next change; answers its stack as it now is (the page then refreshes). */
export async function projectStepAction(projectId: number, direction: "undo" | "redo"): Promise<ActionResult<{ changes: UndoState }>> {
  return runAction(async (userId) => {
    const id = idArg(projectId, "Project");
    await (direction === "redo" ? redoChange : undoChange)(userId, { project_id: id });
    revalidatePath("/dashboard");
    revalidatePath(`/projects/${id}`);
    return { changes: await listChanges(userId, { project_id: id }) };
  });
}
