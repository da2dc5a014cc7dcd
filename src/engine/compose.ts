// Wording: hook, content voice-over from the brief's own points, CTA, overlays and
// visual descriptions. Every line is fitted to its scene's speaking budget.
import { mentionsAvoided, type BriefAnalysis, type BriefPoint } from "./brief";
import { sizePhrase, type CameraSetup } from "./camera";
import { ACTION_VERBS, THROAT_CLEARING, fill, type Phrases, type Role } from "./i18n";
import type { Pattern } from "./patterns";
import { mod, type Rng } from "./rng";
import {
  capitalize,
  chunkText,
  containsTerm,
  decapitalize,
  finish,
  fits,
  hasCjk,
  isSpacelessText,
  normKey,
  plainWords,
  spokenWordCount,
  trimToBudget,
} from "./text";

/** Overlay limits: 7 words, 2 lines of 42 characters (13 per line for Japanese, 16 for Chinese). */
export const OVERLAY_MAX_WORDS = 7;
export const OVERLAY_MAX_LINES = 2;
export const OVERLAY_LINE_CHARS = 42;
export const HOOK_MAX_WORDS = 12;

export function overlayLineChars(text: string, _language?: string): number {
  if (!isSpacelessText(text)) return OVERLAY_LINE_CHARS;
  return /[\u3040-\u30ff]/.test(text) ? 13 : 16;
}

/** Shortens a phrase to fit one overlay line: whole, else cut where a phrase ends (never mid-phrase), else "". */
export function fitOverlay(text: string, language?: string): string {
  const t = text.replace(/\s+/g, " ").trim().replace(/[.。!！]$/u, "");
  if (!t || overlayFitsOneLine(t, language)) return t;
  if (isSpacelessText(t)) return Array.from(t).slice(0, overlayLineChars(t, language)).join("");
  return phraseCut(t.split(" "), (ws) => overlayFitsOneLine(ws.join(" "), language));
}

/** Words that make a phrase read as cut when it ends on them ("A day at our"). */
export const DANGLING_WORD =
  /^(a|an|the|and|or|of|to|for|with|in|on|at|by|from|your|my|our|their|his|her|its|is|are|was|were|be|that|which|who|whose|like|than|as|very|de|la|el|los|las|y|o|del|al|con|por|para|en|un|una|su|sus|mi|tu|le|les|et|ou|du|des|au|aux|à|pour|avec|sur|dans|ta|ton|tes|ma|mon|sa|son|une|der|die|das|den|dem|des|und|oder|mit|für|von|zu|im|am|ein|eine|einen|dein|deine|mein|e|um|uma|que|do|da|dos|das|no|na|em|com|pelo|pela|seu|sua)$/i;
/** A phrase may end before these: a new clause. */
export const CLAUSE_WORD = /^(?:instead|because|so|when|while|until|after|before|but|and|or|if|since|unless|y|et|und|e|porque|parce|weil|quando|cuando|quand|wenn|pero|mais|aber|mas)$/i;
/** ...or before a prepositional phrase, when what it drops is only detail (the head keeps most of the clause). */
export const PREPOSITION = /^(?:in|at|on|for|from|with|by|during|near|without|via|around|into|onto|over|under|through|about|across|between|behind|inside|outside|toward|towards|against|beside|along|every|each|per|para|con|en|por|pour|avec|dans|sur|chez|mit|für|im|am|bei|com|em|no|na)$/i;
/** Share of a clause's words a head must keep to end before a preposition ("A day at our tea farm | in Darjeeling"). */
export const PREPOSITION_KEEP = 0.6;

/** True when a phrase of `head` words, cut from `words` before `next`, ends where a phrase ends. */
export function endsAtBreak(last: string, next: string, head: number, words: number): boolean {
  if (/[,;:—–]$/.test(last)) return true;
  const n = next.replace(/^[(“"']+/, "");
  return CLAUSE_WORD.test(n) || (PREPOSITION.test(n) && head >= PREPOSITION_KEEP * words);
}
/** Intensifiers an overlay can lose without changing what it says. */
const INTENSIFIER = /^(?:way|really|very|just|super|totally|actually|so|truly|simply|literally)$/i;

/** The longest head of `ws` that ends where a phrase ends (not on a function word) and passes `fits`; "" when none. */
function phraseCut(ws: readonly string[], fits: (ws: readonly string[]) => boolean): string {
  for (let n = ws.length - 1; n >= 2; n--) {
    const head = ws.slice(0, n);
    const last = head[head.length - 1]!;
    const next = ws[n]!;
    const brokenAt = endsAtBreak(last, next, n, ws.length);
    if (!brokenAt || DANGLING_WORD.test(last.replace(/[,;:—–]+$/, ""))) continue;
    if (fits(head)) return head.join(" ").replace(/[,;:—–]+$/, "");
  }
  return "";
}

/** True when an overlay reads as a whole phrase: it does not end on a function word. */
export function readsWhole(text: string): boolean {
  const last = text.trim().split(/\s+/).pop() ?? "";
  return !DANGLING_WORD.test(last.replace(/[.!?,;:]+$/u, ""));
}

/** True when an overlay fits on one line within the limits (the engine writes one-line overlays). */
export function overlayFitsOneLine(text: string, language?: string): boolean {
  const width = overlayLineChars(text, language);
  const spaceless = isSpacelessText(text);
  if (!spaceless && plainWords(text).length > OVERLAY_MAX_WORDS) return false;
  return Array.from(text).length <= (spaceless ? width * 2 : width);
}

export interface ComposeContext {
  a: BriefAnalysis;
  ph: Phrases;
  lang: string;
  pattern: Pattern;
  total: number;
  seed: number;
  rng: Rng;
  /** Where the scenes are shot (the topic's domain); defaults to the brief's setting. */
  setting?: string;
  /** What the content shots show; defaults to the brand or topic. */
  subject?: string;
}

export function avoided(ctx: ComposeContext, text: string): boolean {
  return mentionsAvoided(text, ctx.a.avoidTerms, ctx.a.avoidPrices);
}

export function startsWithThroatClearing(text: string): boolean {
  const t = text.trim().toLowerCase().replace(/^[^\p{L}\p{N}]+/u, "");
  return THROAT_CLEARING.some((o) => {
    if (!t.startsWith(o)) return false;
    const next = t.charAt(o.length);
    return /[\s,.!?;:。、]/.test(o.slice(-1)) || next === "" || !/[\p{L}]/u.test(next) || hasCjk(o);
  });
}

const ALL_VERBS = new Set(Object.values(ACTION_VERBS).flat().filter((v) => !/[\u3040-\u9fff]/.test(v)));
const JA_VERBS = ACTION_VERBS.ja;
const CTA_ACTION_PHRASES = /\blink (?:is )?in (?:the |my |our )?bio\b|enlace en la bio|lien en bio|link in der bio|link na bio|\bcode\s+[A-Z0-9]{3,}/i;

/** True when the text holds an action verb (any supported language) or a CTA phrase. */
export function hasActionVerb(text: string): boolean {
  if (!text) return false;
  if (CTA_ACTION_PHRASES.test(text)) return true;
  if (JA_VERBS.some((v) => text.includes(v))) return true;
  for (const w of text.toLowerCase().split(/[^\p{L}'-]+/u)) {
    if (!w) continue;
    if (ALL_VERBS.has(w)) return true;
    const stem = w.replace(/-(?:la|lo|le|se|te|toi|nous|vous)$/, "");
    if (ALL_VERBS.has(stem)) return true;
  }
  return false;
}

function displayUrl(u: string): string {
  return u.replace(/^https?:\/\//i, "").replace(/^www\./i, "").replace(/\/$/, "");
}

function slotValues(ctx: ComposeContext): Record<string, string | number | undefined> {
  const a = ctx.a;
  return {
    topic: a.topic,
    brand: a.brands[0],
    count: a.count?.phrase,
    pain: a.pain,
    task: a.task,
    role: a.role,
    offer: a.offer,
    myth: a.myth,
    a: a.compare?.[0],
    b: a.compare?.[1],
    seconds: ctx.total,
  };
}

const SHORT_HOOKS: Record<string, readonly string[]> = {
  en: ["Stop scrolling.", "Watch this.", "Wait for it.", "Don't skip this."],
  es: ["Para el scroll.", "Mira esto.", "Espera.", "No lo saltes."],
  fr: ["Stop, regarde.", "Regarde ça.", "Attends.", "Ne zappe pas."],
  de: ["Stopp, schau.", "Schau dir das an.", "Warte kurz.", "Nicht wegwischen."],
  pt: ["Para tudo.", "Olha isso.", "Espera só.", "Não pula."],
  ja: ["ちょっと待って。", "これを見て。", "最後まで見て。", "飛ばさないで。"],
};

/** Hook candidates in preference order; the seed (plus a variant) rotates through those that fit. */
export function hookCandidates(ctx: ComposeContext, budget: number, taken: ReadonlySet<string>, useBriefLine = true): string[] {
  const limit = Math.min(budget, HOOK_MAX_WORDS);
  const out: string[] = [];
  const ok = (s: string | null | undefined): s is string =>
    !!s && fits(s, limit) && !avoided(ctx, s) && !startsWithThroatClearing(s) && !taken.has(normKey(s)) && !out.includes(s);
  const brief = ctx.a.hookLine ? capitalize(finish(ctx.a.hookLine)) : undefined;
  if (useBriefLine && ok(brief)) return [brief];
  const slots = slotValues(ctx);
  const families = [ctx.pattern.hook, "generic"] as const;
  for (const fam of families) {
    for (const t of ctx.ph.hooks[fam]) {
      const filled = fill(t, slots);
      const s = filled ? capitalize(filled.replace(/\s+/g, " ").trim()) : null;
      if (ok(s)) out.push(s);
    }
  }
  for (const s of SHORT_HOOKS[ctx.lang] ?? SHORT_HOOKS.en!) if (ok(s)) out.push(s);
  if (out.length === 0) out.push((SHORT_HOOKS[ctx.lang] ?? SHORT_HOOKS.en!)[0]!);
  return out;
}

export function composeHook(ctx: ComposeContext, budget: number, taken: ReadonlySet<string>, variant: number): string {
  const c = hookCandidates(ctx, budget, taken, variant === 0);
  return c[mod(ctx.seed + variant, c.length)]!;
}

export interface CtaText {
  script: string;
  overlay: string;
}

const CODE_LABEL: Record<string, string> = { en: "Code", es: "Código", fr: "Code", de: "Code", pt: "Cupom", ja: "コード" };

export function composeCta(ctx: ComposeContext, budget: number, taken: ReadonlySet<string>, variant: number): CtaText {
  const a = ctx.a;
  const cta = a.cta;
  const url = cta.url ? displayUrl(cta.url) : undefined;
  const cands: string[] = [];
  const ok = (s: string | null | undefined): s is string =>
    !!s && fits(s, budget) && !avoided(ctx, s) && hasActionVerb(s) && !taken.has(normKey(s)) && !cands.includes(s);
  const line = cta.line ? capitalize(finish(cta.line)) : undefined;
  const kindTemplates = (cta.kind === "generic" ? [] : ctx.ph.cta[cta.kind]).map((t) => fill(t, { url, phone: cta.phone }));
  const rotated = kindTemplates.map((_, i) => kindTemplates[mod(ctx.seed + variant + i, kindTemplates.length)]);
  const phraseFirst = cta.phrase ? rotated.filter((t) => t && containsTerm(t, cta.phrase!)) : [];
  const pool = [
    ...(variant === 0 || !ok(line) ? [line] : []),
    ...phraseFirst,
    ...rotated,
    cta.kind === "url" ? ctx.ph.ctaOnScreen : cta.kind === "phone" ? ctx.ph.ctaCallOnScreen : null,
    ...ctx.ph.cta.generic.map((_, i) => ctx.ph.cta.generic[mod(ctx.seed + variant + i, ctx.ph.cta.generic.length)]),
    ...ctx.ph.cta.follow,
  ];
  for (const s of pool) if (ok(s)) cands.push(s);
  if (variant > 0 && ok(line)) cands.push(line);
  let script = cands[0] ?? trimToBudget(ctx.ph.cta.generic[0]!, budget);
  if (!script || !hasActionVerb(script)) script = ctx.ph.cta.follow[0]!;

  // On-screen: the URL or phone number, else the brief's own CTA phrase, else the localized label.
  const kindLabel = cta.kind === "url" || cta.kind === "phone" ? ctx.ph.ctaOverlay.generic : ctx.ph.ctaOverlay[cta.kind];
  const options = [
    url,
    cta.phone,
    cta.phrase ? capitalize(cta.phrase) : undefined,
    kindLabel,
    ctx.ph.ctaOverlay.shop,
    ctx.ph.ctaOverlay.follow,
  ].filter((o): o is string => !!o && overlayFitsOneLine(o, ctx.lang) && !avoided(ctx, o) && !taken.has(`overlay:${normKey(o)}`));
  let overlay = options[0] ?? kindLabel;
  if (cta.code && !avoided(ctx, cta.code)) {
    const codeLine = `${CODE_LABEL[ctx.lang] ?? "Code"} ${cta.code}`;
    if (overlayFitsOneLine(codeLine, ctx.lang) && plainWords(`${overlay} ${codeLine}`).length <= OVERLAY_MAX_WORDS) overlay = `${overlay}\n${codeLine}`;
  }
  return { script, overlay };
}

// ---- Content: assigning the brief's points to beats and fitting them to shots ----

export interface BeatInfo {
  role: string;
  n?: number;
  budgets: number[];
}

const SIGNALS: [RegExp, string[]][] = [
  [/\b(tired|struggl\w*|problem\w*|hate|waste\w*|hard|can't|cannot|stress\w*|expensive|slow|bitter|messy|worst|annoying|frustrat\w*|pain|nobody|never works|cansad\w*|problema\w*|difícil|caro|lento|marre|problème\w*|galère|cher|genervt|problem\w*|teuer|schwer|difícil|sofr\w*|dor)\b|悩み|大変|面倒/i, ["problem", "agitate", "struggle", "before", "conflict"]],
  [/\b(worse|even more|every single|on top of that|peor|encima|pire|en plus|schlimmer|noch dazu|pior|ainda por cima)\b/i, ["agitate"]],
  [/\b(used to|before|antes|avant|vorher|früher)\b/i, ["before", "struggle", "context"]],
  [/\b(now|after|today|ahora|después|maintenant|après|jetzt|nachher|agora|depois)\b/i, ["after", "result", "turning"]],
  [/\b\d{1,3}(?:,\d{3})+\+?\s|\b\d{3,}\+?\s+[A-Za-z]+|\d\s?%|\b\d[\d,.]*\+?\s?(?:customers|users|reviews|stars|people|clients|families|downloads|sold|orders)\b|\b(rated|trusted|award\w*|proven|results?|reviews?|testimonials?|certified|clinically)\b|\d(?:\.\d)?\s?\/\s?5\b|★/i, ["proof", "result"]],
  [/\b(\d+\s?%\s?off|discount|sale|deal|promo|coupon|code|free shipping|bundle|save \$?\d+|descuento|oferta|réduction|promo|rabatt|angebot|desconto|oferta)\b|割引|セール/i, ["offer", "urgency"]],
  [/\b(today only|ends|limited|last chance|hurry|only \d+ left|while stocks last|this week only|solo hoy|hasta el|dernière chance|jusqu'au|nur heute|nur noch|só hoje|últimas)\b|本日限り|期間限定/i, ["urgency"]],
  [/\b(morning|breakfast|wake|alarm|\d{1,2}\s?am|sunrise|mañana|desayuno|matin|petit-déjeuner|morgens|frühstück|manhã|café da manhã)\b|朝/i, ["morning"]],
  [/\b(lunch|noon|midday|afternoon|almuerzo|mediodía|tarde|midi|déjeuner|après-midi|mittag|nachmittag|almoço)\b|昼/i, ["midday"]],
  [/\b(evening|night|dinner|\d{1,2}\s?pm|bed|noche|cena|soir|dîner|abends|abendessen|nacht|noite|jantar)\b|夜/i, ["evening", "reflection"]],
  [/\b(learn\w*|lesson|realized|taught me|advice|aprend\w*|lección|leçon|appris|gelernt|lektion|lição)\b|学ん/i, ["lesson", "reflection"]],
  [/\b(started|founded|began|grew up|years ago|when i was|empecé|fundé|commencé|gegründet|angefangen|comecei|fundei)\b/i, ["context"]],
  [/\b(then|until|that's when|one day|so i|so we|decided|entonces|un día|decidí|un jour|alors|j'ai décidé|eines tages|dann|beschloss|até que|um dia|decidi)\b/i, ["turning", "discovery"]],
  [/\b(actually|in fact|the truth|truth is|research|studies|study shows|science|en realidad|la verdad|en fait|la vérité|tatsächlich|wahrheit|na verdade|a verdade)\b/i, ["fact"]],
  [/\b(myth|people think|you've heard|they say|common belief|mito|mythe|on dit|mythos|man sagt)\b/i, ["myth"]],
  [/\b(how it works|simply|just|tap|pour|add|mix|open|set up|install|apply|use|spray|rub|plug|cómo funciona|simplemente|aplica|comment ça marche|appliquez|einfach|como funciona|aplique)\b/i, ["how", "value", "interest", "step"]],
  [/\b(imagine|feel|enjoy|love|finally|never again|imagina|disfruta|imagine|profite|stell dir vor|genieß|imagine|aproveite)\b/i, ["desire", "result", "after"]],
];

function signalsOf(text: string, a: BriefAnalysis): Set<string> {
  const s = new Set<string>();
  for (const [re, roles] of SIGNALS) if (re.test(text)) roles.forEach((r) => s.add(r));
  if (a.brands.some((b) => containsTerm(text, b))) ["solution", "desire", "discovery", "interest", "how", "offer"].forEach((r) => s.add(r));
  const [ca, cb] = a.compare ?? [];
  const short = (x: string) => x.split(/\s+/).slice(0, 2).join(" ");
  const hasA = !!ca && containsTerm(text, short(ca));
  const hasB = !!cb && containsTerm(text, short(cb));
  if (hasA && hasB) s.add("verdict");
  else if (hasA) s.add("option_a");
  else if (hasB) s.add("option_b");
  if (/\b(winner|verdict|overall|in the end|recommend|ganador|veredicto|gagnant|verdict|gewinner|fazit|vencedor|veredito)\b/i.test(text)) s.add("verdict");
  return s;
}

const MYTH_LEAD = /^\s*(myth|mito|mythe|mythos|誤解)\b\s*#?\d*\s*[:：—-]?/i;
const FACT_LEAD = /^\s*(fact|truth|reality|actually|in fact|realidad|verdad|réalité|vérité|fakt|wahrheit|verdade|事実)\b\s*#?\d*\s*[:：—-]?/i;

/** Distributes the brief's points over the content beats, keeping the brief's order inside each beat. */
export function assignPoints(beats: readonly BeatInfo[], points: readonly BriefPoint[], a: BriefAnalysis, patternId: string): BriefPoint[][] {
  const out: BriefPoint[][] = beats.map(() => []);
  const load = beats.map(() => 0);
  const cap = beats.map((b) => b.budgets.reduce((x, y) => x + y, 0));
  const used = new Set<number>();
  const put = (bi: number, pi: number) => {
    out[bi]!.push(points[pi]!);
    load[bi]! += spokenWordCount(points[pi]!.text);
    used.add(pi);
  };
  const idx = (pred: (b: BeatInfo) => boolean) => beats.map((b, i) => (pred(b) ? i : -1)).filter((i) => i >= 0);

  if (patternId === "myth-fact") {
    const myths = idx((b) => b.role === "myth");
    const facts = idx((b) => b.role === "fact");
    points.forEach((p, pi) => {
      const list = MYTH_LEAD.test(p.text) ? myths : FACT_LEAD.test(p.text) ? facts : null;
      const target = list?.find((bi) => out[bi]!.length === 0);
      if (target !== undefined) put(target, pi);
    });
    const empties = beats.map((_, i) => i).filter((i) => (beats[i]!.role === "myth" || beats[i]!.role === "fact") && out[i]!.length === 0);
    const free = points.map((_, i) => i).filter((i) => !used.has(i) && !points[i]!.intro);
    empties.forEach((bi, k) => {
      const pi = free[k];
      if (pi !== undefined) put(bi, pi);
    });
  } else {
    const reps = idx((b) => b.role === "item" || b.role === "step");
    if (reps.length) {
      const bullets = points.map((p, i) => ({ p, i })).filter((x) => x.p.bullet);
      const src = bullets.length >= Math.min(2, reps.length) ? bullets : points.map((p, i) => ({ p, i })).filter((x) => !x.p.intro);
      src.slice(0, reps.length).forEach((x, k) => put(reps[k]!, x.i));
    }
  }

  // Strong signals: a point goes to the beat whose role it speaks to, while it has room.
  points.forEach((p, pi) => {
    if (used.has(pi) || !p.hint) return;
    const targets = idx((b) => b.role === p.hint && b.role !== "item" && b.role !== "step");
    const target = targets.sort((x, y) => load[x]! / Math.max(1, cap[x]!) - load[y]! / Math.max(1, cap[y]!) || x - y)[0];
    if (target !== undefined) put(target, pi);
  });
  const INTRO_ROLES = ["setup", "interest", "solution", "discovery", "context", "offer", "desire", "value", "how", "morning", "option_a"];
  points.forEach((p, pi) => {
    if (used.has(pi) || !p.intro) return;
    const target = INTRO_ROLES.map((r) => beats.findIndex((b) => b.role === r)).find((i) => i >= 0);
    if (target !== undefined) put(target, pi);
  });
  points.forEach((p, pi) => {
    if (used.has(pi) || p.intro) return;
    const sig = signalsOf(p.text, a);
    const w = spokenWordCount(p.text);
    let best = -1;
    let bestRatio = Infinity;
    beats.forEach((b, bi) => {
      if (!sig.has(b.role) || b.role === "item" || b.role === "step" || b.role === "myth" || b.role === "fact") return;
      if (load[bi]! > 0 && load[bi]! + w > cap[bi]! * 1.05) return;
      const ratio = load[bi]! / Math.max(1, cap[bi]!);
      if (ratio < bestRatio - 1e-9) {
        best = bi;
        bestRatio = ratio;
      }
    });
    if (best >= 0 && bestRatio < 0.5) put(best, pi);
  });

  // The rest, in order, spread over the remaining room in proportion.
  const rest = points.map((_, i) => i).filter((i) => !used.has(i));
  if (rest.length && beats.length) {
    const room = beats.map((_, bi) => Math.max(0, cap[bi]! - load[bi]!));
    const roomTotal = room.reduce((x, y) => x + y, 0);
    const weights = roomTotal > 0 ? room : cap;
    const wTotal = weights.reduce((x, y) => x + y, 0) || 1;
    const words = rest.map((i) => Math.max(1, spokenWordCount(points[i]!.text)));
    const wordsTotal = words.reduce((x, y) => x + y, 0);
    let cum = 0;
    rest.forEach((pi, k) => {
      const pos = ((cum + words[k]! / 2) / wordsTotal) * wTotal;
      cum += words[k]!;
      let acc = 0;
      let target = beats.length - 1;
      for (let bi = 0; bi < beats.length; bi++) {
        acc += weights[bi]!;
        if (pos < acc) {
          target = bi;
          break;
        }
      }
      put(target, pi);
    });
  }
  for (const list of out) list.sort((x, y) => x.order - y.order);
  return out;
}

export function connectiveFor(ctx: ComposeContext, role: string, n: number | undefined, count: number): string | null {
  const ph = ctx.ph;
  switch (role) {
    case "item":
      return fill(ph.item, { n: n ?? 1 });
    case "step":
      if ((n ?? 1) === 1) return ph.stepFirst;
      if (n === count) return ph.stepLast;
      return ph.stepNext[mod((n ?? 2) - 2, ph.stepNext.length)]!;
    case "myth":
      return ph.mythPrefix;
    case "fact":
      return ph.factPrefix;
    case "before":
      return ph.beforePrefix;
    case "after":
      return ph.afterPrefix;
    default:
      return null;
  }
}

function withConnective(prefix: string, text: string, keep: readonly string[]): string {
  if (isSpacelessText(prefix) || hasCjk(prefix.slice(-1))) return `${prefix}${text}`;
  const body = /[,]$/.test(prefix) ? decapitalize(text, keep) : text;
  return `${prefix} ${body}`;
}

export interface TimedShot {
  duration: number;
  script: string;
}

const SHOT_TARGET = 6;
const SHOT_MAX = 8;

/**
 * Cuts a beat of `seconds` into shots that follow its text: whole sentences (or clauses of a
 * long one) per shot, each shot long enough for its words at 2.8 words per second, at most
 * 8 s; time left over pads the talking shots by a beat and then becomes B-roll shots.
 */
export function packBeatTimed(
  texts: readonly { text: string; priority: number }[],
  seconds: number,
  prefix: string | null,
  keep: readonly string[],
  keyTerms: readonly string[],
): { shots: TimedShot[]; dropped: string[] } {
  const dropped: string[] = [];
  type Chunk = { text: string; need: number; prio: number };
  let chunks: Chunk[] = [];
  texts.forEach((entry, i) => {
    const t = i === 0 && prefix ? withConnective(prefix, entry.text, keep) : entry.text;
    const parts = fits(t, WORDS_PER_SECOND_C * SHOT_MAX) ? [t] : chunkText(t, WORDS_PER_SECOND_C * SHOT_TARGET);
    for (const part of parts.length ? parts : [t]) {
      const need = Math.max(1, Math.ceil(spokenWordCount(part) / WORDS_PER_SECOND_C - 1e-9));
      chunks.push({ text: part, need, prio: entry.priority * 2 + (keyTerms.some((k) => containsTerm(part, k)) ? 1 : 0) });
    }
  });
  // Too much to say: drop the lowest-priority chunks (intro, then no key term), latest first.
  while (chunks.length > 1 && chunks.reduce((a, c) => a + c.need, 0) > seconds) {
    let victim = chunks.length - 1;
    for (let i = chunks.length - 1; i >= 0; i--) if (chunks[i]!.prio < chunks[victim]!.prio) victim = i;
    // The writer's own supporting lines (priority 0) go first and silently: they are not the brief's.
    if (chunks[victim]!.prio >= 2) dropped.push(chunks[victim]!.text);
    chunks = chunks.filter((_, i) => i !== victim);
  }
  if (chunks.length === 1 && chunks[0]!.need > Math.min(seconds, SHOT_MAX)) {
    const only = chunks[0]!;
    const cap = Math.min(seconds, SHOT_MAX);
    const t = trimToBudget(only.text, WORDS_PER_SECOND_C * cap);
    if (t) chunks = [{ ...only, text: t, need: Math.max(1, Math.ceil(spokenWordCount(t) / WORDS_PER_SECOND_C - 1e-9)) }];
    else {
      dropped.push(only.text);
      chunks = [];
    }
  }
  // Group consecutive chunks into shots of up to 6 s (a single chunk may take up to 8 s); with
  // plenty of time, one line per shot so that cutaways can sit between the lines.
  const totalNeed = chunks.reduce((a, c) => a + c.need, 0);
  const spacious = totalNeed * 2 <= seconds;
  const talk: TimedShot[] = [];
  for (const c of chunks) {
    const line = finish(capitalizeLine(c.text));
    const last = talk[talk.length - 1];
    // A supporting line (priority 0: "We've all done it.") rides on the line it supports; on its
    // own shot it would say nothing, so it is left out when it does not fit beside it.
    if (c.prio < 2 && last) {
      if (last.duration + c.need <= SHOT_MAX) {
        last.script = isSpacelessText(last.script) ? `${last.script}${line}` : `${last.script} ${line}`;
        last.duration += c.need;
      }
      continue;
    }
    if (!spacious && last && last.duration + c.need <= SHOT_TARGET) {
      last.script = isSpacelessText(last.script) ? `${last.script}${line}` : `${last.script} ${line}`;
      last.duration += c.need;
    } else talk.push({ duration: c.need, script: line });
  }
  let left = seconds - talk.reduce((a, x) => a + x.duration, 0);
  // A beat of breathing room for each talking shot, then B-roll for the rest.
  for (const sh of talk) {
    if (left <= 0) break;
    if (sh.duration < SHOT_MAX) {
      sh.duration += 1;
      left -= 1;
    }
  }
  // Then a calmer read (up to half as long again, within 8 s) before any silent cutaway:
  // voice should cover the runtime, not B-roll padding.
  for (const sh of talk) {
    if (left <= 0) break;
    const room = Math.min(SHOT_MAX, Math.ceil(sh.duration * 1.5)) - sh.duration;
    const give = Math.max(0, Math.min(room, left));
    sh.duration += give;
    left -= give;
  }
  const broll: number[] = [];
  while (left >= 2) {
    const b = left <= SHOT_TARGET ? left : left - SHOT_TARGET >= 2 ? SHOT_TARGET : left - 2;
    broll.push(b);
    left -= b;
  }
  if (left === 1) {
    const target = talk.find((sh) => sh.duration < SHOT_MAX);
    if (target) target.duration += 1;
    else if (broll.length && broll[broll.length - 1]! < SHOT_MAX) broll[broll.length - 1]! += 1;
    else broll.push(1);
  }
  // Interleave: line, cutaway, line, cutaway...; extra cutaways close the beat.
  const shots: TimedShot[] = [];
  talk.forEach((sh, i) => {
    shots.push(sh);
    if (i < talk.length - 1 && broll.length > talk.length - 1 - i) shots.push({ duration: broll.shift()!, script: "" });
  });
  for (const b of broll) shots.push({ duration: b, script: "" });
  return { shots, dropped };
}

const WORDS_PER_SECOND_C = 2.8;

function capitalizeLine(s: string): string {
  // "iPhone", "eBay" keep their casing.
  return /^\p{Ll}[^\s]*\p{Lu}/u.test(s) || !/^\p{Ll}/u.test(s) ? s : capitalize(s);
}

// ---- Overlays ----

const LEADING_FILLER = /^(?:and|but|so|or|then|also|plus|y|pero|et|mais|und|aber|e|mas)\s+/i;

/**
 * A short on-screen phrase from a line: its first clause when it fits an overlay (at most
 * `maxWords` words), else that clause without intensifiers, else its head up to where a phrase
 * ends; "" when no such phrase fits (the caller shows a term or the beat's label instead).
 */
export function keyPhrase(text: string, lang: string, maxWords = OVERLAY_MAX_WORDS): string {
  let t = text.replace(/^[^:：]{1,20}[:：]\s*/u, "").replace(/^(?:first|next|then|finally|primero|después|luego|d'abord|ensuite|puis|enfin|zuerst|dann|danach|primeiro|depois|por fim|por último)[,:]?\s+/i, "");
  // A short lead-in ("実は、", "Real talk,") is not the point of the line.
  const lead = /^([^、,]{1,6})[、,]\s*(.+)$/u.exec(t);
  if (lead && isSpacelessText(t)) t = lead[2] ?? t;
  t = t.split(/(?<!\d)[,.](?!\d)|[;:!?。、！？—–]/u)[0] ?? t;
  t = t.replace(LEADING_FILLER, "").trim();
  if (isSpacelessText(t)) return Array.from(t).slice(0, lang === "ja" ? 13 : 16).join("");
  const fitsWords = (ws: readonly string[]) => ws.length <= maxWords && ws.join(" ").length <= OVERLAY_LINE_CHARS;
  const all = t.split(/\s+/).filter(Boolean);
  const out = (ws: readonly string[]) => capitalizeLine(ws.join(" ").replace(/[,;:]+$/, ""));
  if (all.length && fitsWords(all) && readsWhole(all.join(" "))) return out(all);
  const lean = all.filter((w) => !INTENSIFIER.test(w));
  if (lean.length && fitsWords(lean) && readsWhole(lean.join(" "))) return out(lean);
  const cut = phraseCut(lean, fitsWords);
  return cut ? capitalizeLine(cut) : "";
}

export function roleLabel(ctx: ComposeContext, role: string, n?: number): string {
  const tpl = (ctx.ph.labels as Record<string, string>)[role as Role] ?? "";
  return fill(tpl, { n: n ?? 1, a: ctx.a.compare?.[0], b: ctx.a.compare?.[1] }) ?? "";
}

// ---- Visual descriptions (production notes, written in English) ----

const VISUALS: Record<string, readonly string[]> = {
  hook: [
    "{size} of {person} at {setting}, eyes to the lens as the hook lands; movement in the very first frame.",
    "{size} on {subject}: a bold, tight first frame that makes the viewer stop.",
  ],
  cta: [
    "{size}: {person} points to the on-screen call to action; end card with {cta}.",
    "{size} of {subject} as the end card appears: {cta}.",
  ],
  transition: [
    "Transition: quick {move} with motion blur, carrying the cut into the next scene.",
    "Transition: hand or object wipes across the lens ({move}) to hide the cut.",
  ],
  setup: ["{size} at {setting}: {person} sets up why this matters, {subject} in view.", "{size}: establish {setting}, {person} walks into frame."],
  value: ["{size}: {person} shows it with {subject} at {setting}.", "{size}: hands use {subject}, one clear action at a time."],
  payoff: ["{size}: the payoff on screen, {subject} at its best.", "{size}: {person} reacts to the result at {setting}."],
  problem: ["{size}: {person} hits the problem at {setting} and lets the frustration show.", "{size}: the problem in detail — the mess, the wait, the wasted effort."],
  agitate: ["{size}: the problem piles up — clock ticking, things going wrong at {setting}.", "{size}: {person} sighs as it happens again, tight and uncomfortable."],
  solution: ["{size}: {subject} enters the frame and {person} uses it at {setting}.", "{size}: hands open and use {subject}; the fix happens on camera."],
  interest: ["{size}: {subject} in use at {setting}, the key feature in focus.", "{size}: {person} shows what makes {subject} different."],
  desire: ["{size}: {person} enjoys the result with {subject} at {setting}, warm light.", "{size}: {subject} styled at its best, slow and sensory."],
  proof: ["{size}: proof on screen — reviews, numbers or results for {subject}.", "{size}: a real result held up to camera, {subject} beside it."],
  offer: ["{size}: {subject} with the offer called out as a bold graphic.", "{size}: {person} holds up {subject}; the offer pops on screen."],
  urgency: ["{size}: countdown graphic over {subject}, quick cuts.", "{size}: stock running low — {subject} on a nearly empty shelf or cart."],
  struggle: ["{size}: {person} talks to camera at {setting}, candid and unpolished, about how it was before.", "{size}: {person} recalls the struggle, natural light, no styling."],
  discovery: ["{size}: {person} unboxes or first tries {subject} at {setting}.", "{size}: first look at {subject} in {person}'s hands."],
  result: ["{size}: the finished result with {subject}, clean light, held for a beat.", "{size}: {person} shows the result to camera at {setting}."],
  before: ["{size}: the 'before' state at {setting}, flat light, nothing styled.", "{size}: the starting point, shot plainly so the change reads later."],
  after: ["{size}: same framing as the 'before', now the 'after' result, brighter and styled.", "{size}: the 'after' reveal at {setting}, {person} steps back to show it."],
  how: ["{size}: hands show how {subject} is used, one clear action at a time.", "{size}: the method on camera, {subject} in focus."],
  item: ["{size} at {setting}: {person} shows it on camera: {gist}.", "{size}: {gist}, acted out by {person} at {setting} with real props."],
  step: ["{size} at {setting}: hands do it on camera: {gist}; the action fills the frame.", "{size}: step {n} on camera, {gist}, every ingredient or tool visible."],
  myth: ["{size}: {person} states the myth with a skeptical look at {setting}.", "{size}: the myth acted out the way most people do it."],
  fact: ["{size}: {person} sets it straight; a simple demo or graphic backs it up.", "{size}: the right way shown on camera at {setting}."],
  context: ["{size}: where it started — {setting}, {person} in frame.", "{size}: archive-style photo or early footage of {person}."],
  conflict: ["{size}: {person} tells the hardest moment to camera, tight and honest.", "{size}: the setback shown — empty room, bad numbers, a long night."],
  turning: ["{size}: the moment it changed — {person} at {setting}, energy lifts.", "{size}: {subject} appears for the first time in the story."],
  lesson: ["{size}: {person} shares the lesson straight to camera.", "{size}: calm closing shot of {person} at {setting}."],
  morning: ["{size}: morning at {setting} — alarm, first coffee, window light.", "{size}: {person} starts the day, quick routine cuts."],
  midday: ["{size}: midday at {setting}, {person} in the middle of the work.", "{size}: busy middle of the day, {subject} in use."],
  evening: ["{size}: evening at {setting}, warm practical lights, winding down.", "{size}: end-of-day wrap-up, {person} packs up."],
  reflection: ["{size}: {person} sits down and talks honestly to camera.", "{size}: quiet closing moment, {person} looks back on the day."],
  option_a: ["{size}: {a} on its own at {setting}; same set-up will be used for {b}.", "{size}: {person} tries {a}, honest reaction."],
  option_b: ["{size}: {b} in the exact same set-up as {a}, for a fair comparison.", "{size}: {person} tries {b}, honest reaction."],
  verdict: ["{size}: {a} and {b} side by side; {person} points to the winner.", "{size}: {person} gives the verdict to camera with both options in frame."],
};

export interface VisualArgs {
  role: string;
  kind: string;
  n?: number;
  camera: CameraSetup;
  script: string;
  pattern: Pattern;
  cta?: string;
  variant: number;
  /** What the scene is about: its own line, else its beat's line (a cutaway), else the beat's to-do. */
  gist?: string;
}

/** The gist of a line for the visual notes: its first sentence without a label, at most 9 words. */
export function gistOf(script: string): string {
  const first = script.replace(/^[^:：]{1,24}[:：]\s*/u, "").split(/(?<=[.!?。！？])\s*/u)[0] ?? "";
  return trimToBudget(first, 9).replace(/[.。]$/u, "");
}

export function visualFor(ctx: ComposeContext, v: VisualArgs): string {
  const a = ctx.a;
  const person =
    ctx.pattern.id === "testimonial"
      ? "the customer"
      : ctx.pattern.id === "storytime" && /founder|fundador|fondat|gründer/i.test(a.topic ?? "") ? "the founder" : "the host";
  const subject = ctx.subject ?? a.brands[0] ?? (a.topic && a.topic.split(/\s+/).length <= 4 ? a.topic : undefined) ?? "the key prop";
  const list = VISUALS[v.role] ?? VISUALS.value!;
  const tpl = list[mod(ctx.seed + v.variant + (v.n ?? 0), list.length)]!;
  let text =
    fill(tpl, {
      size: sizePhrase(v.camera.size),
      person,
      subject,
      setting: ctx.setting ?? a.setting ?? "a bright, uncluttered set",
      n: v.n ?? 1,
      a: a.compare?.[0] ?? "option A",
      b: a.compare?.[1] ?? "option B",
      cta: v.cta ? `"${v.cta.replace(/\n/g, " · ")}"` : "the call to action",
      move: v.camera.move,
      gist: v.gist ? `“${v.gist}”` : `“${subject}”`,
    }) ?? "";
  text = capitalize(text);
  if (v.kind === "content") {
    const inTemplate = tpl.includes("{gist}");
    if (v.script) {
      if (!inTemplate && v.gist) text += ` Shows: “${v.gist}”.`;
    } else text += v.gist && !inTemplate ? ` B-roll cutaway on “${v.gist}”, no voice-over: music and on-screen text carry it.` : " B-roll, no voice-over: music and on-screen text carry the beat.";
  }
  return text;
}
