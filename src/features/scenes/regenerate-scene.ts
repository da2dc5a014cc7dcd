// "Regenerate this scene": new wording, visuals and camera from the engine with a fresh seed,
// keeping the scene's place, type and duration so the storyboard's timing stays as edited. The store
// takes a named version first, clears the rewritten fields' hand-edit marks and resets "Script
// written" only when the script changed; the editor asked before overwriting hand edits.
import { regenerateScene as engineScene } from "../../engine";
import type { Scene } from "../../domain/types";
import type { WriteCondition } from "../../db/store/types";
import { invalidateUser, services } from "../../server/services";
import { engineInputOf, nextSeed, sceneInputOf } from "../storyboards/engine-io";

export async function regenerateScene(userId: string, sceneId: number, cond?: WriteCondition): Promise<Scene> {
  const { store, cache } = await services();
  const scene = await store.getScene(userId, sceneId);
  const sb = await store.getStoryboard(userId, scene.storyboard_id);
  const seed = nextSeed(sb.generation_options.seed);
  const fresh = sceneInputOf(engineScene({ ...engineInputOf(sb, seed), seed }, scene.scene_number));
  const updated = await store.updateScene(userId, sceneId, {
    visual_description: fresh.visual_description,
    script: fresh.script ?? null,
    text_overlay: fresh.text_overlay ?? null,
    camera_angle: fresh.camera_angle ?? null,
    needs_input: fresh.needs_input ?? null,
  }, cond, { regenerate: true });
  await invalidateUser(cache, userId);
  return updated;
}
