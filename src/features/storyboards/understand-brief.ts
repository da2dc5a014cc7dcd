// What the engine reads in a brief, shown before generating so the user can correct it.
import { z } from "zod";
import { briefFieldsSchema, generationOptionsSchema, parseInput } from "../../domain/schemas";
import { LIMITS } from "../../domain/constants";
import { understandBrief as readBrief, type BriefUnderstanding } from "../../engine";

const understandInputSchema = z.object({
  brief: z.string({ error: "Brief must be text" }).max(LIMITS.brief, { error: `Brief: at most ${LIMITS.brief} characters` }).default(""),
  brief_fields: briefFieldsSchema.optional(),
  // The length, platform and pattern the storyboard would be generated with: the answer's `length` says what the brief fills of it.
  duration: generationOptionsSchema.shape.duration,
  platform: generationOptionsSchema.shape.platform,
  pattern: generationOptionsSchema.shape.pattern,
});

export function understandBrief(input: unknown): BriefUnderstanding {
  const { brief, brief_fields, duration, platform, pattern } = parseInput(understandInputSchema, input ?? {});
  return readBrief(brief, brief_fields, { duration, platform, pattern });
}
