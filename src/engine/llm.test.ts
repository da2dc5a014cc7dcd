// The LLM provider against a real local HTTP server speaking the Chat Completions wire format.
import { describe, it, expect, beforeAll, afterAll, beforeEach } from "vitest";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { generateStoryboard, generateWithProvider, passesErrors } from "./index";
import { mapSceneType, repairLlmStoryboard } from "./llm";

const BRIEF = "A 20-second TikTok for Brewly cold brew. Tired of bitter coffee and paying $5 a day for it? Brewly is smooth and ready in seconds. Link in bio.";

const VALID = {
  title: "Brewly in 20 seconds",
  pattern: "problem-agitate-solve",
  scenes: [
    { scene_number: 1, scene_type: "hook", duration: 3, visual_description: "Close-up of a bitter sip.", script: "Tired of bitter coffee?", text_overlay: "Bitter coffee?", camera_angle: "CU, eye level, push-in", beat: "hook" },
    { scene_number: 2, scene_type: "content", duration: 6, visual_description: "Pouring Brewly over ice.", script: "Brewly is smooth and ready in seconds.", text_overlay: "Smooth in seconds", camera_angle: "insert, overhead, static", beat: "solution" },
    { scene_number: 3, scene_type: "content", duration: 7, visual_description: "Parent sips and smiles.", script: "Cold brew that tastes like a café.", text_overlay: "Café taste at home", camera_angle: "MS, eye level, dolly", beat: "desire" },
    { scene_number: 4, scene_type: "cta", duration: 4, visual_description: "End card.", script: "Grab yours, link in bio.", text_overlay: "Link in bio", camera_angle: "MCU, eye level, static", beat: "cta" },
  ],
};

const CLOSE = {
  title: "Brewly",
  pattern: "PAS",
  scenes: [
    { scene_number: 1, scene_type: "Hook", duration: 2.6, visual_description: "CU sip", script: "Tired of bitter coffee?", text_overlay: "Bitter coffee?", camera_angle: "CU, eye level, push-in", beat: "hook" },
    { scene_number: 2, scene_type: "Body", duration: 6.4, visual_description: "Pour", script: "Brewly is smooth and ready in seconds.", text_overlay: "Smooth in seconds", camera_angle: "insert, overhead, static", beat: "solution" },
    { scene_number: 3, scene_type: "content", duration: 7.2, visual_description: "Smile", script: "Cold brew that tastes like a café.", text_overlay: "Café taste", camera_angle: "MS, eye level, dolly", beat: "desire" },
    { scene_number: 4, scene_type: "Call to Action", duration: 4.8, visual_description: "End card", script: "Grab yours, link in bio.", text_overlay: "Link in bio", camera_angle: "MCU, eye level, static", beat: "cta" },
  ],
};

// Recorded answers on the plan of BRIEF_TONE (hook 3 s, problem 5 s, agitate 4 s, solution 4 s, CTA 4 s).
const BRIEF_TONE = `${BRIEF} Tone: calm, practical.`;
const GOOD = {
  title: "Brewly: cold brew without the bitterness",
  pattern: "problem-agitate-solve",
  scenes: [
    { scene_number: 1, scene_type: "hook", duration: 3, visual_description: "Close-up: a grimace at the first sip.", script: "Bitter coffee ruining your mornings?", text_overlay: "Bitter again?", camera_angle: "ECU, eye level, handheld", beat: "hook" },
    { scene_number: 2, scene_type: "content", duration: 5, visual_description: "POV: pouring old coffee down the sink.", script: "Most cold brew tastes burnt by the second sip.", text_overlay: "Burnt by sip two", camera_angle: "POV, high, handheld", beat: "problem" },
    { scene_number: 3, scene_type: "content", duration: 4, visual_description: "Wide: queue at a café counter.", script: "So you end up paying café prices every morning.", text_overlay: "Paying twice", camera_angle: "WS, dutch, dolly", beat: "agitate" },
    { scene_number: 4, scene_type: "content", duration: 4, visual_description: "Over the shoulder: Brewly poured over ice.", script: "Brewly pours smooth, straight from your fridge, in seconds.", text_overlay: "Smooth in seconds", camera_angle: "OTS, high, static", beat: "solution" },
    { scene_number: 5, scene_type: "cta", duration: 4, visual_description: "Close-up: the end card.", script: "Grab Brewly with the link in bio.", text_overlay: "Link in bio", camera_angle: "CU, low, push-in", beat: "cta" },
  ],
};
/** A realistic slip: the tone line said aloud in one scene. */
const LEAKED = structuredClone(GOOD);
LEAKED.scenes[2]!.script = "Keep it calm and practical: you pay café prices daily.";
/** Durations that ignore the plan (sum 31 s for a 20 s video). */
const WRONG_DURATIONS = structuredClone(GOOD);
[8, 6, 6, 7, 4].forEach((d, i) => (WRONG_DURATIONS.scenes[i]!.duration = d));

type Scenario = "valid" | "repair" | "malformed" | "timeout" | "429-then-ok" | "429" | "500" | "bad-checks" | "good" | "leaked" | "leaked-then-fixed" | "wrong-durations" | "prose";
let scenario: Scenario = "valid";
let requests: { url: string; auth: string | undefined; body: Record<string, unknown> }[] = [];
let server: Server;
let baseUrl = "";

function completion(content: string) {
  return JSON.stringify({
    id: "chatcmpl-test",
    object: "chat.completion",
    created: 0,
    model: "test-model",
    choices: [{ index: 0, finish_reason: "stop", message: { role: "assistant", content } }],
  });
}

function handle(req: IncomingMessage, res: ServerResponse, body: string) {
  requests.push({ url: req.url ?? "", auth: req.headers.authorization, body: JSON.parse(body) as Record<string, unknown> });
  if (req.method !== "POST" || req.url !== "/v1/chat/completions") {
    res.writeHead(404).end();
    return;
  }
  const json = (status: number, payload: string, headers: Record<string, string> = {}) =>
    res.writeHead(status, { "content-type": "application/json", ...headers }).end(payload);
  switch (scenario) {
    case "valid":
      return json(200, completion(JSON.stringify(VALID)));
    case "repair":
      return json(200, completion(JSON.stringify(CLOSE)));
    case "malformed":
      return json(200, completion('{"title": "Brewly", "scenes": [{"scene_type": "hook", '));
    case "timeout":
      return; // never answers
    case "429-then-ok":
      if (requests.length === 1) return json(429, JSON.stringify({ error: { message: "rate limited" } }), { "retry-after": "1" });
      return json(200, completion(JSON.stringify(VALID)));
    case "429":
      return json(429, JSON.stringify({ error: { message: "rate limited" } }), { "retry-after": "0" });
    case "500":
      return json(500, JSON.stringify({ error: { message: "boom" } }));
    case "good":
      return json(200, completion(JSON.stringify(GOOD)));
    case "leaked":
      return json(200, completion(JSON.stringify(LEAKED)));
    case "leaked-then-fixed":
      return json(200, completion(JSON.stringify(requests.length === 1 ? LEAKED : GOOD)));
    case "wrong-durations":
      return json(200, completion(JSON.stringify(WRONG_DURATIONS)));
    case "prose":
      return json(200, completion("Sure! Here is a storyboard for Brewly: open on a bitter sip, then show the pour, end on the link in bio."));
    case "bad-checks": {
      const bad = structuredClone(VALID);
      bad.scenes[0]!.duration = 6; // a 6-second hook
      bad.scenes[2]!.duration = 4;
      return json(200, completion(JSON.stringify(bad)));
    }
  }
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => handle(req, res, body));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

beforeEach(() => {
  requests = [];
});

const env = () => ({ LLM_BASE_URL: baseUrl, LLM_API_KEY: "sk-test", LLM_MODEL: "test-model" });
// 1.5 s per attempt: on the shared, loaded machine a loopback answer took over 300 ms and was retried.
const fast = { timeoutMs: 1_500, retries: 2, backoffMs: 5, maxBackoffMs: 30 };

describe("generateWithProvider", () => {
  it("uses the pattern engine when the LLM is not configured", async () => {
    const out = await generateWithProvider({ brief: BRIEF }, { env: {} });
    expect(JSON.stringify(out)).toBe(JSON.stringify(generateStoryboard({ brief: BRIEF })));
    expect(requests).toHaveLength(0);
  });

  it("uses a valid LLM storyboard and sends the real wire format", async () => {
    scenario = "valid";
    const out = await generateWithProvider({ brief: BRIEF, seed: 3 }, { env: env(), ...fast });
    expect(out.pattern_source).toBe("llm: test-model");
    expect(out.title).toBe("Brewly in 20 seconds");
    expect(out.scenes[1]!.script).toBe("Brewly is smooth and ready in seconds.");
    expect(out).toMatchObject({ platform: "tiktok", total_duration: 20, total_scenes: 4, language: "en", pattern: "problem-agitate-solve" });
    expect(passesErrors(out.checks)).toBe(true);
    expect(requests).toHaveLength(1);
    const r = requests[0]!;
    expect(r.url).toBe("/v1/chat/completions");
    expect(r.auth).toBe("Bearer sk-test");
    expect(r.body.model).toBe("test-model");
    expect(r.body.seed).toBe(3);
    expect(Array.isArray(r.body.messages)).toBe(true);
    expect(r.body.response_format).toMatchObject({ type: "json_schema", json_schema: { name: "storyboard", strict: true } });
    expect(JSON.stringify(r.body.messages)).toContain("Brewly");
  });

  it("repairs output that is close: durations rounded and renormalised, enum spellings mapped", async () => {
    scenario = "repair";
    const out = await generateWithProvider({ brief: BRIEF }, { env: env(), ...fast });
    expect(out.pattern_source).toBe("llm: test-model");
    expect(out.scenes.map((s) => s.scene_type)).toEqual(["hook", "content", "content", "cta"]);
    expect(out.scenes.reduce((a, s) => a + s.duration, 0)).toBe(20);
    expect(out.scenes.every((s) => Number.isInteger(s.duration))).toBe(true);
    expect(out.pattern).toBe("problem-agitate-solve");
    expect(out.warnings.join(" ")).toMatch(/repaired/);
    expect(passesErrors(out.checks)).toBe(true);
  });

  it("falls back on malformed JSON", async () => {
    scenario = "malformed";
    const out = await generateWithProvider({ brief: BRIEF }, { env: env(), ...fast });
    expect(out.pattern_source).not.toMatch(/^llm/);
    expect(out.warnings.join(" ")).toMatch(/malformed JSON/);
    expect(passesErrors(out.checks)).toBe(true);
    expect(requests).toHaveLength(1);
  });

  it("falls back after bounded retries when the server never answers in time", async () => {
    scenario = "timeout";
    const t0 = performance.now();
    const out = await generateWithProvider({ brief: BRIEF }, { env: env(), timeoutMs: 150, retries: 1, backoffMs: 5, maxBackoffMs: 10 });
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(out.warnings.join(" ")).toMatch(/timeout after 150 ms after 2 attempts/);
    expect(requests).toHaveLength(2);
    expect(passesErrors(out.checks)).toBe(true);
  });

  it("honours 429 with Retry-After (capped) and succeeds on the retry", async () => {
    scenario = "429-then-ok";
    const t0 = performance.now();
    const out = await generateWithProvider({ brief: BRIEF }, { env: env(), ...fast });
    expect(performance.now() - t0).toBeGreaterThanOrEqual(25); // waited maxBackoffMs, not the full second
    expect(requests).toHaveLength(2);
    expect(out.pattern_source).toBe("llm: test-model");
  });

  it("falls back when 429 persists", async () => {
    scenario = "429";
    const out = await generateWithProvider({ brief: BRIEF }, { env: env(), ...fast });
    expect(requests).toHaveLength(3);
    expect(out.warnings.join(" ")).toMatch(/HTTP 429 after 3 attempts/);
  });

  it("falls back on HTTP 500 after bounded retries with backoff", async () => {
    scenario = "500";
    const out = await generateWithProvider({ brief: BRIEF }, { env: env(), ...fast });
    expect(requests).toHaveLength(3);
    expect(out.warnings.join(" ")).toMatch(/HTTP 500 after 3 attempts/);
    expect(JSON.stringify(out.scenes)).toBe(JSON.stringify(generateStoryboard({ brief: BRIEF }).scenes));
  });

  it("falls back when the LLM storyboard fails an error-severity check", async () => {
    scenario = "bad-checks";
    const out = await generateWithProvider({ brief: BRIEF }, { env: env(), ...fast });
    expect(out.warnings.join(" ")).toMatch(/failed checks: .*hook_duration/);
    expect(passesErrors(out.checks)).toBe(true);
  });

  it("falls back on a network error and still rejects invalid options", async () => {
    const out = await generateWithProvider({ brief: BRIEF }, { env: { ...env(), LLM_BASE_URL: "http://127.0.0.1:1/v1" }, ...fast, retries: 0 });
    expect(out.warnings.join(" ")).toMatch(/network error/);
    await expect(generateWithProvider({ brief: BRIEF, duration: 2 }, { env: env() })).rejects.toMatchObject({ field: "duration" });
  });
});

describe("generateWithProvider: the plan and the brief as constraints, checks, repair, per-scene fallback", () => {
  it("sends the plan, the brief's facts and its instructions as constraints", async () => {
    scenario = "good";
    const out = await generateWithProvider({ brief: BRIEF_TONE }, { env: env(), ...fast });
    expect(out.pattern_source).toBe("llm: test-model");
    expect(out.scenes.map((s) => s.script)).toEqual(GOOD.scenes.map((s) => s.script));
    expect(out.checks.filter((c) => !c.ok && c.severity === "error")).toEqual([]);
    expect(requests).toHaveLength(1);
    const prompt = JSON.stringify(requests[0]!.body.messages);
    expect(prompt).toContain("exactly 5 scenes");
    expect(prompt).toContain('beat \\"agitate\\" · 4 s');
    expect(prompt).toMatch(/never to be spoken or shown: .*calm.*practical/);
    expect(prompt).toContain("Link in bio");
  });
  it("sends leaked instructions back once; a fixed answer is used", async () => {
    scenario = "leaked-then-fixed";
    const out = await generateWithProvider({ brief: BRIEF_TONE }, { env: env(), ...fast });
    expect(requests).toHaveLength(2);
    const repair = (requests[1]!.body.messages as { role: string; content: string }[]).slice(-2);
    expect(repair[0]!.role).toBe("assistant");
    expect(repair[1]!.content).toMatch(/instruction_leak \(scene 3\)/);
    expect(out.pattern_source).toBe("llm: test-model");
    expect(out.scenes[2]!.script).toBe(GOOD.scenes[2]!.script);
    expect(out.warnings.join(" ")).toMatch(/repair round fixed: instruction_leak/);
  });
  it("falls back scene by scene to the offline writer when the leak persists", async () => {
    scenario = "leaked";
    const offline = generateStoryboard({ brief: BRIEF_TONE });
    const out = await generateWithProvider({ brief: BRIEF_TONE }, { env: env(), ...fast });
    expect(requests).toHaveLength(2);
    expect(out.pattern_source).toBe("llm: test-model");
    expect(out.scenes[2]).toEqual(offline.scenes[2]);
    expect(out.scenes[3]!.script).toBe(GOOD.scenes[3]!.script);
    expect(out.warnings.join(" ")).toMatch(/Scene 3 is the offline writer's: the LLM's failed instruction_leak/);
    expect(out.scenes.map((s) => `${s.script} ${s.text_overlay}`).join(" ")).not.toMatch(/\bcalm\b|\bpractical\b/i);
  });
  it("keeps the plan's timing when the answer's durations are wrong", async () => {
    scenario = "wrong-durations";
    const out = await generateWithProvider({ brief: BRIEF_TONE }, { env: env(), ...fast });
    expect(out.pattern_source).toBe("llm: test-model");
    expect(out.scenes.map((s) => s.duration)).toEqual([3, 5, 4, 4, 4]);
    expect(out.warnings.join(" ")).toMatch(/durations set to the plan's/);
    expect(requests).toHaveLength(1);
  });
  it("falls back whole when the answer is not JSON", async () => {
    scenario = "prose";
    const out = await generateWithProvider({ brief: BRIEF_TONE }, { env: env(), ...fast });
    expect(out.pattern_source).not.toMatch(/^llm/);
    expect(out.warnings.join(" ")).toMatch(/malformed JSON/);
    expect(JSON.stringify(out.scenes)).toBe(JSON.stringify(generateStoryboard({ brief: BRIEF_TONE }).scenes));
  });
});

describe("repairLlmStoryboard", () => {
  it("maps enum spellings and rejects what is not close", () => {
    expect(mapSceneType("Call-To-Action")).toBe("cta");
    expect(mapSceneType("B-roll")).toBe("content");
    expect(mapSceneType("outro")).toBe("cta");
    expect(mapSceneType("dance")).toBeUndefined();
    expect(() => repairLlmStoryboard({ scenes: [] }, 20)).toThrow(/schema/);
    expect(() => repairLlmStoryboard({ scenes: [{ scene_type: "dance", duration: 3 }, { scene_type: "cta", duration: 3 }] }, 6)).toThrow(/scene_type/);
    expect(() => repairLlmStoryboard(VALID, 60)).toThrow(/too far/);
    const r = repairLlmStoryboard(CLOSE, 20);
    expect(r.scenes.map((s) => s.duration).reduce((a, b) => a + b, 0)).toBe(20);
  });
});
