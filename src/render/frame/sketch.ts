// A composition sketch for one scene, drawn from its camera set-up in the storyboard's aspect
// ratio: the shot size frames the subject, the angle moves the horizon and the viewpoint, the
// movement draws an arrow, the platform's interface zones are a faint overlay, and the on-screen
// text sits where it would appear, clear of them. Pure and deterministic: the same scene gives
// the same drawing on the page, in the PDF and on a shared link.
import type { AspectRatio, Platform, SceneType } from "../../domain/constants";
import { describeCamera, parseCamera, type CameraPlan, type ShotSize } from "./camera";
import { layoutOverlay, type OverlayLayout } from "./overlay";
import { safeZones, type SafeZones } from "./safe-zones";
import { arrow, poly, type Shape } from "./shapes";

export interface FrameInput {
  camera_angle: string | null;
  scene_type: SceneType;
  text_overlay: string | null;
  aspect_ratio: AspectRatio;
  platform: Platform | null;
}

export interface Composition {
  /** The framing actually drawn (the scene type's usual one when the text names none). */
  size: ShotSize;
  /** The subject's head height as a fraction of the frame height (what the shot size sets). */
  subject: number;
  /** Where the horizon crosses the frame, as a fraction of its height; null looking straight down. */
  horizon: number | null;
  /** Rotation of the scene in degrees (a dutch angle). */
  tilt: number;
}

export interface Sketch {
  width: number;
  height: number;
  plan: CameraPlan;
  composition: Composition;
  zones: SafeZones;
  overlay: OverlayLayout | null;
  /** "Close-up, low angle, push-in": for alt text and captions. */
  title: string;
  shapes: Shape[];
}

/** Drawing units per aspect ratio (about the same area for each). */
export const FRAME_SIZE: Record<AspectRatio, { width: number; height: number }> = {
  "9:16": { width: 270, height: 480 },
  "16:9": { width: 480, height: 270 },
  "1:1": { width: 360, height: 360 },
  "4:5": { width: 320, height: 400 },
};

const INK = "#334155";
const SKIN = "#e2c7b0";
const BODY = "#cbd5e1";
const FOREGROUND = "#64748b";
const WALL = "#f1f5f9";
const FLOOR = "#e2e8f0";
const ARROW = "#4f46e5";
const ZONE = "#ef4444";

const FALLBACK_SIZE: Record<SceneType, ShotSize> = { hook: "CU", content: "MS", cta: "MCU", transition: "insert" };

/** Head height (fraction of frame height) and where the head's top sits, per framing. */
const FIGURE: Partial<Record<ShotSize, { head: number; top: number }>> = {
  CU: { head: 0.46, top: 0.1 },
  selfie: { head: 0.4, top: 0.14 },
  MCU: { head: 0.28, top: 0.11 },
  MS: { head: 0.17, top: 0.1 },
  WS: { head: 0.092, top: 0.16 },
  EWS: { head: 0.026, top: 0.62 },
};

export function sketchFrame(input: FrameInput): Sketch {
  const plan = parseCamera(input.camera_angle);
  const size = plan.size ?? FALLBACK_SIZE[input.scene_type];
  const { width: W, height: H } = FRAME_SIZE[input.aspect_ratio];
  const unit = Math.min(W, H);
  const line = unit / 150; // stroke width
  const zones = safeZones(input.platform, input.aspect_ratio);
  const overhead = plan.angle === "overhead";
  const tilt = plan.angle === "dutch" ? -12 : 0;

  // ---- the scene: setting and subject, before any rotation ----
  const scene: Shape[] = [];
  let horizon: number | null = overhead ? null : baseHorizon(size, plan);
  if (horizon !== null && size !== "screen capture") {
    const hy = horizon * H;
    scene.push({ kind: "rect", x: -W, y: hy, w: 3 * W, h: 2 * H, fill: FLOOR });
    scene.push({ kind: "path", d: poly([[-W, hy], [2 * W, hy]]), stroke: INK, width: line, opacity: 0.7 });
    scene.push(...perspective(plan, W, H, hy, line));
  } else if (size !== "screen capture") {
    // Looking straight down: a tabletop seen from above.
    scene.push({ kind: "rect", x: W * 0.04, y: H * 0.04, w: W * 0.92, h: H * 0.92, r: unit * 0.04, fill: FLOOR, stroke: INK, width: line, opacity: 0.9 });
    for (let i = 1; i < 6; i++) scene.push({ kind: "path", d: poly([[W * 0.04, (H * i) / 6], [W * 0.96, (H * i) / 6]]), stroke: INK, width: line * 0.5, opacity: 0.25 });
  }
  if (size === "screen capture") horizon = null;

  let subject = FIGURE[size]?.head ?? 0;
  const foreshorten = plan.angle === "high" ? 0.78 : plan.angle === "low" ? 1.25 : 1;
  const cx = W * 0.5;
  switch (size) {
    case "ECU":
      subject = 2.4;
      scene.push(...eyes(W, H, line, overhead));
      break;
    case "insert":
      subject = 0;
      scene.push(...product(W, H, unit, line, overhead, horizon));
      break;
    case "POV":
      subject = 0;
      scene.push(...product(W, H, unit * 0.7, line, overhead, horizon), ...hands(W, H, unit, line));
      break;
    case "screen capture":
      subject = 0;
      scene.push(...device(W, H, unit, line));
      break;
    case "OTS": {
      subject = 0.22;
      const head = 0.22 * H;
      scene.push(...(overhead ? topDown(W * 0.62, H * 0.42, head, line) : figure(W * 0.62, H * 0.16, head, line, foreshorten, "front")));
      // The foreground shoulder and the back of a head, large and dark, cut by the frame's edge.
      scene.push({ kind: "ellipse", cx: W * 0.12, cy: H * 0.98, rx: W * 0.42, ry: H * 0.28, fill: FOREGROUND, stroke: INK, width: line });
      scene.push({ kind: "ellipse", cx: W * 0.1, cy: H * 0.6, rx: unit * 0.2, ry: unit * 0.26, fill: FOREGROUND, stroke: INK, width: line });
      break;
    }
    default: {
      const f = FIGURE[size]!;
      let head = f.head * H;
      // A wide frame shows the same framing with a smaller head relative to its width only.
      let top = f.top * H;
      if (plan.angle === "high") top += H * 0.04;
      if (plan.angle === "low") top -= H * 0.02;
      if (overhead) {
        scene.push(...topDown(cx, H * 0.5, head * (size === "EWS" ? 2 : 1.3), line));
        break;
      }
      if (size === "EWS") scene.push(...landscape(W, H, (horizon ?? 0.6) * H, line));
      if (size === "WS") scene.push(...room(W, H, (horizon ?? 0.5) * H, line));
      // Feet on the ground: below the horizon, never in the sky when the camera looks down.
      const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
      if (size === "EWS") top = clamp((horizon ?? 0.6) + 0.12, 0.7, 0.9) * H - head * 7.4 * foreshorten;
      if (size === "WS") top = clamp((horizon ?? 0.5) + 0.32, 0.72, 0.93) * H - head * 7.4 * foreshorten;
      const figX = size === "selfie" ? W * 0.44 : cx;
      scene.push(...figure(figX, top, head, line, foreshorten, "front"));
      if (size === "selfie") scene.push(...selfieArm(W, H, figX, top, head, line));
      head = 0;
      break;
    }
  }

  const shapes: Shape[] = [{ kind: "rect", x: 0, y: 0, w: W, h: H, fill: WALL }];
  shapes.push(tilt ? { kind: "group", rotate: { deg: tilt, cx: W / 2, cy: H / 2 }, children: scene } : { kind: "group", children: scene });

  // ---- annotations: the camera's movement, the interface zones, the on-screen text ----
  shapes.push(...movement(plan, W, H, unit, line));
  for (const z of zones.zones) {
    shapes.push({ kind: "rect", x: z.x * W, y: z.y * H, w: z.w * W, h: z.h * H, fill: ZONE, opacity: 0.1 });
    if (z.label) {
      const big = z.w * W > unit * 0.5;
      shapes.push({
        kind: "text",
        x: (z.x + z.w / 2) * W,
        y: (z.y + z.h / 2) * H + unit * 0.012,
        text: big ? z.label : "",
        size: unit * 0.036,
        color: "#b91c1c",
        bold: false,
        anchor: "middle",
        opacity: 0.6,
      });
    }
  }
  const overlay = layoutOverlay(input.text_overlay, input.scene_type, zones, W, H);
  if (overlay) {
    shapes.push({ kind: "rect", x: overlay.x, y: overlay.y, w: overlay.w, h: overlay.h, r: overlay.size * 0.3, fill: "#111827", opacity: 0.82 });
    overlay.lines.forEach((text, i) => {
      shapes.push({ kind: "text", x: overlay.x + overlay.w / 2, y: overlay.y + overlay.pad + overlay.lineHeight * i + overlay.size * 0.92, text, size: overlay.size, color: "#ffffff", bold: true, anchor: "middle" });
    });
  }
  shapes.push({ kind: "rect", x: line / 2, y: line / 2, w: W - line, h: H - line, stroke: INK, width: line });

  return {
    width: W,
    height: H,
    plan,
    composition: { size, subject, horizon, tilt },
    zones,
    overlay,
    title: describeCamera({ ...plan, size }),
    shapes: shapes.filter((s) => s.kind !== "text" || s.text !== ""),
  };
}

/** The horizon at the subject's eye line looking level; high in the frame looking down; low looking up. */
function baseHorizon(size: ShotSize, plan: CameraPlan): number {
  if (plan.angle === "high") return 0.1;
  if (plan.angle === "low") return 0.9;
  const f = FIGURE[size];
  if (size === "EWS") return 0.58;
  if (size === "WS") return 0.48;
  if (f) return Math.min(0.8, Math.max(0.25, f.top + f.head * 0.45));
  if (size === "insert" || size === "POV") return 0.42;
  if (size === "OTS") return 0.26;
  return 0.45;
}

/** Converging verticals: down towards a point under the frame looking down, up looking up. */
function perspective(plan: CameraPlan, W: number, H: number, hy: number, line: number): Shape[] {
  const style = { stroke: INK, width: line * 0.6, opacity: 0.35 } as const;
  if (plan.angle === "high") {
    const vp: [number, number] = [W / 2, H * 1.8];
    return [0.08, 0.92].map((x) => ({ kind: "path" as const, d: poly([[W * x, hy], vp]), ...style }));
  }
  if (plan.angle === "low") {
    const vp: [number, number] = [W / 2, -H * 0.9];
    return [0.06, 0.94].map((x) => ({ kind: "path" as const, d: poly([[W * x, hy], vp]), ...style }));
  }
  // Level: floor lines running to a vanishing point on the horizon.
  const vp: [number, number] = [W / 2, hy];
  return [-0.6, 0.1, 0.9, 1.6].map((x) => ({ kind: "path" as const, d: poly([[W * x, H * 1.05], vp]), ...style, opacity: 0.2 }));
}

/** A person seen from the front: head, neck, torso, arms and legs, in head-height proportions. */
function figure(cx: number, top: number, head: number, line: number, f: number, facing: "front" | "back"): Shape[] {
  const hw = head * 0.38;
  const chin = top + head;
  const shoulder = chin + head * 0.18;
  const waist = shoulder + head * 2.2 * f;
  const hip = waist + head * 0.7 * f;
  const feet = hip + head * 3.4 * f;
  const sw = head * 1.05;
  const out: Shape[] = [
    { kind: "path", d: poly([[cx - hw * 0.55, chin - head * 0.05], [cx + hw * 0.55, chin - head * 0.05], [cx + hw * 0.6, shoulder], [cx - hw * 0.6, shoulder]], true), fill: SKIN, stroke: INK, width: line },
    {
      kind: "path",
      d: `M${cx - sw} ${shoulder + head * 0.25} Q${cx - sw} ${shoulder} ${cx - sw * 0.6} ${shoulder} L${cx + sw * 0.6} ${shoulder} Q${cx + sw} ${shoulder} ${cx + sw} ${shoulder + head * 0.25} L${cx + sw * 0.78} ${hip} L${cx - sw * 0.78} ${hip} Z`,
      fill: BODY,
      stroke: INK,
      width: line,
    },
    { kind: "path", d: poly([[cx - sw * 0.95, shoulder + head * 0.3], [cx - sw * 1.05, hip - head * 0.1]]), stroke: INK, width: head * 0.28, opacity: 0.55 },
    { kind: "path", d: poly([[cx + sw * 0.95, shoulder + head * 0.3], [cx + sw * 1.05, hip - head * 0.1]]), stroke: INK, width: head * 0.28, opacity: 0.55 },
    { kind: "path", d: poly([[cx - sw * 0.7, hip], [cx - sw * 0.1, hip], [cx - sw * 0.18, feet], [cx - sw * 0.55, feet]], true), fill: FOREGROUND, stroke: INK, width: line },
    { kind: "path", d: poly([[cx + sw * 0.1, hip], [cx + sw * 0.7, hip], [cx + sw * 0.55, feet], [cx + sw * 0.18, feet]], true), fill: FOREGROUND, stroke: INK, width: line },
    { kind: "ellipse", cx, cy: top + head / 2, rx: hw, ry: head / 2, fill: facing === "back" ? FOREGROUND : SKIN, stroke: INK, width: line },
  ];
  if (facing === "front") {
    const ey = top + head * 0.46;
    out.push({ kind: "ellipse", cx: cx - hw * 0.38, cy: ey, rx: head * 0.035, ry: head * 0.035, fill: INK });
    out.push({ kind: "ellipse", cx: cx + hw * 0.38, cy: ey, rx: head * 0.035, ry: head * 0.035, fill: INK });
    out.push({ kind: "path", d: `M${cx - hw * 0.3} ${top + head * 0.74} Q${cx} ${top + head * 0.82} ${cx + hw * 0.3} ${top + head * 0.74}`, stroke: INK, width: line * 0.8 });
    out.push({ kind: "path", d: `M${cx - hw} ${top + head * 0.4} Q${cx - hw} ${top - head * 0.06} ${cx} ${top - head * 0.02} Q${cx + hw} ${top - head * 0.06} ${cx + hw} ${top + head * 0.4} Q${cx} ${top + head * 0.12} ${cx - hw} ${top + head * 0.4} Z`, fill: FOREGROUND, stroke: INK, width: line * 0.8 });
  }
  return out;
}

/** A person seen from straight above: the top of the head over the shoulders. */
function topDown(cx: number, cy: number, head: number, line: number): Shape[] {
  return [
    { kind: "ellipse", cx, cy, rx: head * 1.15, ry: head * 0.45, fill: BODY, stroke: INK, width: line },
    { kind: "ellipse", cx, cy: cy - head * 0.05, rx: head * 0.38, ry: head * 0.42, fill: FOREGROUND, stroke: INK, width: line },
  ];
}

/** Extreme close-up: the eyes fill the frame. */
function eyes(W: number, H: number, line: number, overhead: boolean): Shape[] {
  const cy = overhead ? H * 0.55 : H * 0.48;
  const ew = W * 0.34;
  const eh = Math.min(W * 0.16, H * 0.2);
  const out: Shape[] = [{ kind: "rect", x: -W, y: -H, w: 3 * W, h: 3 * H, fill: SKIN }];
  for (const side of [-1, 1]) {
    const ex = W / 2 + side * W * 0.24;
    out.push({ kind: "path", d: `M${ex - ew / 2} ${cy} Q${ex} ${cy - eh} ${ex + ew / 2} ${cy} Q${ex} ${cy + eh} ${ex - ew / 2} ${cy} Z`, fill: "#ffffff", stroke: INK, width: line * 1.5 });
    out.push({ kind: "ellipse", cx: ex, cy, rx: eh * 0.42, ry: eh * 0.42, fill: "#64748b", stroke: INK, width: line });
    out.push({ kind: "ellipse", cx: ex, cy, rx: eh * 0.18, ry: eh * 0.18, fill: INK });
    out.push({ kind: "path", d: `M${ex - ew * 0.55} ${cy - eh * 1.1} Q${ex} ${cy - eh * 1.6} ${ex + ew * 0.55} ${cy - eh * 1.05}`, stroke: INK, width: eh * 0.22 });
  }
  out.push({ kind: "path", d: `M${W / 2 - W * 0.03} ${cy + eh * 0.2} Q${W / 2 - W * 0.05} ${cy + eh * 1.6} ${W / 2 - W * 0.08} ${cy + eh * 2.2}`, stroke: INK, width: line, opacity: 0.6 });
  return out;
}

/** An insert: the product large in the frame, standing on a surface (or laid flat from above). */
function product(W: number, H: number, unit: number, line: number, overhead: boolean, horizon: number | null): Shape[] {
  const cx = W / 2;
  if (overhead) {
    return [
      { kind: "ellipse", cx, cy: H / 2, rx: unit * 0.3, ry: unit * 0.3, fill: "#ffffff", stroke: INK, width: line },
      { kind: "ellipse", cx, cy: H / 2, rx: unit * 0.17, ry: unit * 0.17, fill: BODY, stroke: INK, width: line },
      { kind: "rect", x: cx + unit * 0.34, y: H / 2 - unit * 0.2, w: unit * 0.12, h: unit * 0.4, r: unit * 0.03, fill: FOREGROUND, stroke: INK, width: line },
    ];
  }
  const base = Math.min(H * 0.94, (horizon ?? 0.42) * H + H * 0.3);
  const h = Math.min(H * 0.55, unit * 0.75);
  const w = h * 0.55;
  return [
    { kind: "ellipse", cx, cy: base, rx: w * 0.7, ry: w * 0.12, fill: INK, opacity: 0.15 },
    { kind: "path", d: `M${cx - w / 2} ${base - h * 0.85} L${cx - w * 0.42} ${base} L${cx + w * 0.42} ${base} L${cx + w / 2} ${base - h * 0.85} Z`, fill: BODY, stroke: INK, width: line * 1.3 },
    { kind: "rect", x: cx - w * 0.55, y: base - h, w: w * 1.1, h: h * 0.16, r: h * 0.03, fill: FOREGROUND, stroke: INK, width: line * 1.3 },
    { kind: "rect", x: cx - w * 0.44, y: base - h * 0.6, w: w * 0.88, h: h * 0.22, fill: "#ffffff", stroke: INK, width: line, opacity: 0.9 },
    { kind: "path", d: `M${cx + w / 2} ${base - h * 0.7} Q${cx + w * 1.05} ${base - h * 0.55} ${cx + w * 0.46} ${base - h * 0.3}`, stroke: INK, width: line * 2.2 },
  ];
}

/** Point of view: the camera's own hands reaching in from the bottom edge. */
function hands(W: number, H: number, unit: number, line: number): Shape[] {
  const out: Shape[] = [];
  for (const side of [-1, 1]) {
    const x0 = W / 2 + side * W * 0.42;
    const x1 = W / 2 + side * unit * 0.2;
    const y1 = H * 0.66;
    out.push({ kind: "path", d: `M${x0 - unit * 0.1} ${H * 1.02} L${x1 - unit * 0.06} ${y1} L${x1 + unit * 0.06} ${y1} L${x0 + unit * 0.1} ${H * 1.02} Z`, fill: SKIN, stroke: INK, width: line });
    out.push({ kind: "ellipse", cx: x1, cy: y1, rx: unit * 0.085, ry: unit * 0.07, fill: SKIN, stroke: INK, width: line });
  }
  return out;
}

/** A screen capture: a phone's screen with an app's interface filling the frame. */
function device(W: number, H: number, unit: number, line: number): Shape[] {
  const dw = Math.min(W * 0.86, H * 0.5);
  const dh = Math.min(H * 0.92, dw * 2.05);
  const x = (W - dw) / 2;
  const y = (H - dh) / 2;
  const pad = dw * 0.07;
  const out: Shape[] = [
    { kind: "rect", x, y, w: dw, h: dh, r: dw * 0.12, fill: "#1f2937", stroke: INK, width: line },
    { kind: "rect", x: x + pad * 0.5, y: y + pad * 0.5, w: dw - pad, h: dh - pad, r: dw * 0.09, fill: "#ffffff" },
    { kind: "rect", x: x + pad, y: y + pad * 1.4, w: dw - 2 * pad, h: dh * 0.06, r: dh * 0.01, fill: "#c7d2fe" },
  ];
  for (let i = 0; i < 3; i++) {
    out.push({ kind: "rect", x: x + pad, y: y + dh * (0.2 + i * 0.2), w: dw - 2 * pad, h: dh * 0.15, r: dh * 0.015, fill: "#e5e7eb", stroke: INK, width: line * 0.5 });
  }
  out.push({ kind: "rect", x: x + pad, y: y + dh * 0.82, w: dw - 2 * pad, h: dh * 0.08, r: dh * 0.04, fill: ARROW, opacity: 0.8 });
  out.push({ kind: "ellipse", cx: x + dw * 0.7, cy: y + dh * 0.48, rx: unit * 0.05, ry: unit * 0.05, fill: INK, opacity: 0.25 });
  return out;
}

/** An arm reaching to the camera from the frame's lower corner, holding it. */
function selfieArm(W: number, H: number, cx: number, top: number, head: number, line: number): Shape[] {
  const shoulderY = top + head * 1.2;
  return [{ kind: "path", d: `M${cx + head * 0.9} ${shoulderY + head * 0.3} Q${W * 0.85} ${shoulderY} ${W * 1.05} ${H * 0.92} L${W * 0.9} ${H * 1.05} Q${W * 0.7} ${shoulderY + head * 0.5} ${cx + head * 0.6} ${shoulderY + head * 0.6} Z`, fill: SKIN, stroke: INK, width: line }];
}

/** A wide shot's room: a door and a window behind the subject. */
function room(W: number, H: number, hy: number, line: number): Shape[] {
  return [
    { kind: "rect", x: W * 0.07, y: hy - H * 0.3, w: W * 0.2, h: H * 0.3, fill: "#ffffff", stroke: INK, width: line, opacity: 0.8 },
    { kind: "rect", x: W * 0.72, y: hy - H * 0.2, w: W * 0.2, h: H * 0.14, fill: "#dbeafe", stroke: INK, width: line, opacity: 0.8 },
  ];
}

/** An extreme wide shot's landscape: hills along the horizon and the sun. */
function landscape(W: number, H: number, hy: number, line: number): Shape[] {
  return [
    { kind: "ellipse", cx: W * 0.78, cy: hy - H * 0.3, rx: W * 0.06, ry: W * 0.06, fill: "#fde68a", stroke: INK, width: line * 0.6 },
    { kind: "path", d: `M${-W * 0.1} ${hy} Q${W * 0.15} ${hy - H * 0.22} ${W * 0.4} ${hy - H * 0.04} Q${W * 0.6} ${hy - H * 0.16} ${W * 0.8} ${hy - H * 0.02} Q${W * 0.95} ${hy - H * 0.1} ${W * 1.1} ${hy} Z`, fill: "#cbd5e1", stroke: INK, width: line },
  ];
}

/** The camera's movement as an arrow over the frame (static draws none; handheld, shake marks). */
function movement(plan: CameraPlan, W: number, H: number, unit: number, line: number): Shape[] {
  const style = { stroke: ARROW, width: line * 2.2, opacity: 0.85, head: unit * 0.06 };
  const m = unit * 0.1;
  switch (plan.move) {
    case "pan":
      return arrow([W * 0.18, H * 0.5], [W * 0.82, H * 0.5], style, [W * 0.5, H * 0.42]);
    case "tilt":
      return arrow([W * 0.86, H * 0.72], [W * 0.86, H * 0.28], style, [W * 0.8, H * 0.5]);
    case "push-in":
      return [
        { kind: "rect", x: W * 0.22, y: H * 0.22, w: W * 0.56, h: H * 0.56, stroke: ARROW, width: line, dash: [unit * 0.03, unit * 0.02], opacity: 0.8 },
        ...arrow([m, m], [W * 0.2, H * 0.2], style),
        ...arrow([W - m, m], [W * 0.8, H * 0.2], style),
        ...arrow([m, H - m], [W * 0.2, H * 0.8], style),
        ...arrow([W - m, H - m], [W * 0.8, H * 0.8], style),
      ];
    case "pull-out":
      return [
        { kind: "rect", x: W * 0.3, y: H * 0.3, w: W * 0.4, h: H * 0.4, stroke: ARROW, width: line, dash: [unit * 0.03, unit * 0.02], opacity: 0.8 },
        ...arrow([W * 0.3, H * 0.3], [m, m], style),
        ...arrow([W * 0.7, H * 0.3], [W - m, m], style),
        ...arrow([W * 0.3, H * 0.7], [m, H - m], style),
        ...arrow([W * 0.7, H * 0.7], [W - m, H - m], style),
      ];
    case "dolly":
      return [
        { kind: "path", d: poly([[W * 0.25, H * 0.98], [W * 0.42, H * 0.62]]), stroke: ARROW, width: line, opacity: 0.7 },
        { kind: "path", d: poly([[W * 0.75, H * 0.98], [W * 0.58, H * 0.62]]), stroke: ARROW, width: line, opacity: 0.7 },
        ...arrow([W * 0.5, H * 0.95], [W * 0.5, H * 0.66], style),
      ];
    case "tracking":
      return [
        { kind: "path", d: poly([[W * 0.08, H * 0.9], [W * 0.92, H * 0.9]]), stroke: ARROW, width: line, opacity: 0.7 },
        { kind: "path", d: poly([[W * 0.08, H * 0.95], [W * 0.92, H * 0.95]]), stroke: ARROW, width: line, opacity: 0.7 },
        ...arrow([W * 0.15, H * 0.84], [W * 0.85, H * 0.84], style),
      ];
    case "whip":
      return [
        ...arrow([W * 0.12, H * 0.46], [W * 0.88, H * 0.4], style, [W * 0.5, H * 0.3]),
        ...[0.5, 0.55, 0.6].map((y, i) => ({ kind: "path" as const, d: poly([[W * (0.2 + i * 0.08), H * y], [W * (0.7 + i * 0.06), H * y]]), stroke: ARROW, width: line, opacity: 0.5 })),
      ];
    case "handheld":
      return [
        [m, m],
        [W - m * 2.4, H - m * 1.4],
      ].map(([x, y]) => ({ kind: "path" as const, d: poly([[x!, y!], [x! + m * 0.35, y! - m * 0.3], [x! + m * 0.7, y!], [x! + m * 1.05, y! - m * 0.3], [x! + m * 1.4, y!]]), stroke: ARROW, width: line * 1.6, opacity: 0.8 }));
    default:
      return [];
  }
}
