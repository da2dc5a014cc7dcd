// Where the playhead is: which scene plays at a time, and the time a scene starts. Pure, so
// the animatic's timing is unit-tested without a browser.

export interface Timed {
  start: number;
  duration: number;
}

/** Index of the scene playing at `t` seconds (a cut belongs to the scene it starts). */
export function sceneIndexAt(scenes: readonly Timed[], t: number): number {
  if (scenes.length === 0) return -1;
  for (let i = scenes.length - 1; i >= 0; i--) {
    const s = scenes[i]!;
    // Zero-length scenes are never "on screen": the playhead skips them.
    if (s.duration > 0 && t >= s.start) return i;
  }
  return 0;
}

export const totalOf = (scenes: readonly Timed[]) => scenes.reduce((a, s) => a + s.duration, 0);

export const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The caption cue showing `t` seconds into a scene, if any. */
export function cueAt<C extends { start: number; end: number }>(cues: readonly C[], t: number): C | null {
  return cues.find((c) => t >= c.start && t < c.end) ?? null;
}
