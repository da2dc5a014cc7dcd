// The pattern engine: brief + options in, a timed, worded, shot-planned storyboard out.
import { LIMITS, type Platform } from "../domain/constants";
import { analyzeBrief, mentionsAvoided, type BriefAnalysis, type BriefPoint } from "./brief";
import { formatCamera, planCameras, type CameraContext } from "./camera";
import { runChecks } from "./checks";
import { PAD_MAX_SECONDS, SECONDS_PER_POINT, countWord } from "./check/craft";
import {
  HOOK_MAX_WORDS,
  OVERLAY_MAX_WORDS,
  hasActionVerb,
  overlayLineChars,
  startsWithThroatClearing,
  composeCta,
  composeHook,
  keyPhrase,
  fitOverlay,
  overlayFitsOneLine,
  packBeatTimed,
  type TimedShot,
  roleLabel,
  visualFor,
  gistOf,
  readsWhole,
  type BeatInfo,
  type ComposeContext,
} from "./compose";
import { parseBrief, type BriefModel } from "./brief/model";
import { DOMAIN_SETS } from "./brief/domain";
import { applyBriefFields, briefFromFields } from "./brief/fields";
import { PHRASES, type Phrases } from "./i18n";
import { createWriter, type WrittenBeat, type Writer } from "./write/writer";
import { DEFAULT_DURATION, MAX_DURATION, MIN_DURATION, PLATFORM_MAX_SECONDS, inferDuration, platformFromBrief, processUrls } from "./infer";
import { isEngineLanguage } from "./language";
import { choosePattern, getPattern, type Pattern } from "./patterns";
import { createRng, mod } from "./rng";
import { EngineValidationError, resolveInput } from "./schema";
import { WORDS_PER_SECOND, capitalize, containsTerm, fits, normKey, plainWords, spokenWordCount, wordBudget } from "./text";
import { planTiming, type Slot, type TimingPlan } from "./timing";
import type { EngineInput, EngineOutput, EngineScene } from "./types";

interface Layout {
  total: number;
  timing: TimingPlan;
  contentScripts: string[];
  needsInput: (string | undefined)[];
  emptyRepeats: number[];
  notes: string[];
  /** Seconds of content scenes with neither voice-over nor a to-do. */
  padding: number;
  dropped: number;
  count: number;
}

interface Plan {
  brief: string;
  a: BriefAnalysis;
  lang: string;
  ph: Phrases;
  platform: Platform;
  /** The running time: what the brief's material fills, at most the requested length. */
  total: number;
  /** The length asked for (option, brief or default, within the platform's maximum). */
  requested: number;
  pattern: Pattern;
  patternSource: string;
  timing: TimingPlan;
  seed: number;
  model: BriefModel;
  writer: Writer;
  /** Voice-over per slot for content slots (written from the brief's facts). */
  contentScripts: string[];
  /** A to-do per slot where the brief lacked what the scene needs. */
  needsInput: (string | undefined)[];
  warnings: string[];
  emptyRepeats: number[];
}

/** `named`: the list items the brief names without announcing a count ("Steps: whisk the eggs; melt the butter; ..."). */
function wantedCount(pattern: Pattern, a: BriefAnalysis, total: number, named: number): { n: number; fromBrief: boolean } {
  const nonIntro = a.points.filter((p) => !p.intro).length;
  const fromCount = (re: RegExp) => (a.count && re.test(a.count.noun) ? a.count.n : undefined);
  if (pattern.id === "listicle") {
    const c = a.count && !/steps?|pasos|étapes|schritte|passos/i.test(a.count.noun) ? a.count.n : undefined;
    if (c) return { n: c, fromBrief: true };
    if (a.bullets >= 2) return { n: Math.min(a.bullets, 10), fromBrief: true };
    if (named >= 2) return { n: Math.min(named, 10), fromBrief: true };
    return { n: nonIntro >= 2 ? Math.min(nonIntro, 7) : total >= 30 ? 5 : 3, fromBrief: false };
  }
  if (pattern.id === "tutorial") {
    const c = fromCount(/steps?|pasos|étapes|schritte|passos|tips|ways/i) ?? a.count?.n;
    if (c) return { n: c, fromBrief: true };
    if (a.bullets >= 2) return { n: Math.min(a.bullets, 8), fromBrief: true };
    if (named >= 2) return { n: Math.min(named, 8), fromBrief: true };
    return { n: nonIntro >= 2 ? Math.min(nonIntro, 6) : 3, fromBrief: false };
  }
  if (pattern.id === "myth-fact") {
    const c = fromCount(/myths?|mitos|mythes|mythen/i);
    if (c) return { n: c, fromBrief: true };
    const myths = a.points.filter((p) => /^\s*(myth|mito|mythe|mythos|誤解)\b/i.test(p.text)).length;
    if (myths >= 1) return { n: Math.min(myths, 5), fromBrief: true };
    return { n: total >= 45 ? 2 : 1, fromBrief: false };
  }
  return { n: 1, fromBrief: false };
}

function buildPlan(input: EngineInput): Plan {
  const opts = resolveInput(input);
  const warnings: string[] = [];
  // Fields alone (no free text) are written out as labelled lines the parser reads back.
  let brief = opts.brief.trim() || !opts.briefFields ? opts.brief : briefFromFields(opts.briefFields);
  if (brief.length > LIMITS.brief) {
    warnings.push(`The brief is ${brief.length} characters; only the first ${LIMITS.brief} were used.`);
    brief = brief.slice(0, LIMITS.brief);
  }
  const a = analyzeBrief(brief);
  if (!brief.trim()) warnings.push("The brief is empty: the storyboard is a generic structure to fill in.");
  else if (a.wordCount < 8) warnings.push("The brief is very short: add the product, the audience and two or three points for a storyboard worth shooting.");

  const urls = processUrls(opts.referenceUrls);
  warnings.push(...urls.warnings);
  const platform: Platform = opts.platform ?? urls.platform ?? platformFromBrief(brief) ?? "generic";

  let requested = opts.duration ?? DEFAULT_DURATION;
  if (opts.duration === undefined) {
    const inferred = inferDuration(brief);
    if (inferred) {
      requested = Math.min(MAX_DURATION, Math.max(MIN_DURATION, inferred.seconds));
      if (requested !== inferred.seconds) warnings.push(`The brief asks for ${inferred.seconds} s; the engine's range is ${MIN_DURATION} to ${MAX_DURATION} s, so it uses ${requested} s.`);
    }
  }
  const max = PLATFORM_MAX_SECONDS[platform];
  if (requested > max) {
    warnings.push(`${platform} allows at most ${max} s; the duration was reduced from ${requested} s to ${max} s.`);
    requested = max;
  }

  let lang = a.language;
  let ph: Phrases;
  if (isEngineLanguage(lang)) ph = PHRASES[lang];
  else {
    ph = PHRASES.en;
    warnings.push(`The brief is in "${lang}", which the engine does not write yet: its own words (hooks, connectives, CTA, overlays) are in English.`);
  }
  if (!brief.trim()) lang = "en";

  let pattern: Pattern;
  let patternSource: string;
  if (opts.pattern) {
    pattern = getPattern(opts.pattern);
    patternSource = "option: pattern";
  } else if (EXPLICIT_BEFORE_AFTER.test(a.signalText) && !/\bmyths?\b|\bvs\.?\b|\bversus\b/i.test(a.signalText)) {
    // An explicit format in the brief wins over the automatic choice.
    pattern = getPattern("before-after");
    patternSource = `brief: explicit format ("${EXPLICIT_BEFORE_AFTER.exec(a.signalText)?.[0] ?? "before and after"}")`;
  } else {
    const choice = choosePattern(a, a.signalText);
    const options = [choice.id, ...choice.alternatives];
    const pick = options[mod(opts.seed, options.length)]!;
    pattern = getPattern(pick);
    patternSource = pick === choice.id ? choice.source : `${choice.source}; seed variation: ${pick}`;
  }

  const model = applyBriefFields(parseBrief(brief, a), opts.briefFields);
  const writeLang = isEngineLanguage(lang) ? lang : "en";
  const writer = createWriter(model, writeLang, pattern.id, opts.seed);
  const points = a.points;
  const analysis: BriefAnalysis = { ...a, points, hookLine: a.hookLine };
  // Each beat is written once (the writer shares the brief's facts out between beats).
  const written = new Map<string, WrittenBeat>();
  const writeBeat = (role: string, n: number | undefined, count: number): WrittenBeat => {
    const key = `${role}:${n ?? 0}`;
    let w = written.get(key);
    if (!w) {
      w = writer.beat(role, n, count);
      written.set(key, w);
    }
    return w;
  };
  const writtenPoints = (infos: BeatInfo[], count: number): BriefPoint[][] =>
    infos.map((info) =>
      writeBeat(info.role, info.n, count).lines.map((l, i) => ({ text: l.text, bullet: false, order: i, intro: l.priority === 0, hint: info.role })),
    );

  const want = wantedCount(pattern, a, requested, model.items.length);
  // Seconds of voice-over a content beat's text needs (a beat waiting for input keeps a few for what the creator will add).
  const demandCache = new Map<string, number>();
  const demandOf = (b: { role: string; n?: number }, count: number): number => {
    const key = `${b.role}:${b.n ?? 0}`;
    let d = demandCache.get(key);
    if (d === undefined) {
      const w = writeBeat(b.role, b.n, count);
      const words = w.lines.reduce((sum, l) => sum + spokenWordCount(l.text), 0);
      d = Math.max((words / WORDS_PER_SECOND) * 1.12, w.needsInput ? NEEDS_INPUT_SECONDS : 0);
      demandCache.set(key, d);
    }
    return d;
  };
  const layout = (total: number): Layout => {
  const notes: string[] = [];
  // Each content beat gets the time its text needs, then the pattern's shares of the rest. The
  // writer is asked for a beat's lines when the timing first needs them (and keeps them), so one
  // timing pass does what a pass with the pattern's shares and a second one with the demands did.
  const timing0 = planTiming(total, pattern, want.n, createRng(opts.seed, "timing"), demandOf);

  // Voice-over for the content beats, written from the brief's facts.
  const contentBeatsOf = (t: TimingPlan) => {
    const m = new Map<number, number[]>();
    t.slots.forEach((s, i) => {
      if (s.kind !== "content") return;
      const list = m.get(s.beat) ?? [];
      list.push(i);
      m.set(s.beat, list);
    });
    return m;
  };
  const infosOf = (t: TimingPlan, m: Map<number, number[]>): BeatInfo[] =>
    [...m.keys()].map((b) => {
      const slots = m.get(b)!;
      const first = t.slots[slots[0]!]!;
      return { role: first.role, n: first.n, budgets: slots.map((i) => wordBudget(t.slots[i]!.duration)) };
    });
  let timing = timing0;
  if (want.fromBrief) notes.push(...timing.warnings);

  const beatSlots = contentBeatsOf(timing);
  const beatOrder = [...beatSlots.keys()];
  const infos = infosOf(timing, beatSlots);
  const assigned = writtenPoints(infos, timing.repeatCount);
  const dropped: string[] = [];
  const emptyRepeats: number[] = [];
  // Each content beat is cut into shots that follow its text; the timing keeps the beat's length.
  const packedByBeat = new Map<number, TimedShot[]>();
  beatOrder.forEach((b, k) => {
    const info = infos[k]!;
    const seconds = beatSlots.get(b)!.reduce((sum, i) => sum + timing.slots[i]!.duration, 0);
    const texts = assigned[k]!.map((p) => p.text);
    const entries = assigned[k]!.map((p) => ({ text: p.text, priority: p.intro ? 0 : 1 }));
    if (texts.length) {
      const packed = packBeatTimed(entries, seconds, null, a.brands, a.keyTerms);
      dropped.push(...packed.dropped);
      packedByBeat.set(b, packed.shots);
    } else {
      packedByBeat.set(b, beatSlots.get(b)!.map((i) => ({ duration: timing.slots[i]!.duration, script: "" })));
    }
    if (info.n !== undefined && writeBeat(info.role, info.n, timing.repeatCount).needsInput) emptyRepeats.push(info.n);
  });
  const newSlots: Slot[] = [];
  const contentScripts: string[] = [];
  const needsInput: (string | undefined)[] = [];
  timing.slots.forEach((slot) => {
    if (slot.kind !== "content") {
      newSlots.push(slot);
      contentScripts.push("");
      needsInput.push(undefined);
      return;
    }
    if (slot.shot !== 1) return;
    const shots = packedByBeat.get(slot.beat) ?? [{ duration: slot.duration, script: "" }];
    const todo = writeBeat(slot.role, slot.n, timing.repeatCount).needsInput;
    shots.forEach((sh, j) => {
      newSlots.push({ ...slot, shot: j + 1, shots: shots.length, duration: sh.duration });
      contentScripts.push(sh.script);
      needsInput.push(j === 0 ? todo : undefined);
    });
  });
  timing = { ...timing, slots: newSlots };
  // No two scenes say the same line (a brief can repeat itself, or two points can share a clause).
  const seenLines = new Set<string>();
  contentScripts.forEach((line, i) => {
    const k = normKey(line);
    if (!k) return;
    if (seenLines.has(k)) contentScripts[i] = "";
    else seenLines.add(k);
  });
  if (dropped.length) {
    const first = dropped[0]!;
    notes.push(
      `${dropped.length} passage${dropped.length > 1 ? "s" : ""} of the brief did not fit in ${total} s and ${dropped.length > 1 ? "were" : "was"} left out (first: "${first.length > 60 ? `${first.slice(0, 57)}...` : first}"); raise the duration to keep ${dropped.length > 1 ? "them" : "it"}.`,
    );
  }
  if (emptyRepeats.some((n) => n > 0)) {
    const what = model.count?.noun ? model.count.noun.replace(/^\p{Ll}/u, (c) => c.toUpperCase()) : pattern.id === "tutorial" ? "Steps" : pattern.id === "myth-fact" ? "Myths/facts" : "Items";
    const uniq = [...new Set(emptyRepeats)].filter((n) => n > 0);
    notes.push(`${what} ${uniq.join(", ")} ${uniq.length > 1 ? "are" : "is"} not named in the brief: ${uniq.length > 1 ? "those scenes carry" : "that scene carries"} a to-do (needs_input) to fill in.`);
  }
  // Padding: content scenes with neither voice-over nor a to-do.
  const padding = timing.slots.reduce((sum, s, i) => sum + (s.kind === "content" && !contentScripts[i] && !needsInput[i] ? s.duration : 0), 0);
  return { total, timing, contentScripts, needsInput, emptyRepeats, notes, padding, dropped: dropped.length, count: timing.repeatCount };
  };

  // The runtime is what the brief's material fills, plus at most PAD_MAX_SECONDS of silent
  // cutaways: a thin brief gets a shorter storyboard and says what would make it longer, it is
  // never padded out to the requested length with B-roll.
  // A length is laid out once: the search below can come back to a length it has tried.
  const laid = new Map<number, Layout>();
  const layoutAt = (total: number): Layout => {
    let l = laid.get(total);
    if (!l) {
      l = layout(total);
      laid.set(total, l);
    }
    return l;
  };
  let lay = layoutAt(requested);
  for (let k = 0; k < 4 && lay.padding > PAD_MAX_SECONDS && lay.total > MIN_DURATION; k++) {
    const next = Math.max(MIN_DURATION, lay.total - (lay.padding - PAD_MAX_SECONDS));
    if (next >= lay.total) break;
    const shorter = layoutAt(next);
    // Shortening must not cost what the brief says (a passage or a list item).
    if (shorter.dropped > lay.dropped || shorter.count < lay.count) break;
    lay = shorter;
  }
  // A cut that would cost content overshot: a second at a time, the first length that holds it all.
  if (lay.padding > PAD_MAX_SECONDS) {
    for (let t = lay.total - 1; t >= Math.max(MIN_DURATION, lay.total - (lay.padding - PAD_MAX_SECONDS)); t--) {
      const shorter = layoutAt(t);
      if (shorter.dropped > lay.dropped || shorter.count < lay.count) continue;
      lay = shorter;
      if (lay.padding <= PAD_MAX_SECONDS) break;
    }
  }
  const { total, timing, contentScripts, needsInput, emptyRepeats } = lay;
  warnings.push(...lay.notes);
  if (total < requested) {
    // Said first and plainly: the brief cannot fill the length it asks for.
    const points = Math.max(1, Math.ceil((requested - total) / SECONDS_PER_POINT));
    const listNoun = pattern.beats.some((b) => b.repeat) ? (model.count?.noun ?? (pattern.id === "tutorial" ? "steps" : pattern.id === "myth-fact" ? "myths" : "items")) : undefined;
    const unnamed = emptyRepeats.filter((n) => n > 0).length;
    const what = unnamed
      ? `Name the ${unnamed} ${listNoun ?? "items"} waiting for input${points > 0 ? ` and add ${countWord(points)} more point${points > 1 ? "s" : ""}` : ""}`
      : listNoun
        ? `Add ${countWord(points)} more point${points > 1 ? "s" : ""} (${listNoun}, a tip, proof)`
        : `Add ${countWord(points)} more point${points > 1 ? "s" : ""} (a benefit, a feature, proof)`;
    warnings.unshift(`The brief has material for about ${total} s, not ${requested} s: the storyboard runs ${total} s rather than padding ${requested - total} s with B-roll. ${what} to reach ${requested} s.`);
  }

  return { brief, a: analysis, lang, ph, platform, total, requested, pattern, patternSource, timing, seed: opts.seed, model, writer, contentScripts, needsInput, warnings, emptyRepeats };
}

function renderScenes(plan: Plan, variant: number): EngineScene[] {
  const { a, timing } = plan;
  const seed = plan.seed;
  const m = plan.model;
  const set = DOMAIN_SETS[m.domain];
  const ctx: ComposeContext = {
    a,
    ph: plan.ph,
    lang: isEngineLanguage(plan.lang) ? plan.lang : "en",
    pattern: plan.pattern,
    total: plan.total,
    seed,
    rng: createRng(seed + variant * 7919, "style"),
    // Settings and props come from the topic's domain; a brand is a prop only when it is a physical product.
    setting: m.domain !== "general" ? set.setting : a.setting,
    subject: m.product && m.physical ? m.product : m.product && m.domain === "software" ? `${m.product} on screen` : set.props.replace("{subject}", m.product ?? m.topic ?? "the subject"),
  };
  const slots = timing.slots;
  const scripts = [...plan.contentScripts];
  const taken = new Set(scripts.filter(Boolean).map(normKey));
  const hookIdx = slots.findIndex((s) => s.kind === "hook");
  const ctaIdx = slots.findIndex((s) => s.kind === "cta");
  if (hookIdx >= 0) {
    const budget = Math.min(HOOK_MAX_WORDS, wordBudget(slots[hookIdx]!.duration));
    // The engine's own hook families fill {pain} with a noun phrase; the model's pains are clauses.
    // Its {topic} is the old analysis' cut of the first sentence: the model's topic or product instead.
    const hookCtx: ComposeContext = { ...ctx, pattern: { ...plan.pattern, hook: plan.pattern.hook === "pain" ? "generic" : plan.pattern.hook }, a: { ...a, pain: undefined, topic: plan.model.product ? (plan.model.topic ?? plan.model.product) : (a.topic ?? plan.model.topic) } };
    const grounded = plan.writer.hooks.filter(
      (h) => fits(h, budget) && !startsWithThroatClearing(h) && !mentionsAvoided(h, a.avoidTerms, a.avoidPrices) && !taken.has(normKey(h)),
    );
    // The strongest two grounded hooks alternate with the seed; a variant moves on through the rest.
    const top = grounded.slice(0, Math.min(2, grounded.length));
    scripts[hookIdx] = grounded.length
      ? variant === 0
        ? top[mod(seed, top.length)]!
        : grounded[mod(seed + variant, grounded.length)]!
      : composeHook(hookCtx, wordBudget(slots[hookIdx]!.duration), taken, variant);
    if (grounded.length > 0 && variant > 0 && scripts[hookIdx] === top[mod(seed, top.length)] && grounded.length === 1) {
      scripts[hookIdx] = composeHook(hookCtx, wordBudget(slots[hookIdx]!.duration), taken, variant);
    }
    taken.add(normKey(scripts[hookIdx]!));
  }
  const overlays: string[] = slots.map(() => "");
  const usedOv = new Set<string>();
  const setOverlay = (i: number, o: string) => {
    overlays[i] = o;
    usedOv.add(normKey(o));
  };
  const ovOk = (o: string | undefined | null): o is string =>
    !!o && !!o.trim() && overlayFitsOneLine(o, plan.lang) && readsWhole(o) && !mentionsAvoided(o, a.avoidTerms, a.avoidPrices) && !usedOv.has(normKey(o));

  if (hookIdx >= 0) {
    const h = scripts[hookIdx]!;
    const parts = h.split(/(?<=[?？.。!！])\s*/u).map((x) => x.replace(/[.。!！]$/u, "").trim()).filter(Boolean);
    const cands = [h.replace(/[.。!！]$/u, ""), ...parts.filter((x) => /\d/.test(x)), ...parts, a.topic ? capitalize(a.topic) : undefined, a.brands[0], keyPhrase(h, plan.lang), fitOverlay(h, plan.lang), fitOverlay(SHORT_OVERLAY[ctx.lang] ?? "Watch this", plan.lang)];
    const o = cands.find(ovOk) ?? fitOverlay(SHORT_OVERLAY[ctx.lang] ?? "Watch this", plan.lang);
    setOverlay(hookIdx, o);
  }
  let cta = { script: "", overlay: "" };
  if (ctaIdx >= 0) {
    const takenWithOv = new Set([...taken, ...[...usedOv].map((k) => `overlay:${k}`)]);
    const budget = wordBudget(slots[ctaIdx]!.duration);
    const w = plan.writer.cta();
    const ovFits = (o: string) => !!o && plainWords(o).length <= OVERLAY_MAX_WORDS && Array.from(o).length <= 2 * overlayLineChars(o, plan.lang);
    // The overlay says what the voice-over says: the whole CTA, else its first phrase.
    const firstPhrase = w.overlay.split(/,\s|\s(?=(?:for|at|on|with|and|to get|para|con|pour|avec|für|mit|com)\s)|、/u)[0] ?? "";
    const briefOverlay = plan.model.finalOverlay ?? [w.overlay, firstPhrase].find(ovFits) ?? fitOverlay(w.overlay, plan.lang);
    if (w.fromBrief && w.script && briefOverlay && fits(w.script, budget) && hasActionVerb(w.script) && !mentionsAvoided(w.script, a.avoidTerms, a.avoidPrices)) {
      let overlay = briefOverlay;
      if (a.cta.code && !plan.model.finalOverlay && !containsTerm(overlay, a.cta.code)) {
        const codeLine = `${CODE_LABEL[ctx.lang] ?? "Code"} ${a.cta.code}`;
        if (plainWords(`${overlay} ${codeLine}`).length <= OVERLAY_MAX_WORDS && overlayFitsOneLine(codeLine, plan.lang)) overlay = `${overlay}\n${codeLine}`;
      }
      cta = { script: w.script, overlay };
    } else {
      cta = composeCta(ctx, budget, takenWithOv, variant);
      if (plan.model.finalOverlay) cta.overlay = plan.model.finalOverlay;
      else if (a.cta.kind !== "url" && a.cta.kind !== "phone") {
        // The overlay says what the voice-over says (a promo code line stays under it).
        const said = fitOverlay(cta.script, plan.lang) || ctaTail(cta.script, plan.lang);
        const codeLine = cta.overlay.split("\n")[1];
        if (said && overlayFitsOneLine(said, plan.lang) && !mentionsAvoided(said, a.avoidTerms, a.avoidPrices)) {
          cta.overlay = codeLine && plainWords(`${said} ${codeLine}`).length <= OVERLAY_MAX_WORDS ? `${said}\n${codeLine}` : said;
        }
      }
    }
    scripts[ctaIdx] = cta.script;
    overlays[ctaIdx] = cta.overlay;
    usedOv.add(normKey(cta.overlay));
  }

  // Content overlays: a grounded term, the beat's label, or the line's key phrase.
  slots.forEach((s, i) => {
    if (s.kind !== "content") return;
    const script = scripts[i] ?? "";
    const label = roleLabel(ctx, s.role, s.n);
    const terms = [...a.numbers, ...a.brands, ...a.quotes].filter((t) => script && containsTerm(script, t));
    // A placeholder line waiting for input is not shown: the beat's label is.
    const kp = script && !plan.needsInput[i] ? keyPhrase(script, plan.lang) : "";
    const cands: (string | undefined)[] = [];
    if ((s.role === "item" || s.role === "step") && label) {
      // "#2: No drainage hole": the number and a phrase that reads whole, else the phrase, else the number.
      const short = kp ? keyPhrase(script, plan.lang, OVERLAY_MAX_WORDS - plainWords(label).length) : "";
      if (short && s.shot === 1) cands.push(`${label}: ${short}`);
      if (kp && s.shot === 1 && plainWords(kp).length >= 2) cands.push(kp);
      if (s.shot === 1) cands.push(label);
    }
    cands.push(...terms);
    if (s.shot === 1 && label) cands.push(label);
    if (kp) cands.push(kp);
    if (!script && s.shot > 1) cands.push(...a.brands.filter((t) => !usedOv.has(normKey(t))).slice(0, 1));
    const o = cands.find(ovOk);
    if (o) setOverlay(i, o);
  });

  // Cameras.
  const ugc = ["testimonial", "storytime", "day-in-the-life"].includes(plan.pattern.id);
  const camCtx: CameraContext[] = slots.map((s) => ({ role: s.role, kind: s.kind, digital: a.digital, ugc }));
  const cams = planCameras(camCtx, createRng(seed + variant * 7919, "camera"));

  // What each content scene is about: its own line, else its beat's first line, else its to-do.
  const beatGist = new Map<number, string>();
  slots.forEach((s, i) => {
    if (s.kind === "content" && !beatGist.has(s.beat)) {
      const line = scripts[i] || "";
      if (line) beatGist.set(s.beat, gistOf(line));
    }
  });
  // A scene waiting for input is described by its to-do ("Mistake 2: name it here"), not its placeholder line.
  const todoOf = (i: number) => plan.needsInput[i]?.replace(/\s*[(（][^)）]*[)）]\s*[.。]?$/u, "");
  let beatTodo = "";
  const gists = slots.map((s, i) => {
    if (s.kind !== "content") return undefined;
    if (s.shot === 1) beatTodo = todoOf(i) ?? "";
    if (beatTodo) return beatTodo;
    return scripts[i] ? gistOf(scripts[i]!) : beatGist.get(s.beat);
  });
  const scenes: EngineScene[] = slots.map((s: Slot, i) => ({
    scene_number: i + 1,
    scene_type: s.kind,
    duration: s.duration,
    visual_description: visualFor(ctx, {
      role: s.role,
      kind: s.kind,
      n: s.n,
      camera: cams[i]!,
      script: scripts[i] ?? "",
      pattern: plan.pattern,
      cta: s.kind === "cta" ? cta.overlay : undefined,
      variant: variant + i,
      gist: gists[i] || undefined,
    }),
    script: scripts[i] ?? "",
    text_overlay: overlays[i] ?? "",
    camera_angle: formatCamera(cams[i]!),
    beat: beatLabel(s, plan),
    ...(plan.needsInput[i] ? { needs_input: plan.needsInput[i] } : {}),
  }));
  placeDirections(scenes, plan.model);
  ground(scenes, plan);
  return scenes;
}

const OPENING_SHOT = /^(?:please\s+)?(?:open|opening|start|begin)\b/i;
const CLOSING_SHOT = /^(?:please\s+)?(?:end|ending|close|closing|finish|finishing|wrap)\b/i;

/**
 * The brief's shot directions ("Open on the espresso machine", "Show the morning rush, then the
 * cup", "Finish with a slow pan over the shelf") steer the visual notes of the scene they describe:
 * an opening to the hook, a closing shot to the CTA, the others to the content scenes in order.
 * They are never spoken or shown.
 */
function placeDirections(scenes: EngineScene[], m: BriefModel): void {
  const shots = m.spans.filter((s) => s.field === "direction" && (s.reason === "shot direction" || s.reason === "closing shot")).map((s) => s.text.trim().replace(/[.!。]+$/u, ""));
  if (!shots.length || !scenes.length) return;
  const content = scenes.filter((s) => s.scene_type === "content");
  let k = 0;
  for (const d of shots) {
    const target = OPENING_SHOT.test(d) ? scenes[0]! : CLOSING_SHOT.test(d) ? scenes[scenes.length - 1]! : (content[Math.min(k++, content.length - 1)] ?? scenes[0]!);
    target.visual_description += ` As the brief directs: ${d.charAt(0).toLowerCase()}${d.slice(1)}.`;
  }
}

/** Seconds a scene waiting for input (needs_input) keeps for what the creator will add. */
const NEEDS_INPUT_SECONDS = 4;
/** Seconds of content scenes with neither voice-over nor a to-do (needs_input): the padding. */
export function paddingSeconds(scenes: readonly EngineScene[]): number {
  return scenes.reduce((sum, s) => sum + (s.scene_type === "content" && !s.script.trim() && !s.needs_input ? s.duration : 0), 0);
}

const EXPLICIT_BEFORE_AFTER = /\bbefore(?: and |\s*\/\s*|\s*&\s*)after\b|\bantes y después\b|\bavant(?: et |\s*\/\s*)après\b|\bvorher(?: und |\s*\/\s*)nachher\b|\bantes e depois\b|ビフォーアフター/i;
const CODE_LABEL: Record<string, string> = { en: "Code", es: "Código", fr: "Code", de: "Code", pt: "Cupom", ja: "コード" };


const SHORT_OVERLAY: Record<string, string> = { en: "Watch this", es: "Mira esto", fr: "Regarde ça", de: "Schau hin", pt: "Olha isso", ja: "これを見て" };

/** The CTA's action on screen when the whole line does not fit: from its first action verb ("Download the app today"), else its first words. */
function ctaTail(script: string, lang: string): string {
  const ws = script.replace(/[.。!！]$/u, "").split(/\s+/);
  const i = ws.findIndex((w) => hasActionVerb(w));
  const tail = i >= 0 ? ws.slice(i).join(" ") : "";
  if (tail && overlayFitsOneLine(tail, lang)) return tail;
  while (ws.length > 1 && !overlayFitsOneLine(ws.join(" "), lang)) ws.pop();
  return ws.join(" ");
}

function beatLabel(s: Slot, plan: Plan): string {
  const base = s.role.replace(/_/g, " ");
  const numbered = s.n !== undefined && (plan.pattern.beats.some((b) => b.repeat && b.role === s.role)) ? `${base} ${s.n}` : base;
  return s.shots > 1 ? `${numbered} (shot ${s.shot}/${s.shots})` : numbered;
}

/** Makes sure every key term of the brief appears: overlay where it fits, else the visual notes. */
function ground(scenes: EngineScene[], plan: Plan): void {
  const { a } = plan;
  let haystack = "";
  const refresh = () => {
    haystack = ` ${normKey(scenes.map((s) => `${s.script}\n${s.text_overlay}\n${s.visual_description}`).join("\n"))} `;
  };
  refresh();
  const present = (term: string) => {
    const k = normKey(term);
    return !k || (/[\u3040-\u9fff]/.test(k) ? haystack.includes(k) : haystack.includes(` ${k} `));
  };
  const ctaTerms = new Set([a.cta.url?.replace(/^https?:\/\//i, ""), a.cta.phone, a.cta.phrase, a.cta.code].filter(Boolean).map((t) => normKey(t!)));
  const usedOv = new Set(scenes.map((s) => normKey(s.text_overlay)).filter(Boolean));
  for (const term of a.keyTerms) {
    if (present(term)) continue;
    const cta = scenes[scenes.length - 1];
    if (ctaTerms.has(normKey(term)) && cta) {
      cta.visual_description += ` End card shows "${term}".`;
      refresh();
      continue;
    }
    const slot = scenes.find((s) => s.scene_type === "content" && !s.text_overlay);
    if (slot && overlayFitsOneLine(term, plan.lang) && !usedOv.has(normKey(term))) {
      slot.text_overlay = term;
      usedOv.add(normKey(term));
      refresh();
      continue;
    }
    const isBrand = a.brands.some((b) => normKey(b) === normKey(term));
    const target =
      scenes.find((s) => s.scene_type === "content" && /solution|interest|desire|discovery|offer|proof|result|after|value|how/.test(s.beat)) ??
      scenes.find((s) => s.scene_type === "content") ??
      scenes[0]!;
    target.visual_description += isBrand ? ` ${term} clearly visible in frame.` : ` On-screen callout: "${term}".`;
    refresh();
  }
}

function titleOf(plan: Plan): string {
  const t = plan.writer.title(plan.pattern.name);
  if (t && !mentionsAvoided(t, plan.a.avoidTerms, plan.a.avoidPrices)) return t;
  return legacyTitle(plan);
}

function legacyTitle(plan: Plan): string {
  const { a } = plan;
  const firstPoint = a.points[0]?.text.split(/\s+/).slice(0, 8).join(" ");
  const base = [a.title, a.topic, a.brands[0], firstPoint].find(
    (t) => t && t.trim() && !mentionsAvoided(t, a.avoidTerms, a.avoidPrices),
  );
  const t = capitalize((base ?? plan.pattern.name).replace(/[.。]$/u, "").trim());
  return t.length > 120 ? `${t.slice(0, 117)}...` : t;
}

function assemble(plan: Plan, scenes: EngineScene[]): EngineOutput {
  const out: EngineOutput = {
    title: titleOf(plan),
    platform: plan.platform,
    language: plan.lang,
    pattern: plan.pattern.id,
    pattern_source: plan.patternSource.slice(0, LIMITS.patternSource),
    total_duration: plan.total,
    requested_duration: plan.requested,
    total_scenes: scenes.length,
    scenes,
    warnings: [...plan.warnings],
    checks: [],
  };
  out.checks = runChecks({ ...out, brief: plan.brief }, plan.a, plan.model);
  return out;
}

/** The pattern engine: synchronous, offline, deterministic for a given input and seed. */
export function generateStoryboard(input: EngineInput): EngineOutput {
  const plan = buildPlan(input);
  return assemble(plan, renderScenes(plan, 0));
}

/** The storyboard and the brief's model it was written from (corrections applied): one read of the brief for both. */
export function generateWithModel(input: EngineInput): { storyboard: EngineOutput; model: BriefModel } {
  const plan = buildPlan(input);
  return { storyboard: assemble(plan, renderScenes(plan, 0)), model: plan.model };
}

/**
 * A fresh variant of one scene of the storyboard `generateStoryboard(input)` returns: same
 * type, duration and beat, different wording where the engine writes it (hook, CTA, overlay,
 * visual notes) and a different camera set-up that still differs from its neighbours.
 */
export function regenerateScene(input: EngineInput & { seed: number }, sceneNumber: number, variant = 1): EngineScene {
  const plan = buildPlan(input);
  const base = renderScenes(plan, 0);
  if (!Number.isInteger(sceneNumber) || sceneNumber < 1 || sceneNumber > base.length) {
    throw new EngineValidationError("sceneNumber", `must be a scene number from 1 to ${base.length}`);
  }
  const v = Math.max(1, Math.floor(variant));
  const idx = sceneNumber - 1;
  const orig = base[idx]!;
  let fresh = renderScenes(plan, v)[idx]!;
  for (let k = 1; k < 6 && fresh.camera_angle === orig.camera_angle; k++) fresh = renderScenes(plan, v + k * 13)[idx]!;
  const prev = base[idx - 1]?.camera_angle;
  const next = base[idx + 1]?.camera_angle;
  if (fresh.camera_angle === prev || fresh.camera_angle === next || fresh.camera_angle === orig.camera_angle) {
    const [size = "MS", angle = "eye level"] = fresh.camera_angle.split(", ");
    const moves = ["static", "handheld", "push-in", "pan", "dolly", "tilt"];
    for (const m of moves) {
      const cand = `${size}, ${angle}, ${m}`;
      if (cand !== prev && cand !== next && cand !== orig.camera_angle) {
        fresh = { ...fresh, camera_angle: cand };
        break;
      }
    }
  }
  return { ...fresh, scene_number: orig.scene_number, scene_type: orig.scene_type, duration: orig.duration, beat: orig.beat };
}
