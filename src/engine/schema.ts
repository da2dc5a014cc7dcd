// Validation of the engine's input options. Anything inside the brief or the URL list is
// handled leniently (with warnings); an option out of range or of the wrong type is an
// error that names it.
import { z } from "zod";
import { PLATFORMS, type Platform } from "../domain/constants";
import { MAX_DURATION, MIN_DURATION } from "./infer";
import type { BriefFields } from "./brief/fields";
import { resolvePatternId } from "./patterns";

export class EngineValidationError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = "EngineValidationError";
    this.field = field;
  }
}

/** Zod schema of the engine's input (brief, reference URLs and options). */
export const engineInputSchema = z.object({
  brief: z.string(),
  reference_urls: z.array(z.unknown()).nullish(),
  duration: z.number().int().min(MIN_DURATION).max(MAX_DURATION).nullish(),
  platform: z.enum(PLATFORMS).nullish(),
  pattern: z
    .string()
    .refine((p) => resolvePatternId(p) !== undefined, { message: "unknown pattern id" })
    .nullish(),
  seed: z.number().int().min(-2147483648).max(4294967295).nullish(),
  brief_fields: z
    .object({
      product: z.string().max(200).optional(),
      product_what: z.string().max(300).optional(),
      topic: z.string().max(300).optional(),
      cta: z.string().max(300).optional(),
      final_overlay: z.string().max(200).optional(),
      ...Object.fromEntries(
        ["audience", "pains", "benefits", "features", "proof", "items", "offer", "must_say", "avoid", "tone"].map((k) => [k, z.array(z.string().max(500)).max(20).optional()]),
      ),
    })
    .nullish(),
});

export type EngineInputParsed = z.infer<typeof engineInputSchema>;

export interface ResolvedOptions {
  brief: string;
  referenceUrls: unknown[];
  duration?: number;
  platform?: Platform;
  pattern?: string;
  seed: number;
  briefFields?: BriefFields;
}

const FIELD_MESSAGES: Record<string, string> = {
  brief: "must be a string",
  reference_urls: "must be an array of strings (0 to 10)",
  duration: `must be a whole number of seconds from ${MIN_DURATION} to ${MAX_DURATION}`,
  platform: `must be one of ${PLATFORMS.join(", ")}`,
  pattern: "must be a known pattern id (see listPatterns())",
  seed: "must be an integer",
  brief_fields: "must be an object of brief fields (strings and lists of strings)",
};

/** Validates the options; throws EngineValidationError naming the first bad field. */
export function resolveInput(input: unknown): ResolvedOptions {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    throw new EngineValidationError("input", "must be an object with a brief");
  }
  const raw = { ...(input as Record<string, unknown>) };
  if (raw.brief === undefined || raw.brief === null) raw.brief = "";
  if (typeof raw.reference_urls === "string") raw.reference_urls = [raw.reference_urls];
  const parsed = engineInputSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? "input");
    throw new EngineValidationError(field, `${FIELD_MESSAGES[field] ?? issue?.message ?? "is invalid"} (got ${describe(raw[field])})`);
  }
  const v = parsed.data;
  return {
    brief: v.brief,
    referenceUrls: v.reference_urls ?? [],
    duration: v.duration ?? undefined,
    platform: v.platform ?? undefined,
    pattern: v.pattern ? resolvePatternId(v.pattern) : undefined,
    seed: v.seed ?? 0,
    briefFields: (v.brief_fields ?? undefined) as BriefFields | undefined,
  };
}

function describe(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === "number" || typeof v === "boolean" || v === null || v === undefined) return String(v);
  return Array.isArray(v) ? "an array" : typeof v;
}
