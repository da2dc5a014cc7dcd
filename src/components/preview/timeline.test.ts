import { describe, expect, it } from "vitest";
import { cueAt, sceneIndexAt, totalOf } from "./timeline";

const scenes = [
  { start: 0, duration: 3 },
  { start: 3, duration: 5 },
  { start: 8, duration: 0 },
  { start: 8, duration: 4 },
];

describe("sceneIndexAt", () => {
  it("finds the scene playing at a time; a cut belongs to the scene it starts", () => {
    expect(sceneIndexAt(scenes, 0)).toBe(0);
    expect(sceneIndexAt(scenes, 2.999)).toBe(0);
    expect(sceneIndexAt(scenes, 3)).toBe(1);
    expect(sceneIndexAt(scenes, 7.5)).toBe(1);
    // The zero-length scene 3 is skipped.
    expect(sceneIndexAt(scenes, 8)).toBe(3);
    expect(sceneIndexAt(scenes, 12)).toBe(3);
    expect(sceneIndexAt([], 1)).toBe(-1);
    expect(totalOf(scenes)).toBe(12);
  });
});

describe("cueAt", () => {
  it("shows the cue whose span holds the time", () => {
    const cues = [{ start: 0, end: 1.5, text: "a" }, { start: 1.5, end: 4, text: "b" }];
    expect(cueAt(cues, 0)?.text).toBe("a");
    expect(cueAt(cues, 1.5)?.text).toBe("b");
    expect(cueAt(cues, 4)).toBeNull();
  });
});
