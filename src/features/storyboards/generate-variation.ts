import type { Storyboard } from "../../domain/types";
import { generateStoryboard } from "./generate-storyboard";
import { nextSeed } from "./engine-io";
import { services } from "../../server/services";

/** A new storyboard in the same project from the same brief and options, with another seed. */
export async function generateVariation(userId: string, storyboardId: number): Promise<Storyboard> {
  const { store } = await services();
  const sb = await store.getStoryboard(userId, storyboardId);
  const siblings = await store.listStoryboards(userId, sb.project_id);
  const base = sb.title.replace(/ \(variation \d+\)$/, "");
  const { platform, duration, pattern } = sb.generation_options;
  return generateStoryboard(userId, sb.project_id, {
    title: `${base} (variation ${siblings.length + 1})`.slice(0, 255),
    brief: sb.brief,
    reference_urls: sb.reference_urls,
    aspect_ratio: sb.aspect_ratio,
    ...(duration !== undefined && { duration }),
    ...(platform !== undefined && { platform }),
    ...(pattern !== undefined && { pattern }),
    seed: nextSeed(sb.generation_options.seed),
  });
}
