// Craft checks: what a creator would notice before shooting. They need the brief (its model):
// an instruction spoken or shown, a brief line pasted as a script, a silent runtime, a weak
// title, a hook that ignores the brief, a CTA that disagrees with itself or with the brief, a
// list with missing items and scenes still waiting for input. Thresholds: docs/engine.md.
import { collector } from "./collect";
import { instructionPhrases, type BriefModel } from "../brief/model";
import { containsTerm, normKey, plainWords } from "../text";
import type { Check, StoryboardLike } from "../types";

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
    "bit little slightly more less keep make it"
  ).split(" "),
);

const ON_SCREEN = /on screen|link below|number below|en pantalla|à l'écran|im bild|na tela|画面/i;

function contactOf(m: BriefModel): string[] {
  return [m.cta.url?.replace(/^https?:\/\//i, "").replace(/^www\./i, ""), m.cta.phone, m.cta.code].filter((x): x is string => !!x);
}

function str(v: unknown): string {
  return typeof v === "string" ? v : v === null || v === undefined ? "" : String(v);
}

function mentions(text: string, phrase: string): boolean {
  // A label is leaked when a line starts with it ("Pain: managers lose..."), not when a sentence says "the problem:".
  if (/[:：]$/u.test(phrase)) return new RegExp(`(?:^|[.!?。！？\\n]\\s*)${escape(phrase.replace(/\s*[:：]$/u, ""))}\\s*[:：]`, "iu").test(text);
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

  // List completeness: a list of N gets N voiced content scenes.
  if (m.count) {
    const numbered = new Set<number>();
    let anyBeat = false;
    scenes.forEach((s) => {
      const b = /^(?:item|step|myth|fact)\s+(\d+)/.exec(str(s.beat));
      if (b) anyBeat = true;
      if (b && str(s.script).trim()) numbered.add(Number(b[1]));
    });
    const voicedContent = scenes.filter((s) => s.scene_type === "content" && str(s.script).trim()).length;
    const beatsKnown = scenes.some((s) => str(s.beat).trim());
    // A storyboard planned without a list (another pattern chosen) is not held to the list.
    if (anyBeat || !beatsKnown) {
      const have = anyBeat ? numbered.size : voicedContent;
      add("list_completeness", have >= m.count.n, "warning", `${have} of the ${m.count.n} ${m.count.noun} announced are voiced.`);
    }
  }

  // Unresolved needs_input: a to-do is still open.
  const open = scenes.map((s, i) => ({ t: str(s.needs_input).trim(), i })).filter((x) => x.t);
  for (const o of open) add("needs_input", false, "warning", `To do: ${o.t}`, sceneNo(o.i));
  if (!open.length) add("needs_input", true, "warning", "No scene is waiting for input.");
  return out;
}
