import type { Check } from "../../engine";
import { checkStoryboard } from "../../engine";
import type { StoryboardWithScenes } from "../../domain/types";
import { services } from "../../server/services";

export type StoryboardView = StoryboardWithScenes & { checks: Check[] };

/** The storyboard page: scenes in order with their tasks, and the quality checks on them. */
export async function getStoryboard(userId: string, id: number): Promise<StoryboardView> {
  const sb = await (await services()).store.getStoryboard(userId, id);
  const checks =
    sb.status === "completed" && sb.scenes.length > 0
      ? checkStoryboard({ platform: sb.generation_options.platform ?? "generic", total_duration: sb.total_duration, scenes: sb.scenes, brief: sb.brief })
      : [];
  return { ...sb, checks };
}
