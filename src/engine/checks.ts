// Quality checks that run on any storyboard: the engine's, an LLM's or a user's edit.
// Thresholds are documented in docs/engine.md with their sources.
import { collector } from "./check/collect";
import { PLATFORMS, SCENE_TYPES, type Platform } from "../domain/constants";
import { analyzeBrief, mentionsAvoided, type BriefAnalysis } from "./brief";
import { TIGHT_SIZES } from "./camera";
import {
  HOOK_MAX_WORDS,
  OVERLAY_MAX_LINES,
  OVERLAY_MAX_WORDS,
  hasActionVerb,
  overlayLineChars,
  startsWithThroatClearing,
} from "./compose";
import { applyBriefFields } from "./brief/fields";
import { parseBrief, type BriefModel } from "./brief/model";
import { craftChecks } from "./check/craft";
import { detectLanguage } from "./language";
import { PLATFORM_MAX_SECONDS } from "./infer";
import { containsTerm, isSpacelessText, normKey, plainWords, spokenWordCount, WORDS_PER_SECOND, wrapLines, EPS } from "./text";
import type { Check, StoryboardLike } from "./types";

export const HOOK_MIN_SECONDS = 1;
export const HOOK_MAX_SECONDS = 3;
export const CTA_MIN_SECONDS = 2;
export const CTA_MAX_SECONDS = 5;
export const SCENE_MIN_SECONDS = 1;
export const SCENE_MAX_SECONDS = 8;
export const TRANSITION_MAX_SECONDS = 1;

function str(v: unknown): string {
  return typeof v === "string" ? v : v === null || v === undefined ? "" : String(v);
}

function num(v: unknown): number {
  return typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
}

/** Runs every check; returns one entry per check (ok or not) plus one per failing scene. */
export function checkStoryboard(sb: StoryboardLike): Check[] {
  return runChecks(sb);
}

/** Internal: the checks, with the brief's analysis passed in when the caller already has it. */
export function runChecks(sb: StoryboardLike, analysis?: BriefAnalysis, model?: BriefModel): Check[] {
  const scenes = Array.isArray(sb?.scenes) ? sb.scenes : [];
  const { out, add, sceneNo } = collector(scenes);
  const language = sb.language ?? detectLanguage(`${sb.brief ? `${sb.brief} ` : ""}${scenes.map((s) => `${str(s.script)} ${str(s.text_overlay)}`).join(" ")}`);

  if (scenes.length === 0) {
    add("structure", false, "error", "The storyboard has no scenes.");
    return out;
  }
  add("structure", true, "error", `${scenes.length} scenes.`);

  // Scene types.
  const badTypes = scenes.map((s, i) => ({ t: str(s.scene_type), i })).filter((x) => !(SCENE_TYPES as readonly string[]).includes(x.t));
  for (const b of badTypes) add("scene_type", false, "error", `Scene type "${b.t}" is not one of ${SCENE_TYPES.join(", ")}.`, sceneNo(b.i));
  if (!badTypes.length) add("scene_type", true, "error", "Every scene type is hook, content, cta or transition.");

  // Durations: whole seconds, sum, platform maximum.
  const durs = scenes.map((s) => num(s.duration));
  const badDur = durs.map((d, i) => ({ d, i })).filter((x) => !Number.isInteger(x.d) || x.d <= 0);
  for (const b of badDur) add("duration_whole", false, "error", `Duration ${String(scenes[b.i]?.duration)} is not a positive whole number of seconds.`, sceneNo(b.i));
  if (!badDur.length) add("duration_whole", true, "error", "Every duration is a whole number of seconds.");
  const sum = durs.reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
  const total = Number.isFinite(num(sb.total_duration)) ? num(sb.total_duration) : sum;
  add("duration_sum", Math.abs(sum - total) < EPS, "error", `Scene durations sum to ${sum} s; the total is ${total} s.`);
  const platform = (PLATFORMS as readonly string[]).includes(str(sb.platform)) ? (str(sb.platform) as Platform) : "generic";
  const max = PLATFORM_MAX_SECONDS[platform];
  add("platform_max", total <= max && total >= 1, "error", `${total} s on ${platform} (maximum ${max} s).`);

  // Hook.
  const first = scenes[0]!;
  const hookIdx = scenes.findIndex((s) => s.scene_type === "hook");
  add("hook_first", first.scene_type === "hook", "error", first.scene_type === "hook" ? "The storyboard opens on the hook." : "The first scene is not the hook.", sceneNo(0));
  if (hookIdx >= 0) {
    const h = scenes[hookIdx]!;
    const d = num(h.duration);
    add("hook_duration", d >= HOOK_MIN_SECONDS && d <= HOOK_MAX_SECONDS, "error", `Hook runs ${d} s (1 to 3 s).`, sceneNo(hookIdx));
    const words = spokenWordCount(str(h.script));
    add("hook_words", words <= HOOK_MAX_WORDS + EPS, "error", `Hook has ${round1(words)} spoken words (at most ${HOOK_MAX_WORDS}).`, sceneNo(hookIdx));
    const throat = startsWithThroatClearing(str(h.script));
    add("hook_opener", !throat, "error", throat ? "The hook opens by clearing its throat (\"hi\", \"welcome\", \"in this video\"...): start on the point." : "The hook starts on the point.", sceneNo(hookIdx));
    add("hook_spoken", str(h.script).trim() !== "" || str(h.text_overlay).trim() !== "", "error", "The hook has words spoken or on screen.", sceneNo(hookIdx));
    const size = str(h.camera_angle).split(",")[0]?.trim() ?? "";
    add("hook_framing", !size || TIGHT_SIZES.some((t) => t.toLowerCase() === size.toLowerCase()), "warning", `Hook framing "${size || "unset"}" (tight framing: ECU, CU, MCU, selfie or insert).`, sceneNo(hookIdx));
  }

  // CTA.
  const lastIdx = scenes.length - 1;
  const last = scenes[lastIdx]!;
  add("cta_last", last.scene_type === "cta", "error", last.scene_type === "cta" ? "The storyboard closes on the call to action." : "The last scene is not the call to action.", sceneNo(lastIdx));
  const ctaIdx = last.scene_type === "cta" ? lastIdx : scenes.findIndex((s) => s.scene_type === "cta");
  if (ctaIdx >= 0) {
    const c = scenes[ctaIdx]!;
    const d = num(c.duration);
    add("cta_duration", d >= CTA_MIN_SECONDS && d <= CTA_MAX_SECONDS, "error", `CTA runs ${d} s (2 to 5 s).`, sceneNo(ctaIdx));
    const spoken = str(c.script).trim() !== "";
    const shown = str(c.text_overlay).trim() !== "";
    add("cta_spoken_on_screen", spoken && shown, "error", spoken && shown ? "The CTA is both spoken and on screen." : `The CTA must be spoken and on screen (${spoken ? "" : "no voice-over"}${!spoken && !shown ? ", " : ""}${shown ? "" : "no overlay"}).`, sceneNo(ctaIdx));
    const verb = hasActionVerb(`${str(c.script)} ${str(c.text_overlay)}`);
    const supported = ["en", "es", "fr", "de", "pt", "ja"].includes(language);
    add("cta_verb", verb, supported ? "error" : "warning", verb ? "The CTA has an action verb." : "The CTA has no action verb (shop, book, follow, visit...).", sceneNo(ctaIdx));
  }

  // Voice-over fits its scene (2.8 words per second; numbers, URLs, phone numbers as spoken).
  let vo = true;
  scenes.forEach((s, i) => {
    const d = num(s.duration);
    const words = spokenWordCount(str(s.script));
    const budget = WORDS_PER_SECOND * (Number.isFinite(d) ? d : 0);
    if (words > budget + EPS) {
      vo = false;
      const cjk = isSpacelessText(str(s.script));
      add("voiceover_fit", false, "error", `Voice-over needs ${round1(words / WORDS_PER_SECOND)} s but the scene runs ${d} s (${cjk ? "about 5 characters" : "2.8 words"} per second).`, sceneNo(i));
    }
  });
  if (vo) add("voiceover_fit", true, "error", "Every voice-over fits its scene at 2.8 words per second.");

  // Overlays: limits and presence.
  let ovOk = true;
  scenes.forEach((s, i) => {
    const o = str(s.text_overlay).trim();
    if (!o) return;
    const spaceless = isSpacelessText(o);
    const width = overlayLineChars(o, language);
    const lines = wrapLines(o, width, spaceless);
    const words = plainWords(o).length;
    const tooWide = lines.some((l) => Array.from(l).length > width);
    const problems: string[] = [];
    if (!spaceless && words > OVERLAY_MAX_WORDS) problems.push(`${words} words (max ${OVERLAY_MAX_WORDS})`);
    if (lines.length > OVERLAY_MAX_LINES) problems.push(`${lines.length} lines (max ${OVERLAY_MAX_LINES})`);
    if (tooWide) problems.push(`a line over ${width} characters`);
    if (problems.length) {
      ovOk = false;
      add("overlay_limits", false, "error", `Overlay too long: ${problems.join(", ")}.`, sceneNo(i));
    }
  });
  if (ovOk) add("overlay_limits", true, "error", "Every overlay fits 7 words and 2 lines of 42 characters.");
  const hookOv = hookIdx >= 0 && str(scenes[hookIdx]?.text_overlay).trim() !== "";
  const ctaOv = ctaIdx >= 0 && str(scenes[ctaIdx]?.text_overlay).trim() !== "";
  add("overlay_hook_cta", hookOv && ctaOv, "error", hookOv && ctaOv ? "The hook and the CTA have on-screen text." : `Missing on-screen text on the ${[hookOv ? "" : "hook", ctaOv ? "" : "CTA"].filter(Boolean).join(" and ")}.`);
  const contents = scenes.filter((s) => s.scene_type === "content");
  const withOv = contents.filter((s) => str(s.text_overlay).trim() !== "").length;
  add("overlay_content", contents.length === 0 || withOv * 2 >= contents.length, "warning", `${withOv} of ${contents.length} content scenes have on-screen text (at least half should).`);

  // Pacing.
  let pace = true;
  scenes.forEach((s, i) => {
    const d = num(s.duration);
    if (s.scene_type === "transition") {
      if (d > TRANSITION_MAX_SECONDS) {
        pace = false;
        add("pacing", false, "error", `Transition runs ${d} s (at most 1 s).`, sceneNo(i));
      }
    } else if (!(d >= SCENE_MIN_SECONDS && d <= SCENE_MAX_SECONDS)) {
      pace = false;
      add("pacing", false, "error", `Scene runs ${d} s (1 to 8 s per shot: split long beats into shots).`, sceneNo(i));
    }
  });
  if (pace) add("pacing", true, "error", "Every scene runs 1 to 8 s and transitions at most 1 s.");

  // Camera variety.
  const cams = scenes.map((s) => normKey(str(s.camera_angle)));
  let camOk = true;
  for (let i = 1; i < cams.length; i++) {
    if (cams[i] && cams[i] === cams[i - 1]) {
      camOk = false;
      add("camera_variety", false, "warning", `Same camera set-up as the previous scene ("${str(scenes[i]?.camera_angle)}").`, sceneNo(i));
    }
  }
  const distinct = new Set(cams.filter(Boolean)).size;
  if (scenes.length >= 5 && distinct < 3) {
    camOk = false;
    add("camera_variety", false, "warning", `Only ${distinct} distinct camera set-ups in ${scenes.length} scenes (at least 3).`);
  }
  if (camOk) add("camera_variety", true, "warning", `${distinct} distinct camera set-ups; no two adjacent scenes identical.`);

  // Duplicated lines.
  const seen = new Map<string, number>();
  let dupOk = true;
  scenes.forEach((s, i) => {
    const k = normKey(str(s.script));
    if (!k) return;
    if (seen.has(k)) {
      dupOk = false;
      add("duplicate_lines", false, "error", `Voice-over repeats scene ${seen.get(k)}.`, sceneNo(i));
    } else seen.set(k, sceneNo(i));
  });
  if (dupOk) add("duplicate_lines", true, "error", "No voice-over line is repeated.");
  const seenOv = new Map<string, number>();
  let dupOv = true;
  scenes.forEach((s, i) => {
    const k = normKey(str(s.text_overlay));
    if (!k) return;
    if (seenOv.has(k)) {
      dupOv = false;
      add("duplicate_overlays", false, "warning", `On-screen text repeats scene ${seenOv.get(k)}.`, sceneNo(i));
    } else seenOv.set(k, sceneNo(i));
  });
  if (dupOv) add("duplicate_overlays", true, "warning", "No on-screen text is repeated.");

  // The brief's key terms present, and nothing it says to avoid.
  if (sb.brief && sb.brief.trim()) {
    const a = analysis ?? analyzeBrief(sb.brief);
    const all = scenes.map((s) => `${str(s.script)} ${str(s.text_overlay)} ${str(s.visual_description)}`).join("\n");
    const missing = a.keyTerms.filter((t) => !containsTerm(all, t));
    add("key_terms", missing.length === 0, "warning", missing.length ? `Missing from the storyboard: ${missing.map((m) => `"${m}"`).join(", ")}.` : `${a.keyTerms.length} key terms of the brief are present.`);
    let avoidOk = true;
    scenes.forEach((s, i) => {
      const t = `${str(s.script)}\n${str(s.text_overlay)}`;
      if (mentionsAvoided(t, a.avoidTerms, a.avoidPrices)) {
        avoidOk = false;
        add("avoid_terms", false, "error", `Says something the brief asks to avoid (${a.avoidPhrases.join("; ")}).`, sceneNo(i));
      }
    });
    if (avoidOk) add("avoid_terms", true, "error", a.avoidPhrases.length ? `Nothing the brief asks to avoid (${a.avoidPhrases.join("; ")}).` : "The brief lists nothing to avoid.");
    out.push(...craftChecks(sb, model ?? applyBriefFields(parseBrief(sb.brief, a), sb.brief_fields)));
  }
  return out;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** True when no error-severity check failed. */
export function passesErrors(checks: readonly Check[]): boolean {
  return checks.every((c) => c.ok || c.severity !== "error");
}
