"use server";
// Mutations of the storyboard editor. Scene edits answer with the whole storyboard as the
// server now has it (numbers, timing, totals, progress, quality checks), so the editor shows
// exactly what was saved without reloading the page.
import { revalidatePath } from "next/cache";
import { isStaleVersion, validationError } from "../../../domain/errors";
import type { ScenePatch } from "../../../domain/schemas";
import type { TaskUpdate, WriteCondition } from "../../../db/store/types";
import { setTaskCompleted } from "../../../features/progress/set-task-completed";
import { deleteScene } from "../../../features/scenes/delete-scene";
import { insertScene } from "../../../features/scenes/insert-scene";
import { moveScene } from "../../../features/scenes/move-scene";
import { regenerateScene } from "../../../features/scenes/regenerate-scene";
import { updateScene } from "../../../features/scenes/update-scene";
import { deleteStoryboard } from "../../../features/storyboards/delete-storyboard";
import { duplicateStoryboard } from "../../../features/storyboards/duplicate-storyboard";
import { generateVariation } from "../../../features/storyboards/generate-variation";
import { getStoryboard, type StoryboardView } from "../../../features/storyboards/get-storyboard";
import { retryGeneration } from "../../../features/storyboards/retry-generation";
import { updateStoryboard } from "../../../features/storyboards/update-storyboard";
import { idArg, runAction, type ActionResult } from "../../../server/action";
import type { LimitGroup } from "../../../server/rate-limit";
import { idempotentAction } from "../../../server/idempotency";

/** Pages that show this storyboard's totals and progress, refreshed on their next visit. */
function touched(view: StoryboardView) {
  revalidatePath("/dashboard");
  revalidatePath(`/projects/${view.project_id}`);
}

async function afterChange(userId: string, storyboardId: number): Promise<StoryboardView> {
  const view = await getStoryboard(userId, storyboardId);
  touched(view);
  return view;
}

/** The version the editor rendered: the change is made only if the storyboard is still at it. */
const condOf = (version: unknown): WriteCondition => (typeof version === "number" && Number.isSafeInteger(version) && version > 0 ? { ifVersion: version } : {});

/** What the editor says when its version was stale; the field keeps what the user typed. */
const STALE_MESSAGE = "Not saved: this storyboard was changed elsewhere (another tab or device) since you opened it. The latest version is shown now; make your change again.";

/**
 * One edit of the storyboard page, made only if the storyboard is still at the version the page
 * rendered (`version`; none: the last writer wins). Answers with the storyboard as saved or, when
 * it changed in the meantime, with a 409 carrying the storyboard as it now is.
 */
async function edit(storyboardId: number, version: unknown, change: (userId: string, id: number, cond: WriteCondition) => Promise<unknown>, limit?: LimitGroup): Promise<ActionResult<StoryboardView>> {
  let stale = false;
  const r = await runAction(async (userId) => {
    const id = idArg(storyboardId, "Storyboard");
    try {
      await change(userId, id, condOf(version));
    } catch (e) {
      stale = isStaleVersion(e);
      throw e;
    }
    return afterChange(userId, id);
  }, limit);
  if (r.ok || !stale) return r;
  const current = await runAction((userId) => afterChange(userId, idArg(storyboardId, "Storyboard")));
  return current.ok ? { ok: false, error: { ...r.error, message: STALE_MESSAGE, current: current.data } } : r;
}

const SCENE_FIELDS = ["duration", "scene_type", "visual_description", "script", "text_overlay", "camera_angle"] as const;

/** Keeps the known fields; an emptied optional text becomes null (cleared), not "". */
function scenePatch(patch: Record<string, unknown>): ScenePatch {
  const out: Record<string, unknown> = {};
  for (const k of SCENE_FIELDS) {
    if (!(k in patch)) continue;
    const v = patch[k];
    if (k === "duration") {
      const s = typeof v === "number" ? String(v) : typeof v === "string" ? v.trim() : "";
      if (!/^\d+$/.test(s)) throw validationError({ duration: "Duration must be a whole number of seconds" });
      out.duration = Number(s);
    } else if ((k === "script" || k === "text_overlay" || k === "camera_angle") && typeof v === "string" && v.trim() === "") {
      out[k] = null;
    } else {
      out[k] = v;
    }
  }
  return out as ScenePatch;
}

export async function renameStoryboardAction(storyboardId: number, title: unknown, version?: number): Promise<ActionResult<StoryboardView>> {
  return edit(storyboardId, version, (userId, id, cond) => updateStoryboard(userId, id, { title: title as string }, cond));
}

export async function updateSceneAction(storyboardId: number, sceneId: number, patch: Record<string, unknown>, version?: number): Promise<ActionResult<StoryboardView>> {
  return edit(storyboardId, version, (userId, _id, cond) => updateScene(userId, idArg(sceneId, "Scene"), scenePatch(patch ?? {}), cond));
}

/** `idempotencyKey`: the add-scene form's key: a double submit adds one scene. */
export async function insertSceneAction(storyboardId: number, position: number | null, fields: Record<string, unknown>, version?: number, idempotencyKey?: string): Promise<ActionResult<StoryboardView>> {
  return edit(storyboardId, version, async (userId, id, cond) => {
    if (position !== null && (typeof position !== "number" || !Number.isSafeInteger(position) || position < 1)) {
      throw validationError({ position: "Position must be a scene number" });
    }
    const patch = scenePatch(fields ?? {});
    await idempotentAction(userId, "insertScene", idempotencyKey, [id, position, fields], async () => {
      await insertScene(userId, id, position ?? undefined, { ...patch, visual_description: patch.visual_description ?? "" }, cond);
      return null;
    });
  });
}

export async function deleteSceneAction(storyboardId: number, sceneId: number, version?: number): Promise<ActionResult<StoryboardView>> {
  return edit(storyboardId, version, (userId, _id, cond) => deleteScene(userId, idArg(sceneId, "Scene"), cond));
}

export async function moveSceneAction(storyboardId: number, sceneId: number, position: number, version?: number): Promise<ActionResult<StoryboardView>> {
  return edit(storyboardId, version, async (userId, _id, cond) => {
    if (typeof position !== "number" || !Number.isSafeInteger(position) || position < 1) throw validationError({ position: "Position must be a scene number" });
    await moveScene(userId, idArg(sceneId, "Scene"), position, cond);
  });
}

export async function regenerateSceneAction(storyboardId: number, sceneId: number, version?: number): Promise<ActionResult<StoryboardView>> {
  return edit(storyboardId, version, (userId, _id, cond) => regenerateScene(userId, idArg(sceneId, "Scene"), cond), "engine");
}

export async function setTaskAction(taskId: number, completed: boolean): Promise<ActionResult<TaskUpdate>> {
  return runAction(async (userId) => {
    const update = await setTaskCompleted(userId, idArg(taskId, "Task"), completed === true);
    revalidatePath("/dashboard");
    revalidatePath(`/projects/${update.project_id}`);
    return update;
  });
}

export async function retryGenerationAction(storyboardId: number): Promise<ActionResult<null>> {
  return runAction(async (userId) => {
    const sb = await retryGeneration(userId, idArg(storyboardId, "Storyboard"));
    revalidatePath(`/storyboards/${sb.id}`);
    revalidatePath(`/projects/${sb.project_id}`);
    return null;
  }, "generate");
}

/** `idempotencyKey`: made when the page rendered: a double click makes one variation. */
export async function generateVariationAction(storyboardId: number, idempotencyKey?: string): Promise<ActionResult<{ id: number }>> {
  return runAction((userId) =>
    idempotentAction(userId, "generateVariation", idempotencyKey, storyboardId, async () => {
      const sb = await generateVariation(userId, idArg(storyboardId, "Storyboard"));
      revalidatePath("/dashboard");
      revalidatePath(`/projects/${sb.project_id}`);
      return { id: sb.id };
    }),
  "generate");
}

/** `idempotencyKey`: made when the page rendered: a double click makes one copy. */
export async function duplicateStoryboardAction(storyboardId: number, idempotencyKey?: string): Promise<ActionResult<{ id: number }>> {
  return runAction((userId) =>
    idempotentAction(userId, "duplicateStoryboard", idempotencyKey, storyboardId, async () => {
      const sb = await duplicateStoryboard(userId, idArg(storyboardId, "Storyboard"));
      revalidatePath("/dashboard");
      revalidatePath(`/projects/${sb.project_id}`);
      return { id: sb.id };
    }),
  "heavy");
}

export async function deleteStoryboardAction(storyboardId: number): Promise<ActionResult<{ project_id: number }>> {
  return runAction(async (userId) => {
    const id = idArg(storyboardId, "Storyboard");
    const { project_id } = await deleteStoryboard(userId, id);
    revalidatePath("/dashboard");
    revalidatePath(`/projects/${project_id}`);
    return { project_id };
  });
}
