import { describe, expect, it } from "vitest";
import { alignByBeat, parseCompareIds } from "./compare-storyboards";
import { differingSeed, engineInputOf } from "./engine-io";
import { generateStoryboard } from "../../engine";
import type { SceneType } from "../../domain/constants";

const scenes = (types: SceneType[]) => types.map((scene_type, i) => ({ scene_type, scene_number: i + 1, id: `${scene_type}${i + 1}` }));

describe("alignByBeat", () => {
  it("puts hook with hook, CTA with CTA and the beats between them by order", () => {
    const a = scenes(["hook", "content", "content", "content", "cta"]);
    const b = scenes(["hook", "content", "transition", "cta"]);
    const c = scenes(["hook", "hook", "content", "cta", "cta"]);
    const rows = alignByBeat([a, b, c]);
    expect(rows.map((r) => r.label)).toEqual(["Hook 1", "Hook 2", "Beat 1", "Beat 2", "Beat 3", "CTA 1", "CTA 2"]);
    expect(rows.map((r) => r.cells.map((s) => s?.id ?? null))).toEqual([
      ["hook1", "hook1", "hook1"],
      [null, null, "hook2"],
      ["content2", "content2", "content3"],
      ["content3", "transition3", null],
      ["content4", null, null],
      ["cta5", "cta4", "cta4"],
      [null, null, "cta5"],
    ]);
  });

  it("follows scene numbers, not the order given, and labels single hook and CTA rows plainly", () => {
    const a = scenes(["hook", "content", "cta"]).reverse();
    const rows = alignByBeat([a, scenes(["hook", "cta"])]);
    expect(rows.map((r) => [r.kind, r.label, r.cells.map((s) => s?.id ?? null)])).toEqual([
      ["hook", "Hook", ["hook1", "hook1"]],
      ["content", "Beat 1", ["content2", null]],
      ["cta", "CTA", ["cta3", "cta2"]],
    ]);
  });
});

describe("parseCompareIds", () => {
  it("takes two or three distinct ids, comma-separated or repeated", () => {
    expect(parseCompareIds("12,15,18")).toEqual([12, 15, 18]);
    expect(parseCompareIds(["12", "15"])).toEqual([12, 15]);
    expect(parseCompareIds(" 7 , 9 ")).toEqual([7, 9]);
    expect(parseCompareIds(undefined)).toBeUndefined();
    expect(parseCompareIds("")).toBeUndefined();
  });

  it("names the ids parameter for anything else", () => {
    for (const bad of ["12", "12,12", "1,2,3,4", "1,x", "0,1", "-1,2", "1.5,2"]) {
      expect(() => parseCompareIds(bad), bad).toThrow(expect.objectContaining({ code: "validation", fields: { ids: expect.any(String) } }));
    }
  });
});

describe("differingSeed", () => {
  it("picks a seed whose hook line and shot list both differ from the source storyboard's", () => {
    const brief = "A 30-second TikTok for Brewly, a cold brew coffee subscription for busy parents. Tired of bitter coffee? Brewly ships fresh concentrate every two weeks. Use code BREW20. Link in bio.";
    const options = { platform: "tiktok" as const, duration: 30, seed: 1 };
    const source = generateStoryboard({ brief, ...options });
    const from = { generation_options: options, scenes: source.scenes.map((s) => ({ ...s, script: s.script || null, camera_angle: s.camera_angle || null })) };
    for (let i = 0; i < 5; i++) {
      const input = engineInputOf({ brief, reference_urls: [], generation_options: options });
      const seed = differingSeed(input, from as never);
      expect(seed).not.toBe(1);
      const out = generateStoryboard({ ...input, seed });
      expect(out.scenes.find((s) => s.scene_type === "hook")!.script).not.toBe(source.scenes.find((s) => s.scene_type === "hook")!.script);
      expect(out.scenes.map((s) => s.camera_angle)).not.toEqual(source.scenes.map((s) => s.camera_angle));
    }
  });
});
