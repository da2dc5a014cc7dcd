// Inference of absent options: duration and platform from the brief and reference URLs.
import type { Platform } from "../domain/constants";

export const MIN_DURATION = 5;
export const MAX_DURATION = 180;
export const DEFAULT_DURATION = 30;

// The maximum running time per platform lives with the platforms (the store enforces it too).
export { PLATFORM_MAX_SECONDS } from "../domain/constants";

// The video's length is read only from phrases about the video itself: a length with a video noun
// ("45s Reel", "30 second TikTok", "a 1-minute video", "un vídeo de 30 segundos", "30秒の動画"), a
// length label ("length: 30s", "Dauer: 30 Sekunden", "尺は30秒"), "keep it under 30 seconds", or a
// length standing alone as a settings clause ("YouTube Shorts, 30s."). Any other duration in the
// brief is about its content ("managers lose 5 hours a week", "ready in 10 minutes", "the 5-second
// rule", "a 10-minute workout") and never sets the running time.

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, five: 5, ten: 10, fifteen: 15, twenty: 20, thirty: 30, "forty-five": 45, "forty five": 45, sixty: 60, ninety: 90,
  a: 1, an: 1, un: 1, una: 1, une: 1, uno: 1, um: 1, uma: 1, ein: 1, eine: 1, einer: 1,
};
const UNIT_LENGTH =
  /(?<![A-Za-z\u00C0-\u024F\d.,])(\d{1,3}(?:[.,]5)?|one|two|three|five|ten|fifteen|twenty|thirty|forty[- ]five|sixty|ninety|an?|una?|une|uno|uma?|eine?r?)\s*(?:-|‐|–)?\s*(?:(seconds?|secs?|sec|s|segundos?|seg|secondes?|secondi|sekunden|sekunde|sek|minutes?|mins?|min|minutos?|minuti|minuten|minute)(?![\p{L}])|(秒|分))/giu;
const HALF_MINUTE = /\bhalf a minute\b|\bmedio minuto\b|\bune demi-minute\b|\beine halbe minute\b|\bmeio minuto\b/giu;
/** A video noun right after the length, after at most two describing words ("45s Instagram Reel", "30-Sekunden-Video"). */
const VIDEO_AFTER =
  /^\s*(?:-|‐|–)?\s*(?:long\s+|-long\s+)?(?:(?:vertical|horizontal|short-form|short|quick|fun|social|social media|animated|product|brand|promo|promotional|ugc|explainer|instagram|insta|ig|youtube|yt|facebook|fb|tik\s?tok|linkedin|snapchat|pinterest)\s+){0,2}(?:videos?|vídeos?|vidéos?|tik\s?toks?|reels?|shorts?|clips?|ads?|adverts?|spots?|promos?|teasers?|trailers?|commercials?|explainers?|storyboards?|edits?|cuts?|versions?|anuncios?|film|video-?clip)(?![\p{L}])|^の?\s*(?:[A-Za-z ]{2,20})?(?:動画|リール|ショート|tiktok|reels?|shorts?)/iu;
/**
 * A video noun or platform name right before the length ("Un reel de 45 segundos", "TikTok (30s)",
 * "Reel, 45 seconds"); "about" only after a preposition or a mark ("a video about 10-minute meals" is a topic).
 */
const VIDEO_BEFORE =
  /(?:^|[^\p{L}])(?:videos?|vídeos?|vidéos?|tik\s?toks?|reels?|shorts?|clips?|ads?|spots?|anuncios?|film|youtube|instagram|動画|リール|ショート)\s*(?:(?:[(,:：–—-]|\b(?:de|of|von|da|do|du)\b|d')\s*(?:(?:about|around|approx\.?|roughly|~|unos|unas|environ|etwa|ca\.|cerca de|uns|umas)\s*)?)?$/iu;
/** A length label right before it ("length: 30s", "Durée : 30 s", "尺は30秒", "keep it under 30 seconds"). */
const LABEL_BEFORE =
  /(?:^|[^\p{L}])(?:(?:video |target |total |max(?:imum)? )?(?:length|duration|runtime|run time)|duración|longitud|durée|longueur|länge|dauer|laufzeit|spieldauer|duração|tamanho|尺|長さ|再生時間)\s*(?:is|es|est|ist|é|は|of|de)?\s*[:：=]?\s*(?:about|around|approx\.?|roughly|~|max(?:imum)?|under|up to|unos|environ|etwa|ca\.|cerca de|約|最大)?\s*$|\b(?:keep|make) (?:it|this|the (?:video|reel|clip|tiktok|ad))\s+(?:to\s+|under\s+|at\s+|around\s+|about\s+|below\s+|within\s+|no (?:longer|more) than\s+|max(?:imum)?\s+)?$/iu;
/** Words a settings clause may hold besides its length ("YouTube Shorts, 30s", "about 60s", "30 seconds max"). */
const SETTINGS_CLAUSE_WORD =
  /^(?:about|around|approx\.?|approximately|roughly|~|max|maximum|tops|long|total|in|a|an|the|for|on|of|de|en|un|una|une|um|uma|ein|eine|vertical|horizontal|short|video|vídeo|vidéo|clip|tik\s?tok|instagram|insta|ig|reels?|youtube|yt|shorts?|facebook|fb|9:16|16:9|1:1|4:5|english|spanish|french|german|portuguese|japanese|español|français|deutsch|português|日本語|動画|リール|ショート|で|の|は|約|程度|くらい|ぐらい)$/iu;

/** A clause ends at a sentence mark, a bracket, a slash or a comma or colon followed by a space. */
function isClauseBreak(text: string, i: number): boolean {
  const c = text[i]!;
  return /[.;!?()\n。、，：「」（）|/]/u.test(c) || ((c === "," || c === ":") && (i + 1 >= text.length || /\s/.test(text[i + 1]!)));
}

/** The clause around text[start, end), without it. */
function clauseAround(text: string, start: number, end: number): string {
  let a = start;
  while (a > 0 && !isClauseBreak(text, a - 1)) a--;
  let b = end;
  while (b < text.length && !isClauseBreak(text, b)) b++;
  return `${text.slice(a, start)} ${text.slice(end, b)}`;
}

function isSettingsClause(rest: string): boolean {
  const ws = rest.trim().split(/\s+|(?<=[\u3040-\u9fff])(?=[^\u3040-\u9fff])|(?<=[^\u3040-\u9fff])(?=[\u3040-\u9fff])/u).filter(Boolean);
  return ws.every((w) => SETTINGS_CLAUSE_WORD.test(w) || /^[\s\-–—]+$/.test(w));
}

/** Infers the target duration in seconds from the brief's video-length phrase, or undefined when it has none. */
export function inferDuration(brief: string): { seconds: number; raw: string } | undefined {
  let best: { seconds: number; index: number } | undefined;
  const consider = (seconds: number, index: number, end: number) => {
    if (best && best.index <= index) return;
    const before = brief.slice(Math.max(0, index - 40), index);
    const after = brief.slice(end, end + 40);
    if (VIDEO_AFTER.test(after) || VIDEO_BEFORE.test(before) || LABEL_BEFORE.test(before) || isSettingsClause(clauseAround(brief, index, end))) best = { seconds, index };
  };
  for (const m of brief.matchAll(UNIT_LENGTH)) {
    const unit = (m[2] ?? m[3] ?? "").toLowerCase();
    const raw = (m[1] ?? "0").toLowerCase();
    const word = NUMBER_WORDS[raw.replace(/\s+/, " ")];
    const isMin = /^(m|分)/.test(unit);
    // "a second video" is another video; a number word of seconds needs its hyphen or "second(s)".
    if (word === 1 && !isMin) continue;
    if (word !== undefined && unit === "s") continue;
    const n = word ?? Number(raw.replace(",", "."));
    if (!isMin && n >= 100 && unit === "s") continue;
    const index = m.index ?? 0;
    consider(Math.round(isMin ? n * 60 : n), index, index + m[0].length);
  }
  for (const m of brief.matchAll(HALF_MINUTE)) {
    const index = m.index ?? 0;
    consider(30, index, index + m[0].length);
  }
  if (!best) return undefined;
  return { seconds: best.seconds, raw: brief.slice(best.index, best.index + 16).trim() };
}

export interface UrlInfo {
  valid: string[];
  warnings: string[];
  platform?: Platform;
}

function platformOfUrl(u: URL): Platform | undefined {
  const host = u.hostname.toLowerCase().replace(/^(www|m|mobile|vm|vt)\./, "");
  const path = u.pathname.toLowerCase();
  if (host.endsWith("tiktok.com")) return "tiktok";
  if (host === "youtu.be") return "youtube";
  if (host.endsWith("youtube.com")) return path.startsWith("/shorts") ? "youtube_shorts" : "youtube";
  if (host.endsWith("instagram.com") || host === "instagr.am") return "instagram_reels";
  if (host === "fb.watch" || host.endsWith("facebook.com") || host === "fb.com") return "facebook_reels";
  return undefined;
}

/** Cleans the reference URLs: malformed and duplicate entries are dropped with a warning. */
export function processUrls(raw: readonly unknown[]): UrlInfo {
  const warnings: string[] = [];
  const valid: string[] = [];
  const seen = new Set<string>();
  const votes = new Map<Platform, number>();
  let first: Platform | undefined;
  raw.forEach((entry, i) => {
    if (typeof entry !== "string") {
      warnings.push(`reference_urls[${i}] is not a string and was ignored.`);
      return;
    }
    const s = entry.trim();
    let u: URL | undefined;
    try {
      const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(s) ? s : /^[\w-]+(\.[\w-]+)+(\/|$)/.test(s) ? `https://${s}` : "";
      if (withScheme) u = new URL(withScheme);
    } catch {
      u = undefined;
    }
    if (!u || !/^https?:$/.test(u.protocol) || !u.hostname.includes(".") || /\s/.test(s)) {
      warnings.push(`reference_urls[${i}] is not a valid http(s) URL and was ignored: ${JSON.stringify(s.slice(0, 80))}.`);
      return;
    }
    for (const k of [...u.searchParams.keys()]) if (/^(utm_|fbclid|gclid|si$|igsh|feature$)/i.test(k)) u.searchParams.delete(k);
    u.hash = "";
    const key = `${u.hostname.toLowerCase().replace(/^www\./, "")}${u.pathname.replace(/\/$/, "")}${u.search}`;
    if (seen.has(key)) {
      warnings.push(`reference_urls[${i}] duplicates an earlier URL and was ignored.`);
      return;
    }
    if (valid.length >= 10) {
      warnings.push(`reference_urls[${i}] is beyond the 10-URL limit and was ignored.`);
      return;
    }
    seen.add(key);
    valid.push(u.toString());
    const p = platformOfUrl(u);
    if (p) {
      votes.set(p, (votes.get(p) ?? 0) + 1);
      first ??= p;
    }
  });
  let platform: Platform | undefined;
  let top = 0;
  for (const [p, n] of votes) {
    if (n > top || (n === top && p === first)) {
      platform = p;
      top = n;
    }
  }
  return { valid, warnings, platform };
}

const BRIEF_PLATFORMS: [RegExp, Platform][] = [
  [/\b(?:youtube|yt)\s*shorts?\b|\bshorts\b/i, "youtube_shorts"],
  [/\bfacebook\s+reels?\b|\bfb\s+reels?\b/i, "facebook_reels"],
  [/\btik\s?tok\b/i, "tiktok"],
  [/\binstagram\b|\binsta\b|\big\s+reels?\b|\breels?\b/i, "instagram_reels"],
  [/\bfacebook\b|\bfb\b/i, "facebook_reels"],
  [/\byoutube\b/i, "youtube"],
];

/** The platform named first in the brief, if any. */
export function platformFromBrief(brief: string): Platform | undefined {
  let best: { p: Platform; i: number } | undefined;
  for (const [re, p] of BRIEF_PLATFORMS) {
    const m = re.exec(brief);
    if (m && (!best || m.index < best.i)) best = { p, i: m.index };
  }
  return best?.p;
}
