// Text utilities: spoken-length estimates, sentence/clause splitting and budget trimming.
// Shared by the composer and the checker so that both count the same way.

/** Voice-over pace: 2.8 words per second (about 165-170 words per minute, broadcast voice-over). */
export const WORDS_PER_SECOND = 2.8;
/** Languages written without spaces (Chinese, Japanese): about 5 characters per second of speech. */
export const CJK_CHARS_PER_SECOND = 5;
/** Thai, Lao, Khmer, Myanmar script: about 14 letters per second (roughly 5 syllables of ~3 letters). */
export const SEA_CHARS_PER_SECOND = 14;

const CJK_RE = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]/;
const CJK_RE_G = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]/g;
const SEA_RE_G = /[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]/g;
const PHONE_RE_G = /(?<![\w/.])\+?\(?\d[\d\s().-]{5,}\d(?![\w/])/g;
const URL_TOKEN_RE = /^(?:https?:\/\/|www\.)|^[\w-]+(?:\.[\w-]+)+(?:\/\S*)?$|@/i;

export function hasCjk(s: string): boolean {
  return CJK_RE.test(s);
}

/** True when most letters of the text belong to a script written without spaces. */
export function isSpacelessText(s: string): boolean {
  const cjk = (s.match(CJK_RE_G) ?? []).length + (s.match(SEA_RE_G) ?? []).length;
  if (cjk === 0) return false;
  const latin = (s.match(/[A-Za-z\u00c0-\u024f\u0400-\u04ff]/g) ?? []).length;
  return cjk >= latin / 2;
}

const SMALL = 20;
/** Words needed to say a non-negative integer aloud (English-like counting). */
export function integerWords(n: number): number {
  if (!Number.isFinite(n) || n < 0) return 1;
  if (n <= SMALL) return 1;
  if (n < 100) return n % 10 === 0 ? 1 : 2;
  if (n < 1000) return 2 + (n % 100 === 0 ? 0 : integerWords(n % 100));
  if (n < 10000 && n >= 1100 && n < 2100 && n % 100 !== 0) {
    // years are said in pairs: "twenty twenty-four"
    return integerWords(Math.floor(n / 100)) + integerWords(n % 100);
  }
  const scales: [number, number][] = [
    [1e12, 1],
    [1e9, 1],
    [1e6, 1],
    [1e3, 1],
  ];
  for (const [scale, w] of scales) {
    if (n >= scale) {
      const head = Math.floor(n / scale);
      const rest = n % scale;
      return integerWords(head) + w + (rest === 0 ? 0 : integerWords(rest));
    }
  }
  return 1;
}

function digitCount(s: string): number {
  return (s.match(/\d/g) ?? []).length;
}

/** Words needed to say one whitespace-free token aloud. */
function tokenWords(tok: string): number {
  const t = tok.replace(/^[("'“”‘’«»¿¡[]+|[)"'“”‘’«».,!?;:…\]]+$/g, "");
  if (!t) return 0;
  if (!/[\p{L}\p{N}]/u.test(t)) return /^[&+=]$/.test(t) ? 1 : 0;
  if (URL_TOKEN_RE.test(t) && /[./@]/.test(t)) {
    const body = t.replace(/^https?:\/\//i, "").replace(/^www\./i, "").replace(/\/$/, "");
    let words = 0;
    for (const part of body.split(/[./@\-_:?=&#]+/)) {
      if (!part) continue;
      words += /^\d+$/.test(part) ? (part.length > 4 ? part.length : integerWords(Number(part))) : 1;
    }
    words += (body.match(/[./@\-_:?=&#]/g) ?? []).length; // "dot", "slash", "at"...
    return Math.max(1, words);
  }
  if (/\d/.test(t)) {
    let words = 0;
    let rest = t;
    if (/^#\d/.test(rest)) {
      words += 1; // "number"
      rest = rest.slice(1);
    }
    if (/^[+-]/.test(rest)) rest = rest.slice(1);
    const currency = /[$€£¥₹₩]|\b(?:usd|eur|gbp)\b/i.test(rest);
    rest = rest.replace(/[$€£¥₹₩]/g, "");
    const groups = rest.match(/\d[\d,]*(?:\.\d+)?|\p{L}+/gu) ?? [];
    let numberGroups = 0;
    for (const g of groups) {
      if (/^\d/.test(g)) {
        numberGroups += 1;
        const [intPart = "0", dec] = g.replace(/,(?=\d{3}\b)/g, "").split(".");
        const clean = intPart.replace(/,/g, "");
        words += clean.length > 6 && !clean.includes(",") ? clean.length : integerWords(Number(clean));
        if (dec !== undefined) words += currency ? integerWords(Number(dec)) : 1 + dec.length; // "point 5"
      } else {
        words += 1; // a unit or suffix: "k", "min", "x", "st"
      }
    }
    const separators = (rest.match(/[:/]/g) ?? []).length;
    if (numberGroups > 1) words += Math.max(0, separators - (numberGroups - 1)) + 0;
    if (currency) words += 1; // "dollars"
    if (/%/.test(rest)) words += 1; // "percent"
    return Math.max(1, words);
  }
  return 1;
}

/**
 * Speaking load of a text in "word equivalents": words said aloud (numbers, prices,
 * URLs and phone numbers counted as spoken), plus characters of space-less scripts
 * converted at the same time budget (5 CJK characters take as long as 2.8 words).
 */
const SPOKEN_CACHE = new Map<string, number>();

export function spokenWordCount(text: string): number {
  if (!text) return 0;
  const hit = SPOKEN_CACHE.get(text);
  if (hit !== undefined) return hit;
  const n = computeSpokenWordCount(text);
  if (SPOKEN_CACHE.size > 4000) SPOKEN_CACHE.clear();
  SPOKEN_CACHE.set(text, n);
  return n;
}

function computeSpokenWordCount(text: string): number {
  let words = 0;
  let s = text.replace(PHONE_RE_G, (m) => {
    const digits = digitCount(m);
    if (digits < 7 || digits > 15) return m;
    words += digits + (m.trim().startsWith("+") ? 1 : 0);
    return " ";
  });
  const cjk = (s.match(CJK_RE_G) ?? []).length;
  const sea = (s.match(SEA_RE_G) ?? []).length;
  s = s.replace(CJK_RE_G, " ").replace(SEA_RE_G, " ");
  for (const tok of s.split(/\s+/)) if (tok) words += tokenWords(tok);
  return words + (cjk * WORDS_PER_SECOND) / CJK_CHARS_PER_SECOND + (sea * WORDS_PER_SECOND) / SEA_CHARS_PER_SECOND;
}

/** Seconds needed to say the text at voice-over pace. */
export function speechSeconds(text: string): number {
  return spokenWordCount(text) / WORDS_PER_SECOND;
}

/** Largest speaking load that fits in `seconds` (word equivalents). */
export function wordBudget(seconds: number): number {
  return WORDS_PER_SECOND * seconds;
}

export const EPS = 1e-9;

export function fits(text: string, budget: number): boolean {
  return spokenWordCount(text) <= budget + EPS;
}

/** Plain words (for overlay limits): whitespace-separated tokens with a letter or digit. */
export function plainWords(text: string): string[] {
  // An ASCII letter or digit answers first (most words); the Unicode classes only for the rest.
  return text.split(/\s+/).filter((w) => /[a-z0-9]/i.test(w) || /[\p{L}\p{N}]/u.test(w));
}

export function normalizeSpace(s: string): string {
  return s.replace(/[\u200b\u00a0\t ]+/g, " ").replace(/ *\n */g, "\n").trim();
}

/** Split prose into sentences (Latin and CJK punctuation); keeps URLs and decimals intact. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  // A sentence can end inside its closing quote or bracket: 'Must say: "Light it." Final overlay: ...'.
  for (const part of text.split(/(?<=[.!?…]["'”’»)]?)\s+(?=[^\s])|(?<=[。！？][」』]?)(?![」』])/u)) {
    const t = part.trim();
    if (t) out.push(t);
  }
  return out;
}

/** Split a sentence into clauses at commas, semicolons, colons, dashes and CJK commas. */
export function splitClauses(sentence: string): string[] {
  const parts = sentence
    .split(/(?<=(?<!\d)[,;:，、；：](?!\d))\s*|\s+[—–-]\s+/u)
    .map((p) => p.trim())
    .filter((p) => /[\p{L}\p{N}]/u.test(p));
  // A clause of one to three words ("In healthy people,") leans on the next one.
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const next = parts[i + 1];
    if (next !== undefined && !isSpacelessText(p) && p.split(/\s+/).length <= 3 && !/:$/.test(p)) {
      parts[i + 1] = `${p} ${next}`;
      continue;
    }
    out.push(p);
  }
  return out;
}

const TRAILING_FUNCTION_WORDS = new Set(
  (
    "a an the and or but so of to for with in on at by from as that which who your our my its their " +
    "y o pero de del la el los las un una para con en por que su sus tu tus al " +
    "et ou mais de du des le la les un une pour avec en par que qui sur au aux ton ta tes votre vos " +
    "und oder aber der die das den dem des ein eine einen zu für mit im in auf von dass " +
    "e ou mas de do da dos das um uma para com em por que seu sua no na ao " +
    "is are was were be will can"
  ).split(" "),
);

function stripTrailing(s: string): string {
  let t = s.replace(/[\s,;:—–\-、，]+$/u, "");
  for (;;) {
    const m = /\s+(\S+)$/.exec(t);
    if (!m || !TRAILING_FUNCTION_WORDS.has((m[1] ?? "").toLowerCase())) break;
    t = t.slice(0, m.index).replace(/[\s,;:—–\-]+$/u, "");
  }
  return t;
}

/** Ends a line with a full stop when it ends with a letter or digit. */
export function finish(s: string): string {
  const t = s.trim();
  if (!t) return t;
  if (/[.!?…。！？"”»」)]$/u.test(t)) return t;
  return hasCjk(t.slice(-1)) ? `${t}。` : `${t}.`;
}

/**
 * Trim a line to a speaking budget without cutting a word: whole clauses first, then whole
 * words, dropping dangling function words. Returns "" when not even a few words fit.
 */
export function trimToBudget(text: string, budget: number): string {
  const t = text.trim();
  if (fits(t, budget)) return t;
  const clauses = splitClauses(t);
  if (clauses.length > 1) {
    let acc = "";
    for (const c of clauses) {
      const next = acc ? `${acc} ${c}` : c;
      if (!fits(stripTrailing(next), budget)) break;
      acc = next;
    }
    const done = stripTrailing(acc);
    if (done && spokenWordCount(done) >= Math.min(3, budget)) return finish(done);
  }
  if (isSpacelessText(t)) {
    const chars = Array.from(t);
    let lo = 0;
    let acc = "";
    for (let i = 0; i < chars.length; i++) {
      const next = acc + (chars[i] ?? "");
      if (!fits(next, budget)) break;
      acc = next;
      if (/[、，,。！？\s]/u.test(chars[i] ?? "")) lo = acc.length;
    }
    const cut = lo > acc.length / 2 ? acc.slice(0, lo) : acc;
    return finish(cut.replace(/[、，,\s]+$/u, ""));
  }
  const words = t.split(/\s+/);
  let acc = "";
  for (const w of words) {
    const next = acc ? `${acc} ${w}` : w;
    if (!fits(next, budget)) break;
    acc = next;
  }
  const done = stripTrailing(acc);
  return done ? finish(done) : "";
}

/**
 * Cut a long text into consecutive pieces, each within its budget, at clause or word
 * boundaries. Used to spread one long point across the shots of a beat.
 */
export function chunkText(text: string, budget: number): string[] {
  const out: string[] = [];
  let rest = text.trim();
  let guard = 0;
  while (rest && guard++ < 50) {
    if (fits(rest, budget)) {
      out.push(rest);
      break;
    }
    const piece = trimToBudget(rest, budget);
    if (!piece) break;
    const core = piece.replace(/[.。]$/u, "");
    if (!rest.startsWith(core)) break;
    out.push(piece);
    rest = rest.slice(core.length).replace(/^[\s,;:—–\-、，]+/u, "");
    if (rest && /^\p{Ll}/u.test(rest) && !/^\p{Ll}\S*\p{Lu}/u.test(rest) && !isSpacelessText(rest)) rest = rest[0]!.toUpperCase() + rest.slice(1);
  }
  return out;
}

export function capitalize(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

/** Lower-case first letter of a line placed after a connective ("First, grind..."), unless a proper noun. */
export function decapitalize(s: string, keep: readonly string[]): string {
  const first = /^\S+/.exec(s)?.[0] ?? "";
  if (!first || first === "I" || /^\p{Lu}{2}/u.test(first)) return s;
  const bare = first.replace(/[^\p{L}\p{N}]/gu, "").toLowerCase();
  if (keep.some((k) => k.toLowerCase().split(/\s+/)[0] === bare)) return s;
  if (!/^\p{Lu}\p{Ll}*$/u.test(first.replace(/[^\p{L}]/gu, ""))) return s;
  return s[0]!.toLowerCase() + s.slice(1);
}

const NORM_CACHE = new Map<string, string>();
const ASCII = /^[\x00-\x7f]*$/;

/** Normalized form used for duplicate detection and term matching (memoised: it runs often). */
export function normKey(s: string): string {
  const hit = NORM_CACHE.get(s);
  if (hit !== undefined) return hit;
  // ASCII text (most calls) takes the cheaper non-Unicode class: the same letters and digits.
  const out = ASCII.test(s)
    ? s.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim()
    : s.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  if (NORM_CACHE.size > 4000) NORM_CACHE.clear();
  NORM_CACHE.set(s, out);
  return out;
}

/** Case- and accent-insensitive containment with loose punctuation. */
export function containsTerm(haystack: string, term: string): boolean {
  const t = normKey(term);
  if (!t) return true;
  const h = normKey(haystack);
  if (hasCjk(t)) return h.includes(t);
  return ` ${h} `.includes(` ${t} `);
}

/** Wrap a text greedily into lines of at most `width` characters (by code points). */
export function wrapLines(text: string, width: number, spaceless: boolean): string[] {
  const lines: string[] = [];
  for (const raw of text.split("\n")) {
    if (spaceless) {
      const chars = Array.from(raw.trim());
      for (let i = 0; i < chars.length; i += width) lines.push(chars.slice(i, i + width).join(""));
      if (chars.length === 0) lines.push("");
      continue;
    }
    let line = "";
    for (const w of raw.trim().split(/\s+/)) {
      if (!w) continue;
      const next = line ? `${line} ${w}` : w;
      if (Array.from(next).length <= width || !line) line = next;
      else {
        lines.push(line);
        line = w;
      }
    }
    lines.push(line);
  }
  return lines;
}
