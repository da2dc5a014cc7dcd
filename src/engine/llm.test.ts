// The LLM provider against a real local HTTP server speaking the Chat Completions wire format.
import { describe, it, expect, beforeAll, afterAll, beforeEach } from "vitest";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { generateStoryboard, generateWithProvider, passesErrors } from "./index";
import { mapSceneType, repairLlmStoryboard } from "./llm";

const BRIEF = "A 20-second TikTok for Brewly cold brew. Tired of bitter coffee? Brewly is smooth and ready in seconds. Link in bio.";

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

type Scenario = "valid" | "repair" | "malformed" | "timeout" | "429-then-ok" | "429" | "500" | "bad-checks";
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
const fast = { timeoutMs: 300, retries: 2, backoffMs: 5, maxBackoffMs: 30 };

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
