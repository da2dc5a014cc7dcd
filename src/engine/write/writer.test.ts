import { describe, expect, it } from "vitest";
import { generateStoryboard } from "../index";

const A = "45s Instagram Reel: 4 mistakes people make when repotting houseplants, ending with a plug for our soil brand RootRight. Cheeky, fast.";
const B = "YouTube Shorts, 30s. Product: ShiftPilot - rota planning for restaurants.\n- pain: managers lose 5 hours a week building schedules\n- proof: used by 800 restaurants\n- CTA: start a free trial\nTone: calm, practical";

const shown = (sb: ReturnType<typeof generateStoryboard>) => [sb.title, ...sb.scenes.flatMap((s) => [s.script, s.text_overlay])].join("\n");

describe("the writer on the issue's briefs", () => {
  it("Brief A: four voiced mistakes, a grounded hook, the RootRight plug, no tone words", () => {
    const sb = generateStoryboard({ brief: A });
    const items = sb.scenes.filter((s) => /^item \d/.test(s.beat) && s.script);
    expect(new Set(items.map((s) => s.beat.split(" (")[0])).size).toBe(4);
    expect(sb.scenes[0]!.script).toMatch(/4 mistakes/);
    const cta = sb.scenes[sb.scenes.length - 1]!;
    expect(cta.script).toMatch(/RootRight/);
    expect(cta.text_overlay).toMatch(/RootRight/);
    expect(shown(sb)).not.toMatch(/cheeky|fast|follow for more|save this before/i);
    expect(sb.title).toMatch(/repotting houseplants/i);
    expect(sb.title.length).toBeLessThanOrEqual(60);
  });
  it("Brief B: no pasted lines, no broken hook, the brief's CTA on voice and screen", () => {
    const sb = generateStoryboard({ brief: B });
    expect(sb.scenes[0]!.script).not.toMatch(/struggling with managers/i);
    expect(sb.scenes[0]!.script).toMatch(/5 hours/);
    for (const s of sb.scenes) {
      expect(s.script).not.toBe("ShiftPilot - rota planning for restaurants.");
      expect(s.script).not.toMatch(/^Managers lose 5 hours a week building schedules\.$/);
    }
    const cta = sb.scenes[sb.scenes.length - 1]!;
    expect(cta.script).toBe("Start a free trial.");
    expect(cta.text_overlay).toBe("Start a free trial");
    expect(shown(sb)).not.toMatch(/calm|practical|pain:|proof:|CTA:|tone/i);
    expect(sb.title).toBe("ShiftPilot: rota planning for restaurants");
    expect(sb.scenes.filter((s) => s.scene_type === "content").every((s) => s.script)).toBe(true);
  });
  it("marks unnamed items of an unknown topic as needs_input, voiced all the same", () => {
    const sb = generateStoryboard({ brief: "30s TikTok: 3 mistakes founders make when pitching investors." });
    const items = sb.scenes.filter((s) => /^item \d/.test(s.beat) && !/shot [2-9]/.test(s.beat));
    expect(items).toHaveLength(3);
    for (const s of items) {
      expect(s.script).not.toBe("");
      expect(s.needs_input).toMatch(/^Mistake \d: name it here/);
    }
  });
  it("shoots software at a desk and never holds a brand up as a prop", () => {
    const sb = generateStoryboard({ brief: B });
    const visuals = sb.scenes.map((s) => s.visual_description).join(" ");
    expect(visuals).not.toMatch(/parked car|holds up ShiftPilot/);
    expect(visuals).toMatch(/desk|screen/);
  });
  it("honours an explicit before-and-after format", () => {
    const sb = generateStoryboard({ brief: "Before and after: our cleaning service on a greasy oven. 20s TikTok. Before: grease baked on for years. After: it shines like new. Book at sparkleclean.com" });
    expect(sb.pattern).toBe("before-after");
  });
});
