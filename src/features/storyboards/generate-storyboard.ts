// "New storyboard": stores it as 'generating' and queues the engine; the page polls until done.
import { z } from "zod";
import { briefFieldsSchema, parseInput, storyboardGenerateSchema, withinPlatform, onceLengthAndPlatformParse, type StoryboardGenerate } from "../../domain/schemas";
import type { Storyboard } from "../../domain/types";
import { DEFAULT_ASPECT_RATIO, type AspectRatio, type Platform } from "../../domain/constants";
import { briefFromFields, listPatterns, resolvePatternId } from "../../engine";
import { limitGeneration } from "../../server/rate-limit";
import { invalidateUser, services } from "../../server/services";
import { readableTitle, uniqueTitle } from "../../domain/titles";
import { enqueueGeneration } from "./run-generation";

/**
 * The domain schema plus a pattern the engine knows: an unknown id would otherwise only fail
 * later, in the background job. An empty pattern (the form's "Auto") lets the engine choose.
 */
export const knownPatternSchema = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
  storyboardGenerateSchema.shape.pattern.refine((p) => p === undefined || resolvePatternId(p) !== undefined, {
    error: () => `Pattern must be one of ${listPatterns().map((p) => p.id).join(", ")} (or left out to let the engine choose)`,
  }),
);
/** A length beyond the chosen platform's maximum is refused on `duration`, not cut by the engine. */
const generateInputSchema = storyboardGenerateSchema.extend({ pattern: knownPatternSchema }).superRefine(withinPlatform, onceLengthAndPlatformParse);

/** YouTube's player is 16:9; TikTok, Shorts and Reels (and a brief for no platform in particular) are vertical. */
export const defaultAspectRatio = (platform: Platform | undefined): AspectRatio => (platform === "youtube" ? "16:9" : DEFAULT_ASPECT_RATIO);


/** `app.autoPattern`: the pattern in `input` was picked by the app (a variation's default), not chosen by the creator. */
export async function generateStoryboard(userId: string, projectId: number, input: StoryboardGenerate, app: { autoPattern?: boolean } = {}): Promise<Storyboard> {
  // brief_fields alone stand in for the brief: written out as labelled lines, stored as the brief.
  const raw = input as Record<string, unknown>;
  const noText = raw && typeof raw === "object" && (typeof raw.brief !== "string" || raw.brief.trim() === "") && raw.brief_fields !== undefined;
  const data = parseInput(generateInputSchema, noText ? { ...raw, brief: briefFromFields(parseInput(briefFieldsSchema, raw.brief_fields)) || undefined } : input);
  const { store, cache } = await services();
  await store.getProject(userId, projectId); // 404 before spending the user's rate budget
  await limitGeneration(userId);
  const { title, brief, reference_urls, aspect_ratio, auto_title: _client, auto_pattern: _clientPattern, ...options } = data;
  // No title given: the brief's first line until the engine names it (run-generation.ts).
  const given = title?.trim();
  const sb = await store.createStoryboard(userId, {
    project_id: projectId,
    title: given || uniqueTitle(readableTitle(brief) || "Untitled storyboard", (await store.listStoryboards(userId, projectId)).map((s) => s.title)),
    brief,
    reference_urls,
    aspect_ratio: aspect_ratio ?? defaultAspectRatio(options.platform),
    status: "generating",
    generation_options: {
      ...options,
      ...(options.pattern && { pattern: resolvePatternId(options.pattern) }),
      ...(!given && { auto_title: true }),
      auto_pattern: app.autoPattern ?? !options.pattern,
    },
    scenes: [],
  });
  await invalidateUser(cache, userId);
  await enqueueGeneration(userId, sb.id);
  const { scenes: _scenes, total_tasks: _t, completed_tasks: _c, ...storyboard } = sb;
  return storyboard;
}
