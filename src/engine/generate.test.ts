import { describe, it, expect } from "vitest";
import { EngineValidationError, PAD_MAX_SECONDS, engineInputSchema, generateStoryboard, listPatterns, paddingSeconds, passesErrors, regenerateScene } from "./index";

const BRIEF =
  "A 30-second TikTok for Brewly, a cold brew subscription for busy parents. Tired of bitter coffee at 7am? Brewly ships fresh concentrate every two weeks. Just pour and add milk. Over 12,000 parents switched. Use code BREW20 for 20% off. Link in bio. Do not say it is free.";

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof EngineValidationError ? e.field : `not a validation error: ${String(e)}`;
  }
  return undefined;
}

describe("generateStoryboard: options", () => {
  it("names the bad option", () => {
    expect(fieldOf(() => generateStoryboard({ brief: "x", duration: 4 }))).toBe("duration");
    expect(fieldOf(() => generateStoryboard({ brief: "x", duration: 181 }))).toBe("duration");
    expect(fieldOf(() => generateStoryboard({ brief: "x", duration: 30.5 }))).toBe("duration");
    expect(fieldOf(() => generateStoryboard({ brief: "x", duration: "30" as unknown as number }))).toBe("duration");
    expect(fieldOf(() => generateStoryboard({ brief: "x", platform: "myspace" as never }))).toBe("platform");
    expect(fieldOf(() => generateStoryboard({ brief: "x", pattern: "nope" }))).toBe("pattern");
    expect(fieldOf(() => generateStoryboard({ brief: "x", seed: 1.5 }))).toBe("seed");
    expect(fieldOf(() => generateStoryboard({ brief: 42 as unknown as string }))).toBe("brief");
    expect(fieldOf(() => generateStoryboard({ brief: "x", reference_urls: 5 as never }))).toBe("reference_urls");
  });
  it("accepts nulls as absent and the schema mirrors the rules", () => {
    expect(() => generateStoryboard({ brief: "x", duration: null, platform: null, pattern: null, seed: null, reference_urls: null })).not.toThrow();
    expect(engineInputSchema.safeParse({ brief: "x", duration: 30, platform: "tiktok", pattern: "pas", seed: 3 }).success).toBe(true);
    expect(engineInputSchema.safeParse({ brief: "x", duration: 3 }).success).toBe(false);
  });
  it("never throws for anything inside the brief or the URLs", () => {
    const out = generateStoryboard({ brief: "x".repeat(12_000), reference_urls: ["::::", 7, null, "https://a.b/c", "https://a.b/c"] as never });
    expect(out.warnings.join(" ")).toMatch(/10000/);
    expect(out.warnings.filter((w) => w.startsWith("reference_urls"))).toHaveLength(4);
  });
});

describe("generateStoryboard: output", () => {
  const sb = generateStoryboard({ brief: BRIEF });
  it("has the design's fields", () => {
    expect(Object.keys(sb).sort()).toEqual(["checks", "language", "pattern", "pattern_source", "platform", "requested_duration", "scenes", "title", "total_duration", "total_scenes", "warnings"].sort());
    for (const s of sb.scenes) {
      expect(Object.keys(s).sort()).toEqual(["beat", "camera_angle", "duration", "scene_number", "scene_type", "script", "text_overlay", "visual_description"].sort());
    }
    expect(sb.total_scenes).toBe(sb.scenes.length);
    expect(sb.scenes.map((s) => s.scene_number)).toEqual(sb.scenes.map((_, i) => i + 1));
    expect(listPatterns().map((p) => p.id)).toContain(sb.pattern);
    expect(passesErrors(sb.checks)).toBe(true);
  });
  it("infers duration, platform, language and pattern", () => {
    expect(sb).toMatchObject({ total_duration: 30, platform: "tiktok", language: "en", pattern: "direct-response" });
    expect(sb.pattern_source).toMatch(/intent offer/);
    expect(generateStoryboard({ brief: BRIEF, reference_urls: ["https://youtube.com/shorts/abc"] }).platform).toBe("youtube_shorts");
    expect(generateStoryboard({ brief: BRIEF, pattern: "listicle" }).pattern_source).toBe("option: pattern");
  });
  it("grounds the storyboard in the brief and respects what to avoid", () => {
    const all = sb.scenes.map((s) => `${s.script} ${s.text_overlay} ${s.visual_description}`).join(" ");
    for (const t of ["Brewly", "BREW20", "20%", "12,000 parents", "Link in bio"]) expect(all).toContain(t);
    for (const s of sb.scenes) expect(`${s.script} ${s.text_overlay}`.toLowerCase()).not.toMatch(/\bfree\b/);
    expect(sb.scenes.filter((s) => s.scene_type === "content").some((s) => s.script.includes("Brewly ships fresh concentrate"))).toBe(true);
  });
  it("is deterministic and varies with the seed", () => {
    expect(JSON.stringify(generateStoryboard({ brief: BRIEF, seed: 3 }))).toBe(JSON.stringify(generateStoryboard({ brief: BRIEF, seed: 3 })));
    const a = generateStoryboard({ brief: BRIEF, seed: 1 });
    const b = generateStoryboard({ brief: BRIEF, seed: 2 });
    expect(JSON.stringify(a.scenes)).not.toBe(JSON.stringify(b.scenes));
    expect(a.scenes[0]!.script).not.toBe(b.scenes[0]!.script);
    expect(passesErrors(a.checks) && passesErrors(b.checks)).toBe(true);
  });
  it("writes its own words in the brief's language, English with a warning otherwise", () => {
    const es = generateStoryboard({ brief: "Vídeo de 20 segundos para la panadería La Espiga. Hacemos pan de masa madre cada mañana. Síguenos para más." });
    expect(es.language).toBe("es");
    expect(es.scenes[es.scenes.length - 1]!.script).toMatch(/Sígue|Síguenos/);
    const it = generateStoryboard({ brief: "Un video di 30 secondi per la pizzeria Da Mario. Impasto lievitato 48 ore." });
    expect(it.language).toBe("it");
    expect(it.warnings.join(" ")).toMatch(/English/);
  });
  it("clamps to the platform maximum with a warning", () => {
    const fb = generateStoryboard({ brief: "Gym promo", duration: 120, platform: "facebook_reels" });
    expect(fb.requested_duration).toBe(90);
    expect(fb.total_duration).toBeLessThanOrEqual(90);
    expect(fb.warnings.join(" ")).toMatch(/at most 90 s/);
  });
  it("makes a 5-second bumper", () => {
    for (const d of [5, 6, 7]) {
      const out = generateStoryboard({ brief: BRIEF, duration: d });
      expect(out.total_duration).toBe(d);
      expect(out.scenes.reduce((a, s) => a + s.duration, 0)).toBe(d);
      expect(passesErrors(out.checks)).toBe(true);
    }
  });
  it("fills the length asked for when the brief has the material for it", () => {
    const steps = [
      "Unbox the stand and lay the twelve pieces out on a towel so nothing rolls away",
      "Screw the three carbon legs into the base until each one clicks into place",
      "Slide the centre column through the base and tighten the locking ring by hand",
      "Attach the tray with the four short bolts from the small bag, finger tight first",
      "Clip the phone holder onto the top plate with the logo facing out",
      "Thread the cable down the column and through the two hooks on the back",
      "Level the stand with the bubble on the tray before you load any weight",
      "Mount your camera and lock the quick-release plate with a quarter turn",
    ];
    const brief = `How to set up the TriPod Pro studio stand in ${steps.length} steps.\n${steps.map((x) => `- ${x}`).join("\n")}\nShop at tripodpro.com`;
    const out = generateStoryboard({ brief, platform: "youtube", duration: 60 });
    expect(out.requested_duration).toBe(60);
    expect(out.total_duration).toBeGreaterThanOrEqual(60 - PAD_MAX_SECONDS);
    expect(out.checks.find((c) => c.id === "runtime_material")?.ok).toBe(true);
    expect(passesErrors(out.checks)).toBe(true);
    // Asked for 180 s, the same brief runs what its eight steps fill, and says how much that is.
    const long = generateStoryboard({ brief, platform: "youtube", duration: 180 });
    expect(long.requested_duration).toBe(180);
    expect(long.total_duration).toBeGreaterThanOrEqual(out.total_duration);
    expect(long.total_duration).toBeLessThan(180);
    expect(long.warnings[0]).toMatch(new RegExp(`^The brief has material for about ${long.total_duration} s, not 180 s`));
    expect(paddingSeconds(long.scenes)).toBeLessThanOrEqual(PAD_MAX_SECONDS);
  });
  it("a thin brief at 180 s runs what its material fills, says so first and asks for what is missing", () => {
    const out = generateStoryboard({ brief: "TikTok for Waggle dog food. Link in bio.", duration: 180 });
    expect(out.requested_duration).toBe(180);
    expect(out.total_duration).toBeLessThan(30);
    expect(paddingSeconds(out.scenes)).toBeLessThanOrEqual(PAD_MAX_SECONDS);
    expect(out.warnings[0]).toMatch(new RegExp(`^The brief has material for about ${out.total_duration} s, not 180 s: .*Add \\w+ more points .* to reach 180 s\\.$`));
    const todo = out.scenes.filter((s) => s.needs_input);
    expect(todo).toHaveLength(1);
    expect(todo[0]!.needs_input).toMatch(/Waggle/);
    const runtime = out.checks.find((c) => c.id === "runtime_material")!;
    expect(runtime.ok).toBe(false);
    expect(runtime.message).toMatch(/to reach the 180 s asked for/);
  });
});

describe("regenerateScene", () => {
  const input = { brief: BRIEF, seed: 4 };
  const sb = generateStoryboard(input);
  it("keeps the slot and changes the wording or camera", () => {
    for (const s of sb.scenes) {
      const fresh = regenerateScene(input, s.scene_number);
      expect(fresh).toMatchObject({ scene_number: s.scene_number, scene_type: s.scene_type, duration: s.duration, beat: s.beat });
      expect(fresh.camera_angle).not.toBe(s.camera_angle);
      const prev = sb.scenes[s.scene_number - 2];
      const next = sb.scenes[s.scene_number];
      if (prev) expect(fresh.camera_angle).not.toBe(prev.camera_angle);
      if (next) expect(fresh.camera_angle).not.toBe(next.camera_angle);
    }
    expect(regenerateScene(input, 1).script).not.toBe(sb.scenes[0]!.script);
    expect(JSON.stringify(regenerateScene(input, 2, 3))).toBe(JSON.stringify(regenerateScene(input, 2, 3)));
  });
  it("rejects a scene number out of range", () => {
    expect(fieldOf(() => regenerateScene(input, 0))).toBe("sceneNumber");
    expect(fieldOf(() => regenerateScene(input, 99))).toBe("sceneNumber");
  });
});
