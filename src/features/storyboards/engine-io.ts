// Between the store's storyboards and the engine: what to ask it, and its scenes as store input.
import { LIMITS } from "../../domain/constants";
import type { SceneInput } from "../../domain/schemas";
import type { Storyboard, StoryboardWithScenes } from "../../domain/types";
import { generateStoryboard as runPatternEngine, resolvePatternId, type EngineInput, type EngineScene } from "../../engine";

export const engineInputOf = (sb: Pick<Storyboard, "brief" | "reference_urls" | "generation_options">, seed?: number): EngineInput => ({
  brief: sb.brief,
  reference_urls: sb.reference_urls,
  duration: sb.generation_options.duration ?? null,
  platform: sb.generation_options.platform ?? null,
  pattern: sb.generation_options.pattern ?? null,
  seed: seed ?? sb.generation_options.seed ?? 0,
  brief_fields: sb.generation_options.brief_fields ?? null,
});

const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

export const sceneInputOf = (s: EngineScene): SceneInput => ({
  duration: s.duration,
  scene_type: s.scene_type,
  visual_description: s.visual_description || s.beat,
  script: s.script || null,
  text_overlay: s.text_overlay ? clip(s.text_overlay, LIMITS.textOverlay) : null,
  camera_angle: s.camera_angle ? clip(s.camera_angle, LIMITS.cameraAngle) : null,
  beat: s.beat ? clip(s.beat, LIMITS.sceneBeat) : null,
  needs_input: s.needs_input ? clip(s.needs_input, LIMITS.needsInput) : null,
});

/** A fresh seed for a new variation: any 31-bit integer other than the current one. */
export const nextSeed = (current: number | undefined) => {
  const seed = Math.floor(Math.random() * 2 ** 31);
  return seed === current ? (seed + 1) % 2 ** 31 : seed;
};

/**
 * The pattern a storyboard was written with: the engine's id at the head of pattern_source
 * ("listicle (brief: …)"), else the one asked for; null when neither names a known pattern.
 */
export const patternOf = (sb: Pick<Storyboard, "pattern_source" | "generation_options">): string | null =>
  resolvePatternId(sb.pattern_source?.split(" ")[0] ?? "") ?? (sb.generation_options.pattern ? (resolvePatternId(sb.generation_options.pattern) ?? null) : null);

/** Seeds tried for one whose hook and camera plan both differ from the source's (each try is one engine run, a few ms). */
const SEED_TRIES = 12;

const norm = (s: string | null | undefined) => (s ?? "").trim().toLowerCase();

/**
 * A seed for a variation of `from` whose storyboard has another hook line and another shot list
 * (the pattern engine is deterministic for an input and seed); the last one tried if none does.
 */
export function differingSeed(input: EngineInput, from: Pick<StoryboardWithScenes, "scenes" | "generation_options">): number {
  const hook = norm(from.scenes.find((s) => s.scene_type === "hook")?.script);
  const shots = from.scenes.map((s) => norm(s.camera_angle)).join("|");
  let seed = nextSeed(from.generation_options.seed);
  for (let i = 0; i < SEED_TRIES; i++) {
    const out = runPatternEngine({ ...input, seed });
    const newHook = norm(out.scenes.find((s) => s.scene_type === "hook")?.script);
    if (newHook !== hook && out.scenes.map((s) => norm(s.camera_angle)).join("|") !== shots) return seed;
    seed = nextSeed(seed);
  }
  return seed;
}
