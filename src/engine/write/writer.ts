// The copywriter: every voice-over line is written for its beat from the BriefModel's facts,
// in the brief's language and register. Brief lines are framed, never pasted (except must-say
// lines); unknown list items are inferred from a known domain or marked needs_input.
import type { BriefModel } from "../brief/model";
import type { EngineLanguage } from "../language";
import { mod } from "../rng";
import { capitalize, containsTerm, finish, normKey } from "../text";
import { BANKS, registerOf, type LangBank, type Register } from "./bank";
import { inferItems } from "./infer-items";

export interface WrittenLine {
  text: string;
  /** 1 for a line carrying a fact of the brief, 0 for a supporting line (dropped first). */
  priority: number;
}

export interface WrittenBeat {
  lines: WrittenLine[];
  /** A precise to-do when the brief lacks what this beat needs. */
  needsInput?: string;
}

export interface Writer {
  register: Register;
  /** Hook candidates, strongest material first; each is grounded in a fact of the brief. */
  hooks: string[];
  beat(role: string, n: number | undefined, count: number): WrittenBeat;
  cta(): { script: string; overlay: string; fromBrief: boolean };
  title(fallback: string): string;
}

const NEG_NOUNS = /^(mistakes?|errors?|myths?|lies|red flags?|signs?|errores|erreurs|fehler|erros|mitos|mythes|mythen|ミス|間違い)$/i;

const SINGULAR: Record<string, string> = {
  errores: "error", consejos: "consejo", formas: "forma", razones: "razón", cosas: "cosa", trucos: "truco", señales: "señal", pasos: "paso", secretos: "secreto", reglas: "regla", hábitos: "hábito", herramientas: "herramienta", mitos: "mito",
  erreurs: "erreur", astuces: "astuce", conseils: "conseil", façons: "façon", raisons: "raison", choses: "chose", étapes: "étape", règles: "règle", habitudes: "habitude", outils: "outil", mythes: "mythe",
  fehler: "Fehler", tipps: "Tipp", wege: "Weg", gründe: "Grund", dinge: "Ding", schritte: "Schritt", ideen: "Idee", geheimnisse: "Geheimnis", regeln: "Regel", gewohnheiten: "Gewohnheit", mythen: "Mythos",
  erros: "erro", dicas: "dica", maneiras: "maneira", motivos: "motivo", coisas: "coisa", truques: "truque", passos: "passo", segredos: "segredo", regras: "regra", ferramentas: "ferramenta",
  lies: "lie", stretches: "stretch", strategies: "strategy", "red flags": "red flag",
};

function singular(noun: string, lang: EngineLanguage): string {
  const k = noun.toLowerCase();
  if (SINGULAR[k]) return SINGULAR[k]!;
  if (lang !== "en") return noun;
  if (/ies$/.test(k)) return `${noun.slice(0, -3)}y`;
  if (/(ches|shes|xes|sses)$/.test(k)) return noun.slice(0, -2);
  return noun.replace(/s$/i, "");
}

const EN_GERUND: Record<string, string> = {
  lose: "losing", loses: "losing", waste: "wasting", wastes: "wasting", spend: "spending", spends: "spending", struggle: "struggling", struggles: "struggling",
  pay: "paying", pays: "paying", miss: "missing", misses: "missing", hate: "hating", get: "getting", have: "having", make: "making", take: "taking", deal: "dealing",
  juggle: "juggling", juggles: "juggling", fight: "fighting", chase: "chasing", chases: "chasing", burn: "burning", throw: "throwing", kill: "killing", kills: "killing",
};
const PARTICIPLE = /^(?:used|trusted|loved|chosen|rated|backed|recommended|certified|approved)\b/i;
const PAIN_LEAD = /^(?:(?:are you |still |you're |you are |always )?(?:tired of|sick of|fed up with|struggling with|frustrated (?:with|by)|done with|hate|hating)\s+)/i;
const NUM_PHRASE = /\b\d[\d,.]*\+?\s+(?:hours?|minutes?|mins?|days?|weeks?|months?|years?|dollars?|euros?|pounds?|percent|horas?|minutos?|días?|heures?|jours?|stunden|minuten|tage|dias?)(?:\s+(?:a|per|every|each|al|por|par|pro|por)\s+(?:day|week|month|year|shift|día|semana|mes|año|jour|semaine|mois|tag|woche|monat|dia|mês))?|[$€£]\s?\d[\d,.]*(?:\s?(?:a|per)\s+(?:day|week|month|year))?|\d+\s?%|\d+時間|\d+分/i;

/** A fact ready to be framed: trimmed, first letter lowered unless it is a name, no end punctuation. */
function factBody(s: string, lang: EngineLanguage, keep: readonly string[]): string {
  let t = s.trim().replace(/[.!。！]+$/u, "").trim();
  if (lang === "ja") return t.replace(/[、]$/u, "");
  // German capitalises its nouns: a fact's first word keeps its case.
  if (lang === "de") return t;
  const first = t.split(/\s+/)[0] ?? "";
  const isName = keep.some((k) => k && first.startsWith(k.split(/\s+/)[0] ?? "\u0000")) || /^\p{Lu}{2,}|^\p{Ll}+\p{Lu}/u.test(first) || first === "I";
  if (!isName) t = t.charAt(0).toLowerCase() + t.slice(1);
  return t;
}

function jaEnding(x: string): string {
  // A noun phrase needs a copula to stand as a sentence; a clause already ends on a verb or adjective.
  if (/(?:使用|採用|配合|搭載|対応|開発|販売|提供|実現|改善|解消|使用中)$/u.test(x)) return `${x}しています`;
  return /(?:る|た|す|い|だ|ない|ん|よ|ね|う|く|ぐ|つ|ぬ|ぶ|む|て|で|ます|です|ません)$/u.test(x) ? x : `${x}です`;
}

function fill(tpl: string, slots: Record<string, string | number | undefined>): string | null {
  let missing = false;
  const out = tpl.replace(/\{(\w+)\}/g, (_, k: string) => {
    const lower = k.charAt(0).toLowerCase() + k.slice(1);
    const v = slots[k] ?? slots[lower];
    if (v === undefined || v === "") {
      missing = true;
      return "";
    }
    const s = String(v);
    return k !== lower ? capitalize(s) : s;
  });
  // Only a space before "," and "." goes: French keeps its space before ":", "?" and "!".
  return missing ? null : out.replace(/\s+([,.])/g, "$1").replace(/\s+/g, " ").replace(/([?!]\s+)(\p{Ll})/gu, (_, p: string, c: string) => p + c.toUpperCase()).trim();
}

export function createWriter(m: BriefModel, lang: EngineLanguage, patternId: string, seed: number): Writer {
  const bank: LangBank = BANKS[lang];
  const reg = registerOf(m.tone);
  const keep: string[] = m.product ? [m.product] : [];
  const P = m.product;
  const topic = m.topic ?? m.productWhat;
  const pick = <T,>(list: readonly T[], k: number): T | undefined => (list.length ? list[mod(seed + k, list.length)] : undefined);
  const used = new Set<string>();
  const unique = (s: string | null | undefined): s is string => {
    if (!s) return false;
    const k = normKey(s);
    if (!k || used.has(k)) return false;
    used.add(k);
    return true;
  };
  // Words written with a capital inside a sentence are names: they keep their capital (opening a
  // line or a bullet, "Hold each stretch", a capital says nothing).
  const caps = new Map<string, number>();
  for (const sp of m.spans) sp.text.split(/\s+/).forEach((w, i) => {
    const c = w.replace(/[^\p{L}\d'&-]/gu, "");
    if (/^\p{Lu}/u.test(c) && !(i === 0 && SENTENCE_STARTERS.test(c))) caps.set(c, (caps.get(c) ?? 0) + (i > 0 ? 2 : 0.5));
  });
  for (const [w, n] of caps) if (n >= 2) keep.push(w);
  if (m.compare) keep.push(...m.compare);
  const body = (s: string) => factBody(s, lang, keep);
  const frame = (kind: string, x: string, k = 0): string | null => {
    const storyList = STORY_FRAMES[kind]?.[lang];
    const list = storyList ?? bank.frames[kind]?.[reg] ?? bank.frames.feature![reg];
    for (let i = 0; i < list.length; i++) {
      const tpl = list[mod(seed + k + i, list.length)]!;
      if (tpl.includes("{P}") && !P) continue;
      const raw = kind === "problem" ? x.replace(PAIN_LEAD, "").replace(/[?？]+$/u, "") : x;
      const xx = lang === "ja" ? jaEnding(body(raw)) : body(raw);
      // "Meet ShiftPilot: ShiftPilot does..." reads twice: drop the product-led frame.
      if (P && tpl.includes("{P}") && normKey(xx).startsWith(normKey(P))) continue;
      const out = fill(tpl, { x: xx, P });
      if (out) return capitalize(out);
    }
    return capitalize(finish(lang === "ja" ? jaEnding(body(x)) : x));
  };
  const support = (kind: string, k: number, slots: Record<string, string | undefined> = {}): string | null => {
    const list = bank.support[kind]?.[reg] ?? [];
    for (let i = 0; i < list.length; i++) {
      const s = fill(list[mod(seed + k + i, list.length)]!, slots);
      if (s && !used.has(normKey(s))) return capitalize(s);
    }
    return null;
  };

  const count = m.count;
  const noun = count ? singular(count.noun, lang) : patternId === "tutorial" ? "step" : "";
  const negative = count ? NEG_NOUNS.test(count.noun) : false;
  const inferred = count && m.items.length < count.n ? inferItems(m, lang, count.n) : [];
  const extra = inferred.slice(0, Math.max(0, (count?.n ?? 0) - m.items.length));
  const items = [...m.items, ...extra.map((x) => x.item)];
  // An inferred mistake comes with its fix: a listicle says what to do instead.
  const fixes = [...m.items.map((): string | undefined => undefined), ...extra.map((x) => x.fix)];
  const numPhrase = (() => {
    for (const p of m.pains) {
      const x = NUM_PHRASE.exec(p);
      if (x) return x[0];
    }
    return undefined;
  })();
  const painGerund = (() => {
    if (lang !== "en") return undefined;
    for (const p of m.pains) {
      const ws = p.replace(/[.!?]+$/, "").split(/\s+/);
      for (let i = 0; i < Math.min(3, ws.length); i++) {
        const g = EN_GERUND[(ws[i] ?? "").toLowerCase()];
        if (g && i >= 1) return [g, ...ws.slice(i + 1)].join(" ");
        if (g && i === 0) return [g, ...ws.slice(1)].join(" ");
      }
    }
    return undefined;
  })();
  const painNp = m.pains.map((p) => p.replace(/[?.!]+$/, "")).find((p) => PAIN_LEAD.test(p))?.replace(PAIN_LEAD, "");

  // ---- Hooks: strongest material first ----
  const hooks: string[] = [];
  const addHook = (tpl: string | undefined, slots: Record<string, string | number | undefined>) => {
    if (!tpl) return;
    const s = fill(tpl, slots);
    if (s && !hooks.includes(s)) hooks.push(capitalize(s));
  };
  if (m.hook) hooks.push(capitalize(finish(m.hook)));
  if (m.compare && patternId === "comparison") addHook(VERSUS[lang] ?? VERSUS.en, { A: m.compare[0], B: m.compare[1] });
  const proofNum = m.proof.find((p) => /\d/.test(p));
  if (painGerund) for (const t of bank.hooks.painQuestion) addHook(t, { gerund: painGerund });
  if (numPhrase && m.pains.length) for (const t of bank.hooks.numberPain) addHook(t, { num: numPhrase });
  if (painNp) for (const t of bank.hooks.question) addHook(t, { pain: lang === "ja" ? painNp : body(painNp) });
  if (count && topic && !normKey(topic).includes(normKey(`${count.n}`))) {
    const nouns = lang === "ja" ? count.noun : lang === "de" ? capitalize(count.noun) : count.noun.toLowerCase();
    const topicPrep = /^\p{L}+ing\b/u.test(topic) ? `when ${topic}` : `with ${topic}`;
    if (lang === "ja") addHook(negative ? "{phrase}、やりがちです。" : "{phrase}、保存して。", { phrase: jaListPhrase(topic, count.n, count.noun) });
    else for (const t of negative ? bank.hooks.list : bank.hooks.listPositive) addHook(t, { n: count.n, nouns, topic: body(topic), topicPrep });
  }
  if (proofNum && /^(?:used|trusted|loved|rated|chosen|backed|made|built)\b/i.test(proofNum)) {
    for (const t of bank.hooks.proof) addHook(t, { proof: proofNum.replace(/[.!]+$/, ""), proofnum: undefined });
  }
  if (m.story.some((s) => s.role === "before") && P) for (const t of bank.hooks.contrast) addHook(t, { P, topic });
  if (P && (patternId === "aida" || hooks.length === 0)) for (const t of bank.hooks.product) addHook(t, { P });
  if (topic && lang === "en") {
    // A topic gives a grounded hook of last resort, always a whole sentence: a how/why clause is
    // said as "Here's how our garage fixed it." (its object left to the next line when the whole
    // clause is too long for the hook); a topic with a heading ("Why your boiler pressure drops: 3
    // common causes") gives its heading, never a cut through the colon.
    const parts = topic.split(/\s*[:：]\s+/);
    while (parts.length > 1 && FORMAT_HEAD.test(parts[0] ?? "")) parts.shift();
    const whole = parts[0] ?? topic;
    const how = HOW_CLAUSE.exec(whole);
    const object = how?.[3]?.split(/\s*[,;(]\s*|\s+[-–—]\s+/)[0];
    if (/^how\s+to\s/i.test(whole)) hooks.push(`${capitalize(shortPhrase(whole, 8))}.`);
    else if (how) {
      hooks.push(`Here's ${how[1]!.toLowerCase()} ${how[2]}${object ? ` ${object}` : ""}.`);
      if (object) hooks.push(`Here's ${how[1]!.toLowerCase()} ${how[2]} it.`);
    } else if (/^(?:how|why)\s/i.test(whole)) hooks.push(`Here's ${whole.charAt(0).toLowerCase()}${whole.slice(1)}.`);
    if (patternId === "day-in-the-life") hooks.push(`${capitalize(shortPhrase(whole, 6))}, with me.`);
    if (patternId === "storytime") hooks.push(`${capitalize(shortPhrase(whole, 5))}: the real story.`);
    if (!/^(?:how|why)\s+(?!to\s)/i.test(whole)) hooks.push(`${capitalize(shortPhrase(whole, 6))}, in ${patternId === "listicle" ? "a minute" : "short"}.`);
  }
  // A hook is written, not a line of the brief said back.
  const briefLines = new Set(m.spans.filter((x) => x.field !== "ignored").map((x) => normKey(x.text)));
  for (let i = hooks.length - 1; i >= 0; i--) if (briefLines.has(normKey(hooks[i]!)) && hooks.length > 1) hooks.splice(i, 1);

  // ---- Content beats ----
  const factsFor = (role: string): { kind: string; list: string[] }[] => {
    const story = (r: string) => m.story.filter((s) => s.role === r).map((s) => s.text);
    switch (role) {
      case "problem":
      case "struggle":
      case "conflict":
        return [{ kind: "problem", list: m.pains.slice(0, 1) }];
      case "agitate":
        return [{ kind: "problem", list: m.pains.slice(1, 2) }];
      case "solution":
      case "discovery":
      case "turning":
      case "interest":
        return [{ kind: "solution", list: m.productWhat ? [m.productWhat] : [] }, { kind: "feature", list: m.features.slice(0, 2) }];
      case "how":
      case "value":
      case "setup":
        return [{ kind: "feature", list: m.features.slice(role === "setup" ? 0 : 0, 3) }, { kind: "benefit", list: m.benefits.slice(0, 1) }];
      case "desire":
      case "result":
      case "payoff":
        return [{ kind: "benefit", list: m.benefits.slice(0, 2) }];
      case "proof":
        return [{ kind: "proof", list: m.proof.slice(0, 2) }];
      case "offer":
        return [{ kind: "offer", list: [...m.offer, ...m.prices].slice(0, 2) }];
      case "urgency":
        return [{ kind: "deadline", list: m.deadlines.slice(0, 1) }];
      case "option_a":
      case "option_b": {
        const side = m.compare?.[role === "option_a" ? 0 : 1];
        const all = [...m.features, ...m.benefits, ...m.story.map((x) => x.text)];
        return [{ kind: "feature", list: side ? all.filter((f) => containsTerm(f, side.split(/\s+/)[0] ?? side)).slice(0, 2) : [] }];
      }
      default:
        return [{ kind: STORY_FRAMES[role] ? role : "story", list: story(role) }];
    }
  };
  // Facts are shared out: a fact used by one beat is not repeated by the next.
  const spentFacts = new Set<string>();
  const hasMaterial =
    [m.pains, m.benefits, m.features, m.proof, m.items, m.offer, m.deadlines, m.prices, m.mustSay].some((l) => l.length > 0) ||
    m.story.length > 0 || !!m.compare || !!m.count || (!!m.productWhat && !!P && !normKey(P).includes(normKey(m.productWhat)) && !normKey(m.productWhat).includes(normKey(P)));
  let askedForMaterial = false;

  // A list, a tutorial or myth/fact pairs have no beat that carries loose facts: a must-say line no
  // beat has said is said, as written, after the last item, step or fact.
  const beat = (role: string, n: number | undefined, total: number): WrittenBeat => {
    const w = writeBeatBody(role, n, total);
    if ((role === "item" || role === "step" || role === "fact") && n === total && !w.needsInput) {
      for (const s of m.mustSay) {
        const key = normKey(s);
        if (spentFacts.has(key)) continue;
        spentFacts.add(key);
        if (unique(capitalize(finish(s)))) w.lines.push({ text: capitalize(finish(s)), priority: 1 });
      }
    }
    return w;
  };
  const writeBeatBody = (role: string, n: number | undefined, total: number): WrittenBeat => {
    const lines: WrittenLine[] = [];
    const push = (s: string | null, priority: number) => {
      if (unique(s)) lines.push({ text: s, priority });
    };
    if (role === "item" || role === "step") {
      const k = (n ?? 1) - 1;
      const item = items[k];
      const num = bank.numbers && lang === "en" ? bank.numbers[k] ?? String(n) : String(n);
      const Noun = noun ? capitalize(noun) : lang === "en" ? "Number" : "#";
      if (role === "step") {
        const x = item ? (lang === "ja" ? jaEnding(body(item)) : body(item)) : undefined;
        const lead = (STEP_LEADS[lang] ?? STEP_LEADS.en!)(n ?? 1, total);
        if (x) push(capitalize(finish(`${lead}${lang === "ja" ? "" : " "}${x}`)), 1);
        else {
          push(capitalize(finish(`${lead}${lang === "ja" ? "" : " "}${STEP_UNKNOWN[lang] ?? STEP_UNKNOWN.en}`)), 1);
          return { lines, needsInput: fill(bank.needsItem, { Noun: capitalize(singular(noun || "step", lang)), n: n ?? 1, topic: topic ?? "" }) ?? undefined };
        }
        // A step says what to do; a stock rider ("It takes a minute." after an hour's rise) says nothing.
        return { lines };
      }
      if (item) {
        push(fill(bank.item, { Noun, num, x: lang === "ja" ? jaEnding(body(item)) : body(item) }), 1);
        const fix = fixes[k];
        if (fix) push(`The fix: ${body(fix)}.`, 1);
        else push(support(negative ? "itemNeg" : "itemPos", k), 0);
        return { lines };
      }
      // "Mistake two is one almost everyone makes." fits a list of mistakes only.
      push(fill(negative ? bank.itemUnknown : (ITEM_UNKNOWN_POS[lang] ?? ITEM_UNKNOWN_POS.en!), { Noun, num }), 1);
      return { lines, needsInput: fill(bank.needsItem, { Noun, n: n ?? 1, topic: topic ?? "" }) ?? undefined };
    }
    if (role === "myth" || role === "fact") {
      const list = m.story.filter((s) => s.role === role).map((s) => s.text);
      const x = list[(n ?? 1) - 1];
      const lead = role === "myth" ? MYTH_FACT[lang]![0] : MYTH_FACT[lang]![1];
      if (x) push(`${lead}${lang === "ja" ? "" : " "}${lang === "ja" ? jaEnding(body(x)) : body(x)}${lang === "ja" ? "。" : "."}`, 1);
      else return { lines, needsInput: `${lead.replace(/[:：]\s*$/u, "")} ${n ?? 1}: ${NEEDS_WORD[lang] ?? NEEDS_WORD.en}` };
      return { lines };
    }
    if (role === "before" || role === "after") {
      const x = m.story.find((s) => s.role === role)?.text ?? (role === "before" ? m.pains[0] : m.benefits[0]);
      const lead = BEFORE_AFTER[lang]![role === "before" ? 0 : 1];
      if (x) push(`${lead}${lang === "ja" ? "" : " "}${lang === "ja" ? jaEnding(body(x)) : body(x)}${lang === "ja" ? "。" : "."}`, 1);
      if (!lines.length) return { lines, needsInput: `${lead.replace(/[:：]\s*$/u, "")} ${NEEDS_WORD[lang] ?? NEEDS_WORD.en}` };
      return { lines };
    }
    let k = 0;
    if (OPENERS.has(role)) {
      // An opening beat names the pain before the product.
      const pain = m.pains.find((p) => !spentFacts.has(normKey(p)));
      if (pain) {
        spentFacts.add(normKey(pain));
        push(frame("problem", pain, k++), 1);
      }
    }
    for (const { kind, list } of factsFor(role)) {
      for (const f of list) {
        const key = normKey(f);
        if (spentFacts.has(key)) continue;
        spentFacts.add(key);
        if (m.mustSay.some((s) => normKey(s) === key)) push(capitalize(finish(f)), 1);
        else if (kind === "proof" && P && lang === "en" && PARTICIPLE.test(f)) push(`${P} is already ${body(f)}.`, 1);
        else push(frame(kind, f, k++), 1);
      }
    }
    if (CARRIERS.has(role)) {
      // Facts no beat has voiced yet ride on the next beats that can carry them.
      // A must-say line is said as written, on the first beat that can carry it.
      const pool: [string, string][] = [
        ...m.mustSay.map((f): [string, string] => ["must", f]),
        ...m.features.map((f): [string, string] => ["feature", f]),
        ...m.benefits.map((f): [string, string] => ["benefit", f]),
        // What the product is introduces it: not a line for the proof beat.
        ...(m.productWhat && role !== "proof" ? [["solution", m.productWhat] as [string, string]] : []),
      ];
      // A fact that says its time of day belongs to that part of the day.
      const otherTime = (f: string) => role in TIME_OF_DAY && Object.entries(TIME_OF_DAY).some(([r, re]) => r !== role && re.test(f) && !TIME_OF_DAY[role]!.test(f));
      for (const [kind, f] of pool) {
        if (lines.length >= 3) break;
        if (spentFacts.has(normKey(f)) || otherTime(f)) continue;
        spentFacts.add(normKey(f));
        push(kind === "must" ? capitalize(finish(f)) : frame(role in TIME_OF_DAY ? role : kind, f, k++), 1);
      }
    }
    // Agitation says what the pain costs, with the brief's number; without one, and without a
    // deadline for urgency, the beat has nothing to say and the timing drops it.
    if (role === "agitate" && !lines.length && numPhrase) push(support("agitateNum", 0, { num: numPhrase }), 1);
    if (role === "verdict" && !lines.length && m.compare) push(fill(VERDICT[lang] ?? VERDICT.en!, { A: m.compare[0], B: m.compare[1] }), 1);
    if (!lines.length && (role === "value" || role === "setup" || role === "payoff" || role === "desire" || role === "result")) {
      // Nothing specific for this beat: the remaining facts of any kind, then a supporting line.
      const rest = [...m.features, ...m.benefits, ...m.proof].filter((f) => !spentFacts.has(normKey(f)));
      for (const f of rest.slice(0, 2)) {
        spentFacts.add(normKey(f));
        push(frame(m.benefits.includes(f) ? "benefit" : m.proof.includes(f) ? "proof" : "feature", f, k++), 1);
      }
    }
    if (!lines.length && CARRIERS.has(role) && !hasMaterial && !askedForMaterial) {
      // A brief with nothing to say yet: one beat asks for it (a stock line would say nothing,
      // and the timing drops the other empty beats rather than pad them).
      askedForMaterial = true;
      const ask = ASK_MATERIAL[lang] ?? ASK_MATERIAL.en!;
      // A name that reads as a name (a parser's long "product" would make the line nonsense).
      const short = (x: string | undefined) => (x && x.split(/\s+/).length <= (lang === "ja" ? 1 : 5) && Array.from(x).length <= 40 ? x : undefined);
      const name = short(P) ?? short(topic);
      push(fill(name ? (name === P ? ask.lineP : ask.lineTopic) : ask.line, { P: name, topic: name }), 1);
      return { lines, needsInput: fill(name ? ask.needsNamed : ask.needs, { name }) ?? ask.needs };
    }
    return { lines };
  };

  // Must-say lines that no beat used are voiced where they fit best: the value/solution beats.
  const cta = () => {
    const budgetless = (s: string) => s.replace(/[.!。！]+$/u, "");
    if (m.cta.text) {
      const script = capitalize(finish(m.cta.text));
      const ov = budgetless(capitalize(m.cta.text));
      return { script, overlay: m.finalOverlay ?? ov, fromBrief: true };
    }
    if (m.cta.url || m.cta.phone) {
      const target = (m.cta.url ?? m.cta.phone ?? "").replace(/^https?:\/\//i, "").replace(/^www\./i, "").replace(/\/$/, "");
      const s = (CTA_VISIT[lang] ?? CTA_VISIT.en!)(target, !!m.cta.phone && !m.cta.url);
      return { script: s, overlay: m.finalOverlay ?? target, fromBrief: true };
    }
    if (P) {
      const list = m.physical ? bank.ctaPlug.physical : bank.ctaPlug.other;
      const s = fill(pick(list, 0) ?? list[0]!, { P }) ?? "";
      return { script: s, overlay: m.finalOverlay ?? budgetless(s), fromBrief: true };
    }
    return { script: "", overlay: m.finalOverlay ?? "", fromBrief: false };
  };

  const title = (fallback: string) => {
    const cands: string[] = [];
    if (m.title) cands.push(m.title);
    if (count && topic) {
      const countWords = `${count.n} ${count.noun}`;
      cands.push(
        lang === "ja"
          ? jaListPhrase(topic, count.n, count.noun)
          : normKey(topic).includes(normKey(countWords)) ? topic : count.phrase && normKey(count.phrase).includes(normKey(topic)) ? count.phrase : `${count.n} ${count.noun}: ${topic}`,
      );
    }
    if (P && m.productWhat && !normKey(m.productWhat).includes(normKey(P)) && !/\b(?:brand|product|company|business|app)$/i.test(m.productWhat)) cands.push(lang === "ja" ? `${P}：${m.productWhat}` : `${P}: ${m.productWhat}`);
    if (P && topic && !count && !normKey(topic).includes(normKey(P))) cands.push(`${P}: ${topic}`);
    if (topic) cands.push(topic);
    if (P) cands.push(P);
    cands.push(fallback);
    for (const c of cands) {
      // "20 segundos para la panadería La Espiga": the length is a setting, not part of the title.
      const bare = c.replace(/^\d{1,3}\s*(?:s|sec|secs|seconds?|segundos?|secondes?|sekunden|秒)\b\s*(?:para|pour|für|for|de|do|da)?\s*/i, "");
      const t = cutTitle(capitalize(bare.replace(/[.。!]+$/u, "").trim()));
      if (t) return P && count && !normKey(t).includes(normKey(P)) && Array.from(t).length + P.length + 3 <= 60 ? `${t} · ${P}` : t;
    }
    return fallback;
  };

  return { register: reg, hooks: hooks.filter((h) => !!h.trim()), beat, cta, title };
}

/** At most 60 characters, cut only at a phrase boundary (comma, colon, dash, "for/with/when"). */
export function cutTitle(t: string): string {
  if (Array.from(t).length <= 60) return t;
  const bounds = [...t.matchAll(/[,:;·]\s|\s[-–—]\s|\s(?=(?:for|with|when|that|and|in|to|para|con|pour|avec|für|mit|com|que)\s)/gi)].map((x) => x.index ?? 0).filter((i) => i > 8 && i <= 60);
  const at = bounds.length ? bounds[bounds.length - 1]! : -1;
  return at > 0 ? t.slice(0, at).trim() : "";
}

/** Lead-ins for story beats (day in the life, storytime, comparison), per language. */
const STORY_FRAMES: Record<string, Partial<Record<EngineLanguage, readonly string[]>>> = {
  morning: { en: ["It starts early: {x}.", "First thing: {x}."], es: ["Empieza temprano: {x}.", "A primera hora: {x}."], fr: ["Ça commence tôt : {x}.", "Dès le matin : {x}."], de: ["Es geht früh los: {x}.", "Am Morgen: {x}."], pt: ["Começa cedo: {x}.", "Logo cedo: {x}."], ja: ["朝は、{x}。"] },
  midday: { en: ["By midday: {x}.", "Then the rush: {x}."], es: ["A mediodía: {x}."], fr: ["À midi : {x}."], de: ["Mittags: {x}."], pt: ["Ao meio-dia: {x}."], ja: ["昼は、{x}。"] },
  evening: { en: ["And by evening: {x}.", "To close the day: {x}."], es: ["Y por la noche: {x}."], fr: ["Et le soir : {x}."], de: ["Und abends: {x}."], pt: ["E à noite: {x}."], ja: ["夜は、{x}。"] },
  context: { en: ["It started like this: {x}.", "Here's how it began: {x}."], es: ["Así empezó: {x}."], fr: ["Tout a commencé ainsi : {x}."], de: ["So fing es an: {x}."], pt: ["Começou assim: {x}."], ja: ["始まりは、{x}。"] },
  conflict: { en: ["Then it got hard: {x}.", "The hard part: {x}."], es: ["Luego se complicó: {x}."], fr: ["Puis c'est devenu dur : {x}."], de: ["Dann wurde es schwer: {x}."], pt: ["Aí ficou difícil: {x}."], ja: ["大変だったのは、{x}。"] },
  turning: { en: ["Then everything changed: {x}.", "The turning point: {x}."], es: ["Y entonces todo cambió: {x}."], fr: ["Et puis tout a changé : {x}."], de: ["Dann änderte sich alles: {x}."], pt: ["Então tudo mudou: {x}."], ja: ["転機は、{x}。"] },
  lesson: { en: ["The lesson: {x}.", "What I learned: {x}."], es: ["La lección: {x}."], fr: ["La leçon : {x}."], de: ["Die Lektion: {x}."], pt: ["A lição: {x}."], ja: ["学んだのは、{x}。"] },
  verdict: { en: ["The verdict: {x}.", "My pick: {x}."], es: ["El veredicto: {x}."], fr: ["Le verdict : {x}."], de: ["Das Fazit: {x}."], pt: ["O veredito: {x}."], ja: ["結論、{x}。"] },
};

const VERSUS: Record<string, string> = {
  en: "{A} vs {B}: which one wins?", es: "¿{A} o {B}? ¿Cuál gana?", fr: "{A} ou {B} : lequel gagne ?", de: "{A} oder {B}: Wer gewinnt?", pt: "{A} ou {B}: qual vence?", ja: "{A}と{B}、勝つのは？",
};
const VERDICT: Record<string, string> = {
  en: "The verdict: {A} or {B}, it depends on what you need most.",
  es: "El veredicto: {A} o {B}, depende de lo que más necesites.",
  fr: "Le verdict : {A} ou {B}, tout dépend de ton besoin.",
  de: "Das Fazit: {A} oder {B}, je nachdem, was du brauchst.",
  pt: "O veredito: {A} ou {B}, depende do que você mais precisa.",
  ja: "結論、{A}か{B}かは、何を重視するか次第です。",
};

/** "朝を楽にする3つのコツ" (a verb or adjective modifies the noun directly), "冬の3つのコツ" (a noun takes の). */
function jaListPhrase(topic: string, n: number, noun: string): string {
  const t = topic.replace(/[：:、。]+$/u, "");
  return `${t}${/(?:る|い|た|な)$/u.test(t) ? "" : "の"}${n}つの${noun}`;
}

/** At most `max` words, cut at a phrase boundary when there is one ("a day at our tea farm"). */
/** A format word heading the topic ("Storytime: how I started Loopknit"). */
const FORMAT_HEAD = /^(?:storytime|story time|pov|tutorial|how-to|listicle|myth vs\.? fact|before and after|day in the life|review|ugc|testimonial)$/i;
/** "How our garage fixed a 20-year-old Land Rover": how/why, the subject and its past-tense verb, the object. */
const HOW_CLAUSE = /^(how|why)\s+((?:our|my|the|we|i|they|this|a|an|\p{Lu}[\p{L}'-]*)\b(?:\s+[\p{L}'-]+){0,4}?\s+(?:[\p{L}-]{2,}ed|built|made|won|beat|got|took|found|grew|sold|ran|began|did|drove|wrote|brought|kept))(?:\s+(.+))?$/iu;

function shortPhrase(s: string, max: number): string {
  const t = s.replace(/[.!?。]+$/u, "").trim();
  const ws = t.split(/\s+/);
  if (ws.length <= max) return t;
  for (let i = max; i >= 2; i--) if (/^(?:in|at|for|with|on|from|by|that|who|which|nobody|and|,)$/i.test(ws[i] ?? "") || /,$/.test(ws[i - 1] ?? "")) return ws.slice(0, i).join(" ").replace(/,$/, "");
  const cut = ws.slice(0, max);
  while (cut.length > 2 && /^(?:a|an|the|of|to|in|at|for|with|on|and|or|our|my|your)$/i.test(cut[cut.length - 1] ?? "")) cut.pop();
  return cut.join(" ");
}

/** Words that open sentences ("We mill our own rye."): capitalised there, never names. */
const SENTENCE_STARTERS = /^(?:We|Our|I|My|The|A|An|It|Its|This|That|These|Those|They|Their|You|Your|Every|Each|Today|Now|Then|Nosotros|Nuestr[oa]s?|Nous|Notre|Nos|Wir|Unser\w*|Nós|Noss[oa]s?)$/;
/** A fact's time of day, for the day-in-the-life beats. */
const TIME_OF_DAY: Record<string, RegExp> = {
  morning: /\b(?:dawn|sunrise|morning|breakfast|early|[1-9](?::\d\d)?\s?am|madrugada|mañana|amanecer|matin|aube|morgens?|früh|manhã)\b/i,
  midday: /\b(?:noon|midday|lunch|afternoon|mediodía|tarde|midi|après-midi|mittags?|nachmittags?|meio-dia)\b/i,
  evening: /\b(?:sunset|dusk|evening|night|dinner|[1-9](?::\d\d)?\s?pm|noche|atardecer|soir|nuit|abends?|nachts?|noite)\b/i,
};
const OPENERS = new Set(["interest", "setup", "value", "context", "struggle"]);
const CARRIERS = new Set(["setup", "value", "solution", "interest", "desire", "offer", "proof", "how", "discovery", "result", "turning", "verdict", "midday", "morning", "evening", "context", "lesson", "reflection", "after"]);

const ITEM_UNKNOWN_POS: Record<string, string> = {
  en: "{Noun} {num}: this one's worth trying.", es: "{Noun} número {num}.", fr: "{Noun} numéro {num}.", de: "{Noun} Nummer {num}.", pt: "{Noun} número {num}.", ja: "{Noun}その{num}。",
};

/** A brief with no facts at all: one scene says where the point goes and asks for it (needs_input). */
const ASK_MATERIAL: Record<string, { lineP: string; lineTopic: string; line: string; needsNamed: string; needs: string }> = {
  en: { lineP: "Here's what makes {P} different.", lineTopic: "Here's the one thing to know about {topic}.", line: "Here's the point.", needsNamed: "Say what makes {name} worth it: a benefit, a feature or a number.", needs: "Say what the video is about: a benefit, a feature or a number." },
  es: { lineP: "Esto es lo que hace diferente a {P}.", lineTopic: "Lo que hay que saber sobre {topic}.", line: "Esta es la clave.", needsNamed: "Di qué hace que {name} valga la pena: un beneficio, una función o una cifra.", needs: "Di de qué trata el vídeo: un beneficio, una función o una cifra." },
  fr: { lineP: "Voici ce qui rend {P} différent.", lineTopic: "Ce qu'il faut savoir sur {topic}.", line: "Voici l'essentiel.", needsNamed: "Dis ce qui fait la valeur de {name} : un bénéfice, une fonctionnalité ou un chiffre.", needs: "Dis de quoi parle la vidéo : un bénéfice, une fonctionnalité ou un chiffre." },
  de: { lineP: "Das macht {P} anders.", lineTopic: "Das Wichtigste zu {topic}.", line: "Darauf kommt es an.", needsNamed: "Sag, was {name} besonders macht: ein Vorteil, eine Funktion oder eine Zahl.", needs: "Sag, worum es im Video geht: ein Vorteil, eine Funktion oder eine Zahl." },
  pt: { lineP: "Veja o que faz {P} ser diferente.", lineTopic: "O que você precisa saber sobre {topic}.", line: "Este é o ponto.", needsNamed: "Diga o que faz {name} valer a pena: um benefício, um recurso ou um número.", needs: "Diga do que o vídeo trata: um benefício, um recurso ou um número." },
  ja: { lineP: "{P}の違いはここです。", lineTopic: "{topic}のポイントはここです。", line: "ポイントはここです。", needsNamed: "{name}の魅力を書いてください（メリット、特徴、数字など）。", needs: "動画で伝えたいことを書いてください（メリット、特徴、数字など）。" },
};

const STEP_LEADS: Record<string, (n: number, total: number) => string> = {
  en: (n, t) => (n === 1 ? "First," : n === t ? "Finally," : ["Next,", "Then,", "After that,"][(n - 2) % 3]!),
  es: (n, t) => (n === 1 ? "Primero," : n === t ? "Por último," : ["Después,", "Luego,", "A continuación,"][(n - 2) % 3]!),
  fr: (n, t) => (n === 1 ? "D'abord," : n === t ? "Enfin," : ["Ensuite,", "Puis,", "Après,"][(n - 2) % 3]!),
  de: (n, t) => (n === 1 ? "Erster Schritt:" : n === t ? "Zum Schluss:" : ["Dann:", "Danach:", "Als Nächstes:"][(n - 2) % 3]!),
  pt: (n, t) => (n === 1 ? "Primeiro," : n === t ? "Por fim," : ["Depois,", "Em seguida,", "Aí,"][(n - 2) % 3]!),
  ja: (n, t) => (n === 1 ? "まず、" : n === t ? "最後に、" : ["次に、", "そして、", "続いて、"][(n - 2) % 3]!),
};
const STEP_UNKNOWN: Record<string, string> = { en: "this step goes here", es: "aquí va este paso", fr: "cette étape vient ici", de: "hier kommt dieser Schritt", pt: "aqui entra este passo", ja: "ここにこの手順が入ります" };
const MYTH_FACT: Record<string, [string, string]> = { en: ["Myth:", "Fact:"], es: ["Mito:", "Realidad:"], fr: ["Mythe :", "Réalité :"], de: ["Mythos:", "Fakt:"], pt: ["Mito:", "Verdade:"], ja: ["誤解：", "事実："] };
const BEFORE_AFTER: Record<string, [string, string]> = { en: ["Before:", "After:"], es: ["Antes:", "Después:"], fr: ["Avant :", "Après :"], de: ["Vorher:", "Nachher:"], pt: ["Antes:", "Depois:"], ja: ["ビフォー：", "アフター："] };
const NEEDS_WORD: Record<string, string> = { en: "write it here", es: "escríbelo aquí", fr: "à écrire ici", de: "hier eintragen", pt: "escreva aqui", ja: "ここに書いてください" };
const CTA_VISIT: Record<string, (t: string, phone: boolean) => string> = {
  en: (t, p) => (p ? `Call ${t} today.` : `Visit ${t} today.`),
  es: (t, p) => (p ? `Llama al ${t} hoy.` : `Visita ${t} hoy.`),
  fr: (t, p) => (p ? `Appelle le ${t} aujourd'hui.` : `Visite ${t} aujourd'hui.`),
  de: (t, p) => (p ? `Ruf heute ${t} an.` : `Besuche ${t} noch heute.`),
  pt: (t, p) => (p ? `Ligue para ${t} hoje.` : `Acesse ${t} hoje.`),
  ja: (t, p) => (p ? `${t}に今すぐ電話。` : `${t}をチェック。`),
};

