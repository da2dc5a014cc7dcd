// Undo and history in words (docs/schema.md, "Undo and history"): what the undo stack, the
// regenerate confirm and the versions diff say. Pure functions, used by the store, the API and the UI.
import type { SceneTask } from "./types";

/** Scene fields a creator edits, in the words the editor uses. */
export const SCENE_FIELD_LABELS = {
  duration: "duration",
  scene_type: "type",
  visual_description: "visual",
  script: "voice-over",
  text_overlay: "overlay",
  camera_angle: "camera",
} as const;
export type EditableSceneField = keyof typeof SCENE_FIELD_LABELS;
export const EDITABLE_SCENE_FIELDS = Object.keys(SCENE_FIELD_LABELS) as EditableSceneField[];

/** What "Regenerate scene" writes anew (it keeps the scene's place, type and duration). */
export const REGENERATED_SCENE_FIELDS: EditableSceneField[] = ["visual_description", "script", "text_overlay", "camera_angle"];

export const TASK_NAMES: Record<SceneTask["task_type"], string> = {
  script_written: "Script written",
  scene_filmed: "Scene filmed",
  audio_recorded: "Audio recorded",
  edited: "Edited",
};

/** scenes.edited_fields (comma-separated) as a list of known fields. */
export function parseEditedFields(v: unknown): EditableSceneField[] {
  if (typeof v !== "string" || v === "") return [];
  return v.split(",").filter((f): f is EditableSceneField => f in SCENE_FIELD_LABELS);
}

export const fieldWords = (fields: readonly string[]) => fields.map((f) => SCENE_FIELD_LABELS[f as EditableSceneField] ?? f).join(", ");

/**
 * The hand edits a regenerate would overwrite, one entry per scene: "Scene 5: voice-over, overlay".
 * `fields`: what the regenerate rewrites (a scene regenerate keeps duration and type).
 */
export function handEdits(scenes: { scene_number: number; edited_fields: readonly string[] }[], fields: readonly string[] = EDITABLE_SCENE_FIELDS): string[] {
  return [...scenes]
    .sort((a, b) => a.scene_number - b.scene_number)
    .map((s) => ({ n: s.scene_number, f: s.edited_fields.filter((x) => fields.includes(x)) }))
    .filter((s) => s.f.length > 0)
    .map((s) => `Scene ${s.n}: ${fieldWords(s.f)}`);
}

/** A scene as a named version holds it. */
export interface VersionScene {
  id: number;
  scene_number: number;
  duration: number;
  scene_type: string;
  visual_description: string;
  script: string | null;
  text_overlay: string | null;
  camera_angle: string | null;
  tasks_done: string[];
}

export interface SceneDiff {
  /** added: in the current storyboard only; removed: in the version only. */
  kind: "added" | "removed" | "changed";
  /** The scene's number now (added, changed) or in the version (removed). */
  scene_number: number;
  /** The version's number of a scene that moved. */
  was_number?: number;
  /** For changed scenes: each field with the version's value and the current one. */
  fields: { field: string; label: string; version: unknown; current: unknown }[];
}

const DIFF_FIELDS = [...EDITABLE_SCENE_FIELDS, "tasks_done"] as const;
const label = (f: string) => (f === "tasks_done" ? "ticked tasks" : SCENE_FIELD_LABELS[f as EditableSceneField]);
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * A version against the current storyboard, scene by scene: scenes are paired by id (a scene keeps
 * its id through edits and moves); with no id in common (a regenerated storyboard), by number.
 */
export function diffScenes(version: VersionScene[], current: VersionScene[]): SceneDiff[] {
  const pairs: [VersionScene | null, VersionScene | null][] = [];
  const leftV = new Map(version.map((s) => [s.id, s]));
  const leftC = new Map(current.map((s) => [s.id, s]));
  for (const c of current) {
    const v = leftV.get(c.id);
    if (v) {
      pairs.push([v, c]);
      leftV.delete(c.id);
      leftC.delete(c.id);
    }
  }
  // No scene in common (a regenerated storyboard has new ids): paired by number instead.
  for (const c of pairs.length > 0 ? [] : [...leftC.values()]) {
    const v = [...leftV.values()].find((x) => x.scene_number === c.scene_number);
    if (v) {
      pairs.push([v, c]);
      leftV.delete(v.id);
      leftC.delete(c.id);
    }
  }
  for (const c of leftC.values()) pairs.push([null, c]);
  for (const v of leftV.values()) pairs.push([v, null]);
  const out: SceneDiff[] = [];
  for (const [v, c] of pairs) {
    if (!v) out.push({ kind: "added", scene_number: c!.scene_number, fields: [] });
    else if (!c) out.push({ kind: "removed", scene_number: v.scene_number, fields: [] });
    else {
      const fields = DIFF_FIELDS.filter((f) => !same(v[f], c[f])).map((f) => ({ field: f, label: label(f), version: v[f], current: c[f] }));
      if (fields.length > 0 || v.scene_number !== c.scene_number) {
        out.push({ kind: "changed", scene_number: c.scene_number, ...(v.scene_number !== c.scene_number && { was_number: v.scene_number }), fields });
      }
    }
  }
  return out.sort((a, b) => a.scene_number - b.scene_number || a.kind.localeCompare(b.kind));
}
