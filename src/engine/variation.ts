// What a variation changes by default: another structure that still fits the brief. The
// automatic choice and its alternatives come first (choosePattern), then the structures that
// suit the same kind of brief, then the fallback, which fits any brief.
import { LIMITS } from "../domain/constants";
import { analyzeBrief } from "./brief";
import { briefFromFields } from "./brief/fields";
import { choosePattern, PATTERNS, resolvePatternId } from "./patterns";
import type { EngineInput } from "./types";

/** Structures that tell the same kind of brief another way (a pain, a list, a story, an offer). */
const RELATED: Record<string, readonly string[]> = {
  "hook-value-cta": ["problem-agitate-solve", "aida", "listicle"],
  "problem-agitate-solve": ["before-after", "direct-response", "hook-value-cta"],
  aida: ["direct-response", "problem-agitate-solve", "hook-value-cta"],
  "direct-response": ["aida", "problem-agitate-solve", "testimonial"],
  testimonial: ["before-after", "storytime", "day-in-the-life"],
  "before-after": ["problem-agitate-solve", "testimonial", "hook-value-cta"],
  listicle: ["tutorial", "myth-fact", "hook-value-cta"],
  tutorial: ["listicle", "hook-value-cta", "before-after"],
  "myth-fact": ["listicle", "hook-value-cta", "problem-agitate-solve"],
  storytime: ["day-in-the-life", "testimonial", "hook-value-cta"],
  "day-in-the-life": ["storytime", "tutorial", "hook-value-cta"],
  comparison: ["before-after", "listicle", "hook-value-cta"],
};

/** The patterns that fit the input's brief, best first (every id is one of `PATTERNS`). */
export function fittingPatterns(input: Pick<EngineInput, "brief" | "brief_fields">): string[] {
  const brief = input.brief.trim() || !input.brief_fields ? input.brief : briefFromFields(input.brief_fields);
  const a = analyzeBrief(brief.slice(0, LIMITS.brief));
  const choice = choosePattern(a, a.signalText);
  const ids = [choice.id, ...choice.alternatives, ...(RELATED[choice.id] ?? []), "hook-value-cta"];
  return [...new Set(ids)].filter((id) => PATTERNS.some((p) => p.id === id));
}

/**
 * The pattern of a new variation of a storyboard written with `current`: the first pattern that
 * fits the brief and is not `current` (an unknown or missing current one: the best fit after the
 * automatic choice, so the variation still differs from what the engine would pick again).
 */
export function variationPattern(input: Pick<EngineInput, "brief" | "brief_fields">, current: string | null | undefined): string {
  const fits = fittingPatterns(input);
  const now = current ? resolvePatternId(current) : undefined;
  return fits.find((id) => id !== (now ?? fits[0])) ?? PATTERNS.find((p) => p.id !== now)!.id;
}
