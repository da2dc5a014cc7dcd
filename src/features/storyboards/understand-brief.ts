// What the engine reads in a brief, shown before generating so the user can correct it.
import { z } from "zod";
import { briefFieldsSchema, parseInput } from "../../domain/schemas";
import { LIMITS } from "../../domain/constants";
import { understandBrief as readBrief, type BriefUnderstanding } from "../../engine";

const understandInputSchema = z.object({
  brief: z.string({ error: "Brief must be text" }).max(LIMITS.brief, { error: `Brief: at most ${LIMITS.brief} characters` }).default(""),
  brief_fields: briefFieldsSchema.optional(),
});

export function understandBrief(input: unknown): BriefUnderstanding {
  const { brief, brief_fields } = parseInput(understandInputSchema, input ?? {});
  return readBrief(brief, brief_fields);
}
