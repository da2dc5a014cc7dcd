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

  it("the old engine's Brief A, item by item: template visuals and overlays cut mid-phrase", () => {
    const v = (n: number, size: string, kind: 1 | 2) => (kind === 1 ? `${size}: a clear visual example of point #${n} at a potting bench by a bright window.` : `${size}: the host acts out point #${n}; props make it obvious.`);
    const checks = checkStoryboard({
      title: "4 mistakes people make when repotting houseplants",
      brief: A,
      platform: "instagram_reels",
      scenes: [
        scene(1, "hook", 3, "Repotting houseplants? Don't make these 4 mistakes.", "Don't make these 4 mistakes", "hook"),
        { ...scene(2, "content", 8, "Mistake one: jumping to a pot that's way too big. Guilty? Most of us are.", "#1: Jumping to a pot", "item 1 (shot 1/2)"), visual_description: `${v(1, "Wide shot", 1)} Shows: “jumping to a pot that's way too big”.` },
        { ...scene(3, "content", 2, "", "RootRight", "item 1 (shot 2/2)"), visual_description: `${v(1, "Over-the-shoulder shot", 2)} B-roll, no voice-over: music and on-screen text carry the beat.` },
        { ...scene(4, "content", 8, "Mistake two: using a pot with no drainage hole. We've all done it.", "#2: Using a pot", "item 2 (shot 1/2)"), visual_description: `${v(2, "Wide shot", 2)} Shows: “using a pot with no drainage hole”.` },
        scene(5, "cta", 4, "Get RootRight today.", "Get RootRight today", "cta"),
      ],
    });
    const bad = checks.filter((c) => !c.ok);
    expect(bad.filter((c) => c.id === "visual_specific").map((c) => c.scene_number)).toEqual([2, 3, 4]);
    expect(bad.filter((c) => c.id === "overlay_phrase").map((c) => c.scene_number)).toEqual([2, 4]);
  });
  it("the old engine's 180 s thin brief: stock lines as voice-over, 151 s of padding", () => {
    const broll = (n: number, beat: string, d = 6) => ({ ...scene(n, "content", d, "", "", beat), visual_description: "Medium shot: hands show the point in action. B-roll, no voice-over: music and on-screen text carry the beat." });
    const checks = checkStoryboard({
      title: "Waggle: Waggle dog food",
      brief: "TikTok for Waggle dog food. Link in bio.",
      requested_duration: 180,
      platform: "tiktok",
      scenes: [
        scene(1, "hook", 3, "Meet Waggle.", "Meet Waggle", "hook"),
        { ...scene(2, "content", 5, "It's simpler than it looks.", "Why it matters", "setup (shot 1/2)"), visual_description: "Wide shot: establish a kitchen counter. Shows: “It's simpler than it looks”." },
        broll(3, "setup (shot 2/2)"),
        { ...scene(4, "content", 6, "One small change makes the difference.", "Here's how", "value (shot 1/2)"), visual_description: "Over-the-shoulder shot: the host demonstrates the point with the ingredients." },
        broll(5, "value (shot 2/2)"),
        { ...scene(6, "content", 5, "And that's the difference.", "The payoff", "payoff"), visual_description: "Insert shot: the payoff on screen." },
        scene(7, "cta", 5, "Link in bio.", "Link in bio", "cta"),
      ],
    });
    const bad = checks.filter((c) => !c.ok);
    expect(bad.filter((c) => c.id === "filler_line").map((c) => c.scene_number)).toEqual([2, 4, 6]);
    expect(bad.some((c) => c.id === "visual_specific" && c.scene_number === 4)).toBe(true);
    expect(bad.find((c) => c.id === "runtime_material")?.message).toMatch(/^36 s of material; add 21 more points .* to reach the 180 s asked for\.$/);
  });
  it("the old engine's unnamed list: a placeholder overlay cut mid-phrase; a needs_input scene is not filler", () => {
    const checks = checkStoryboard({
      brief: "60 second Instagram reel: 5 mistakes people make when learning the ukulele. Follow for more.",
      scenes: [
        scene(1, "hook", 3, "Learning the ukulele? Don't make these 5 mistakes.", "Don't make these 5 mistakes", "hook"),
        { ...scene(2, "content", 6, "Mistake one is one almost everyone makes.", "#1: Mistake one is one", "item 1"), needs_input: "Mistake 1: name it here" },
        scene(3, "content", 6, "Mistake two is one almost everyone makes.", "#2: Mistake two is one", "item 2"),
        scene(4, "cta", 5, "Follow for more.", "Follow for more", "cta"),
      ],
    });
    const bad = checks.filter((c) => !c.ok);
    expect(bad.filter((c) => c.id === "overlay_phrase").map((c) => c.scene_number)).toEqual([2, 3]);
    // A placeholder with no to-do is filler; with one, it is an open to-do (needs_input), not filler.
    expect(bad.filter((c) => c.id === "filler_line").map((c) => c.scene_number)).toEqual([3]);
    expect(bad.find((c) => c.id === "runtime_material")?.message).toMatch(/^20 s of material; fill the 1 scene waiting for input .* to reach the 60 s asked for\.$/);
  });
  it("passes a whole phrase, a term overlay and visuals written from the scene", () => {
    const checks = checkStoryboard({
      brief: A,
      scenes: [
        scene(1, "hook", 3, "Repotting houseplants? Don't make these 4 mistakes.", "Don't make these 4 mistakes", "hook"),
        { ...scene(2, "content", 8, "Mistake two: using a pot with no drainage hole.", "Using a pot with no drainage hole", "item 2"), visual_description: "Wide shot at a potting bench: the host shows it on camera: “using a pot with no drainage hole”." },
        { ...scene(3, "content", 3, "", "RootRight", "item 2 (shot 2/2)"), visual_description: "Insert: B-roll cutaway on “using a pot with no drainage hole”." },
        scene(4, "cta", 4, "Get RootRight today.", "Get RootRight today", "cta"),
      ],
    });
    for (const id of ["overlay_phrase", "visual_specific", "filler_line"]) expect(checks.filter((c) => c.id === id && !c.ok), id).toEqual([]);
  });
});
