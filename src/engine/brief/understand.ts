// What the engine read in a brief, for the form and the API to show before generating.
import { applyBriefFields, briefFromFields, fieldsOf, type BriefFields } from "./fields";
import { parseBrief, summarizeBrief } from "./model";

export interface BriefUnderstanding {
  /** The fields as read (with the user's corrections applied). */
  fields: BriefFields;
  /** "We read: product ShiftPilot · pain: ... · CTA: ... · tone: calm" */
  summary: string;
  language: string;
  /** Parts of the brief that steer nothing (labels, instructions), with the reason. */
  ignored: { text: string; reason: string }[];
}

export function understandBrief(brief: string, corrections?: BriefFields | null): BriefUnderstanding {
  const text = brief.trim() || !corrections ? brief : briefFromFields(corrections);
  const m = applyBriefFields(parseBrief(text), corrections);
  return { fields: fieldsOf(m), summary: summarizeBrief(m), language: m.language, ignored: m.ignored };
}
