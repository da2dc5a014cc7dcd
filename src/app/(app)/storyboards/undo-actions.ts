"use server";
// Undo, redo and named versions from the editor, and the Undo of a deleted storyboard or project
// (docs/schema.md, "Undo and history"). Storyboard steps answer with the storyboard as it now is and
// its undo stack, so the editor shows both without reloading.
import { revalidatePath } from "next/cache";
import type { WriteCondition } from "../../../db/store/types";
import type { UndoState, VersionDetail, VersionSummary } from "../../../domain/types";
import { listChanges } from "../../../features/history/list-changes";
import { redoChange, undoChange } from "../../../features/history/undo-change";
import { createVersion, getVersion, listVersions, restoreVersion } from "../../../features/history/versions";
import { getStoryboard, type StoryboardView } from "../../../features/storyboards/get-storyboard";
import { idArg, runAction, type ActionResult } from "../../../server/action";

export interface HistoryStep {
  view: StoryboardView;
  changes: UndoState;
}

const condOf = (version: unknown): WriteCondition => (typeof version === "number" && Number.isSafeInteger(version) && version > 0 ? { ifVersion: version } : {});

async function stepped(userId: string, storyboardId: number): Promise<HistoryStep> {
  const view = await getStoryboard(userId, storyboardId);
  revalidatePath("/dashboard");
  revalidatePath(`/projects/${view.project_id}`);
  return { view, changes: await listChanges(userId, { storyboard_id: storyboardId }) };
}

/** What Undo and Redo would do next on this storyboard. */
export async function changesAction(storyboardId: number): Promise<ActionResult<UndoState>> {
  return runAction((userId) => listChanges(userId, { storyboard_id: idArg(storyboardId, "Storyboard") }));
}

/** Undo (or redo) the storyboard's next change, if it is still at the version the editor shows. */
export async function stepAction(storyboardId: number, direction: "undo" | "redo", version?: number): Promise<ActionResult<HistoryStep>> {
  return runAction(async (userId) => {
    const id = idArg(storyboardId, "Storyboard");
    const step = direction === "redo" ? redoChange : undoChange;
    await step(userId, { storyboard_id: id }, { cond: condOf(version) });
    return stepped(userId, id);
  });
}

/** The Undo of a deleted project or storyboard: only that change (`changeId`), on the project's stack. */
export async function undoDeleteAction(projectId: number, changeId: number): Promise<ActionResult<{ project_id: number }>> {
  return runAction(async (userId) => {
    const id = idArg(projectId, "Project");
    await undoChange(userId, { project_id: id }, { change_id: idArg(changeId, "Change") });
    revalidatePath("/dashboard");
    revalidatePath(`/projects/${id}`);
    return { project_id: id };
  });
}

export async function listVersionsAction(storyboardId: number): Promise<ActionResult<VersionSummary[]>> {
  return runAction((userId) => listVersions(userId, idArg(storyboardId, "Storyboard")));
}

/** "Save version": a named version of the storyboard as it is now; answers the list. */
export async function saveVersionAction(storyboardId: number, name: unknown): Promise<ActionResult<VersionSummary[]>> {
  return runAction(async (userId) => {
    const id = idArg(storyboardId, "Storyboard");
    await createVersion(userId, id, { name: name as string });
    return listVersions(userId, id);
  });
}

export async function versionAction(versionId: number): Promise<ActionResult<VersionDetail>> {
  return runAction((userId) => getVersion(userId, idArg(versionId, "Version")));
}

/** Restores a version (itself one undoable change) if the storyboard is still at `version`. */
export async function restoreVersionAction(storyboardId: number, versionId: number, version?: number): Promise<ActionResult<HistoryStep>> {
  return runAction(async (userId) => {
    const r = await restoreVersion(userId, idArg(versionId, "Version"), condOf(version));
    return stepped(userId, r.storyboard_id ?? idArg(storyboardId, "Storyboard"));
  });
}
