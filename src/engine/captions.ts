// Voice-over as it is heard: caption cues timed at the engine's speaking rate, and the pace a
// teleprompter scrolls at. Same rates as the writer and the checker (text.ts), so a scene the
// checker passes is captioned and prompted exactly within its duration.
import { CJK_CHARS_PER_SECOND, SEA_CHARS_PER_SECOND, WORDS_PER_SECOND, isSpacelessText, speechSeconds, splitClauses, splitSentences, spokenWordCount } from "./text";

export interface CaptionCue {
  text: string;
  /** Seconds from the start of the scene. */
  start: number;
  end: number;
}

export interface ReadingPace {
  /** Seconds the script takes to say at the engine's rate. */
  seconds: number;
  /** What the rate counts: words, or characters for scripts written without spaces. */
  unit: "words" | "characters";
  per_second: number;
}

/** About 2.5 s of speech: what a viewer reads in one caption. */
const CUE_LOAD = WORDS_PER_SECOND * 2.5;

function splitLong(piece: string): string[] {
  if (spokenWordCount(piece) <= CUE_LOAD) return [piece];
  if (isSpacelessText(piece)) {
    const chars = Array.from(piece);
    const size = Math.max(1, Math.round(2.5 * CJK_CHARS_PER_SECOND));
    const out: string[] = [];
    for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(""));
    return out;
  }
  const words = piece.split(/\s+/).filter(Boolean);
  const n = Math.ceil(spokenWordCount(piece) / CUE_LOAD);
  const size = Math.ceil(words.length / n);
  const out: string[] = [];
  for (let i = 0; i < words.length; i += size) out.push(words.slice(i, i + size).join(" "));
  return out;
}

/** The script cut at sentences, then clauses, then words, into pieces of about 2.5 s each. */
export function captionPieces(script: string): string[] {
  const out: string[] = [];
  for (const sentence of splitSentences(script.trim())) {
    const clauses = spokenWordCount(sentence) <= CUE_LOAD ? [sentence] : splitClauses(sentence);
    for (const clause of clauses.length ? clauses : [sentence]) out.push(...splitLong(clause));
  }
  return out;
}

const ms = (s: number) => Math.round(s * 1000) / 1000;

/**
 * Caption cues of a scene's voice-over: each piece shown for as long as it takes to say, the
 * last one held until the scene cuts. A script longer than its scene (the checker flags it) is
 * squeezed into the scene rather than spilling into the next one.
 */
export function captionCues(script: string | null | undefined, sceneSeconds: number): CaptionCue[] {
  const pieces = script ? captionPieces(script) : [];
  if (pieces.length === 0 || !(sceneSeconds > 0)) return [];
  const lengths = pieces.map((p) => speechSeconds(p));
  const total = lengths.reduce((a, b) => a + b, 0);
  const scale = total > sceneSeconds ? sceneSeconds / total : 1;
  let at = 0;
  return pieces.map((text, i) => {
    const start = at;
    at += lengths[i]! * scale;
    return { text, start: ms(start), end: ms(i === pieces.length - 1 ? sceneSeconds : at) };
  });
}

/** How fast a teleprompter should run through this script: the time it takes to say it. */
export function readingPace(script: string | null | undefined): ReadingPace {
  const text = script ?? "";
  const spaceless = isSpacelessText(text);
  const sea = /[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]/.test(text);
  return {
    seconds: ms(speechSeconds(text)),
    unit: spaceless ? "characters" : "words",
    per_second: spaceless ? (sea ? SEA_CHARS_PER_SECOND : CJK_CHARS_PER_SECOND) : WORDS_PER_SECOND,
  };
}
