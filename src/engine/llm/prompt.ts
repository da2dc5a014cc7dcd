// The LLM's instructions: the offline plan (pattern, beats, durations, camera set-ups) and the
// brief's model as constraints; the repair round sends the failed checks back.
import { LIMITS } from "../../domain/constants";
import { instructionPhrases, type BriefModel } from "../brief/model";
import { fieldsOf } from "../brief/fields";
import { CAMERA_ANGLES, CAMERA_MOVES, SHOT_SIZES } from "../camera";
import type { Check, EngineInput, EngineOutput } from "../types";

export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

/** The system prompt: the rules every storyboard keeps (the same the checks measure). */
export function systemPrompt(base: EngineOutput): string {
  return [
    "You are a short-form video copywriter. You write shootable storyboards as JSON matching the given schema.",
    `Rules: durations are whole seconds summing to exactly ${base.total_duration}; scene 1 is the hook (1-3 s, at most 12 spoken words, no greeting such as "hi", "welcome" or "in this video");`,
    "the last scene is the CTA (2-5 s) with an action verb, the same call to action spoken in `script` and shown in `text_overlay`; no scene over 8 s; transitions at most 1 s;",
    "voice-over at most 2.8 words per second of its scene; overlays at most 7 words; hook, CTA and most content scenes have an overlay; no line repeated;",
    "voice-over covers at least 60% of the running time; every script is a complete sentence written for its beat, built from the brief's facts; never paste a line of the brief unless it is a must-say line;",
    "tone, audience, labels and production directions steer how you write: never say or show them;",
    `camera_angle is "SIZE, angle, movement" with SIZE in {${SHOT_SIZES.join(", ")}}, angle in {${CAMERA_ANGLES.join(", ")}}, movement in {${CAMERA_MOVES.join(", ")}}; tight framing for the hook; adjacent scenes differ.`,
    `Write script and overlays in the brief's language (${base.language}); visual descriptions in English.`,
  ].join(" ");
}

/** The user message: the plan to keep and the brief, understood. */
export function userPrompt(input: EngineInput, base: EngineOutput, model: BriefModel): string {
  const plan = base.scenes.map((s) => `${s.scene_number}. ${s.scene_type} · beat "${s.beat}" · ${s.duration} s · camera "${s.camera_angle}"`).join("\n");
  const fields = fieldsOf(model);
  const understood = Object.entries(fields)
    .filter(([k]) => k !== "tone" && k !== "audience" && k !== "avoid")
    .map(([k, v]) => `- ${k}: ${Array.isArray(v) ? v.join(" | ") : v}`)
    .join("\n");
  const never = instructionPhrases(model);
  const lines = [
    `Platform: ${base.platform}. Duration: ${base.total_duration} s. Pattern: ${base.pattern}. Title: at most 60 characters, naming the product or topic.`,
    `Keep this plan: exactly ${base.scenes.length} scenes in this order, with these types, beats, durations and camera set-ups; write each scene's words for its beat.\n${plan}`,
    `The brief, understood (write from these facts):\n${understood || "- (nothing specific: write a useful, general storyboard on the brief's subject)"}`,
    model.tone.length ? `Tone (how to write, never a word to say): ${model.tone.join(", ")}.` : "",
    model.audience.length ? `Audience (who it is for, never a line to say): ${model.audience.join("; ")}.` : "",
    model.cta.text ? `The CTA scene says exactly: "${model.cta.text}" (script and overlay).` : model.cta.plug && model.product ? `The CTA scene is a plug for ${model.product}.` : "",
    model.mustSay.length ? `Say word for word, somewhere: ${model.mustSay.map((m) => `"${m}"`).join(", ")}.` : "",
    model.finalOverlay ? `The CTA scene's overlay is exactly: "${model.finalOverlay}".` : "",
    model.avoid.length ? `Never say or show: ${model.avoid.join("; ")}.` : "",
    never.length ? `These are instructions, never to be spoken or shown: ${never.map((p) => `"${p}"`).join(", ")}.` : "",
    `Reference videos: ${(input.reference_urls ?? []).filter((u) => typeof u === "string").slice(0, 10).join(", ") || "none"}`,
    `Brief:\n${String(input.brief ?? "").slice(0, LIMITS.brief)}`,
  ];
  return lines.filter(Boolean).join("\n\n");
}

/** The repair round: the model's answer and the checks it failed, to fix and return whole. */
export function repairPrompt(answer: string, failed: readonly Check[]): ChatMessage[] {
  const list = failed.map((c) => `- ${c.id}${c.scene_number !== undefined ? ` (scene ${c.scene_number})` : ""}: ${c.message}`).join("\n");
  return [
    { role: "assistant", content: answer },
    { role: "user", content: `These checks failed:\n${list}\nFix them and return the whole storyboard again as JSON, keeping the plan; change only what the checks name.` },
  ];
}
