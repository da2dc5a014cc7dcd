// Timing: whole-second durations that sum exactly to the target. The hook opens in 1-3 s,
// the CTA closes in 2-5 s, transitions take 1 s, and no scene runs over the shot limit
// (long beats are split into shots with different set-ups).
import type { Beat, BeatKind, Pattern } from "./patterns";
import type { Rng } from "./rng";

/** Longest shot the engine writes (the checker's limit is 8 s; 6 s keeps short-form pace). */
export const MAX_SHOT_SECONDS = 6;
/** Shortest content beat. */
export const MIN_BEAT_SECONDS = 2;

export interface ExpandedBeat extends Beat {
  /** Item / step / pair number for repeated beats (1-based). */
  n?: number;
}

export interface Slot {
  kind: BeatKind;
  role: string;
  /** Index of the beat in the expanded list. */
  beat: number;
  n?: number;
  shot: number;
  shots: number;
  duration: number;
}

export interface TimingPlan {
  slots: Slot[];
  beats: ExpandedBeat[];
  hook: number;
  cta: number;
  /** Repeated-beat count actually used (items, steps or myth/fact pairs). */
  repeatCount: number;
  warnings: string[];
}

function expand(pattern: Pattern, count: number): ExpandedBeat[] {
  const out: ExpandedBeat[] = [];
  const reps = pattern.beats.filter((b) => b.repeat);
  if (pattern.id === "myth-fact") {
    const [myth, fact] = reps;
    for (let i = 1; i <= count; i++) {
      out.push({ ...(myth as Beat), share: (myth as Beat).share / count, n: i });
      out.push({ ...(fact as Beat), share: (fact as Beat).share / count, n: i });
    }
    return [...pattern.beats.filter((b) => !b.repeat && b.kind !== "cta"), ...out, ...pattern.beats.filter((b) => b.kind === "cta")];
  }
  for (const b of pattern.beats) {
    if (b.repeat) for (let i = 1; i <= count; i++) out.push({ ...b, share: b.share / count, n: i });
    else out.push({ ...b });
  }
  return out;
}

/** Splits `total` in proportion to `weights`, each at least `min`, with whole numbers summing exactly. */
export function allocate(total: number, weights: readonly number[], min: number): number[] {
  const k = weights.length;
  if (k === 0) return [];
  const base = Math.min(min, Math.floor(total / k));
  const left = total - base * k;
  const sum = weights.reduce((a, b) => a + b, 0) || k;
  const raw = weights.map((w) => (left * (sum === k && weights.every((x) => x === 0) ? 1 : w)) / sum);
  const out = raw.map((r) => base + Math.floor(r));
  let rest = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => ({ f: r - Math.floor(r), i })).sort((a, b) => b.f - a.f || a.i - b.i);
  for (let j = 0; rest > 0; j = (j + 1) % k, rest--) out[order[j]!.i]! += 1;
  return out;
}

/**
 * Plans the timing. With `demands` (seconds of voice-over each content beat needs, in order),
 * each beat first gets what its text needs and the rest of the time follows the pattern's shares.
 */
export function planTiming(
  total: number,
  pattern: Pattern,
  wantedCount: number,
  rng: Rng,
  demandOfBeat?: (beat: ExpandedBeat, count: number) => number,
): TimingPlan {
  const warnings: string[] = [];
  let hook = total < 15 ? 2 : rng.next() < 0.75 ? 3 : 2;
  let cta = total < 8 ? 2 : total < 20 ? 3 : total < 60 ? 3 + rng.int(2) : 4 + rng.int(2);
  let rest = total - hook - cta;
  if (rest < MIN_BEAT_SECONDS) {
    const add = Math.min(rest, 5 - cta);
    cta += add;
    rest -= add;
    const addH = Math.min(rest, 3 - hook);
    hook += addH;
    rest -= addH;
  }

  let count = Math.max(1, wantedCount);
  const hasRepeat = pattern.beats.some((b) => b.repeat);
  let beats = expand(pattern, count);
  const content = () => beats.filter((b) => b.kind === "content" || b.kind === "transition");
  const need = () =>
    content().reduce((s, b) => s + (b.kind === "transition" ? 1 : MIN_BEAT_SECONDS), 0);

  // Transitions only in videos of 20 s or more.
  if (total < 20) beats = beats.filter((b) => b.kind !== "transition");
  // Drop optional beats, then shorten the list, then drop the latest beats until the minimums fit.
  while (rest > 0 && need() > rest) {
    const opt = [...beats].reverse().find((b) => b.optional);
    if (opt) {
      beats = beats.filter((b) => b !== opt);
      continue;
    }
    if (hasRepeat && count > 1) {
      count -= 1;
      beats = expand(pattern, count).filter((b) => !b.optional && b.kind !== "transition");
      continue;
    }
    const removable = content().slice(1);
    const victim = removable.sort((a, b) => a.share - b.share)[0];
    if (!victim) break;
    beats = beats.filter((b) => b !== victim);
  }
  if (rest <= 0) beats = beats.filter((b) => b.kind === "hook" || b.kind === "cta");
  const demandOf = demandOfBeat ? (b: ExpandedBeat) => demandOfBeat(b, count) : undefined;
  // With the brief's material known, beats it says nothing about are dropped (a list keeps its
  // items: an unnamed one carries a to-do); they would only be padding.
  if (demandOf && beats.some((b) => b.kind === "content" && demandOf(b) > 0)) {
    beats = beats.filter((b) => !(b.kind === "content" && !b.repeat && demandOf(b) <= 0));
  }
  if (hasRepeat && count < wantedCount && wantedCount > 1) {
    warnings.push(
      `The brief asks for ${wantedCount} ${pattern.id === "tutorial" ? "steps" : pattern.id === "myth-fact" ? "myths" : "items"} but ${total} s fits ${count}; raise the duration to keep them all.`,
    );
  }

  const mids = content();
  const transitions = mids.filter((b) => b.kind === "transition").length;
  const contentBeats = mids.filter((b) => b.kind === "content");
  const avail = rest - transitions;
  const shares = contentBeats.map((b) => b.share);
  let durations: number[];
  if (demandOf && avail >= MIN_BEAT_SECONDS * contentBeats.length) {
    const need = contentBeats.map((b) => Math.max(MIN_BEAT_SECONDS, Math.ceil(demandOf(b))));
    const sumNeed = need.reduce((x, y) => x + y, 0);
    if (sumNeed <= avail) {
      const extra = allocate(avail - sumNeed, contentBeats.map((b, i) => (demandOf(b) > 0 ? 1 : 0.25) * shares[i]!), 0);
      durations = need.map((n, i) => n + (extra[i] ?? 0));
    } else durations = allocate(avail, need, MIN_BEAT_SECONDS);
  } else durations = allocate(avail, shares, MIN_BEAT_SECONDS);

  const slots: Slot[] = [];
  beats.forEach((b, bi) => {
    if (b.kind === "hook") slots.push({ kind: "hook", role: "hook", beat: bi, shot: 1, shots: 1, duration: hook });
    else if (b.kind === "cta") slots.push({ kind: "cta", role: "cta", beat: bi, shot: 1, shots: 1, duration: cta });
    else if (b.kind === "transition") slots.push({ kind: "transition", role: "transition", beat: bi, shot: 1, shots: 1, duration: 1 });
    else {
      const d = durations[contentBeats.indexOf(b)] ?? 0;
      if (d <= 0) return;
      const shots = Math.ceil(d / MAX_SHOT_SECONDS);
      const parts = allocate(d, new Array(shots).fill(1), 1);
      parts.forEach((p, si) => slots.push({ kind: "content", role: b.role, beat: bi, n: b.n, shot: si + 1, shots, duration: p }));
    }
  });
  return { slots, beats, hook, cta, repeatCount: count, warnings };
}
