// Reads a scene's camera set-up from the text a scene stores ("CU, low, push-in" as the engine
// writes it, or whatever a creator typed: "close up from below, slow push in").
export const SHOT_SIZES = ["ECU", "CU", "MCU", "MS", "WS", "EWS", "insert", "OTS", "POV", "screen capture", "selfie"] as const;
export const ANGLES = ["eye level", "high", "low", "overhead", "dutch"] as const;
export const MOVES = ["static", "handheld", "pan", "tilt", "push-in", "pull-out", "dolly", "tracking", "whip"] as const;
export type ShotSize = (typeof SHOT_SIZES)[number];
export type Angle = (typeof ANGLES)[number];
export type Move = (typeof MOVES)[number];

export interface CameraPlan {
  /** null when the text names no shot size (the frame then follows the scene type). */
  size: ShotSize | null;
  angle: Angle;
  move: Move;
}

// Longest phrases first, so "extreme close-up" is not read as "close-up" and "whip pan" not as "pan".
const SIZE_WORDS: Array<[RegExp, ShotSize]> = [
  [/\b(ecu|xcu|extreme close[- ]?ups?|big close[- ]?up)\b/, "ECU"],
  [/\b(mcu|medium close[- ]?ups?)\b/, "MCU"],
  [/\b(ews|xws|extreme wide|extreme long|establishing)\b/, "EWS"],
  [/\b(ots|over[- ]the[- ]shoulder)\b/, "OTS"],
  [/\b(pov|point[- ]of[- ]view|first[- ]person)\b/, "POV"],
  [/\b(screen (capture|recording|record)|screencast|screen ?rec)\b/, "screen capture"],
  [/\b(selfie)\b/, "selfie"],
  [/\b(insert|detail|cutaway|macro|product shot)\b/, "insert"],
  [/\b(cu|close[- ]?ups?|closeup)\b/, "CU"],
  [/\b(ms|medium shot|mid[- ]?shot|waist[- ]?up|medium)\b/, "MS"],
  [/\b(ws|ls|wide|long shot|full shot|full[- ]body)\b/, "WS"],
];
const ANGLE_WORDS: Array<[RegExp, Angle]> = [
  [/\b(dutch|canted|tilted (frame|horizon|angle))\b/, "dutch"],
  [/\b(overhead|top[- ]?down|bird'?s[- ]eye|flat[- ]?lay|from above)\b/, "overhead"],
  [/\b(low|worm'?s[- ]eye|from below)\b/, "low"],
  [/\b(high)\b/, "high"],
  [/\b(eye[- ]?level|eye line|straight on)\b/, "eye level"],
];
const MOVE_WORDS: Array<[RegExp, Move]> = [
  [/\b(whip|swish)\b/, "whip"],
  [/\b(push[- ]?in|dolly[- ]in|zoom[- ]in|creep in)\b/, "push-in"],
  [/\b(pull[- ]?(out|back)|dolly[- ](out|back)|zoom[- ]out)\b/, "pull-out"],
  [/\b(tracking|track|follow|trucking|truck)\b/, "tracking"],
  [/\b(dolly)\b/, "dolly"],
  [/\b(handheld|hand[- ]held)\b/, "handheld"],
  [/\b(pan|panning)\b/, "pan"],
  [/\b(tilt|tilting)(?!ed)\b/, "tilt"],
  [/\b(static|locked[- ]off|tripod|still)\b/, "static"],
];

const first = <T>(text: string, table: Array<[RegExp, T]>): T | null => {
  for (const [re, value] of table) if (re.test(text)) return value;
  return null;
};

/** Parses a stored camera_angle. Unknown parts fall back to eye level and a static camera. */
export function parseCamera(text: string | null | undefined): CameraPlan {
  const t = ` ${(text ?? "").toLowerCase().replace(/[_·|/;]+/g, ",")} `;
  return {
    size: first(t, SIZE_WORDS),
    angle: first(t, ANGLE_WORDS) ?? "eye level",
    move: first(t, MOVE_WORDS) ?? "static",
  };
}

const SIZE_NAMES: Record<ShotSize, string> = {
  ECU: "Extreme close-up",
  CU: "Close-up",
  MCU: "Medium close-up",
  MS: "Medium shot",
  WS: "Wide shot",
  EWS: "Extreme wide shot",
  insert: "Insert",
  OTS: "Over the shoulder",
  POV: "Point of view",
  "screen capture": "Screen capture",
  selfie: "Selfie",
};

/** "Close-up, low angle, push-in": the plan in words, for captions and alt text. */
export function describeCamera(plan: CameraPlan): string {
  const size = plan.size ? SIZE_NAMES[plan.size] : "Framing not given";
  const angle = plan.angle === "eye level" ? "eye level" : plan.angle === "overhead" || plan.angle === "dutch" ? `${plan.angle} angle` : `${plan.angle} angle`;
  return `${size}, ${angle}, ${plan.move === "static" ? "static camera" : plan.move}`;
}

export const sizeName = (size: ShotSize) => SIZE_NAMES[size];
