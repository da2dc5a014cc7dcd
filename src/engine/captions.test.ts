import { describe, expect, it } from "vitest";
import { captionCues, captionPieces, readingPace } from "./captions";
import { speechSeconds } from "./text";

describe("captionCues", () => {
  it("times each piece at the speaking rate and holds the last one until the cut", () => {
    const script = "Stop queueing for coffee. Open the fridge instead, pour, and go.";
    const cues = captionCues(script, 8);
    expect(cues.map((c) => c.text).join(" ")).toBe(script);
    expect(cues[0]!.start).toBe(0);
    for (let i = 1; i < cues.length; i++) expect(cues[i]!.start).toBeCloseTo(cues[i - 1]!.end, 3);
    expect(cues.at(-1)!.end).toBe(8);
    // The first sentence lasts as long as it takes to say.
    expect(cues[0]!.end).toBeCloseTo(speechSeconds("Stop queueing for coffee."), 3);
  });

  it("squeezes a script longer than its scene into the scene", () => {
    const script = "word ".repeat(40).trim();
    const cues = captionCues(script, 5);
    expect(cues.length).toBeGreaterThan(1);
    expect(cues.at(-1)!.end).toBe(5);
    expect(cues.every((c) => c.end <= 5 && c.start < c.end)).toBe(true);
  });

  it("cuts long sentences into pieces of about 2.5 s, Japanese by characters", () => {
    for (const p of captionPieces("This is a very long sentence that keeps going on and on without a single comma to stop it anywhere")) {
      expect(speechSeconds(p)).toBeLessThanOrEqual(3.2);
    }
    const ja = captionPieces("毎朝のコーヒーを冷蔵庫から取り出すだけで十五分も節約できます");
    expect(ja.length).toBeGreaterThan(1);
    expect(ja.join("")).toBe("毎朝のコーヒーを冷蔵庫から取り出すだけで十五分も節約できます");
  });

  it("has no cues for an empty script or a zero-length scene", () => {
    expect(captionCues(null, 5)).toEqual([]);
    expect(captionCues("  ", 5)).toEqual([]);
    expect(captionCues("Hello there.", 0)).toEqual([]);
  });
});

describe("readingPace", () => {
  it("reads Latin scripts in words and Japanese in characters, at the engine's rates", () => {
    expect(readingPace("One two three four five six seven.")).toMatchObject({ unit: "words", per_second: 2.8, seconds: 2.5 });
    expect(readingPace("こんにちは世界")).toMatchObject({ unit: "characters", per_second: 5 });
    expect(readingPace("こんにちは世界").seconds).toBeCloseTo(7 / 5, 3);
    expect(readingPace(null).seconds).toBe(0);
  });
});
