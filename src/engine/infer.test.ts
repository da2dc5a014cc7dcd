import { describe, it, expect } from "vitest";
import { inferDuration, platformFromBrief, processUrls } from "./infer";

describe("inferDuration", () => {
  it.each([
    ["Make a 30-second TikTok", 30],
    ["45s reel about running", 45],
    ["A 90 sec explainer", 90],
    ["1 minute video for our gym", 60],
    ["about 60s, fun tone", 60],
    ["Vídeo de 30 segundos para TikTok", 30],
    ["30秒のTikTok動画", 30],
    ["Une vidéo de 45 secondes", 45],
    ["Ein 20 Sekunden Clip", 20],
    ["a 3-minute YouTube explainer", 180],
    ["half a minute", 30],
    ["1.5 minutes", 90],
  ])("%s -> %i", (brief, seconds) => {
    expect(inferDuration(brief)?.seconds).toBe(seconds);
  });
  it("ignores ages and content durations", () => {
    expect(inferDuration("for women in their 30s who run")).toBeUndefined();
    expect(inferDuration("Cold brew ready in 20 seconds.")).toBeUndefined();
    expect(inferDuration("No numbers here")).toBeUndefined();
    expect(inferDuration("Mornings are hectic and the coffee shop queue wastes 15 minutes every day.")).toBeUndefined();
    expect(inferDuration("Our class runs 45 minutes. Make a 20-second teaser.")?.seconds).toBe(20);
  });
  it("prefers the video's length over a content duration", () => {
    expect(inferDuration("Breakfast ready in 5 minutes. Make it a 25-second reel.")?.seconds).toBe(25);
  });
});

describe("platform inference", () => {
  it("reads hosts and paths", () => {
    expect(processUrls(["https://www.tiktok.com/@a/video/1"]).platform).toBe("tiktok");
    expect(processUrls(["https://youtube.com/shorts/abc"]).platform).toBe("youtube_shorts");
    expect(processUrls(["https://www.youtube.com/watch?v=abc"]).platform).toBe("youtube");
    expect(processUrls(["https://youtu.be/abc"]).platform).toBe("youtube");
    expect(processUrls(["https://www.instagram.com/reel/C1/"]).platform).toBe("instagram_reels");
    expect(processUrls(["https://fb.watch/abc/"]).platform).toBe("facebook_reels");
    expect(processUrls(["https://example.com/video"]).platform).toBeUndefined();
  });
  it("takes the majority of the URLs", () => {
    const r = processUrls(["https://youtu.be/a", "https://www.tiktok.com/@a/video/1", "https://vm.tiktok.com/xyz"]);
    expect(r.platform).toBe("tiktok");
  });
  it("ignores malformed, duplicate and surplus entries with warnings, never throws", () => {
    const r = processUrls(["https://tiktok.com/@a/video/1", "tiktok.com/@a/video/1", "not a url", 42, null, "ftp://x.y/z", "https://tiktok.com/@a/video/1?utm_source=x"]);
    expect(r.valid).toEqual(["https://tiktok.com/@a/video/1"]);
    expect(r.warnings).toHaveLength(6);
    const many = processUrls(Array.from({ length: 12 }, (_, i) => `https://example.com/${i}`));
    expect(many.valid).toHaveLength(10);
    expect(many.warnings).toHaveLength(2);
  });
  it("reads the brief's words", () => {
    expect(platformFromBrief("a YouTube Shorts video")).toBe("youtube_shorts");
    expect(platformFromBrief("for Facebook Reels")).toBe("facebook_reels");
    expect(platformFromBrief("an Instagram reel")).toBe("instagram_reels");
    expect(platformFromBrief("TikTok, then YouTube")).toBe("tiktok");
    expect(platformFromBrief("a long YouTube video")).toBe("youtube");
    expect(platformFromBrief("no platform")).toBeUndefined();
  });
});
