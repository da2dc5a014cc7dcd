import { describe, it, expect } from "vitest";
import { CAMERA_ANGLES, CAMERA_MOVES, SHOT_SIZES, formatCamera, planCameras, type CameraContext } from "./camera";
import { createRng } from "./rng";

describe("planCameras", () => {
  const roles = ["hook", "problem", "agitate", "solution", "solution", "proof", "transition", "after", "cta"];
  const ctxs: CameraContext[] = roles.map((r) => ({ role: r, kind: r === "hook" || r === "cta" || r === "transition" ? r : "content", digital: true, ugc: false }));
  it("uses the standard vocabulary, a tight hook, varied set-ups", () => {
    for (let seed = 0; seed < 200; seed++) {
      const cams = planCameras(ctxs, createRng(seed, "camera"));
      expect(cams).toHaveLength(roles.length);
      for (const c of cams) {
        expect(SHOT_SIZES).toContain(c.size);
        expect(CAMERA_ANGLES as readonly string[]).toContain(c.angle);
        expect(CAMERA_MOVES as readonly string[]).toContain(c.move);
      }
      expect(["ECU", "CU", "MCU", "selfie"]).toContain(cams[0]!.size);
      for (let i = 1; i < cams.length; i++) expect(formatCamera(cams[i]!)).not.toBe(formatCamera(cams[i - 1]!));
      expect(new Set(cams.map(formatCamera)).size).toBeGreaterThanOrEqual(3);
    }
  });
  it("varies with the seed", () => {
    const plans = new Set(Array.from({ length: 10 }, (_, s) => planCameras(ctxs, createRng(s, "camera")).map(formatCamera).join("|")));
    expect(plans.size).toBeGreaterThan(5);
  });
});
