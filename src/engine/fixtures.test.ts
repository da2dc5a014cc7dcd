import { describe, it, expect } from "vitest";
import { FIXTURE_BRIEFS } from "./fixtures/briefs";
import { PAD_MAX_SECONDS, generateStoryboard, paddingSeconds } from "./index";
import { containsTerm } from "./text";

describe("fixture briefs", () => {
  it("has at least 25 varied briefs", () => {
    expect(FIXTURE_BRIEFS.length).toBeGreaterThanOrEqual(25);
    expect(new Set(FIXTURE_BRIEFS.map((f) => f.id)).size).toBe(FIXTURE_BRIEFS.length);
    const langs = new Set(FIXTURE_BRIEFS.map((f) => generateStoryboard(f.input).language));
    expect(langs.size).toBeGreaterThanOrEqual(6);
  });
  for (const f of FIXTURE_BRIEFS) {
    it(`${f.id}: every error-severity check passes`, () => {
      const sb = generateStoryboard(f.input);
      const errors = sb.checks.filter((c) => !c.ok && c.severity === "error");
      expect(errors).toEqual([]);
      const e = f.expect ?? {};
      if (e.pattern) expect(sb.pattern).toBe(e.pattern);
      if (e.platform) expect(sb.platform).toBe(e.platform);
      // The length asked for is read from the brief; the runtime is what its material fills.
      if (e.duration) expect(sb.requested_duration).toBe(e.duration);
      expect(sb.total_duration).toBeLessThanOrEqual(sb.requested_duration);
      if (sb.total_duration < sb.requested_duration) expect(sb.warnings[0]).toMatch(/^The brief has material for about \d+ s, not \d+ s/);
      expect(paddingSeconds(sb.scenes)).toBeLessThanOrEqual(PAD_MAX_SECONDS);
      if (e.language) expect(sb.language).toBe(e.language);
      const all = sb.scenes.map((s) => `${s.script}\n${s.text_overlay}\n${s.visual_description}`).join("\n");
      for (const t of e.terms ?? []) expect(containsTerm(all, t), `missing ${t}`).toBe(true);
      const spoken = sb.scenes.map((s) => `${s.script}\n${s.text_overlay}`).join("\n").toLowerCase();
      for (const t of e.avoid ?? []) expect(spoken).not.toMatch(new RegExp(`\\b${t}\\b`));
    });
  }
});
