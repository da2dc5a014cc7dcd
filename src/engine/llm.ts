// Optional LLM provider: any OpenAI-compatible Chat Completions endpoint with a strict JSON
// schema. Its output is validated (Zod), repaired where close, run through the checks, and
// replaced by the pattern engine's storyboard on timeout, 429/5xx after bounded retries,
// or invalid output, with the reason recorded in `warnings`.
import { z } from "zod";
import { LIMITS, SCENE_TYPES, type SceneType } from "../domain/constants";
import { CAMERA_ANGLES, CAMERA_MOVES, SHOT_SIZES } from "./camera";
import { checkStoryboard } from "./checks";
import { generateStoryboard } from "./generate";
import { resolvePatternId } from "./patterns";
import { allocate } from "./timing";
import type { Check, EngineInput, EngineOutput, EngineScene } from "./types";

export interface ProviderOptions {
  /** Environment to read LLM_BASE_URL, LLM_API_KEY, LLM_MODEL, LLM_TIMEOUT_MS from (default process.env). */
  env?: Record<string, string | undefined>;
  fetch?: typeof fetch;
  /** Per-attempt timeout in ms (default LLM_TIMEOUT_MS or 20,000). */
  timeoutMs?: number;
  /** Retries after the first attempt for timeouts, network errors, 429 and 5xx (default 2). */
  retries?: number;
  /** Base of the exponential backoff in ms (default 500). */
  backoffMs?: number;
  /** Cap on any single wait, Retry-After included, in ms (default 8,000). */
  maxBackoffMs?: number;
}

const TYPE_ALIASES: Record<string, SceneType> = {
  hook: "hook", opening: "hook", opener: "hook", intro: "hook", attention: "hook", attentiongrabber: "hook",
  content: "content", body: "content", main: "content", value: "content", broll: "content", scene: "content",
  problem: "content", solution: "content", demo: "content", story: "content", point: "content", middle: "content",
  cta: "cta", calltoaction: "cta", action: "cta", outro: "cta", close: "cta", closing: "cta", ending: "cta", end: "cta",
  transition: "transition", cut: "transition", wipe: "transition", bridge: "transition",
};

export function mapSceneType(raw: string): SceneType | undefined {
  const k = raw.toLowerCase().replace(/[^a-z]/g, "");
  return (SCENE_TYPES as readonly string[]).includes(k) ? (k as SceneType) : TYPE_ALIASES[k];
}

const llmSceneSchema = z.object({
  scene_number: z.unknown().optional(),
  scene_type: z.string().min(1),
  duration: z.coerce.number().finite().positive(),
  visual_description: z.string().nullish(),
  script: z.string().nullish(),
  text_overlay: z.string().nullish(),
  camera_angle: z.string().nullish(),
  beat: z.string().nullish(),
});
const llmOutputSchema = z.object({
  title: z.string().nullish(),
  pattern: z.string().nullish(),
  scenes: z.array(llmSceneSchema).min(2).max(60),
});

/** JSON schema sent as `response_format` (strict mode: every property required, no extras). */
export const STORYBOARD_JSON_SCHEMA = {
  type: "object",
  additionalProperties: false,
  required: ["title", "pattern", "scenes"],
  properties: {
    title: { type: "string" },
    pattern: { type: "string" },
    scenes: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["scene_number", "scene_type", "duration", "visual_description", "script", "text_overlay", "camera_angle", "beat"],
        properties: {
          scene_number: { type: "integer" },
          scene_type: { type: "string", enum: [...SCENE_TYPES] },
          duration: { type: "integer" },
          visual_description: { type: "string" },
          script: { type: "string" },
          text_overlay: { type: "string" },
          camera_angle: { type: "string" },
          beat: { type: "string" },
        },
      },
    },
  },
} as const;

class ProviderError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, Math.max(0, ms)));
}

function buildMessages(input: EngineInput, base: EngineOutput): { role: string; content: string }[] {
  const skeleton = base.scenes.map((s) => `${s.scene_number}. ${s.scene_type} (${s.beat}), ${s.duration} s`).join("\n");
  const system = [
    "You write shootable short-form video storyboards as JSON matching the given schema.",
    `Rules: durations are whole seconds summing to exactly ${base.total_duration}; scene 1 is the hook (1-3 s, at most 12 spoken words, no greeting such as "hi", "welcome" or "in this video");`,
    "the last scene is the CTA (2-5 s) with an action verb, spoken in `script` and shown in `text_overlay`; no scene over 8 s; transitions at most 1 s;",
    "voice-over at most 2.8 words per second of its scene; overlays at most 7 words; hook, CTA and most content scenes have an overlay; no line repeated;",
    `camera_angle is "SIZE, angle, movement" with SIZE in {${SHOT_SIZES.join(", ")}}, angle in {${CAMERA_ANGLES.join(", ")}}, movement in {${CAMERA_MOVES.join(", ")}}; tight framing for the hook; adjacent scenes differ.`,
    `Write script and overlays in the brief's language (${base.language}). Use the brief's own points, names, numbers and call to action; never say what the brief asks to avoid.`,
  ].join(" ");
  const user = [
    `Platform: ${base.platform}. Duration: ${base.total_duration} s. Suggested pattern: ${base.pattern}.`,
    `Suggested timing (you may improve it):\n${skeleton}`,
    `Reference videos: ${(input.reference_urls ?? []).filter((u) => typeof u === "string").slice(0, 10).join(", ") || "none"}`,
    `Brief:\n${String(input.brief ?? "").slice(0, LIMITS.brief)}`,
  ].join("\n\n");
  return [
    { role: "system", content: system },
    { role: "user", content: user },
  ];
}

async function callOnce(
  f: typeof fetch,
  url: string,
  key: string,
  body: string,
  timeoutMs: number,
): Promise<string> {
  const ac = new AbortController();
  const timer = setTimeout(() => ac.abort(), timeoutMs);
  try {
    let res: Response;
    try {
      res = await f(url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
        body,
        signal: ac.signal,
      });
    } catch (e) {
      if (ac.signal.aborted) throw new ProviderError(`timeout after ${timeoutMs} ms`, true);
      throw new ProviderError(`network error: ${(e as Error).message}`, true);
    }
    let text: string;
    try {
      text = await res.text();
    } catch {
      throw new ProviderError(ac.signal.aborted ? `timeout after ${timeoutMs} ms` : "connection dropped while reading the response", true);
    }
    if (res.status === 429 || res.status >= 500) {
      const ra = res.headers.get("retry-after");
      const secs = ra && /^\d+(\.\d+)?$/.test(ra.trim()) ? Number(ra) * 1000 : undefined;
      throw new ProviderError(`HTTP ${res.status}`, true, secs);
    }
    if (!res.ok) throw new ProviderError(`HTTP ${res.status}: ${text.slice(0, 120)}`, false);
    return text;
  } finally {
    clearTimeout(timer);
  }
}

interface Repaired {
  scenes: EngineScene[];
  notes: string[];
  title?: string;
  pattern?: string;
}

/** Validates and repairs an LLM's storyboard JSON; throws with a reason when it is not close. */
export function repairLlmStoryboard(content: unknown, total: number): Repaired {
  const parsed = llmOutputSchema.safeParse(content);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new Error(`schema: ${i?.path.join(".") || "root"} ${i?.message ?? "invalid"}`);
  }
  const notes: string[] = [];
  const types = parsed.data.scenes.map((s) => {
    const t = mapSceneType(s.scene_type);
    if (!t) throw new Error(`schema: unknown scene_type "${s.scene_type}"`);
    if (t !== s.scene_type) notes.push(`scene_type "${s.scene_type}" mapped to "${t}"`);
    return t;
  });
  const raw = parsed.data.scenes.map((s) => s.duration);
  let durs = raw.map((d) => Math.max(1, Math.round(d)));
  if (raw.some((d, i) => d !== durs[i])) notes.push("durations rounded to whole seconds");
  const sum = durs.reduce((a, b) => a + b, 0);
  if (sum !== total) {
    if (Math.abs(sum - total) > Math.max(3, total * 0.25)) throw new Error(`durations sum to ${sum} s, too far from ${total} s`);
    durs = allocate(total, durs, 1);
    notes.push(`durations renormalised from ${sum} s to ${total} s`);
  }
  const scenes: EngineScene[] = parsed.data.scenes.map((s, i) => ({
    scene_number: i + 1,
    scene_type: types[i]!,
    duration: durs[i]!,
    visual_description: (s.visual_description ?? "").trim(),
    script: (s.script ?? "").trim(),
    text_overlay: (s.text_overlay ?? "").trim().slice(0, LIMITS.textOverlay),
    camera_angle: (s.camera_angle ?? "").trim().slice(0, LIMITS.cameraAngle),
    beat: (s.beat ?? types[i]!).trim() || types[i]!,
  }));
  return { scenes, notes, title: parsed.data.title ?? undefined, pattern: parsed.data.pattern ?? undefined };
}

function withFallbackReason(base: EngineOutput, reason: string): EngineOutput {
  return { ...base, warnings: [...base.warnings, `LLM provider not used (${reason}); this is the pattern engine's storyboard.`] };
}

/**
 * Generates with the LLM when LLM_BASE_URL, LLM_API_KEY and LLM_MODEL are set, else (or on
 * failure) with the pattern engine. Rejects only for invalid options (EngineValidationError).
 */
export async function generateWithProvider(input: EngineInput, opts: ProviderOptions = {}): Promise<EngineOutput> {
  const base = generateStoryboard(input);
  const env = opts.env ?? (typeof process !== "undefined" ? process.env : {});
  const baseUrl = env.LLM_BASE_URL?.trim();
  const key = env.LLM_API_KEY?.trim();
  const model = env.LLM_MODEL?.trim();
  if (!baseUrl || !key || !model) return base;

  const f = opts.fetch ?? globalThis.fetch;
  const envTimeout = Number(env.LLM_TIMEOUT_MS);
  const timeoutMs = opts.timeoutMs ?? (Number.isFinite(envTimeout) && envTimeout > 0 ? envTimeout : 20_000);
  const retries = Math.max(0, Math.min(5, opts.retries ?? 2));
  const backoff = opts.backoffMs ?? 500;
  const maxBackoff = opts.maxBackoffMs ?? 8_000;
  const url = `${baseUrl.replace(/\/+$/, "")}/chat/completions`;
  const body = JSON.stringify({
    model,
    messages: buildMessages(input, base),
    temperature: 0.7,
    seed: typeof input.seed === "number" ? input.seed : 0,
    response_format: { type: "json_schema", json_schema: { name: "storyboard", strict: true, schema: STORYBOARD_JSON_SCHEMA } },
  });

  let text: string | undefined;
  let lastError = "";
  for (let attempt = 0; attempt <= retries; attempt++) {
    try {
      text = await callOnce(f, url, key, body, timeoutMs);
      break;
    } catch (e) {
      const err = e instanceof ProviderError ? e : new ProviderError(String(e), false);
      lastError = err.message;
      if (!err.retryable || attempt === retries) break;
      const wait = Math.min(maxBackoff, err.retryAfterMs ?? backoff * 2 ** attempt);
      await sleep(wait);
    }
  }
  if (text === undefined) return withFallbackReason(base, `${lastError} after ${retries + 1} attempt${retries ? "s" : ""}`);

  let content: unknown;
  try {
    const wire = JSON.parse(text) as { choices?: { message?: { content?: unknown; refusal?: unknown } }[] };
    const msg = wire.choices?.[0]?.message;
    if (msg?.refusal) return withFallbackReason(base, "the model refused");
    if (typeof msg?.content !== "string") return withFallbackReason(base, "invalid output: no message content");
    content = JSON.parse(msg.content);
  } catch {
    return withFallbackReason(base, "invalid output: malformed JSON");
  }

  let repaired: Repaired;
  try {
    repaired = repairLlmStoryboard(content, base.total_duration);
  } catch (e) {
    return withFallbackReason(base, `invalid output: ${(e as Error).message}`);
  }
  const out: EngineOutput = {
    title: (repaired.title?.trim() || base.title).slice(0, LIMITS.storyboardTitle),
    platform: base.platform,
    language: base.language,
    pattern: (repaired.pattern && resolvePatternId(repaired.pattern)) || base.pattern,
    pattern_source: `llm: ${model}`.slice(0, LIMITS.patternSource),
    total_duration: base.total_duration,
    total_scenes: repaired.scenes.length,
    scenes: repaired.scenes,
    warnings: [
      ...base.warnings.filter((w) => /^reference_urls|^The brief is|allows at most|engine's range/.test(w)),
      ...(repaired.notes.length ? [`LLM output repaired: ${[...new Set(repaired.notes)].join("; ")}.`] : []),
    ],
    checks: [],
  };
  const checks: Check[] = checkStoryboard({ ...out, brief: String(input.brief ?? "") });
  const errors = checks.filter((c) => !c.ok && c.severity === "error");
  if (errors.length) {
    return withFallbackReason(base, `LLM storyboard failed checks: ${[...new Set(errors.map((c) => c.id))].join(", ")}`);
  }
  out.checks = checks;
  return out;
}
