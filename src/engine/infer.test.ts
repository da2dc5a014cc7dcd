import { describe, it, expect } from "vitest";
import { generateStoryboard } from "./generate";
import { DEFAULT_DURATION, inferDuration, platformFromBrief, processUrls } from "./infer";

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
  it.each([
    ["45s Instagram Reel: 4 mistakes people make when repotting houseplants", 45],
    ["30 second TikTok for our bakery", 30],
    ["a 1-minute video about our gym", 60],
    ["a one-minute video", 60],
    ["a minute-long reel for our café", 60],
    ["a thirty-second spot", 30],
    ["length: 30s", 30],
    ["Runtime: about 45 seconds", 45],
    ["Keep it under 30 seconds.", 30],
    ["YouTube Shorts, 30s. Product: ShiftPilot", 30],
    ["TikTok (30s), cheeky", 30],
    ["Instagram Reel, 45 seconds, calm tone", 45],
    ["A video of about 30 seconds", 30],
    ["Un reel de 45 segundos sobre café", 45],
    ["un vídeo de unos 30 segundos", 30],
    ["Duración: 20 segundos", 20],
    ["une vidéo d'une minute pour notre boulangerie", 60],
    ["Durée : 30 s", 30],
    ["ein 30-Sekunden-Video für unsere Bäckerei", 30],
    ["Länge: 45 Sekunden", 45],
    ["ein Video von 30 Sekunden", 30],
    ["um vídeo de um minuto", 60],
    ["Reels de 45s para a nossa padaria", 45],
    ["Duração: 30 segundos", 30],
    ["尺は30秒", 30],
    ["長さ：15秒", 15],
    ["45秒のリール", 45],
  ])("reads the video-length phrase in %s -> %i", (brief, seconds) => {
    expect(inferDuration(brief)?.seconds).toBe(seconds);
  });
  it.each([
    "managers lose 5 hours a week building schedules",
    "Dinner ready in 10 minutes, every night.",
    "Join our 30-day challenge.",
    "Make a reel: the 5-second rule for dropped food",
    "A 10-minute workout you can do anywhere. Upbeat.",
    "Our 15-minute express service for busy parents",
    "The 3-minute morning routine that changed my life",
    "A 2-minute pasta sauce",
    "Our 60-second checkout beats every competitor.",
    "It takes a minute to set up.",
    "Plank for 45 seconds, rest 15 seconds.",
    "Heat for 30 seconds in the microwave.",
    "Recipe: pasta that cooks in 12 minutes, TikTok",
    "TikTok for our sauna: the ideal session is 15 minutes",
    "a video about 10-minute meals",
    "Make a second video later.",
    "Listo en 10 minutos.",
    "Prêt en 10 minutes.",
    "In 10 Minuten fertig.",
    "Pronto em 10 minutos.",
    "10分で完成する時短レシピ。",
  ])("takes no length from a duration about the content: %s", (brief) => {
    expect(inferDuration(brief)).toBeUndefined();
  });
  it("takes the video's length, not an earlier content duration, in every language", () => {
    expect(inferDuration("Boil eggs 7 minutes. 30s reel.")?.seconds).toBe(30);
    expect(inferDuration("Nuestra paella está lista en 20 minutos. Un TikTok de 30 segundos.")?.seconds).toBe(30);
    expect(inferDuration("10分で完成する時短レシピの30秒動画")?.seconds).toBe(30);
  });
});

describe("the running time of a storyboard", () => {
  it("comes from the video-length phrase, never from another duration in the brief", () => {
    expect(generateStoryboard({ brief: "A 10-minute workout you can do anywhere, no equipment. Follow for more." }).requested_duration).toBe(DEFAULT_DURATION);
    expect(generateStoryboard({ brief: "Make a reel: the 5-second rule for dropped food is a myth. Follow for more." }).requested_duration).toBe(DEFAULT_DURATION);
    expect(generateStoryboard({ brief: "Our 60-second checkout for online shops. 45s TikTok. Try it at quickpay.io" }).requested_duration).toBe(45);
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
