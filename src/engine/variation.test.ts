import { describe, expect, it } from "vitest";
import { FIXTURE_BRIEFS } from "./fixtures/briefs";
import { generateStoryboard } from "./generate";
import { PATTERNS } from "./patterns";
import { fittingPatterns, variationPattern } from "./variation";

describe("variation patterns", () => {
  it("lists only known patterns, the automatic choice first and the fallback among them", () => {
    for (const f of FIXTURE_BRIEFS) {
      const fits = fittingPatterns({ brief: f.input.brief });
      expect(fits.every((id) => PATTERNS.some((p) => p.id === id))).toBe(true);
      expect(new Set(fits).size).toBe(fits.length);
      expect(fits).toContain("hook-value-cta");
      expect(fits.length).toBeGreaterThanOrEqual(2);
    }
  });

  it("picks a pattern other than the storyboard's that still fits the brief", () => {
    for (const f of FIXTURE_BRIEFS) {
      const out = generateStoryboard({ ...f.input, pattern: null });
      const next = variationPattern({ brief: f.input.brief }, out.pattern);
      expect(next, f.id).not.toBe(out.pattern);
      expect(fittingPatterns({ brief: f.input.brief })).toContain(next);
    }
  });

  it("reads the brief's format: a how-to's variation is another list-like structure", () => {
    const brief = "How to repot a monstera, step by step: water the day before, loosen the roots, pick a pot 5 cm wider, fresh chunky soil. Follow for more plant care.";
    expect(fittingPatterns({ brief })[0]).toBe("tutorial");
    expect(variationPattern({ brief }, "tutorial")).toBe("listicle");
    // Without a current pattern, the variation still avoids what the engine would choose again.
    expect(variationPattern({ brief }, null)).toBe("listicle");
    expect(variationPattern({ brief }, "listicle")).toBe("tutorial");
  });
});
