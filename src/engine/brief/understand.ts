// What the engine read in a brief, for the form and the API to show before generating.
import type { Platform } from "../../domain/constants";
import { generateWithModel } from "../generate";
import { fieldsOf, type BriefFields } from "./fields";
import { summarizeBrief } from "./model";

export interface BriefLength {
  /** The length asked for (the option, else the brief's, else 30 s), within the platform's maximum. */
  requested_duration: number;
  /** What the brief's material fills: the storyboard's running time. */
  total_duration: number;
  /** "16 s of material; ... to reach the 60 s asked for." when the brief cannot fill the length; else null. */
  message: string | null;
}

export interface BriefUnderstanding {
  /** The fields as read (with the user's corrections applied). */
  fields: BriefFields;
  /** "We read: product ShiftPilot · pain: ... · CTA: ... · tone: calm" */
  summary: string;
  language: string;
  /** Parts of the brief that steer nothing (labels, instructions), with the reason. */
  ignored: { text: string; reason: string }[];
  /** How long a storyboard the brief fills, against the length asked for. */
  length: BriefLength;
}

export interface UnderstandOptions {
  duration?: number | null;
  platform?: Platform | null;
  pattern?: string | null;
}

export function understandBrief(brief: string, corrections?: BriefFields | null, options: UnderstandOptions = {}): BriefUnderstanding {
  // The engine itself says how much the brief fills (it is deterministic and takes about a
  // millisecond); the model it wrote from and its own checks are what was read: one read of the brief.
  const { storyboard: sb, model: m } = generateWithModel({ brief, brief_fields: corrections ?? null, duration: options.duration ?? null, platform: options.platform ?? null, pattern: options.pattern ?? null });
  const runtime = sb.checks.find((c) => c.id === "runtime_material");
  const length: BriefLength = {
    requested_duration: sb.requested_duration,
    total_duration: sb.total_duration,
    message: sb.total_duration < sb.requested_duration && runtime && !runtime.ok ? runtime.message : null,
  };
  return { fields: fieldsOf(m), summary: summarizeBrief(m), language: m.language, ignored: m.ignored, length };
}
