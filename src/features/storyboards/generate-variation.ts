// "New variation": a new storyboard in the same project from the same brief that differs from
// the one it is made from. The creator may choose its pattern, platform, length and aspect
// ratio; left out, the pattern is another one that fits the brief, the rest as before. The hook
// and the camera plan always differ: the seed is picked so that the engine's hook line and its
// shot list are not the source's.
import { validationError } from "../../domain/errors";
import { parseInput, targetDurationError, variationOptionsSchema, withinPlatform, onceLengthAndPlatformParse } from "../../domain/schemas";
import type { Storyboard } from "../../domain/types";
import { variationPattern } from "../../engine";
import { services } from "../../server/services";
import { defaultAspectRatio, generateStoryboard, knownPatternSchema } from "./generate-storyboard";
import { differingSeed, engineInputOf, patternOf } from "./engine-io";

const variationInputSchema = variationOptionsSchema.extend({ pattern: knownPatternSchema }).superRefine(withinPlatform, onceLengthAndPlatformParse);

export async function generateVariation(userId: string, storyboardId: number, options: unknown = {}): Promise<Storyboard> {
  const opts = parseInput(variationInputSchema, options ?? {});
  const { store } = await services();
  const sb = await store.getStoryboard(userId, storyboardId);
  const siblings = await store.listStoryboards(userId, sb.project_id);
  const base = sb.title.replace(/ \(variation \d+\)$/, "");
  const was = sb.generation_options;
  const platform = opts.platform ?? was.platform;
  const duration = opts.duration ?? was.duration;
  // A length kept from the source (or chosen) must still fit a newly chosen platform: refused, not cut.
  const tooLong = targetDurationError(duration, platform);
  if (tooLong) throw validationError({ duration: opts.duration === undefined ? `${tooLong} (this storyboard's length is ${duration} s: choose a shorter one)` : tooLong });
  const pattern = opts.pattern ?? variationPattern({ brief: sb.brief, brief_fields: was.brief_fields ?? null }, patternOf(sb));
  // The same shape, unless the platform changes and none is chosen: then the new platform's.
  const aspect_ratio = opts.aspect_ratio ?? (platform === was.platform ? sb.aspect_ratio : defaultAspectRatio(platform));
  const generation_options = { ...was, platform, duration, pattern, auto_pattern: opts.pattern === undefined };
  const seed = differingSeed(engineInputOf({ brief: sb.brief, reference_urls: sb.reference_urls, generation_options }), sb);
  return generateStoryboard(userId, sb.project_id, {
    title: `${base} (variation ${siblings.length + 1})`.slice(0, 255),
    brief: sb.brief,
    reference_urls: sb.reference_urls,
    aspect_ratio,
    ...(duration !== undefined && { duration }),
    ...(platform !== undefined && { platform }),
    pattern,
    seed,
    ...(was.brief_fields !== undefined && { brief_fields: was.brief_fields }),
  }, { autoPattern: opts.pattern === undefined });
}
