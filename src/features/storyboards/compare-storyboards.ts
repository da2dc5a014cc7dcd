// The compare view: two or three storyboards of one project side by side, their scenes aligned
// by beat (hook with hook, CTA with CTA, the content beats between them by order), each with its
// runtime, pattern, platform, progress and check results.
import { notFound, validationError } from "../../domain/errors";
import type { Project, SceneWithTasks, StoryboardSummary } from "../../domain/types";
import type { Check } from "../../engine";
import { listPatterns } from "../../engine";
import { services } from "../../server/services";
import { patternOf } from "./engine-io";
import { getStoryboard } from "./get-storyboard";

export const COMPARE_MAX = 3;

export type BeatRowKind = "hook" | "content" | "cta";

export interface BeatRow {
  kind: BeatRowKind;
  /** "Hook", "Beat 2", "CTA" (a second hook or CTA scene is "Hook 2", "CTA 2"). */
  label: string;
  /** One cell per compared storyboard, in their order: its scene for this beat, or null. */
  cells: (SceneWithTasks | null)[];
}

export interface ComparedStoryboard {
  id: number;
  title: string;
  is_main: boolean;
  status: StoryboardSummary["status"];
  /** The pattern's id and name, when the engine wrote it; null for a storyboard without one. */
  pattern: { id: string; name: string } | null;
  platform: string | null;
  aspect_ratio: StoryboardSummary["aspect_ratio"];
  total_duration: number;
  /** The length asked for (the option), when one was. */
  requested_duration: number | null;
  total_scenes: number;
  total_tasks: number;
  completed_tasks: number;
  /** The quality checks that did not pass (an empty list: every check passes). */
  failed_checks: Check[];
  checks_run: number;
}

export interface Comparison {
  project: Project;
  /** Every storyboard of the project, for the picker (id, title, main or not). */
  storyboards: Pick<StoryboardSummary, "id" | "title" | "is_main" | "status">[];
  compared: ComparedStoryboard[];
  rows: BeatRow[];
}

const kindOf = (s: Pick<SceneWithTasks, "scene_type">): BeatRowKind => (s.scene_type === "hook" ? "hook" : s.scene_type === "cta" ? "cta" : "content");

/**
 * Aligns the storyboards' scenes by beat: as many hook rows as the storyboard with the most hook
 * scenes has, then the content (and transition) scenes by order, then the CTA rows.
 */
export function alignByBeat<S extends Pick<SceneWithTasks, "scene_type" | "scene_number">>(boards: readonly (readonly S[])[]): { kind: BeatRowKind; label: string; cells: (S | null)[] }[] {
  const split = boards.map((scenes) => {
    const ordered = [...scenes].sort((a, b) => a.scene_number - b.scene_number);
    return { hook: ordered.filter((s) => kindOf(s) === "hook"), content: ordered.filter((s) => kindOf(s) === "content"), cta: ordered.filter((s) => kindOf(s) === "cta") };
  });
  const rows: { kind: BeatRowKind; label: string; cells: (S | null)[] }[] = [];
  for (const kind of ["hook", "content", "cta"] as const) {
    const n = Math.max(0, ...split.map((b) => b[kind].length));
    for (let i = 0; i < n; i++) {
      const label = kind === "content" ? `Beat ${i + 1}` : `${kind === "hook" ? "Hook" : "CTA"}${n > 1 ? ` ${i + 1}` : ""}`;
      rows.push({ kind, label, cells: split.map((b) => b[kind][i] ?? null) });
    }
  }
  return rows;
}

/**
 * `?ids=` of the compare page: two or three distinct storyboard ids ("12,15,18"). Left out, the
 * main storyboard and the newest others, up to three.
 */
export function parseCompareIds(raw: string | string[] | undefined): number[] | undefined {
  const text = (Array.isArray(raw) ? raw.join(",") : (raw ?? "")).trim();
  if (text === "") return undefined;
  const parts = text.split(",").map((p) => p.trim()).filter(Boolean);
  if (parts.some((p) => !/^[1-9]\d{0,9}$/.test(p))) throw validationError({ ids: "ids must be storyboard ids separated by commas" });
  const ids = [...new Set(parts.map(Number))];
  if (ids.length < 2 || ids.length > COMPARE_MAX) throw validationError({ ids: `Pick 2 or ${COMPARE_MAX} storyboards to compare` });
  return ids;
}

export async function compareStoryboards(userId: string, projectId: number, ids: number[] | undefined): Promise<Comparison> {
  const { store } = await services();
  const detail = await store.getProjectDetail(userId, projectId);
  const all = detail.storyboards;
  const picked = ids ?? [...all].sort((a, b) => Number(b.is_main) - Number(a.is_main)).slice(0, COMPARE_MAX).map((s) => s.id);
  for (const id of picked) if (!all.some((s) => s.id === id)) throw notFound("Storyboard");
  const views = picked.length >= 2 ? await Promise.all(picked.map((id) => getStoryboard(userId, id))) : [];
  const names = new Map(listPatterns().map((p) => [p.id, p.name]));
  const compared = views.map((v): ComparedStoryboard => {
    const id = patternOf(v);
    const ran = v.checks;
    return {
      id: v.id,
      title: v.title,
      is_main: v.is_main,
      status: v.status,
      pattern: id && names.has(id) ? { id, name: names.get(id)! } : null,
      platform: v.generation_options.platform ?? null,
      aspect_ratio: v.aspect_ratio,
      total_duration: v.total_duration,
      requested_duration: v.generation_options.duration ?? null,
      total_scenes: v.scenes.length,
      total_tasks: v.total_tasks,
      completed_tasks: v.completed_tasks,
      failed_checks: ran.filter((c) => !c.ok),
      checks_run: ran.length,
    };
  });
  return {
    project: detail.project,
    storyboards: all.map(({ id, title, is_main, status }) => ({ id, title, is_main, status })),
    compared,
    rows: alignByBeat(views.map((v) => v.scenes)),
  };
}
