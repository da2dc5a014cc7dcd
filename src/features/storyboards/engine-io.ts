// Between the store's storyboards and the engine: what to ask it, and its scenes as store input.
import { LIMITS } from "../../domain/constants";
import type { SceneInput } from "../../domain/schemas";
import type { Storyboard } from "../../domain/types";
import type { EngineInput, EngineScene } from "../../engine";

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
