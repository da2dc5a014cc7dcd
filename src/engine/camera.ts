// Camera plans from a standard vocabulary: shot size, angle and movement.
import type { Rng } from "./rng";

export const SHOT_SIZES = ["ECU", "CU", "MCU", "MS", "WS", "EWS", "insert", "OTS", "POV", "screen capture", "selfie"] as const;
export const CAMERA_ANGLES = ["eye level", "high", "low", "overhead", "dutch"] as const;
export const CAMERA_MOVES = ["static", "handheld", "pan", "tilt", "push-in", "pull-out", "dolly", "tracking", "whip"] as const;
export type ShotSize = (typeof SHOT_SIZES)[number];

/** Sizes that count as tight framing for a hook. */
export const TIGHT_SIZES: readonly string[] = ["ECU", "CU", "MCU", "selfie", "insert"];

const SIZES_BY_ROLE: Record<string, readonly ShotSize[]> = {
  hook: ["CU", "ECU", "MCU"],
  cta: ["MCU", "CU", "MS"],
  transition: ["insert", "ECU", "WS"],
  setup: ["MS", "MCU", "WS"],
  value: ["MCU", "insert", "MS", "OTS"],
  payoff: ["MS", "CU", "insert"],
  problem: ["CU", "MCU", "POV", "MS"],
  agitate: ["ECU", "CU", "POV", "WS"],
  solution: ["insert", "MS", "CU", "OTS"],
  interest: ["MS", "insert", "OTS", "WS"],
  desire: ["MS", "CU", "WS", "insert"],
  proof: ["insert", "MS", "CU"],
  offer: ["insert", "MS", "CU"],
  urgency: ["CU", "insert", "MS"],
  struggle: ["MCU", "MS", "CU"],
  discovery: ["insert", "OTS", "MS"],
  result: ["MS", "CU", "WS"],
  before: ["MS", "WS", "CU"],
  after: ["MS", "WS", "CU"],
  how: ["insert", "OTS", "POV"],
  item: ["MS", "CU", "insert", "WS", "OTS"],
  step: ["insert", "OTS", "POV", "CU"],
  myth: ["MCU", "CU", "MS"],
  fact: ["insert", "MS", "WS", "CU"],
  context: ["WS", "MS", "MCU"],
  conflict: ["CU", "MCU", "POV"],
  turning: ["MS", "CU", "WS"],
  lesson: ["MCU", "CU", "MS"],
  morning: ["POV", "WS", "insert", "MS"],
  midday: ["MS", "WS", "POV", "OTS"],
  evening: ["WS", "MS", "CU"],
  reflection: ["MCU", "CU"],
  option_a: ["MS", "insert", "CU"],
  option_b: ["MS", "insert", "CU"],
  verdict: ["WS", "MS", "MCU"],
};

const ANGLES_BY_SIZE: Record<ShotSize, readonly string[]> = {
  ECU: ["eye level", "high"],
  CU: ["eye level", "low", "high"],
  MCU: ["eye level", "low"],
  MS: ["eye level", "high", "low"],
  WS: ["eye level", "high", "low"],
  EWS: ["high", "eye level"],
  insert: ["overhead", "high", "eye level"],
  OTS: ["eye level", "high"],
  POV: ["eye level", "high"],
  "screen capture": ["eye level"],
  selfie: ["eye level", "high"],
};

const MOVES_BY_SIZE: Record<ShotSize, readonly string[]> = {
  ECU: ["static", "push-in"],
  CU: ["push-in", "static", "handheld"],
  MCU: ["static", "handheld", "push-in"],
  MS: ["static", "dolly", "tracking", "handheld"],
  WS: ["pan", "dolly", "static", "tracking"],
  EWS: ["pan", "pull-out", "static"],
  insert: ["static", "tilt", "push-in"],
  OTS: ["static", "handheld"],
  POV: ["handheld", "tracking"],
  "screen capture": ["static", "push-in"],
  selfie: ["handheld"],
};

export interface CameraContext {
  role: string;
  kind: string;
  digital: boolean;
  ugc: boolean;
}

export interface CameraSetup {
  size: ShotSize;
  angle: string;
  move: string;
}

export function formatCamera(c: CameraSetup): string {
  return `${c.size}, ${c.angle}, ${c.move}`;
}

function sizesFor(ctx: CameraContext): ShotSize[] {
  const base = [...(SIZES_BY_ROLE[ctx.role] ?? ["MS", "MCU", "insert", "WS", "OTS", "CU"])];
  if (ctx.digital && ["solution", "proof", "how", "step", "interest", "desire", "discovery", "value", "cta", "offer"].includes(ctx.role)) base.push("screen capture");
  if (ctx.ugc && ["hook", "struggle", "result", "context", "conflict", "lesson", "reflection", "cta", "morning", "discovery"].includes(ctx.role)) base.push("selfie");
  if (ctx.role === "setup" || ctx.role === "context") base.push("EWS");
  return base;
}

/** One set-up per scene: tight hook, shot size changes on every cut, seeded choices. */
export function planCameras(ctxs: readonly CameraContext[], rng: Rng): CameraSetup[] {
  const out: CameraSetup[] = [];
  ctxs.forEach((ctx, i) => {
    const prev = out[i - 1];
    if (ctx.kind === "transition") {
      const size: ShotSize = prev?.size === "insert" ? "ECU" : "insert";
      out.push({ size, angle: prev?.angle === "eye level" ? "high" : "eye level", move: rng.pick(["whip", "pan", "push-in"]) });
      return;
    }
    let sizes = sizesFor(ctx);
    if (ctx.kind === "hook") sizes = sizes.filter((s) => ["ECU", "CU", "MCU", "selfie"].includes(s));
    const fresh = sizes.filter((s) => s !== prev?.size);
    const size = rng.pick(fresh.length ? fresh : sizes);
    const angle = ctx.role === "agitate" && rng.next() < 0.5 ? "dutch" : ctx.role === "after" || ctx.role === "reveal" ? "low" : rng.pick(ANGLES_BY_SIZE[size]);
    const move = ctx.kind === "hook" && size !== "selfie" ? rng.pick(["push-in", "static", "handheld"]) : rng.pick(MOVES_BY_SIZE[size]);
    out.push({ size, angle, move });
  });
  // Guarantee variety: adjacent set-ups differ, and five or more scenes use at least three set-ups.
  for (let i = 1; i < out.length; i++) {
    const a = out[i - 1]!;
    const b = out[i]!;
    if (formatCamera(a) === formatCamera(b)) b.move = MOVES_BY_SIZE[b.size].find((m) => m !== a.move) ?? (a.move === "static" ? "pan" : "static");
  }
  if (out.length >= 5 && new Set(out.map(formatCamera)).size < 3) {
    for (let i = 1; i < out.length - 1 && new Set(out.map(formatCamera)).size < 3; i++) {
      const c = out[i]!;
      if (ctxs[i]?.kind !== "content") continue;
      const alt = (["WS", "insert", "OTS", "MS"] as ShotSize[]).find((s) => s !== out[i - 1]?.size && s !== out[i + 1]?.size && s !== c.size);
      if (alt) out[i] = { size: alt, angle: ANGLES_BY_SIZE[alt][0]!, move: MOVES_BY_SIZE[alt][0]! };
    }
  }
  return out;
}

const SIZE_PHRASE: Record<ShotSize, string> = {
  ECU: "Extreme close-up",
  CU: "Close-up",
  MCU: "Medium close-up",
  MS: "Medium shot",
  WS: "Wide shot",
  EWS: "Extreme wide establishing shot",
  insert: "Insert shot",
  OTS: "Over-the-shoulder shot",
  POV: "POV shot",
  "screen capture": "Screen recording",
  selfie: "Selfie-style shot",
};

export function sizePhrase(size: ShotSize): string {
  return SIZE_PHRASE[size];
}
