"use server";
// Mutations of the storyboard editor. Scene edits answer with the whole storyboard as the
// server now has it (numbers, timing, totals, progress, quality checks), so the editor shows
// exactly what was saved without reloading the page.
import { revalidatePath } from "next/cache";
import { validationError } from "../../../domain/errors";
import type { ScenePatch } from "../../../domain/schemas";
import type { TaskUpdate } from "../../../db/store/types";
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

export async function renameStoryboardAction(storyboardId: number, title: unknown): Promise<ActionResult<StoryboardView>> {
  return runAction(async (userId) => {
    const id = idArg(storyboardId, "Storyboard");
    await updateStoryboard(userId, id, { title: title as string });
    return afterChange(userId, id);
  });
}

export async function updateSceneAction(storyboardId: number, sceneId: number, patch: Record<string, unknown>): Promise<ActionResult<StoryboardView>> {
  return runAction(async (userId) => {
    const id = idArg(storyboardId, "Storyboard");
    await updateScene(userId, idArg(sceneId, "Scene"), scenePatch(patch ?? {}));
    return afterChange(userId, id);
  });
}

export async function insertSceneAction(storyboardId: number, position: number | null, fields: Record<string, unknown>): Promise<ActionResult<StoryboardView>> {
  return runAction(async (userId) => {
    const id = idArg(storyboardId, "Storyboard");
    if (position !== null && (typeof position !== "number" || !Number.isSafeInteger(position) || position < 1)) {
      throw validationError({ position: "Position must be a scene number" });
    }
    const patch = scenePatch(fields ?? {});
    await insertScene(userId, id, position ?? undefined, {
      ...patch,
      visual_description: patch.visual_description ?? "",
    });
    return afterChange(userId, id);
  });
}

export async function deleteSceneAction(storyboardId: number, sceneId: number): Promise<ActionResult<StoryboardView>> {
  return runAction(async (userId) => {
    const id = idArg(storyboardId, "Storyboard");
    await deleteScene(userId, idArg(sceneId, "Scene"));
    return afterChange(userId, id);
  });
}

export async function moveSceneAction(storyboardId: number, sceneId: number, position: number): Promise<ActionResult<StoryboardView>> {
  return runAction(async (userId) => {
    const id = idArg(storyboardId, "Storyboard");
    if (typeof position !== "number" || !Number.isSafeInteger(position) || position < 1) throw validationError({ position: "Position must be a scene number" });
    await moveScene(userId, idArg(sceneId, "Scene"), position);
    return afterChange(userId, id);
  });
}

export async function regenerateSceneAction(storyboardId: number, sceneId: number): Promise<ActionResult<StoryboardView>> {
  return runAction(async (userId) => {
    const id = idArg(storyboardId, "Storyboard");
    await regenerateScene(userId, idArg(sceneId, "Scene"));
    return afterChange(userId, id);
  }, "engine");
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

export async function generateVariationAction(storyboardId: number): Promise<ActionResult<{ id: number }>> {
  return runAction(async (userId) => {
    const sb = await generateVariation(userId, idArg(storyboardId, "Storyboard"));
    revalidatePath("/dashboard");
    revalidatePath(`/projects/${sb.project_id}`);
    return { id: sb.id };
  }, "generate");
}

export async function duplicateStoryboardAction(storyboardId: number): Promise<ActionResult<{ id: number }>> {
  return runAction(async (userId) => {
    const sb = await duplicateStoryboard(userId, idArg(storyboardId, "Storyboard"));
    revalidatePath("/dashboard");
    revalidatePath(`/projects/${sb.project_id}`);
    return { id: sb.id };
  }, "heavy");
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
