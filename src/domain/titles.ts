// A storyboard's default title (the creator gave none): readable, and unique within its project.
// Readable: the engine's title (or, before it has one, the brief's first line) cut at a phrase
// boundary rather than mid-word. Unique: " (2)", " (3)" on a clash with another storyboard there.
import { LIMITS } from "./constants";

/** Titles longer than this are cut (a list of storyboards reads well up to about here). */
export const DEFAULT_TITLE_MAX = 80;
const PHRASE_END = /[,;:.!?)\]]\s|\s[-–—(|]\s?|\s\/\s/g;

/** Text as a short title: its first line, cut at the last phrase boundary (else word) that fits. */
export function readableTitle(text: string, max = DEFAULT_TITLE_MAX): string {
  const line = (text.split(/\r?\n/).find((l) => l.trim() !== "") ?? "").replace(/\s+/g, " ").trim();
  if (line.length <= max) return line.replace(/[\s,.;:–—-]+$/u, "");
  const head = line.slice(0, max + 1);
  let cut = -1;
  for (const m of head.matchAll(PHRASE_END)) if (m.index > max / 3 && m.index <= max) cut = m.index + (/^[,;:.!?)\]]/.test(m[0]) ? 1 : 0);
  if (cut > 0) return line.slice(0, cut).replace(/[\s,;:–—-]+$/u, "");
  const space = head.lastIndexOf(" ", max - 1);
  return `${line.slice(0, space > max / 3 ? space : max - 1).replace(/[\s,.;:–—-]+$/u, "")}…`;
}

/** `title`, or `title (2)`, `(3)`… : the first not among `taken` (compared ignoring case). */
export function uniqueTitle(title: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((t) => t.trim().toLowerCase()));
  const base = title.slice(0, LIMITS.storyboardTitle - 6);
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base} (${n})`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}
