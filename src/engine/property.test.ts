// Property tests over random briefs and options: every output keeps the invariants and nothing throws.
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { PLATFORMS } from "../domain/constants";
import { PAD_MAX_SECONDS, checkStoryboard, generateStoryboard, listPatterns, paddingSeconds, type EngineInput, type EngineOutput } from "./index";
import { containsTerm, spokenWordCount } from "./text";

const SENTENCES = [
  "Our app saves busy parents 20 minutes every morning.",
  "Tired of cold coffee at your desk?",
  "The secret is grinding the beans coarse.",
  "Over 5,000 customers rated us 4.8 stars.",
  "We started in a tiny garage in 2019.",
  "Nuestro pan se hornea cada mañana con masa madre.",
  "Les cours durent 30 minutes et sont faits pour les débutants.",
  "Mit unseren E-Bikes bist du in 15 Minuten in der Stadt.",
  "Você treina em casa em 20 minutos por dia.",
  "自家焙煎のコーヒーと手作りのチーズケーキが人気です。",
  "Before: dull skin. After: a brighter glow.",
  "Myth: carbs make you fat. Fact: excess calories do.",
  "Step 1: mix the flour. Step 2: knead for ten minutes.",
  "5 mistakes new runners make",
  "Oat milk vs almond milk",
  "Introducing the new Nomad backpack, launching March 3.",
  "Summer sale: 30% off everything this week only.",
  "A day in the life of a florist",
  "Hi guys, welcome back to my channel!",
  "🔥🔥🔥 !!! ???",
  "",
];
const BRANDS = ["Brewly", "TaskPilot", "GlowLab", "Loopknit", "Kiko Shoes"];
const CTAS = ["Link in bio.", "Book a demo at taskpilot.io.", "Shop at brewly.com/shop.", "Call 0113 496 0000 today.", "Follow for more.", "Download the app today."];

const briefArb = fc.oneof(
  { weight: 1, arbitrary: fc.string({ maxLength: 300 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 200 }) },
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.array(fc.constantFrom(...SENTENCES), { maxLength: 8 }),
        fc.option(fc.constantFrom(...BRANDS), { nil: undefined }),
        fc.option(fc.constantFrom(...CTAS), { nil: undefined }),
        fc.boolean(),
        fc.option(fc.constantFrom("15-second", "45s", "90 sec", "1 minute", "30 segundos", "30秒", "200 seconds"), { nil: undefined }),
      )
      .map(([ss, brand, cta, bullets, dur]) => {
        const lines = [...(dur ? [`A ${dur} video.`] : []), ...(brand ? [`Brand: ${brand}`] : []), ...ss.map((s) => (bullets ? `- ${s}` : s)), ...(cta ? [cta] : [])];
        return lines.join(bullets ? "\n" : " ");
      }),
  },
);

const inputArb: fc.Arbitrary<EngineInput> = fc.record(
  {
    brief: briefArb,
    reference_urls: fc.array(fc.oneof(fc.webUrl(), fc.string({ maxLength: 20 }), fc.constantFrom("https://www.tiktok.com/@a/video/1", "https://youtube.com/shorts/x")), { maxLength: 12 }),
    duration: fc.integer({ min: 5, max: 180 }),
    platform: fc.constantFrom(...PLATFORMS),
    pattern: fc.constantFrom(...listPatterns().map((p) => p.id)),
    seed: fc.integer({ min: -1000, max: 100000 }),
  },
  { requiredKeys: ["brief"] },
);

function assertInvariants(input: EngineInput, out: EngineOutput): void {
  const scenes = out.scenes;
  const sum = scenes.reduce((a, s) => a + s.duration, 0);
  expect(sum).toBe(out.total_duration);
  // The length asked for is kept as asked (within the platform's maximum); the runtime is what
  // the brief's material fills, never more than asked, with at most PAD_MAX_SECONDS of silent
  // cutaways; a shorter runtime is said first, in the warnings.
  if (input.duration) expect(out.requested_duration).toBe(Math.min(input.duration, out.platform === "facebook_reels" ? 90 : 180));
  expect(out.total_duration).toBeGreaterThanOrEqual(5);
  expect(out.total_duration).toBeLessThanOrEqual(out.requested_duration);
  expect(out.requested_duration).toBeLessThanOrEqual(out.platform === "facebook_reels" ? 90 : 180);
  if (out.total_duration > 5) expect(paddingSeconds(scenes)).toBeLessThanOrEqual(PAD_MAX_SECONDS);
  if (out.total_duration < out.requested_duration) {
    expect(out.warnings[0]).toContain(`The brief has material for about ${out.total_duration} s, not ${out.requested_duration} s`);
  }
  expect(out.total_scenes).toBe(scenes.length);
  for (const s of scenes) {
    expect(Number.isInteger(s.duration)).toBe(true);
    expect(s.duration).toBeGreaterThanOrEqual(1);
    expect(s.duration).toBeLessThanOrEqual(8);
    if (s.scene_type === "transition") expect(s.duration).toBe(1);
    expect(spokenWordCount(s.script)).toBeLessThanOrEqual(2.8 * s.duration + 1e-9);
    expect(s.camera_angle.length).toBeLessThanOrEqual(100);
    expect(s.text_overlay.length).toBeLessThanOrEqual(500);
  }
  const hook = scenes[0]!;
  expect(hook.scene_type).toBe("hook");
  expect(hook.duration).toBeGreaterThanOrEqual(1);
  expect(hook.duration).toBeLessThanOrEqual(3);
  expect(spokenWordCount(hook.script)).toBeLessThanOrEqual(12);
  const cta = scenes[scenes.length - 1]!;
  expect(cta.scene_type).toBe("cta");
  expect(cta.duration).toBeGreaterThanOrEqual(2);
  expect(cta.duration).toBeLessThanOrEqual(5);
  expect(cta.script).not.toBe("");
  expect(cta.text_overlay).not.toBe("");
  for (let i = 1; i < scenes.length; i++) expect(scenes[i]!.camera_angle).not.toBe(scenes[i - 1]!.camera_angle);
  const errors = out.checks.filter((c) => !c.ok && c.severity === "error");
  expect(errors).toEqual([]);
  expect(out.pattern_source.length).toBeLessThanOrEqual(255);
  expect(out.title.length).toBeLessThanOrEqual(255);
}

describe("properties of generateStoryboard", () => {
  it("every output satisfies the invariants and passes every error-severity check", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        assertInvariants(input, generateStoryboard(input));
      }),
      { numRuns: 400 },
    );
  });

  it("is deterministic: the same input and seed give byte-identical output", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        expect(JSON.stringify(generateStoryboard(input))).toBe(JSON.stringify(generateStoryboard({ ...input })));
      }),
      { numRuns: 150 },
    );
  });

  it("another seed gives a different, equally valid storyboard", () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 0, max: 10000 }), (input, seed) => {
        const a = generateStoryboard({ ...input, seed });
        const b = generateStoryboard({ ...input, seed: seed + 1 });
        expect(JSON.stringify(a.scenes)).not.toBe(JSON.stringify(b.scenes));
        assertInvariants({ ...input, seed: seed + 1 }, b);
      }),
      { numRuns: 150 },
    );
  });

  it("keeps the brief's brand, numbers and CTA, and never says what it must avoid", () => {
    const grounded = fc.record({
      brand: fc.constantFrom(...BRANDS),
      url: fc.constantFrom("brewly.com", "taskpilot.io/demo", "glowlab.co"),
      pct: fc.integer({ min: 5, max: 80 }),
      minutes: fc.integer({ min: 2, max: 90 }),
      extra: fc.array(fc.constantFrom(...SENTENCES.slice(0, 5)), { maxLength: 4 }),
      avoid: fc.constantFrom(["Do not say it is free.", "free"], ["No medical claims.", "cure"], ["Never mention competitors.", "competitors"]),
      duration: fc.integer({ min: 15, max: 90 }),
      seed: fc.integer({ min: 0, max: 1000 }),
    });
    fc.assert(
      fc.property(grounded, (g) => {
        const brief = `Brand: ${g.brand}\n${g.brand} helps you save ${g.minutes} minutes a day. ${g.extra.join(" ")} Get ${g.pct}% off this week. ${g.avoid[0]} Visit ${g.url}`;
        const out = generateStoryboard({ brief, duration: g.duration, seed: g.seed });
        const all = out.scenes.map((s) => `${s.script}\n${s.text_overlay}\n${s.visual_description}`).join("\n");
        for (const t of [g.brand, `${g.minutes} minutes`, `${g.pct}%`, g.url]) expect(containsTerm(all, t), t).toBe(true);
        const spoken = out.scenes.map((s) => `${s.script}\n${s.text_overlay}`).join("\n").toLowerCase();
        expect(spoken).not.toMatch(new RegExp(`\\b${g.avoid[1]}\\b`));
        expect(checkStoryboard({ ...out, brief }).filter((c) => !c.ok && c.severity === "error")).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it("never throws on arbitrary option values: either a storyboard or a validation error naming the option", () => {
    const anyVal = fc.oneof(fc.anything(), fc.integer(), fc.double(), fc.string());
    fc.assert(
      fc.property(fc.record({ brief: fc.oneof(fc.string(), anyVal), duration: anyVal, platform: anyVal, pattern: anyVal, seed: anyVal, reference_urls: anyVal }, { requiredKeys: [] }), (raw) => {
        try {
          const out = generateStoryboard(raw as unknown as EngineInput);
          expect(out.checks.filter((c) => !c.ok && c.severity === "error")).toEqual([]);
        } catch (e) {
          expect((e as Error).name).toBe("EngineValidationError");
          expect(["brief", "duration", "platform", "pattern", "seed", "reference_urls", "input"]).toContain((e as { field: string }).field);
        }
      }),
      { numRuns: 300 },
    );
  });
});
