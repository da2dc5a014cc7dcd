// Inference of absent options: duration and platform from the brief and reference URLs.
import type { Platform } from "../domain/constants";

export const MIN_DURATION = 5;
export const MAX_DURATION = 180;
export const DEFAULT_DURATION = 30;

// The maximum running time per platform lives with the platforms (the store enforces it too).
export { PLATFORM_MAX_SECONDS } from "../domain/constants";

interface DurationCandidate {
  seconds: number;
  score: number;
  index: number;
}

const UNIT_SECONDS =
  /(?<![\d.,])(\d{1,3}(?:[.,]5)?)\s*(?:-|‐|–)?\s*(?:(seconds?|secs?|sec|s|segundos?|seg|secondes?|secondi|sekunden|sekunde|sek|minutes?|mins?|min|minutos?|minuti|minuten|minute)(?![\p{L}])|(秒|分))/giu;
const A_MINUTE = /\b(?:a|one|un|une|uno|eine|um)\s+(?:minute|minuto|minuten?|min)\b|\bhalf a minute\b|\bmedio minuto\b|\bune demi-minute\b|\beine halbe minute\b|\bmeio minuto\b/gi;

/** Infers the target duration in seconds from the brief, or undefined when it says nothing. */
export function inferDuration(brief: string): { seconds: number; raw: string } | undefined {
  const cands: DurationCandidate[] = [];
  const lower = brief.toLowerCase();
  for (const m of brief.matchAll(UNIT_SECONDS)) {
    const idx = m.index ?? 0;
    const before = lower.slice(Math.max(0, idx - 24), idx);
    const after = lower.slice(idx + m[0].length, idx + m[0].length + 30);
    const unit = (m[2] ?? m[3] ?? "").toLowerCase();
    const n = Number((m[1] ?? "0").replace(",", "."));
    const isMin = /^(m|分)/.test(unit);
    if (unit === "s" && /\b(in|their|my|your|his|her|our|the|early|late|mid)\s+$/.test(before)) continue; // "in my 30s"
    if (unit === "s" && n >= 100) continue;
    const seconds = Math.round(isMin ? n * 60 : n);
    let score = 0;
    if (/^\s?(?:-|‐|–)/.test(m[0].slice((m[1] ?? "").length)) || /\d(?:-|‐|–)/.test(m[0])) score += 2; // "30-second"
    if (/^\s*(?:long\s+)?(?:[\p{L}-]+\s+)?(video|vídeo|vidéo|tiktok|reels?|shorts?|clip|ad|spot|promo|version|cut|edit|storyboard|anuncio|動画|の動画|リール)/iu.test(after)) score += 2;
    if (/(about|around|roughly|approx\w*|max|maximum|under|~|de|en|durée|länge|duración|duração|length|runtime|duration)\s*[:]?\s*$/i.test(before)) score += 1;
    if (/(ready in|takes|in just|in only|within|every|per|after|for|lasts?|save|saves|spend|up to|only|wastes?|wasted|wasting|lose|loses|losing|lost|waits?|waiting)\s+$/i.test(before)) score -= 3;
    // A length this tool cannot make, with nothing tying it to the video ("the queue wastes
    // 15 minutes"), is about something else in the brief, not the running time.
    if ((seconds > MAX_DURATION || seconds < MIN_DURATION) && score < 2) continue;
    if (idx < 200) score += 1;
    cands.push({ seconds, score, index: idx });
  }
  for (const m of brief.matchAll(A_MINUTE)) {
    const half = /half|medio|demi|halbe|meio/i.test(m[0]);
    cands.push({ seconds: half ? 30 : 60, score: 1 + ((m.index ?? 0) < 200 ? 1 : 0), index: m.index ?? 0 });
  }
  let best: DurationCandidate | undefined;
  for (const c of cands) if (c.score >= 0 && (!best || c.score > best.score)) best = c;
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
