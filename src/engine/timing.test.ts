import { describe, it, expect } from "vitest";
import { PATTERNS } from "./patterns";
import { createRng } from "./rng";
import { allocate, planTiming } from "./timing";

describe("allocate", () => {
  it("splits exactly with minimums", () => {
    expect(allocate(10, [1, 1, 1], 2)).toEqual([4, 3, 3]);
    expect(allocate(7, [0.7, 0.2, 0.1], 2).reduce((a, b) => a + b, 0)).toBe(7);
    expect(allocate(5, [0, 0], 1)).toEqual([3, 2]);
  });
});

describe("planTiming", () => {
  it("keeps every invariant for every pattern and duration", () => {
    for (const p of PATTERNS) {
      for (let total = 5; total <= 180; total++) {
        for (const count of [1, 3, 5, 10]) {
          const t = planTiming(total, p, count, createRng(total, p.id));
          const d = t.slots.map((s) => s.duration);
          expect(d.reduce((a, b) => a + b, 0)).toBe(total);
          expect(d.every((x) => Number.isInteger(x) && x >= 1 && x <= 8)).toBe(true);
          expect(t.slots[0]!.kind).toBe("hook");
          expect(t.slots[0]!.duration).toBeGreaterThanOrEqual(1);
          expect(t.slots[0]!.duration).toBeLessThanOrEqual(3);
          const last = t.slots[t.slots.length - 1]!;
          expect(last.kind).toBe("cta");
          expect(last.duration).toBeGreaterThanOrEqual(2);
          expect(last.duration).toBeLessThanOrEqual(5);
          expect(t.slots.filter((s) => s.kind === "transition").every((s) => s.duration === 1)).toBe(true);
        }
      }
    }
  });
  it("keeps the brief's item count when time allows and says so when it does not", () => {
    const listicle = PATTERNS.find((p) => p.id === "listicle")!;
    expect(planTiming(45, listicle, 5, createRng(0, "x")).repeatCount).toBe(5);
    const short = planTiming(8, listicle, 5, createRng(0, "x"));
    expect(short.repeatCount).toBeLessThan(5);
    expect(short.warnings[0]).toMatch(/5 items/);
  });
  it("gives beats the time their text needs", () => {
    const p = PATTERNS.find((x) => x.id === "problem-agitate-solve")!;
    const t = planTiming(30, p, 1, createRng(0, "t"), (b) => (b.role === "solution" ? 14 : b.role === "problem" ? 4 : 0));
    const sol = t.slots.filter((s) => s.role === "solution").reduce((a, s) => a + s.duration, 0);
    expect(sol).toBeGreaterThanOrEqual(14);
    expect(t.slots.some((s) => s.role === "agitate")).toBe(false); // optional and empty: dropped
  });
});
