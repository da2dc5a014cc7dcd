import type { StoryboardWithScenes } from "../../domain/types";
import { invalidateUser, services } from "../../server/services";

/** Copies a storyboard and its scenes (tasks start unticked) into the same project. */
export async function duplicateStoryboard(userId: string, storyboardId: number): Promise<StoryboardWithScenes> {
  const { store, cache } = await services();
  const sb = await store.getStoryboard(userId, storyboardId);
  const title = `${sb.title} (copy)`.slice(0, 255);
  const copy = await store.createStoryboard(userId, {
    project_id: sb.project_id,
    title,
    brief: sb.brief,
    reference_urls: sb.reference_urls,
    pattern_source: sb.pattern_source,
    status: sb.status === "generating" ? "error" : sb.status,
    error_message: sb.status === "completed" ? null : "Copied before generation finished; retry to generate it",
    generation_options: sb.generation_options,
    aspect_ratio: sb.aspect_ratio,
    scenes: sb.scenes.map(({ duration, scene_type, visual_description, script, text_overlay, camera_angle, beat, needs_input }) => ({
      duration,
      scene_type,
      visual_description,
      script,
      text_overlay,
      camera_angle,
      beat,
      needs_input,
    })),
  }, { change_label: `Duplicate “${title}”` });
  await invalidateUser(cache, userId);
  return copy;
}
