// "New storyboard": stores it as 'generating' and queues the engine; the page polls until done.
import { z } from "zod";
import { briefFieldsSchema, parseInput, storyboardGenerateSchema, type StoryboardGenerate } from "../../domain/schemas";
import type { Storyboard } from "../../domain/types";
import { DEFAULT_ASPECT_RATIO, type AspectRatio, type Platform } from "../../domain/constants";
import { briefFromFields, listPatterns, resolvePatternId } from "../../engine";
import { limitGeneration } from "../../server/rate-limit";
import { invalidateUser, services } from "../../server/services";
import { enqueueGeneration } from "./run-generation";

/**
 * The domain schema plus a pattern the engine knows: an unknown id would otherwise only fail
 * later, in the background job. An empty pattern (the form's "Auto") lets the engine choose.
 */
const generateInputSchema = storyboardGenerateSchema.extend({
  pattern: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    storyboardGenerateSchema.shape.pattern.refine((p) => p === undefined || resolvePatternId(p) !== undefined, {
      error: () => `Pattern must be one of ${listPatterns().map((p) => p.id).join(", ")} (or left out to let the engine choose)`,
    }),
  ),
});

/** YouTube's player is 16:9; TikTok, Shorts and Reels (and a brief for no platform in particular) are vertical. */
const defaultAspectRatio = (platform: Platform | undefined): AspectRatio => (platform === "youtube" ? "16:9" : DEFAULT_ASPECT_RATIO);

/** The brief's first line, cut at a word boundary near 80 characters. */
function titleFromBrief(brief: string): string {
  const line = brief.split(/\r?\n/).find((l) => l.trim() !== "")?.trim() ?? "";
  if (line.length <= 80) return line || "Untitled storyboard";
  const cut = line.slice(0, 80);
  const space = cut.lastIndexOf(" ");
  return `${(space > 40 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, "")}…`;
}

export async function generateStoryboard(userId: string, projectId: number, input: StoryboardGenerate): Promise<Storyboard> {
  // brief_fields alone stand in for the brief: written out as labelled lines, stored as the brief.
  const raw = input as Record<string, unknown>;
  const noText = raw && typeof raw === "object" && (typeof raw.brief !== "string" || raw.brief.trim() === "") && raw.brief_fields !== undefined;
  const data = parseInput(generateInputSchema, noText ? { ...raw, brief: briefFromFields(parseInput(briefFieldsSchema, raw.brief_fields)) || undefined } : input);
  const { store, cache } = await services();
  await store.getProject(userId, projectId); // 404 before spending the user's rate budget
  await limitGeneration(userId);
  const { title, brief, reference_urls, aspect_ratio, ...options } = data;
  const sb = await store.createStoryboard(userId, {
    project_id: projectId,
    title: title || titleFromBrief(brief),
    brief,
    reference_urls,
    aspect_ratio: aspect_ratio ?? defaultAspectRatio(options.platform),
    status: "generating",
    generation_options: { ...options, ...(options.pattern && { pattern: resolvePatternId(options.pattern) }) },
    scenes: [],
  });
  await invalidateUser(cache, userId);
  await enqueueGeneration(userId, sb.id);
  const { scenes: _scenes, total_tasks: _t, completed_tasks: _c, ...storyboard } = sb;
  return storyboard;
}
