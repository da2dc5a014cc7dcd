import { describe, it, expect } from "vitest";
import { analyzeBrief } from "./brief";
import { PATTERNS, choosePattern, listPatterns, resolvePatternId } from "./patterns";

const pick = (brief: string) => choosePattern(analyzeBrief(brief), brief).id;

describe("pattern library", () => {
  it("has at least 10 patterns with unique ids, a hook first and a CTA last", () => {
    expect(PATTERNS.length).toBeGreaterThanOrEqual(10);
    expect(new Set(PATTERNS.map((p) => p.id)).size).toBe(PATTERNS.length);
    for (const p of PATTERNS) {
      expect(p.beats[0]!.kind).toBe("hook");
      expect(p.beats[p.beats.length - 1]!.kind).toBe("cta");
      const sum = p.beats.reduce((s, b) => s + b.share, 0);
      expect(sum).toBeGreaterThan(0.9);
      expect(sum).toBeLessThan(1.1);
    }
    expect(listPatterns()).toEqual(PATTERNS.map((p) => ({ id: p.id, name: p.name })));
    for (const id of ["hook-value-cta", "problem-agitate-solve", "aida", "direct-response", "testimonial", "before-after", "listicle", "tutorial", "myth-fact", "storytime", "day-in-the-life", "comparison"]) {
      expect(PATTERNS.some((p) => p.id === id)).toBe(true);
    }
  });
  it("resolves ids and aliases", () => {
    expect(resolvePatternId("PAS")).toBe("problem-agitate-solve");
    expect(resolvePatternId("how_to")).toBe("tutorial");
    expect(resolvePatternId("Myth vs Fact")).toBe("myth-fact");
    expect(resolvePatternId("nope")).toBeUndefined();
  });
});

describe("choosePattern", () => {
  it("reads explicit format words first", () => {
    expect(pick("Myth vs fact: 5 tips about sleep, 20% off")).toBe("myth-fact");
    expect(pick("A day in the life of a barista")).toBe("day-in-the-life");
    expect(pick("Storytime about our launch")).toBe("storytime");
    expect(pick("UGC testimonial for our blanket")).toBe("testimonial");
    expect(pick("How to fold a shirt in 3 steps")).toBe("tutorial");
  });
  it("then a number with a plural noun", () => {
    expect(pick("5 mistakes new runners make, 20% off")).toBe("listicle");
    expect(pick("3 steps to better coffee")).toBe("tutorial");
    expect(pick("Los 5 errores de los corredores")).toBe("listicle");
  });
  it("then before/after and comparison words", () => {
    expect(pick("Before and after our kitchen makeover, limited sale")).toBe("before-after");
    expect(pick("Oat milk vs almond milk for lattes")).toBe("comparison");
  });
  it("then intent: offer, launch, pain", () => {
    expect(pick("Summer sale: 30% off all sandals")).toBe("direct-response");
    expect(pick("Introducing our new backpack")).toBe("aida");
    expect(pick("Tired of cold coffee?")).toBe("problem-agitate-solve");
  });
  it("falls back to hook-value-cta", () => {
    expect(pick("Our bakery bakes bread")).toBe("hook-value-cta");
    expect(pick("")).toBe("hook-value-cta");
  });
});
