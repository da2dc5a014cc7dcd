import { describe, expect, it } from "vitest";
import { checkStoryboard } from "../index";

const A = "45s Instagram Reel: 4 mistakes people make when repotting houseplants, ending with a plug for our soil brand RootRight. Cheeky, fast.";
const B = "YouTube Shorts, 30s. Product: ShiftPilot - rota planning for restaurants.\n- pain: managers lose 5 hours a week building schedules\n- proof: used by 800 restaurants\n- CTA: start a free trial\nTone: calm, practical";

const scene = (n: number, scene_type: string, duration: number, script: string, text_overlay: string, beat: string) => ({
  scene_number: n, scene_type, duration, script, text_overlay, beat, camera_angle: "MS, eye level, static", visual_description: "x",
});
const failed = (checks: ReturnType<typeof checkStoryboard>) => new Set(checks.filter((c) => !c.ok).map((c) => c.id));

describe("craft checks catch the issue's storyboards", () => {
  it("Brief A as the old engine wrote it: tone read as an item, silent items, generic hook, no plug", () => {
    const checks = checkStoryboard({
      title: "Soil brand RootRight",
      brief: A,
      platform: "instagram_reels",
      total_duration: 45,
      scenes: [
        scene(1, "hook", 3, "Save this before you need it.", "Save this before you need it", "hook"),
        scene(2, "content", 3, "Number 1: Cheeky, fast.", "#1: Cheeky", "item 1 (shot 1/4)"),
        scene(3, "content", 16, "", "RootRight", "item 1 (shot 2/4)"),
        scene(4, "content", 7, "", "#2", "item 2"),
        scene(5, "content", 6, "", "#3", "item 3"),
        scene(6, "content", 6, "", "#4", "item 4"),
        scene(7, "cta", 4, "Follow for more.", "Follow for more", "cta"),
      ],
    });
    const f = failed(checks);
    for (const id of ["instruction_leak", "voice_coverage", "hook_grounding", "cta_consistency", "list_completeness"]) expect(f, id).toContain(id);
  });
  it("Brief B as the old engine wrote it: pasted lines, a cut title, an overlay that disagrees", () => {
    const checks = checkStoryboard({
      title: "Managers lose 5 hours",
      brief: B,
      platform: "youtube_shorts",
      total_duration: 30,
      scenes: [
        scene(1, "hook", 3, "Still struggling with managers lose 5 hours?", "Managers lose 5 hours", "hook"),
        scene(2, "content", 4, "Managers lose 5 hours a week building schedules.", "5 hours", "problem"),
        scene(3, "content", 4, "", "ShiftPilot", "problem"),
        scene(4, "content", 5, "ShiftPilot - rota planning for restaurants.", "The fix", "solution"),
        scene(5, "content", 10, "", "", "proof"),
        scene(6, "cta", 4, "Start a free trial.", "Follow for more", "cta"),
      ],
    });
    const f = failed(checks);
    for (const id of ["pasted_line", "voice_coverage", "cta_consistency"]) expect(f, id).toContain(id);
    expect(checks.find((c) => c.id === "cta_consistency" && !c.ok)?.severity).toBe("error");
  });
  it("reports an open needs_input per scene and leaks of labels at the start of a line", () => {
    const checks = checkStoryboard({
      brief: B,
      scenes: [
        scene(1, "hook", 3, "Losing 5 hours a week building schedules?", "5 hours a week", "hook"),
        { ...scene(2, "content", 5, "Pain: managers lose 5 hours.", "", "problem"), needs_input: "Say what it costs" },
        scene(3, "cta", 4, "Start a free trial.", "Start a free trial", "cta"),
      ],
    });
    expect(checks.filter((c) => c.id === "needs_input" && !c.ok).map((c) => c.scene_number)).toEqual([2]);
    expect(checks.some((c) => c.id === "instruction_leak" && !c.ok && c.scene_number === 2)).toBe(true);
  });
});
