// Craft checks: what a creator would notice before shooting. They need the brief (its model):
// an instruction spoken or shown, a brief line pasted as a script, a silent runtime, a weak
// title, a hook that ignores the brief, a CTA that disagrees with itself or with the brief, a
// list with missing items and scenes still waiting for input. Thresholds: docs/engine.md.
import { collector } from "./collect";
import { instructionPhrases, type BriefModel } from "../brief/model";
import { inferDuration, PLATFORM_MAX_SECONDS } from "../infer";
import { isEngineLanguage } from "../language";
import { containsTerm, isSpacelessText, normKey, plainWords } from "../text";
import type { Check, StoryboardLike } from "../types";
import { inferredFacts } from "../write/infer-items";
import { endsAtBreak } from "../compose";

/**
 * Silent cutaways a storyboard may carry before its runtime is cut to its material (the engine),
 * and how far short of the length asked for a storyboard may run (the runtime_material check).
 */
export const PAD_MAX_SECONDS = 5;
/** Seconds of running time one more point of the brief fills (a voiced line and its cutaway). */
export const SECONDS_PER_POINT = 7;
const COUNT_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
/** "two" for 2, "24" for 24. */
export const countWord = (n: number): string => COUNT_WORDS[n] ?? String(n);

/** Voice-over (or a text-only beat whose overlay carries a full message) covers this share of the runtime. */
export const VOICE_COVERAGE_MIN = 0.6;
export const TITLE_MAX_CHARS = 60;
/** A brief line of at least this many words, said as written, is a pasted line. */
export const PASTED_MIN_WORDS = 4;
/** Overlay words that make a text-only beat count as voiced ("a full message"). */
const TEXT_ONLY_MIN_WORDS = 4;

const STOP = new Set(
  (
    "and or but not no very super a an the of to for with in on at by is are be it its this that our your my we you " +
    "y o pero no muy un una el la los las de del para con en es et ou mais pas très un une le la les des pour avec " +
    "und oder aber nicht sehr ein eine der die das den für mit e ou mas não muito um uma o os as do da para com " +
    "bit little slightly more less keep make it every everyone everybody everything almost always never"
  ).split(" "),
);

const ON_SCREEN = /on screen|link below|number below|en pantalla|à l'écran|im bild|na tela|画面/i;

function contactOf(m: BriefModel): string[] {
  return [m.cta.url?.replace(/^https?:\/\//i, "").replace(/^www\./i, ""), m.cta.phone, m.cta.code].filter((x): x is string => !!x);
}

function str(v: unknown): string {
  return typeof v === "string" ? v : v === null || v === undefined ? "" : String(v);
}

/** A label's "starts a line" pattern, compiled once per label (the check runs on every storyboard). */
const LABEL_RES = new Map<string, RegExp>();

function mentions(text: string, phrase: string): boolean {
  // A label is leaked when a line starts with it ("Pain: managers lose..."), not when a sentence says "the problem:".
  if (/[:：]$/u.test(phrase)) {
    let re = LABEL_RES.get(phrase);
    if (!re) {
      re = new RegExp(`(?:^|[.!?。！？\\n]\\s*)${escape(phrase.replace(/\s*[:：]$/u, ""))}\\s*[:：]`, "iu");
      if (LABEL_RES.size > 500) LABEL_RES.clear();
      LABEL_RES.set(phrase, re);
    }
    return re.test(text);
  }
  return containsTerm(text, phrase);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function contentWords(s: string): string[] {
  return normKey(s)
    .split(" ")
    .filter((w) => w.length >= 3 && !STOP.has(w));
}

/** Words that say something (4+ letters, not function words), cut to a 5-letter stem; for CJK text, its 2-character runs outside kana particles. */
const CJK = /[\u3040-\u9fff]/;
const CJK_START = /^[\u3040-\u9fff]/;
const WORD_SPLIT = /[^\p{L}\p{N}'-]+/u;
// The same split for ASCII text (lower-cased), without the slower Unicode property classes.
const WORD_SPLIT_ASCII = /[^a-z0-9'-]+/;
const ASCII_TEXT = /^[\x00-\x7f]*$/;
/** Curly quotes, guillemets, dashes, ellipsis and middle dot: word separators for both splits. */
const TYPOGRAPHIC = /[\u2018\u2019\u201c\u201d\u00ab\u00bb\u2013\u2014\u2026\u00b7]/g;

export function stems(text: string): Set<string> {
  const out = new Set<string>();
  eachStem(text, (x) => void out.add(x));
  return out;
}

/** True when a stem of the text is in the set (stops at the first one). */
function sharesStem(text: string, set: Set<string>): boolean {
  return set.size > 0 && eachStem(text, (x) => set.has(x));
}

/** Visits the text's stems in order; stops and returns true as soon as `visit` returns true. */
function eachStem(text: string, visit: (stem: string) => boolean | void): boolean {
  let t = text.toLowerCase();
  // Hot in every check run: the CJK pass and Unicode-aware lengths only for text that needs them.
  // Typographic quotes and dashes split words either way: as spaces, most text is ASCII.
  let ascii = ASCII_TEXT.test(t);
  if (!ascii) {
    const plain = t.replace(TYPOGRAPHIC, " ");
    if (ASCII_TEXT.test(plain)) {
      t = plain;
      ascii = true;
    }
  }
  const cjk = !ascii && CJK.test(t);
  if (cjk || (!ascii && isSpacelessText(t))) {
    const chars = Array.from(t.replace(/[^\p{L}\p{N}]+/gu, " "));
    for (let i = 0; i + 1 < chars.length; i++) {
      const pair = chars[i]! + chars[i + 1]!;
      if (/\s/u.test(pair) || /^[\u3040-\u309f]{2}$/u.test(pair)) continue;
      if (visit(pair)) return true;
    }
  }
  for (let w of t.split(ascii ? WORD_SPLIT_ASCII : WORD_SPLIT)) {
    if (!w) continue;
    if (w.charCodeAt(0) === 39 || w.charCodeAt(0) === 45 || w.endsWith("'") || w.endsWith("-")) w = w.replace(/^['-]+|['-]+$/g, "");
    const code = w.charCodeAt(0);
    if (code >= 48 && code <= 57) {
      if (visit(w)) return true;
      continue;
    }
    if (w.length < 4 || STOP.has(w)) continue;
    if (cjk && CJK_START.test(w)) continue;
    // Surrogate pairs (an emoji) are rare in words: code units are enough below 4 letters' doubt.
    if (visit(!ascii && /[\ud800-\udfff]/.test(w) ? Array.from(w).slice(0, 5).join("") : w.slice(0, 5))) return true;
  }
  return false;
}


/** Words of the engine's own frames and labels: they structure a line, they are not its content. */
const STRUCTURE = stems(
  "mistake mistakes number step steps tip tips myth myths fact facts reality truth before after first next then finally result proof problem " +
    "here's here that's where comes changes simple works today right honest real talk deal bottom line picture payoff " +
    "error errores consejo paso pasos mito realidad antes después primero luego último erreur astuce étape mythe réalité avant après ensuite enfin " +
    "fehler tipp schritt mythos fakt vorher nachher zuerst dann danach schluss erro dica passo verdade antes depois primeiro",
);
/** Set phrases that say nothing about the brief: a visual that only says "point #2" describes nothing. */
const GENERIC_VISUAL = /\bpoint #\d|\ba clear visual example\b|\bthe key prop\b|\bacts out (?:point|the point)\b|\bdemonstrates the point\b|\bshow the point in action\b/i;
/** A phrase does not end on these (an overlay cut there reads as cut). */
const DANGLING = /\s(?:a|an|the|and|or|of|to|for|with|in|on|at|by|from|your|my|our|their|is|are|was|that|which|who|one|de|la|el|los|las|y|o|del|al|con|por|para|en|un|una|su|et|ou|du|des|au|aux|à|pour|avec|sur|dans|der|die|das|den|dem|und|oder|mit|für|von|zu|im|am|ein|eine|e|um|uma|que|do|da|dos|das|no|na|em|com)$/i;

export function craftChecks(sb: StoryboardLike & { title?: string | null }, m: BriefModel): Check[] {
  const scenes = Array.isArray(sb?.scenes) ? sb.scenes : [];
  const { out, add, sceneNo } = collector(scenes);
  if (!scenes.length) return out;

  // Instruction leak: tone, audience, labels and directions steer; they are never spoken or shown.
  const phrases = instructionPhrases(m);
  let leakOk = true;
  scenes.forEach((s, i) => {
    const text = `${str(s.script)}\n${str(s.text_overlay)}`;
    const hit = phrases.find((p) => mentions(text, p));
    if (hit) {
      leakOk = false;
      add("instruction_leak", false, "error", `Speaks or shows an instruction from the brief ("${hit}").`, sceneNo(i));
    }
  });
  const titleHit = sb.title ? phrases.find((p) => mentions(str(sb.title), p)) : undefined;
  if (titleHit) {
    leakOk = false;
    add("instruction_leak", false, "error", `The title holds an instruction from the brief ("${titleHit}").`);
  }
  if (leakOk) add("instruction_leak", true, "error", phrases.length ? `No instruction from the brief is spoken or shown (${phrases.length} checked).` : "The brief has no instructions to keep off screen.");

  // Pasted brief line: a script sentence equal to a line of the brief (must-say lines and the CTA excepted).
  const allowed = new Set([...m.mustSay, m.cta.text ?? "", m.finalOverlay ?? "", m.hook ?? ""].map(normKey).filter(Boolean));
  const briefLines = new Set(
    m.spans
      .filter((s) => s.field !== "ignored" && plainWords(s.text).length >= PASTED_MIN_WORDS)
      .map((s) => normKey(s.text))
      .filter((k) => k && !allowed.has(k)),
  );
  let pasteOk = true;
  scenes.forEach((s, i) => {
    const sentences = str(s.script).split(/(?<=[.!?。！？])\s*/u).map(normKey).filter(Boolean);
    if (sentences.some((k) => briefLines.has(k))) {
      pasteOk = false;
      add("pasted_line", false, "warning", "A line of the brief is pasted as the voice-over: write it for the beat.", sceneNo(i));
    }
  });
  if (pasteOk) add("pasted_line", true, "warning", "No brief line is pasted as a script.");

  // Voice coverage.
  const total = scenes.reduce((a, s) => a + (Number(s.duration) || 0), 0);
  const voiced = scenes.reduce((a, s) => {
    const spoken = str(s.script).trim() !== "" || plainWords(str(s.text_overlay)).length >= TEXT_ONLY_MIN_WORDS;
    return a + (spoken ? Number(s.duration) || 0 : 0);
  }, 0);
  const share = total > 0 ? voiced / total : 0;
  add("voice_coverage", share >= VOICE_COVERAGE_MIN - 1e-9, "warning", `Voice-over covers ${Math.round(share * 100)}% of the running time (at least ${VOICE_COVERAGE_MIN * 100}%).`);

  // Title quality.
  if (sb.title !== undefined && sb.title !== null) {
    const t = str(sb.title).trim();
    const problems: string[] = [];
    if (!t) problems.push("it is empty");
    if (Array.from(t).length > TITLE_MAX_CHARS) problems.push(`it runs ${Array.from(t).length} characters (at most ${TITLE_MAX_CHARS})`);
    if (/\s(?:a|an|the|and|or|of|to|for|with|in|on|at|by|your|our|de|la|el|y|et|le|und|der|die|das|e|o|da|do)$/i.test(t) || /[,:;-]$/.test(t)) problems.push("it ends mid-phrase");
    const names = [m.product, m.topic, m.productWhat, m.title].filter((x): x is string => !!x);
    if (names.length && !names.some((n) => containsTerm(t, n) || contentWords(n).some((w) => normKey(t).split(" ").includes(w)))) problems.push("it does not name the product or topic");
    add("title_quality", problems.length === 0, "warning", problems.length ? `Title: ${problems.join("; ")}.` : "The title names the product or topic within 60 characters.");
  }

  // Hook grounding: the hook uses a fact of the brief.
  const hookIdx = scenes.findIndex((s) => s.scene_type === "hook");
  const facts = [m.product, m.topic, m.productWhat, m.hook, m.count ? String(m.count.n) : undefined, ...m.pains, ...m.proof, ...m.benefits, ...m.features, ...m.offer, ...m.items, ...m.story.map((s) => s.text)].filter(
    (x): x is string => !!x,
  );
  if (hookIdx >= 0 && facts.length) {
    const h = `${str(scenes[hookIdx]!.script)} ${str(scenes[hookIdx]!.text_overlay)}`;
    const hw = new Set(contentWords(h));
    const nums = h.match(/\d[\d,.]*/g) ?? [];
    const grounded =
      facts.some((f) => containsTerm(h, f)) ||
      facts.some((f) => contentWords(f).some((w) => w.length >= 4 && hw.has(w))) ||
      nums.some((n) => facts.some((f) => f.includes(n))) ||
      (/[\u3040-\u9fff]/u.test(h) && facts.some((f) => Array.from(f).length >= 2 && h.includes(f.slice(0, 2))));
    add("hook_grounding", grounded, "warning", grounded ? "The hook uses a fact of the brief." : "The hook uses nothing from the brief (a number, the pain, a claim, the topic): write it from the brief's strongest material.", sceneNo(hookIdx));
  }

  // CTA consistency: voice-over and overlay agree, and match the brief's call to action.
  const ctaIdx = scenes.map((s) => s.scene_type).lastIndexOf("cta");
  if (ctaIdx >= 0) {
    const c = scenes[ctaIdx]!;
    const vo = str(c.script);
    const ov = str(c.text_overlay).replace(/\n/g, " ");
    const ovWords = contentWords(ov).filter((w) => !/^(?:code|código|cupom)$/.test(w));
    const voWords = new Set(contentWords(vo));
    // An overlay that is the URL or phone number agrees with a voice-over that points to it.
    const ovIsContact = /^[\s+()\d.-]{7,}$/.test(ov) || /^[\w.-]+\.[a-z]{2,}(?:\/\S*)?$/i.test(ov.trim());
    const pointsToScreen = ON_SCREEN.test(vo) || (ovIsContact && containsTerm(vo, ov.trim()));
    const agree =
      !ov.trim() || !vo.trim() || ovWords.length === 0 || ovWords.filter((w) => voWords.has(w)).length >= Math.ceil(ovWords.length / 2) ||
      (ovIsContact && (pointsToScreen || contactOf(m).some((c) => normKey(c) === normKey(ov)))) || (!!m.finalOverlay && normKey(ov).includes(normKey(m.finalOverlay)));
    const target = m.cta.text ?? m.cta.url?.replace(/^https?:\/\//i, "") ?? (m.cta.plug ? m.product : undefined);
    const both = `${vo} ${ov}`;
    const targetWords = new Set(contentWords(target ?? ""));
    const matches =
      !target || containsTerm(both, target) || contactOf(m).some((c) => containsTerm(both, c)) ||
      contentWords(target).filter((w) => voWords.has(w)).length >= Math.ceil(contentWords(target).length * 0.6) ||
      (voWords.size >= 2 && [...voWords].filter((w) => targetWords.has(w)).length >= Math.max(2, voWords.size / 2));
    const msg = !agree
      ? `The CTA's voice-over ("${vo}") and overlay ("${ov}") say different things.`
      : !matches
        ? `The CTA does not carry the brief's call to action ("${target}").`
        : "The CTA says the brief's call to action, the same on voice-over and overlay.";
    // Disagreeing voice-over and overlay is an error; a CTA other than the brief's (a user's edit, say) is a warning.
    add("cta_consistency", agree && matches, agree ? "warning" : "error", msg, sceneNo(ctaIdx));
  }

  // List completeness: a list of N gets N voiced content scenes, and every item the brief names
  // is said. A list named without a count ("Steps: a; b; c") is held to its named items.
  const listSize = m.count?.n ?? (m.items.length >= 2 ? m.items.length : 0);
  if (listSize) {
    const numbered = new Set<number>();
    let anyBeat = false;
    let beatNoun: string | undefined;
    scenes.forEach((s) => {
      const b = /^(item|step|myth|fact)\s+(\d+)/.exec(str(s.beat));
      if (b) {
        anyBeat = true;
        beatNoun ??= b[1];
      }
      if (b && str(s.script).trim()) numbered.add(Number(b[2]));
    });
    const voicedContent = scenes.filter((s) => s.scene_type === "content" && str(s.script).trim());
    const beatsKnown = scenes.some((s) => str(s.beat).trim());
    // A storyboard planned without a list (another pattern chosen) is not held to the list.
    if (anyBeat || !beatsKnown) {
      const have = anyBeat ? numbered.size : voicedContent.length;
      const said = stems(voicedContent.map((s) => str(s.script)).join(" \n "));
      // A named item is said when a word of it (not a list word: "step", "first") is voiced.
      const missing = m.items.filter((it) => {
        const own = [...stems(it)].filter((x) => !STRUCTURE.has(x));
        return own.length > 0 && !own.some((x) => said.has(x));
      });
      const noun = m.count?.noun ?? (beatNoun === "step" ? "steps" : "items");
      const msg = `${have} of the ${listSize} ${noun} ${m.count ? "announced" : "named"} are voiced.`;
      add(
        "list_completeness",
        have >= listSize && missing.length === 0,
        "warning",
        missing.length ? `${msg} Not said: ${missing.map((x) => `"${x}"`).join(", ")}.` : msg,
      );
    }
  }

  // Runtime: a storyboard shorter than asked (a thin brief) says what would fill the rest.
  const requested = requestedOf(sb);
  if (requested && total > 0) {
    const short = requested - total;
    const points = Math.max(1, Math.ceil(short / SECONDS_PER_POINT));
    const unnamed = scenes.filter((s) => str(s.needs_input).trim()).length;
    const ask = unnamed
      ? `fill the ${unnamed} scene${unnamed > 1 ? "s" : ""} waiting for input and add ${countWord(points)} more point${points > 1 ? "s" : ""}`
      : `add ${countWord(points)} more point${points > 1 ? "s" : ""} (a benefit, a feature, proof or an item)`;
    add(
      "runtime_material",
      short <= PAD_MAX_SECONDS,
      "warning",
      short <= 0 ? `Runs ${total} s, the ${requested} s asked for.` : `${total} s of material; ${short <= PAD_MAX_SECONDS ? `close to the ${requested} s asked for` : `${ask} to reach the ${requested} s asked for`}.`,
    );
  }

  // Filler: a content line that carries nothing of the brief (a stock phrase) says nothing.
  const lang = isEngineLanguage(m.language) ? m.language : "en";
  const factText = [
    m.product, m.productWhat, m.topic, m.hook, m.title, m.cta.text, m.finalOverlay, ...m.pains, ...m.benefits, ...m.features, ...m.proof, ...m.offer, ...m.items,
    ...m.deadlines, ...m.prices, ...m.mustSay, ...(m.compare ?? []), ...m.story.map((x) => x.text),
    ...(m.count ? inferredFacts(m, lang, m.count.n) : []),
  ].filter(Boolean).join(" \n ");
  const factStems = stems(factText);
  for (const x of STRUCTURE) factStems.delete(x);
  if (m.count) for (const x of stems(m.count.noun)) factStems.delete(x);
  let fillerOk = true;
  scenes.forEach((s, i) => {
    if (s.scene_type !== "content" || str(s.needs_input).trim()) return;
    const script = str(s.script).trim();
    if (!script || factText.trim() === "") return;
    if (!sharesStem(script, factStems)) {
      fillerOk = false;
      add("filler_line", false, "warning", `The voice-over ("${script}") says nothing from the brief: write it from a fact, or ask for one (needs_input).`, sceneNo(i));
    }
  });
  if (fillerOk) add("filler_line", true, "warning", "Every content line carries a fact of the brief (or waits for one).");

  // Visuals: each content scene's notes say what is on screen in this scene, not "point #2".
  let visualOk = true;
  const beatScript = new Map<string, string>();
  scenes.forEach((s) => {
    const base = str(s.beat).replace(/\s*\(shot \d+\/\d+\)$/, "");
    const said = `${str(s.script)} ${str(s.needs_input)}`.trim();
    if (base && said) beatScript.set(base, `${beatScript.get(base) ?? ""} ${said}`);
  });
  const beatStems = new Map<string, Set<string>>();
  const subjectStems = stems([m.product, m.productWhat, m.topic, ...(m.compare ?? [])].filter(Boolean).join(" "));
  scenes.forEach((s, i) => {
    if (s.scene_type !== "content") return;
    const v = str(s.visual_description);
    const base = str(s.beat).replace(/\s*\(shot \d+\/\d+\)$/, "");
    // The beat's text already holds this scene's line and to-do: its stems are worked out once per beat.
    const said = beatScript.get(base);
    let own = said === undefined ? undefined : beatStems.get(base);
    if (!own) {
      own = stems(said ?? `${str(s.script)} ${str(s.needs_input)}`);
      for (const x of own) if (STRUCTURE.has(x)) own.delete(x);
      if (said !== undefined) beatStems.set(base, own);
    }
    const generic = GENERIC_VISUAL.exec(v)?.[0];
    // Its own beat's words, or the subject's when the beat has none.
    const specific = !generic && sharesStem(v, own.size ? own : subjectStems);
    if (!specific) {
      visualOk = false;
      add("visual_specific", false, "warning", generic ? `The visual notes are a template ("${generic}"): say what this scene shows.` : "The visual notes do not say what this scene shows (nothing of its voice-over or the brief's subject).", sceneNo(i));
    }
  });
  if (visualOk) add("visual_specific", true, "warning", "Every content scene's visual notes say what it shows.");

  // Overlays: a short phrase that reads whole, not a line cut mid-phrase.
  let ovOk = true;
  scenes.forEach((s, i) => {
    for (const line of str(s.text_overlay).split("\n")) {
      const ov = line.trim().replace(/^(?:#\d+|[^:：]{1,16}[:：])\s*/u, "").replace(/[.!?。！？]$/u, "").trim();
      if (!ov || isSpacelessText(ov)) continue;
      // One or two words are a label or a term ("12,000 freelancers", "Oat milk"), not a cut phrase.
      const cut = DANGLING.test(` ${ov}`) || (plainWords(ov).length >= 3 && cutsLine(ov, str(s.script)));
      if (cut) {
        ovOk = false;
        add("overlay_phrase", false, "warning", `The overlay "${line.trim()}" stops mid-phrase: show a phrase that reads whole.`, sceneNo(i));
      }
    }
  });
  if (ovOk) add("overlay_phrase", true, "warning", "Every overlay reads as a whole phrase.");

  // Unresolved needs_input: a to-do is still open.
  const open = scenes.map((s, i) => ({ t: str(s.needs_input).trim(), i })).filter((x) => x.t);
  for (const o of open) add("needs_input", false, "warning", `To do: ${o.t}`, sceneNo(o.i));
  if (!open.length) add("needs_input", true, "warning", "No scene is waiting for input.");
  return out;
}

/** True when `ov` is the start of a clause of `script` that goes on past it without a break. */
function cutsLine(ov: string, script: string): boolean {
  const o = normKey(ov);
  if (!o) return false;
  for (const raw of script.split(/(?<=[.!?。！？])\s+/u)) {
    const clause = raw.replace(/^[^:：]{1,24}[:：]\s*/u, "");
    const k = normKey(clause);
    if (!k.startsWith(`${o} `)) continue;
    // Find where the overlay's words end in the clause and look at what follows.
    const words = o.split(" ").length;
    // The clause up to its first break (comma, full stop): the phrase the overlay was cut from.
    const all = (clause.split(/(?<!\d)[,;.!?](?!\d)/u)[0] ?? clause).trim().split(/\s+/);
    const next = all[words];
    if (next === undefined) continue;
    if (!endsAtBreak(all[words - 1] ?? "", next, words, all.length)) return true;
  }
  return false;
}

/** The length asked for: the storyboard's own, else what the brief says (within the platform's maximum). */
function requestedOf(sb: StoryboardLike): number | undefined {
  const given = typeof sb.requested_duration === "number" && Number.isFinite(sb.requested_duration) ? sb.requested_duration : undefined;
  if (given) return given;
  const brief = str(sb.brief);
  if (!brief.trim()) return undefined;
  const inferred = inferDuration(brief);
  if (!inferred) return undefined;
  const platform = str(sb.platform) in PLATFORM_MAX_SECONDS ? (str(sb.platform) as keyof typeof PLATFORM_MAX_SECONDS) : "generic";
  return Math.min(PLATFORM_MAX_SECONDS[platform], Math.max(5, Math.min(180, inferred.seconds)));
}
