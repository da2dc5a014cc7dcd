import { describe, it, expect } from "vitest";
import { checkStoryboard, passesErrors } from "./checks";
import type { SceneLike } from "./types";

const good: SceneLike[] = [
  { scene_number: 1, scene_type: "hook", duration: 3, script: "Tired of bitter coffee?", text_overlay: "Bitter coffee?", camera_angle: "CU, eye level, push-in", visual_description: "Close-up" },
  { scene_number: 2, scene_type: "content", duration: 6, script: "Brewly ships fresh cold brew every two weeks.", text_overlay: "Fresh every 2 weeks", camera_angle: "insert, overhead, static", visual_description: "Insert" },
  { scene_number: 3, scene_type: "transition", duration: 1, script: "", text_overlay: "", camera_angle: "WS, eye level, whip", visual_description: "Whip" },
  { scene_number: 4, scene_type: "content", duration: 6, script: "Just pour, add milk, done in 20 seconds.", text_overlay: "20 seconds", camera_angle: "MS, eye level, dolly", visual_description: "MS" },
  { scene_number: 5, scene_type: "cta", duration: 4, script: "Order yours at brewly.com.", text_overlay: "brewly.com", camera_angle: "MCU, eye level, static", visual_description: "End card" },
];
const base = { platform: "tiktok", total_duration: 20, scenes: good };
const failing = (sb: Parameters<typeof checkStoryboard>[0]) => checkStoryboard(sb).filter((c) => !c.ok);
const clone = () => good.map((s) => ({ ...s }));

describe("checkStoryboard", () => {
  it("passes a good storyboard", () => {
    const checks = checkStoryboard(base);
    expect(failing(base)).toEqual([]);
    expect(passesErrors(checks)).toBe(true);
    for (const c of checks) expect(["error", "warning", "info"]).toContain(c.severity);
  });
  it("catches a wrong sum, fractional seconds and the platform maximum", () => {
    expect(failing({ ...base, total_duration: 25 }).map((c) => c.id)).toContain("duration_sum");
    const s = clone();
    s[1]!.duration = 5.5;
    s[3]!.duration = 6.5;
    expect(failing({ ...base, scenes: s }).find((c) => c.id === "duration_whole")?.scene_number).toBe(2);
    const long = Array.from({ length: 13 }, () => ({ ...good[1]! }));
    const fb = [good[0]!, ...long, good[4]!];
    expect(failing({ platform: "facebook_reels", total_duration: 85, scenes: fb }).map((c) => c.id)).not.toContain("platform_max");
    expect(failing({ platform: "facebook_reels", total_duration: 91, scenes: fb }).map((c) => c.id)).toContain("platform_max");
  });
  it("checks the hook: first, 1-3 s, 12 words, no throat-clearing", () => {
    const s = clone();
    s[0]!.script = "Hi guys, welcome back to my channel";
    expect(failing({ ...base, scenes: s }).map((c) => c.id)).toContain("hook_opener");
    s[0]!.script = "This one weird trick changes everything you know about coffee forever and ever";
    expect(failing({ ...base, scenes: s }).map((c) => c.id)).toContain("hook_words");
    s[0]!.duration = 4;
    s[1]!.duration = 5;
    expect(failing({ ...base, scenes: s }).map((c) => c.id)).toContain("hook_duration");
    const swapped = [good[1]!, good[0]!, ...good.slice(2)];
    expect(failing({ ...base, scenes: swapped }).map((c) => c.id)).toContain("hook_first");
  });
  it("checks the CTA: last, 2-5 s, verb, spoken and on screen", () => {
    const s = clone();
    s[4]!.script = "Thanks for watching.";
    s[4]!.text_overlay = "The end";
    expect(failing({ ...base, scenes: s }).map((c) => c.id)).toContain("cta_verb");
    s[4]!.text_overlay = "";
    expect(failing({ ...base, scenes: s }).map((c) => c.id)).toContain("cta_spoken_on_screen");
    const s2 = clone();
    s2[4]!.duration = 1;
    s2[3]!.duration = 9;
    const ids = failing({ ...base, scenes: s2 }).map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(["cta_duration", "pacing"]));
    expect(failing({ ...base, scenes: good.slice(0, 4) }).map((c) => c.id)).toContain("cta_last");
  });
  it("checks that the voice-over fits, counting numbers and URLs as spoken", () => {
    const s = clone();
    s[4]!.script = "Call 0113 496 0000 today."; // 13 spoken words in 4 s (max 11.2)
    const f = failing({ ...base, scenes: s }).find((c) => c.id === "voiceover_fit");
    expect(f?.scene_number).toBe(5);
    expect(f?.severity).toBe("error");
    const ja = clone();
    ja[1]!.script = "自家焙煎のコーヒーと手作りのチーズケーキが人気です。朝八時から営業しています。"; // 38 characters in 6 s (max 30)
    expect(failing({ ...base, scenes: ja }).map((c) => c.id)).toContain("voiceover_fit");
  });
  it("checks overlay limits and presence", () => {
    const s = clone();
    s[1]!.text_overlay = "This overlay is far too long for anyone to read on a phone";
    expect(failing({ ...base, scenes: s }).find((c) => c.id === "overlay_limits")?.scene_number).toBe(2);
    s[0]!.text_overlay = "";
    expect(failing({ ...base, scenes: s }).map((c) => c.id)).toContain("overlay_hook_cta");
    const s2 = clone();
    s2[1]!.text_overlay = "";
    s2[3]!.text_overlay = "";
    expect(failing({ ...base, scenes: s2 }).find((c) => c.id === "overlay_content")?.severity).toBe("warning");
  });
  it("checks transitions, camera variety and duplicated lines", () => {
    const s = clone();
    s[2]!.duration = 2;
    s[3]!.duration = 5;
    expect(failing({ ...base, scenes: s }).map((c) => c.id)).toContain("pacing");
    const s2 = clone().map((x) => ({ ...x, camera_angle: "MS, eye level, static" }));
    expect(failing({ ...base, scenes: s2 }).filter((c) => c.id === "camera_variety").length).toBeGreaterThan(1);
    const s3 = clone();
    s3[3]!.script = s3[1]!.script;
    expect(failing({ ...base, scenes: s3 }).find((c) => c.id === "duplicate_lines")?.scene_number).toBe(4);
  });
  it("checks the brief's key terms and what it says to avoid", () => {
    const brief = "TikTok for Brewly cold brew. Save 20% with code BREW20. Do not say it is free.";
    const ids = failing({ ...base, brief }).map((c) => c.id);
    expect(ids).toContain("key_terms");
    const s = clone();
    s[1]!.script = "Brewly is free this week, code BREW20 for 20%.";
    const f = failing({ ...base, scenes: s, brief });
    expect(f.find((c) => c.id === "avoid_terms")?.scene_number).toBe(2);
    expect(f.map((c) => c.id)).not.toContain("key_terms");
  });
  it("never throws on malformed storyboards", () => {
    const bad = [
      { scenes: [] },
      { scenes: [{}] },
      { scenes: [{ scene_type: "intro", duration: "x" as unknown as number, script: null }] },
      { scenes: [{ scene_type: "hook", duration: -1 }, { scene_type: "cta", duration: Number.NaN }], total_duration: Number.NaN, platform: "myspace" },
    ];
    for (const b of bad) {
      expect(() => checkStoryboard(b)).not.toThrow();
      expect(passesErrors(checkStoryboard(b))).toBe(false);
    }
  });
});
