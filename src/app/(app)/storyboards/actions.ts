"use server";
// Mutations of the storyboard editor. Scene edits answer with the whole storyboard as the
// server now has it (numbers, timing, totals, progress, quality checks), so the editor shows
// exactly what was saved without reloading the page.
import { revalidatePath } from "next/cache";
import { isStaleVersion, validationError } from "../../../domain/errors";
import { briefEditFormSchema, checkInput, numberFromText, parseInput, sceneFormSchema, type ScenePatch } from "../../../domain/schemas";
import { listPatterns } from "../../../engine";
import { regenerateStoryboard } from "../../../features/storyboards/regenerate-storyboard";
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
import { setMainStoryboard } from "../../../features/storyboards/set-main-storyboard";
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
      // Typed text becomes a number; anything else is refused by the shared schema, with the other fields.
      out.duration = numberFromText(v) ?? "";
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
    // The form's own schema: every bad field at once, an empty duration refused (not defaulted).
    const scene = parseInput(sceneFormSchema, fields ?? {});
    await idempotentAction(userId, "insertScene", idempotencyKey, [id, position, fields], async () => {
      await insertScene(userId, id, position ?? undefined, scene, cond);
      return null;
    });
  });
}

/**
 * "Edit brief and regenerate": the form's strings read by its shared schema (every bad field at
 * once), then the storyboard regenerated from them at the version the editor showed.
 */
export async function regenerateFromBriefAction(storyboardId: number, form: Record<string, unknown>, version?: number): Promise<ActionResult<StoryboardView>> {
  return edit(storyboardId, version, async (userId, id, cond) => {
    const r = checkInput(briefEditFormSchema, form ?? {});
    const fields = r.ok ? {} : { ...r.fields };
    if (r.ok && r.data.pattern !== undefined && !listPatterns().some((p) => p.id === r.data.pattern)) fields.pattern = "Choose a pattern from the list";
    if (!r.ok || Object.keys(fields).length) throw validationError(fields);
    const { brief, reference_urls, duration, platform, pattern } = r.data;
    await regenerateStoryboard(userId, id, { brief, reference_urls, ...(duration !== undefined && { duration }), ...(platform !== undefined && { platform }), ...(pattern !== undefined && { pattern }) }, cond);
  }, "generate");
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

/**
 * The variation form's choices as the use-case takes them: blank is "the default" (left out); a
 * length that is not digits goes on as typed, so the schema names it with the other errors.
 */
function variationInput(form: unknown): Record<string, unknown> {
  const f = form && typeof form === "object" ? (form as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const k of ["pattern", "platform", "duration", "aspect_ratio"] as const) {
    const v = typeof f[k] === "string" ? (f[k] as string).trim() : f[k];
    if (v === undefined || v === null || v === "" || v === "auto") continue;
    out[k] = k === "duration" && typeof v === "string" && /^\d+$/.test(v) ? Number(v) : v;
  }
  return out;
}

/** `idempotencyKey`: made when the form rendered: a double click makes one variation. */
export async function generateVariationAction(storyboardId: number, form: unknown, idempotencyKey?: string): Promise<ActionResult<{ id: number }>> {
  return runAction((userId) =>
    idempotentAction(userId, "generateVariation", idempotencyKey, [storyboardId, form], async () => {
      const sb = await generateVariation(userId, idArg(storyboardId, "Storyboard"), variationInput(form));
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

/** "Make main": the project's progress and the dashboard count this storyboard's tasks from now on. */
export async function makeMainStoryboardAction(storyboardId: number): Promise<ActionResult<{ id: number; project_id: number }>> {
  return runAction(async (userId) => {
    const sb = await setMainStoryboard(userId, idArg(storyboardId, "Storyboard"));
    revalidatePath("/dashboard");
    revalidatePath(`/projects/${sb.project_id}`);
    revalidatePath(`/storyboards/${sb.id}`);
    return { id: sb.id, project_id: sb.project_id };
  });
}

/** A soft delete: `change_id` is what the Undo toast undoes (undo-actions.ts). */
export async function deleteStoryboardAction(storyboardId: number): Promise<ActionResult<{ project_id: number; change_id: number }>> {
  return runAction(async (userId) => {
    const id = idArg(storyboardId, "Storyboard");
    const { project_id, change_id } = await deleteStoryboard(userId, id);
    revalidatePath("/dashboard");
    revalidatePath(`/projects/${project_id}`);
    return { project_id, change_id };
  });
}
