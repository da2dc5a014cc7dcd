// Public types of the storyboard engine. Field names match the design's columns.
import type { Platform, SceneType } from "../domain/constants";
import type { BriefFields } from "./brief/fields";

export type { Platform, SceneType };

/** Options and content accepted by the engine (validated by `engineInputSchema`). */
export interface EngineInput {
  /** Free text in any language, up to 10,000 characters (longer briefs are truncated with a warning). */
  brief: string;
  /** 0 to 10 reference video URLs; duplicates and malformed entries are ignored with a warning. */
  reference_urls?: readonly unknown[] | null;
  /** Whole seconds, 5 to 180. Inferred from the brief when absent, else 30. */
  duration?: number | null;
  platform?: Platform | null;
  /** Force a pattern by id (see `listPatterns()`). */
  pattern?: string | null;
  /** Integer seed for variations; the same input and seed give byte-identical output. */
  seed?: number | null;
  /** Corrections to what the engine read in the brief (or the brief itself, when `brief` is empty). */
  brief_fields?: BriefFields | null;
}

export interface EngineScene {
  scene_number: number;
  scene_type: SceneType;
  /** Whole seconds. */
  duration: number;
  visual_description: string;
  script: string;
  text_overlay: string;
  camera_angle: string;
  /** The pattern beat this scene belongs to (e.g. "hook", "problem", "item 3"). */
  beat: string;
  /** Set when the brief lacked what this scene needs: a precise to-do for the creator ("Mistake 2: name it here"). */
  needs_input?: string;
}

export type CheckSeverity = "error" | "warning" | "info";

export interface Check {
  id: string;
  ok: boolean;
  severity: CheckSeverity;
  message: string;
  scene_number?: number;
}

export interface EngineOutput {
  title: string;
  platform: Platform;
  /** ISO 639-1 code of the brief's language. */
  language: string;
  /** The pattern's id. */
  pattern: string;
  /** What the pattern was chosen from (for the `storyboards.pattern_source` column). */
  pattern_source: string;
  /** The running time: what the brief's material fills (with at most a few seconds of cutaways), never more than requested. */
  total_duration: number;
  /** The length asked for (option, brief or 30 s), within the platform's maximum; above total_duration when the brief is thin. */
  requested_duration: number;
  total_scenes: number;
  scenes: EngineScene[];
  warnings: string[];
  checks: Check[];
}

/** A scene as the checker accepts it: anything from the engine, an LLM or a user edit. */
export interface SceneLike {
  scene_number?: number | null;
  scene_type?: string | null;
  duration?: number | null;
  visual_description?: string | null;
  script?: string | null;
  text_overlay?: string | null;
  camera_angle?: string | null;
  beat?: string | null;
  needs_input?: string | null;
}

export interface StoryboardLike {
  title?: string | null;
  platform?: string | null;
  total_duration?: number | null;
  /** The length asked for; when absent, the checks read it from the brief (as the engine does). */
  requested_duration?: number | null;
  scenes: readonly SceneLike[];
  brief?: string | null;
  brief_fields?: BriefFields | null;
  language?: string | null;
}
