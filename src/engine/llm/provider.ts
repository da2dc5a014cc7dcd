// Optional LLM provider: any OpenAI-compatible Chat Completions endpoint with a strict JSON
// schema. Its output is validated (Zod), repaired where close, run through the checks, and
// replaced by the pattern engine's storyboard on timeout, 429/5xx after bounded retries,
// or invalid output, with the reason recorded in `warnings`.
import { z } from "zod";
import { LIMITS, SCENE_TYPES, type SceneType } from "../../domain/constants";
import { applyBriefFields, briefFromFields } from "../brief/fields";
import { parseBrief, type BriefModel } from "../brief/model";
import { checkStoryboard } from "../checks";
import { generateStoryboard } from "../generate";
import { resolvePatternId } from "../patterns";
import { allocate } from "../timing";
import type { Check, EngineInput, EngineOutput, EngineScene } from "../types";
import { repairPrompt, systemPrompt, userPrompt, type ChatMessage } from "./prompt";

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
export function repairLlmStoryboard(content: unknown, total: number, plan?: readonly EngineScene[]): Repaired {
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
  // The answer kept the plan's scenes: the plan's timing stands, whatever durations came back.
  const keepsPlan = !!plan && plan.length === types.length && plan.every((p, i) => p.scene_type === types[i]);
  if (keepsPlan && plan!.some((p, i) => p.duration !== raw[i])) {
    durs = plan!.map((p) => p.duration);
    notes.push("durations set to the plan's");
  } else if (raw.some((d, i) => d !== durs[i])) notes.push("durations rounded to whole seconds");
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
  const llmModel = env.LLM_MODEL?.trim();
  if (!baseUrl || !key || !llmModel) return base;

  const f = opts.fetch ?? globalThis.fetch;
  const envTimeout = Number(env.LLM_TIMEOUT_MS);
  const timeoutMs = opts.timeoutMs ?? (Number.isFinite(envTimeout) && envTimeout > 0 ? envTimeout : 20_000);
  const retries = Math.max(0, Math.min(5, opts.retries ?? 2));
  const backoff = opts.backoffMs ?? 500;
  const maxBackoff = opts.maxBackoffMs ?? 8_000;
  const url = `${baseUrl.replace(/\/+$/, "")}/chat/completions`;
  const model = modelOf(input);
  const messages: ChatMessage[] = [
    { role: "system", content: systemPrompt(base) },
    { role: "user", content: userPrompt(input, base, model) },
  ];
  const ask = async (msgs: readonly ChatMessage[]): Promise<{ text?: string; error?: string }> => {
    const body = JSON.stringify({
      model: llmModel,
      messages: msgs,
      temperature: 0.7,
      seed: typeof input.seed === "number" ? input.seed : 0,
      response_format: { type: "json_schema", json_schema: { name: "storyboard", strict: true, schema: STORYBOARD_JSON_SCHEMA } },
    });
    let lastError = "";
    for (let attempt = 0; attempt <= retries; attempt++) {
      try {
        return { text: await callOnce(f, url, key, body, timeoutMs) };
      } catch (e) {
        const err = e instanceof ProviderError ? e : new ProviderError(String(e), false);
        lastError = err.message;
        if (!err.retryable || attempt === retries) break;
        await sleep(Math.min(maxBackoff, err.retryAfterMs ?? backoff * 2 ** attempt));
      }
    }
    return { error: `${lastError} after ${retries + 1} attempt${retries ? "s" : ""}` };
  };
  const check = (out: EngineOutput) => checkStoryboard({ ...out, brief: String(input.brief ?? ""), brief_fields: input.brief_fields ?? null });

  const first = await ask(messages);
  if (first.text === undefined) return withFallbackReason(base, first.error ?? "no answer");
  let cand = interpret(first.text, base, llmModel);
  if ("reason" in cand) return withFallbackReason(base, cand.reason);
  let checks = check(cand.out);
  let failed = blocking(checks);

  // One repair round: the failed checks go back to the model with its answer.
  if (failed.length) {
    const second = await ask([...messages, ...repairPrompt(cand.content, failed)]);
    const again = second.text === undefined ? undefined : interpret(second.text, base, llmModel);
    if (again && !("reason" in again)) {
      const againChecks = check(again.out);
      if (blocking(againChecks).length < failed.length) {
        cand = { ...again, out: { ...again.out, warnings: [...again.out.warnings, `LLM repair round fixed: ${[...new Set(failed.map((c) => c.id))].filter((id) => !blocking(againChecks).some((c) => c.id === id)).join(", ") || "part of what failed"}.`] } };
        checks = againChecks;
        failed = blocking(againChecks);
      }
    } else cand.out.warnings.push(`LLM repair round did not help (${second.error ?? (again && "reason" in again ? again.reason : "no answer")}).`);
  }

  // What still fails falls back scene by scene to the offline writer, when the answer kept the plan.
  if (failed.length) {
    const keepsPlan = cand.out.scenes.length === base.scenes.length && cand.out.scenes.every((s, i) => s.scene_type === base.scenes[i]!.scene_type && s.duration === base.scenes[i]!.duration);
    const boardLevel = failed.filter((c) => c.scene_number === undefined);
    if (!keepsPlan || boardLevel.some((c) => c.id !== "instruction_leak")) {
      return withFallbackReason(base, `LLM storyboard failed checks: ${[...new Set(failed.map((c) => c.id))].join(", ")}`);
    }
    const out = cand.out;
    const byScene = new Map<number, string[]>();
    for (const c of failed) if (c.scene_number !== undefined) byScene.set(c.scene_number, [...(byScene.get(c.scene_number) ?? []), c.id]);
    out.scenes = out.scenes.map((s) => (byScene.has(s.scene_number) ? { ...base.scenes[s.scene_number - 1]! } : s));
    for (const [n, ids] of byScene) out.warnings.push(`Scene ${n} is the offline writer's: the LLM's failed ${[...new Set(ids)].join(", ")}.`);
    if (boardLevel.length) {
      out.title = base.title;
      out.warnings.push("The title is the offline writer's: the LLM's held an instruction from the brief.");
    }
    checks = check(out);
    failed = blocking(checks);
    if (failed.length) return withFallbackReason(base, `LLM storyboard failed checks: ${[...new Set(failed.map((c) => c.id))].join(", ")}`);
    cand = { ...cand, out };
  }
  cand.out.checks = checks;
  return cand.out;
}

/** The brief's model the offline engine wrote from (fields alone stand in for an empty brief). */
function modelOf(input: EngineInput): BriefModel {
  const text = String(input.brief ?? "");
  const brief = text.trim() || !input.brief_fields ? text : briefFromFields(input.brief_fields);
  return applyBriefFields(parseBrief(brief.slice(0, LIMITS.brief)), input.brief_fields);
}

/** Error-severity failures: what the repair round and the per-scene fallback act on. */
function blocking(checks: readonly Check[]): Check[] {
  return checks.filter((c) => !c.ok && c.severity === "error");
}

/** The wire answer as a storyboard on the plan, or the reason it cannot be one. */
function interpret(text: string, base: EngineOutput, llmModel: string): { out: EngineOutput; content: string } | { reason: string } {
  let content: unknown;
  let raw = "";
  try {
    const wire = JSON.parse(text) as { choices?: { message?: { content?: unknown; refusal?: unknown } }[] };
    const msg = wire.choices?.[0]?.message;
    if (msg?.refusal) return { reason: "the model refused" };
    if (typeof msg?.content !== "string") return { reason: "invalid output: no message content" };
    raw = msg.content;
    content = JSON.parse(msg.content);
  } catch {
    return { reason: "invalid output: malformed JSON" };
  }
  let repaired: Repaired;
  try {
    repaired = repairLlmStoryboard(content, base.total_duration, base.scenes);
  } catch (e) {
    return { reason: `invalid output: ${(e as Error).message}` };
  }
  const out: EngineOutput = {
    title: (repaired.title?.trim() || base.title).slice(0, LIMITS.storyboardTitle),
    platform: base.platform,
    language: base.language,
    pattern: (repaired.pattern && resolvePatternId(repaired.pattern)) || base.pattern,
    pattern_source: `llm: ${llmModel}`.slice(0, LIMITS.patternSource),
    total_duration: base.total_duration,
    requested_duration: base.requested_duration,
    total_scenes: repaired.scenes.length,
    scenes: repaired.scenes,
    warnings: [
      // The plan's length is the offline plan's: a thin brief's shorter runtime is said here too.
      ...base.warnings.filter((w) => /^reference_urls|^The brief is|^The brief has material|allows at most|engine's range/.test(w)),
      ...(repaired.notes.length ? [`LLM output repaired: ${[...new Set(repaired.notes)].join("; ")}.`] : []),
    ],
    checks: [],
  };
  return { out, content: raw };
}
