// The brief's model as the user sees and corrects it ("We read: product ShiftPilot · pain ..."):
// the same fields the API accepts as `brief_fields`, alongside or instead of free text.
import type { BriefModel } from "./model";

/** What the user can read and correct; every field optional, lists as arrays of short strings. */
export interface BriefFields {
  product?: string;
  product_what?: string;
  topic?: string;
  audience?: string[];
  pains?: string[];
  benefits?: string[];
  features?: string[];
  proof?: string[];
  items?: string[];
  offer?: string[];
  cta?: string;
  must_say?: string[];
  final_overlay?: string;
  avoid?: string[];
  tone?: string[];
}

const LISTS = ["audience", "pains", "benefits", "features", "proof", "items", "offer", "must_say", "avoid", "tone"] as const;
const MODEL_LIST: Record<(typeof LISTS)[number], keyof BriefModel> = {
  audience: "audience", pains: "pains", benefits: "benefits", features: "features", proof: "proof", items: "items",
  offer: "offer", must_say: "mustSay", avoid: "avoid", tone: "tone",
};

const clean = (s: unknown): string | undefined => (typeof s === "string" && s.trim() ? s.trim() : undefined);
const cleanList = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.map(clean).filter((x): x is string => !!x) : undefined);

/** The model's fields in the user's vocabulary. */
export function fieldsOf(m: BriefModel): BriefFields {
  const f: BriefFields = {};
  if (m.product) f.product = m.product;
  if (m.productWhat) f.product_what = m.productWhat;
  if (m.topic) f.topic = m.topic;
  for (const k of LISTS) {
    const v = m[MODEL_LIST[k]] as string[];
    if (v.length) f[k] = [...v];
  }
  if (m.cta.text) f.cta = m.cta.text;
  if (m.finalOverlay) f.final_overlay = m.finalOverlay;
  return f;
}

/** The model with the user's corrections: a given field replaces what was read (an empty list clears it). */
export function applyBriefFields(m: BriefModel, fields: BriefFields | null | undefined): BriefModel {
  if (!fields) return m;
  const out: BriefModel = { ...m, cta: { ...m.cta } };
  if (fields.product !== undefined) out.product = clean(fields.product);
  if (fields.product_what !== undefined) out.productWhat = clean(fields.product_what);
  if (fields.topic !== undefined) out.topic = clean(fields.topic);
  for (const k of LISTS) {
    const v = cleanList(fields[k]);
    if (v) (out[MODEL_LIST[k]] as string[]) = v;
  }
  if (fields.cta !== undefined) {
    out.cta = { text: clean(fields.cta) };
    if (m.cta.url && out.cta.text?.includes(m.cta.url)) out.cta.url = m.cta.url;
  }
  if (fields.final_overlay !== undefined) out.finalOverlay = clean(fields.final_overlay);
  if (out.items.length && out.count && out.items.length > out.count.n) out.count = { ...out.count, n: out.items.length };
  return out;
}

const LABELS: [keyof BriefFields, string][] = [
  ["topic", "Topic"], ["audience", "Audience"], ["pains", "Pain"], ["features", "Feature"], ["benefits", "Benefit"], ["proof", "Proof"],
  ["offer", "Offer"], ["must_say", "Must say"], ["final_overlay", "Final overlay"], ["avoid", "Avoid"], ["tone", "Tone"], ["cta", "CTA"],
];

/** A brief written from fields alone (the API's `brief_fields` without free text): labelled lines the parser reads back. */
export function briefFromFields(f: BriefFields): string {
  const lines: string[] = [];
  if (f.product) lines.push(`Product: ${f.product}${f.product_what ? ` - ${f.product_what}` : ""}`);
  for (const [k, label] of LABELS) {
    const v = f[k];
    if (Array.isArray(v)) {
      if (k === "tone" || k === "avoid") {
        if (v.length) lines.push(`${label}: ${v.join(", ")}`);
      } else for (const x of v) lines.push(`${label}: ${x}`);
    } else if (typeof v === "string" && v.trim()) lines.push(`${label}: ${v.trim()}`);
  }
  if (f.items?.length) {
    lines.push("Items:");
    for (const it of f.items) lines.push(`- ${it}`);
  }
  return lines.join("\n");
}
