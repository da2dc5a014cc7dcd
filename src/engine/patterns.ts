// The pattern library: short-form structures with their beats in order and their share
// of the running time, plus the rules that choose one from the brief's signals.
import type { BriefAnalysis } from "./brief";
import type { HookFamily, Role } from "./i18n";

export type BeatKind = "hook" | "content" | "cta" | "transition";

export interface Beat {
  /** Role of the beat (drives wording, overlay label and camera). */
  role: Role | "hook" | "cta" | "transition";
  kind: BeatKind;
  /** Nominal share of the running time (hook and CTA are clamped to 1-3 s and 2-5 s). */
  share: number;
  /** Repeated beat (list items, steps, myth/fact pairs): expanded to the brief's count. */
  repeat?: boolean;
  /** May be dropped first when time is short. */
  optional?: boolean;
}

export interface Pattern {
  id: string;
  name: string;
  description: string;
  hook: HookFamily;
  beats: readonly Beat[];
}

const H = (share = 0.1): Beat => ({ role: "hook", kind: "hook", share });
const C = (role: Role, share: number, extra: Partial<Beat> = {}): Beat => ({ role, kind: "content", share, ...extra });
const T: Beat = { role: "transition", kind: "transition", share: 0.03, optional: true };
const A = (share = 0.12): Beat => ({ role: "cta", kind: "cta", share });

export const PATTERNS: readonly Pattern[] = [
  {
    id: "hook-value-cta",
    name: "Hook, value, call to action",
    description: "The fallback: a hook, the brief's key points as value, a clear call to action.",
    hook: "generic",
    beats: [H(), C("setup", 0.18, { optional: true }), C("value", 0.45), C("payoff", 0.15, { optional: true }), A()],
  },
  {
    id: "problem-agitate-solve",
    name: "Problem, agitate, solve",
    description: "Name the viewer's pain, make it felt, then show the fix.",
    hook: "pain",
    beats: [H(), C("problem", 0.2), C("agitate", 0.17, { optional: true }), C("solution", 0.3), C("proof", 0.11, { optional: true }), A()],
  },
  {
    id: "aida",
    name: "AIDA / product launch",
    description: "Attention, interest, desire, action: the classic launch structure.",
    hook: "launch",
    beats: [H(), C("interest", 0.22), C("desire", 0.3), T, C("proof", 0.14, { optional: true }), A()],
  },
  {
    id: "direct-response",
    name: "Direct-response ad",
    description: "Pain, offer, proof, urgency: built to convert on the spot.",
    hook: "offer",
    beats: [H(), C("problem", 0.15, { optional: true }), C("offer", 0.27), C("proof", 0.18, { optional: true }), C("urgency", 0.12), A(0.14)],
  },
  {
    id: "testimonial",
    name: "Testimonial / UGC",
    description: "A real person on camera: where they were, what they found, what changed.",
    hook: "testimonial",
    beats: [H(), C("struggle", 0.2), C("discovery", 0.22), C("result", 0.3), A()],
  },
  {
    id: "before-after",
    name: "Before / after",
    description: "The before state, a reveal transition, the after state, and how.",
    hook: "beforeAfter",
    beats: [H(), C("before", 0.25), T, C("after", 0.27), C("how", 0.2, { optional: true }), A()],
  },
  {
    id: "listicle",
    name: "Listicle",
    description: "A numbered list: the item count comes from the brief (\"5 mistakes\" gives five items).",
    hook: "list",
    beats: [H(), C("item", 0.75, { repeat: true }), A()],
  },
  {
    id: "tutorial",
    name: "Tutorial / how-to",
    description: "Steps in order, then the finished result.",
    hook: "howto",
    beats: [H(), C("step", 0.62, { repeat: true }), C("result", 0.14, { optional: true }), A()],
  },
  {
    id: "myth-fact",
    name: "Myth vs fact",
    description: "State a common belief, then correct it with the facts.",
    hook: "myth",
    beats: [H(), C("myth", 0.32, { repeat: true }), C("fact", 0.43, { repeat: true }), A()],
  },
  {
    id: "storytime",
    name: "Storytime / founder story",
    description: "Context, conflict, turning point, lesson: a story told to camera.",
    hook: "story",
    beats: [H(), C("context", 0.2), C("conflict", 0.22), C("turning", 0.2), C("lesson", 0.16, { optional: true }), A(0.1)],
  },
  {
    id: "day-in-the-life",
    name: "Day in the life",
    description: "Morning, midday and evening moments, then a reflection.",
    hook: "dayinlife",
    beats: [H(), C("morning", 0.24), C("midday", 0.24), C("evening", 0.2), C("reflection", 0.12, { optional: true }), A(0.1)],
  },
  {
    id: "comparison",
    name: "Comparison",
    description: "Option A, option B, then a clear verdict.",
    hook: "comparison",
    beats: [H(), C("option_a", 0.28), C("option_b", 0.28), C("verdict", 0.2), A()],
  },
];

export function listPatterns(): { id: string; name: string }[] {
  return PATTERNS.map((p) => ({ id: p.id, name: p.name }));
}

const ALIASES: Record<string, string> = {
  hvc: "hook-value-cta", default: "hook-value-cta", fallback: "hook-value-cta", value: "hook-value-cta",
  pas: "problem-agitate-solve", "problem-solution": "problem-agitate-solve",
  "product-launch": "aida", launch: "aida",
  "direct-response-ad": "direct-response", dr: "direct-response", ad: "direct-response",
  ugc: "testimonial", review: "testimonial",
  "before-and-after": "before-after", transformation: "before-after",
  list: "listicle", "how-to": "tutorial", howto: "tutorial",
  myth: "myth-fact", "myth-vs-fact": "myth-fact", "myth-versus-fact": "myth-fact",
  story: "storytime", "founder-story": "storytime",
  "day-in-life": "day-in-the-life", "a-day-in-the-life": "day-in-the-life", dayinthelife: "day-in-the-life",
  versus: "comparison", vs: "comparison", compare: "comparison",
};

/** Resolves a pattern id or alias ("PAS", "how_to", "Myth vs Fact"); undefined if unknown. */
export function resolvePatternId(raw: string): string | undefined {
  const key = raw.trim().toLowerCase().replace(/[\s_/]+/g, "-").replace(/-+/g, "-");
  if (PATTERNS.some((p) => p.id === key)) return key;
  return ALIASES[key] ?? ALIASES[key.replace(/-/g, "")];
}

export function getPattern(id: string): Pattern {
  return PATTERNS.find((p) => p.id === id) ?? PATTERNS[0]!;
}

const FORMAT_WORDS: [RegExp, string][] = [
  [/\bmyths?\b|\bmyth vs\.? fact|\bmisconceptions?\b|\bmitos?\b|\bmythes?\b|\bmythen\b|\bmythos\b|誤解|都市伝説/i, "myth-fact"],
  [/\bday in (?:the|my) life\b|\bun día (?:en la vida|conmigo)|\bune journée (?:dans la vie|avec)|\bein tag (?:im leben|mit|als)|\bum dia (?:na vida|comigo)|の一日|に密着/i, "day-in-the-life"],
  [/\bstory\s?time\b|\bfounder(?:'s)? story\b|\borigin story\b|\bour story\b|\bhow (?:we|i) started\b|\bnuestra historia\b|\bnotre histoire\b|\bunsere geschichte\b|\bnossa história\b|創業ストーリー/i, "storytime"],
  [/\btestimonials?\b|\bugc\b|\bcustomer (?:story|review)\b|\bhonest review\b|\breview video\b|\breseña\b|\btestimonio\b|\btémoignage\b|\berfahrungsbericht\b|\bdepoimento\b|口コミ|レビュー/i, "testimonial"],
  [/\bhow[- ]to\b|\btutorial\b|\bstep[- ]by[- ]step\b|\brecipe\b|\bwalkthrough\b|\bpaso a paso\b|\breceta\b|\btutoriel\b|\bétape par étape\b|\brecette\b|\banleitung\b|\bschritt für schritt\b|\brezept\b|\bpasso a passo\b|\breceita\b|作り方|やり方|手順/i, "tutorial"],
  [/\blisticle\b|\btop\s?\d{1,2}\b|\bcountdown\b/i, "listicle"],
  [/\baida\b|\bproduct launch\b|\blaunch video\b|\blanzamiento de producto\b|\blancement de produit\b|\bproduktlaunch\b|\blançamento de produto\b/i, "aida"],
  [/\bdirect[- ]response\b|\bperformance ad\b|\bconversion ad\b|\bsales ad\b/i, "direct-response"],
  [/\bproblem[- ]agitate[- ]solve\b|\bpas (?:format|framework|structure)\b|\bpain[- ]point video\b/i, "problem-agitate-solve"],
  [/\bhook[- ]value[- ]cta\b/i, "hook-value-cta"],
];
const CONTRAST_WORDS: [RegExp, string][] = [
  [/\bbefore (?:and|&|\/) after\b|\bbefore\/after\b|\btransformation\b|\bmakeover\b|\bglow[- ]up\b|\bantes y después\b|\bavant[- /]+après\b|\bvorher[- /]+nachher\b|\bantes e depois\b|ビフォーアフター|ビフォー/i, "before-after"],
  [/\bvs\.?\s|\bversus\b|\bcompared (?:to|with)\b|\bcomparison\b|\bcompare\b|\bwhich is better\b|\bcomparaci[oó]n\b|\bcomparaison\b|\bvergleich\b|\bcompara[çc][ãa]o\b|比較/i, "comparison"],
];
const INTENTS: [RegExp, string, string][] = [
  [/\b\d+\s?%\s?off\b|\bdiscount\b|\bsale\b|\bdeal\b|\bpromo(?:tion)? code\b|\bcoupon\b|\blimited[- ]time\b|\bfree shipping\b|\bbuy one\b|\bbogo\b|\bdescuento\b|\boferta\b|\bréduction\b|\bsoldes\b|\brabatt\b|\bangebot\b|\bdesconto\b|\bpromoção\b|セール|割引|クーポン/i, "direct-response", "offer"],
  [/\blaunch(?:ing|es)?\b|\bintroducing\b|\bjust dropped\b|\bnow available\b|\bpre-?order\b|\bnew (?:product|app|collection|feature|flavou?r|menu)\b|\blanza(?:miento|mos)\b|\bnuevo\b|\blancement\b|\bnouveau\b|\bnouvelle\b|\bneu(?:e|er|es)?\b|\blançamento\b|\bnov[oa]\b|新発売|新登場|ローンチ/i, "aida", "launch"],
  [/\btired of\b|\bsick of\b|\bstruggl\w*\b|\bproblem\b|\bfrustrat\w*\b|\bpain(?! au| de| d'| aux| complet| perdu)\b|\bhate\b|\bwast(?:e|ing)\b|\bcansad[oa]s?\b|\bproblema\b|\bmarre\b|\bproblème\b|\bgenervt\b|\bärger\b|\bdor\b|悩み|困って/i, "problem-agitate-solve", "pain"],
];

export interface PatternChoice {
  id: string;
  source: string;
  /** Other patterns that fit the brief, used by seed variations. */
  alternatives: string[];
}

/**
 * Chooses a pattern: explicit format words first, then a number with a plural noun,
 * then before/after or comparison words, then intent (offer, launch, pain), else the fallback.
 */
export function choosePattern(a: BriefAnalysis, briefText: string): PatternChoice {
  const text = briefText.slice(0, 4000);
  for (const [re, id] of FORMAT_WORDS) {
    const m = re.exec(text);
    if (m) return { id, source: `brief: format words ("${m[0].trim()}")`, alternatives: [] };
  }
  if (a.count) {
    const id = /steps?|pasos|étapes|schritte|passos/i.test(a.count.noun)
      ? "tutorial"
      : /myths?|mitos|mythes|mythen/i.test(a.count.noun)
        ? "myth-fact"
        : "listicle";
    return { id, source: `brief: number with a plural noun ("${a.count.phrase}")`, alternatives: [] };
  }
  for (const [re, id] of CONTRAST_WORDS) {
    const m = re.exec(text);
    if (m) return { id, source: `brief: ${id === "before-after" ? "before/after" : "comparison"} words ("${m[0].trim()}")`, alternatives: [] };
  }
  const matched: { id: string; intent: string; word: string }[] = [];
  for (const [re, id, intent] of INTENTS) {
    const m = re.exec(text);
    if (m) matched.push({ id, intent, word: m[0] });
  }
  if (matched.length > 0) {
    const first = matched[0]!;
    return {
      id: first.id,
      source: `brief: intent ${first.intent} ("${first.word.trim()}")`,
      alternatives: matched.slice(1).map((m) => m.id),
    };
  }
  const alternatives = a.bullets >= 3 ? ["listicle"] : a.brands.length > 0 ? ["aida"] : [];
  return { id: "hook-value-cta", source: "default: no format, count, contrast or intent signal", alternatives };
}
