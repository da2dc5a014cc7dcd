import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ASPECT_RATIOS, PLATFORMS, SCENE_TYPES, type AspectRatio } from "../../domain/constants";
import { CAMERA_ANGLES, CAMERA_MOVES, SHOT_SIZES as ENGINE_SIZES } from "../../engine/camera";
import { ANGLES, MOVES, SHOT_SIZES, parseCamera } from "./camera";
import { safeZones } from "./safe-zones";
import { sketchFrame, type FrameInput } from "./sketch";
import { sketchToSvg } from "./svg";

const base: FrameInput = { camera_angle: "MS, eye level, static", scene_type: "content", text_overlay: null, aspect_ratio: "9:16", platform: "tiktok" };
const svgOf = (over: Partial<FrameInput>) => sketchToSvg(sketchFrame({ ...base, ...over }));

describe("reading the camera set-up a scene stores", () => {
  it("reads every term the engine writes", () => {
    for (const size of ENGINE_SIZES) expect(parseCamera(`${size}, eye level, static`).size).toBe(size);
    for (const angle of CAMERA_ANGLES) expect(parseCamera(`MS, ${angle}, static`).angle).toBe(angle);
    for (const move of CAMERA_MOVES) expect(parseCamera(`MS, eye level, ${move}`).move).toBe(move);
    expect(new Set(SHOT_SIZES)).toEqual(new Set(ENGINE_SIZES));
    expect(new Set(ANGLES)).toEqual(new Set(CAMERA_ANGLES));
    expect(new Set(MOVES)).toEqual(new Set(CAMERA_MOVES));
  });

  it("reads what a creator types in words", () => {
    expect(parseCamera("close up from below, slow push in")).toEqual({ size: "CU", angle: "low", move: "push-in" });
    expect(parseCamera("Extreme close-up on the eyes")).toMatchObject({ size: "ECU" });
    expect(parseCamera("medium close-up, handheld")).toMatchObject({ size: "MCU", move: "handheld" });
    expect(parseCamera("over the shoulder, whip pan to the screen")).toMatchObject({ size: "OTS", move: "whip" });
    expect(parseCamera("flat lay of the ingredients")).toMatchObject({ size: null, angle: "overhead" });
    expect(parseCamera("wide establishing shot, drone pull back")).toMatchObject({ size: "EWS", move: "pull-out" });
    expect(parseCamera("")).toEqual({ size: null, angle: "eye level", move: "static" });
    expect(parseCamera(null)).toEqual({ size: null, angle: "eye level", move: "static" });
  });
});

describe("frame sketches", () => {
  it("frames the subject tighter for every step from extreme wide to extreme close-up, in every aspect ratio", () => {
    for (const aspect of ASPECT_RATIOS) {
      const order = ["EWS", "WS", "MS", "MCU", "CU", "ECU"].map((size) => sketchFrame({ ...base, aspect_ratio: aspect, camera_angle: `${size}, eye level, static` }).composition.subject);
      for (let i = 1; i < order.length; i++) expect(order[i]!, `${aspect} step ${i}`).toBeGreaterThan(order[i - 1]!);
    }
  });

  it("draws each shot size, angle and movement differently", () => {
    const sizes = SHOT_SIZES.map((s) => svgOf({ camera_angle: `${s}, eye level, static` }));
    expect(new Set(sizes).size).toBe(SHOT_SIZES.length);
    const angles = ANGLES.map((a) => svgOf({ camera_angle: `MS, ${a}, static` }));
    expect(new Set(angles).size).toBe(ANGLES.length);
    const moves = MOVES.map((m) => svgOf({ camera_angle: `MS, eye level, ${m}` }));
    expect(new Set(moves).size).toBe(MOVES.length);
  });

  it("puts the horizon high looking down, low looking up, nowhere looking straight down, and tilts a dutch angle", () => {
    const at = (angle: string) => sketchFrame({ ...base, camera_angle: `WS, ${angle}, static` }).composition;
    expect(at("high").horizon!).toBeLessThan(at("eye level").horizon!);
    expect(at("eye level").horizon!).toBeLessThan(at("low").horizon!);
    expect(at("overhead").horizon).toBeNull();
    expect(at("dutch").tilt).not.toBe(0);
    expect(at("eye level").tilt).toBe(0);
  });

  it("draws an arrow for a moving camera and none for a static one", () => {
    const arrowColour = 'fill="#4f46e5"';
    expect(svgOf({ camera_angle: "MS, eye level, static" })).not.toContain(arrowColour);
    for (const m of ["pan", "tilt", "push-in", "pull-out", "dolly", "tracking", "whip"]) expect(svgOf({ camera_angle: `MS, eye level, ${m}` }), m).toContain(arrowColour);
  });

  it("falls back on the scene type's usual framing when the text names none", () => {
    expect(sketchFrame({ ...base, camera_angle: null, scene_type: "hook" }).composition.size).toBe("CU");
    expect(sketchFrame({ ...base, camera_angle: "something unusual", scene_type: "transition" }).composition.size).toBe("insert");
  });

  it("is the aspect ratio's shape", () => {
    const ratio = (a: AspectRatio) => {
      const s = sketchFrame({ ...base, aspect_ratio: a });
      return s.width / s.height;
    };
    expect(ratio("9:16")).toBeCloseTo(9 / 16, 3);
    expect(ratio("16:9")).toBeCloseTo(16 / 9, 3);
    expect(ratio("1:1")).toBe(1);
    expect(ratio("4:5")).toBeCloseTo(0.8, 3);
  });

  it("never places the on-screen text in a platform's interface zone, whatever the text", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 500 }), fc.constantFrom("今日から始める朝のルーティン、三つのコツ", "¡Compra ahora! Código BREW20 — 20 % de descuento", "Stop scrolling")),
        fc.constantFrom(...PLATFORMS, null),
        fc.constantFrom(...ASPECT_RATIOS),
        fc.constantFrom(...SCENE_TYPES),
        (text, platform, aspect, type) => {
          const s = sketchFrame({ ...base, text_overlay: text, platform, aspect_ratio: aspect, scene_type: type });
          if (!s.overlay) return text.trim() === "";
          const o = s.overlay;
          const W = s.width;
          const H = s.height;
          const eps = 1e-6;
          const safe = s.zones.safe;
          expect(o.x).toBeGreaterThanOrEqual(safe.x * W - eps);
          expect(o.y).toBeGreaterThanOrEqual(safe.y * H - eps);
          expect(o.x + o.w).toBeLessThanOrEqual((safe.x + safe.w) * W + eps);
          expect(o.y + o.h).toBeLessThanOrEqual((safe.y + safe.h) * H + eps);
          for (const z of s.zones.zones) {
            const apart = o.x + o.w <= z.x * W + eps || o.x >= (z.x + z.w) * W - eps || o.y + o.h <= z.y * H + eps || o.y >= (z.y + z.h) * H - eps;
            expect(apart, `${platform} ${aspect} zone ${z.label}`).toBe(true);
          }
          expect(o.lines.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("places a hook's text above a call to action's", () => {
    const y = (type: "hook" | "cta") => sketchFrame({ ...base, text_overlay: "Link in bio", scene_type: type }).overlay!.y;
    expect(y("hook")).toBeLessThan(y("cta"));
  });

  it("draws TikTok's, Reels' and Shorts' zones on a vertical frame and a graphics-safe margin elsewhere", () => {
    expect(safeZones("tiktok", "9:16").zones.map((z) => z.label)).toContain("buttons");
    expect(safeZones("instagram_reels", "9:16").zones.find((z) => z.y > 0.5)?.h).toBeCloseTo(0.35);
    expect(safeZones("youtube_shorts", "9:16").zones.length).toBeGreaterThan(0);
    expect(safeZones("tiktok", "16:9").zones).toEqual([]);
    expect(safeZones(null, "1:1").safe).toEqual({ x: 0.05, y: 0.05, w: 0.9, h: 0.9 });
  });

  it("writes SVG with the text escaped and nothing active in it", () => {
    const svg = svgOf({ text_overlay: `<script>alert(1)</script> & "quotes"`, camera_angle: `CU, low, pan" onload="x` });
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).not.toMatch(/<script|onload=|href=/i);
    expect(svg).toContain("&lt;script&gt;");
    expect(svg).toContain('viewBox="0 0 270 480"');
  });
});
