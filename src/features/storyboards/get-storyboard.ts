import { createHash } from "node:crypto";
import type { Check } from "../../engine";
import { checkStoryboard } from "../../engine";
import type { StoryboardWithScenes } from "../../domain/types";
import { services } from "../../server/services";

export type StoryboardView = StoryboardWithScenes & { checks: Check[] };

// The checks re-read the brief and every scene: the costliest part of a storyboard read (39% of
// its CPU profile). They depend on nothing but their input, so a digest of it names the result.
const checksMemo = new Map<string, Check[]>();

function checksOf(sb: StoryboardWithScenes): Check[] {
  if (sb.status !== "completed" || sb.scenes.length === 0) return [];
  const input = {
    title: sb.title,
    platform: sb.generation_options.platform ?? "generic",
    total_duration: sb.total_duration,
    // The length asked for: the option, else what the brief says (runtime_material compares them).
    requested_duration: sb.generation_options.duration ?? null,
    brief: sb.brief,
    brief_fields: sb.generation_options.brief_fields ?? null,
    scenes: sb.scenes.map(({ scene_number, scene_type, duration, visual_description, script, text_overlay, camera_angle, beat, needs_input }) => ({
      scene_number,
      scene_type,
      duration,
      visual_description,
      script,
      text_overlay,
      camera_angle,
      beat,
      needs_input,
    })),
  };
  const key = createHash("sha1").update(JSON.stringify(input)).digest("base64");
  let checks = checksMemo.get(key);
  if (!checks) {
    checks = checkStoryboard(input);
    if (checksMemo.size >= 5_000) checksMemo.clear(); // bounded; a miss only costs a recheck
    checksMemo.set(key, checks);
  }
  return checks;
}

/** The storyboard page: scenes in order with their tasks, and the quality checks on them. */
export async function getStoryboard(userId: string, id: number): Promise<StoryboardView> {
  const sb = await (await services()).store.getStoryboard(userId, id);
  return { ...sb, checks: checksOf(sb) };
}
