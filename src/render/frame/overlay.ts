// Places a scene's on-screen text in its frame as it would appear: bold white on a dark box,
// wrapped to the area clear of the platform's interface, near the top for a hook, near the bottom
// for a call to action, below the middle otherwise, and shrunk (then cut short) to fit.
import type { SceneType } from "../../domain/constants";
import type { SafeZones } from "./safe-zones";

export interface OverlayLayout {
  x: number;
  y: number;
  w: number;
  h: number;
  pad: number;
  size: number;
  lineHeight: number;
  lines: string[];
}

const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Estimated advance of a character in bold sans serif, in ems (no font metrics needed). */
function advance(ch: string): number {
  // Generous on purpose (bold system fonts run wide): a box a little too large is fine, text
  // spilling out of it is not.
  if (WIDE.test(ch)) return 1.02;
  if (ch === " ") return 0.3;
  if (/[iljtf.,;:!'|]/.test(ch)) return 0.36;
  if (/[mwMW@]/.test(ch)) return 0.98;
  if (/[A-Z0-9#%&]/.test(ch)) return 0.76;
  return 0.64;
}

export const textWidth = (text: string, size: number) => [...text].reduce((a, ch) => a + advance(ch), 0) * size;

/** Words (and single wide characters, which break anywhere) with the space that follows them. */
function tokens(text: string): string[] {
  return text.match(/[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff\uff00-\uffe6][、。，．！？」』）]*|[^\s\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff\uff00-\uffe6]+\s*|\s+/g) ?? [];
}

/** Greedy line breaking to maxWidth; a word wider than a line is broken between characters. */
export function wrap(text: string, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let cur = "";
  const push = () => {
    if (cur.trim()) lines.push(cur.trim());
    cur = "";
  };
  for (const tok of tokens(text.replace(/\s+/g, " ").trim())) {
    if (textWidth((cur + tok).trimEnd(), size) <= maxWidth) {
      cur += tok;
      continue;
    }
    push();
    if (textWidth(tok.trimEnd(), size) <= maxWidth) {
      cur = tok.trimStart();
      continue;
    }
    for (const ch of tok.trimEnd()) {
      if (textWidth(cur + ch, size) > maxWidth) push();
      cur += ch;
    }
    cur += " ";
  }
  push();
  return lines;
}

export function layoutOverlay(text: string | null, type: SceneType, zones: SafeZones, W: number, H: number): OverlayLayout | null {
  const clean = (text ?? "").replace(/\s+/g, " ").trim();
  if (!clean) return null;
  const safe = { x: zones.safe.x * W, y: zones.safe.y * H, w: zones.safe.w * W, h: zones.safe.h * H };
  const unit = Math.min(W, H);
  const maxLines = W < H ? 4 : 3;
  let size = unit * 0.085;
  const min = unit * 0.045;
  let lines: string[] = [];
  for (; ; size *= 0.92) {
    const pad = size * 0.4;
    lines = wrap(clean, size, safe.w - 2 * pad);
    const fits = lines.length <= maxLines && lines.length * size * 1.22 + 2 * pad <= safe.h * 0.6;
    if (fits || size * 0.92 < min) break;
  }
  const pad = size * 0.4;
  if (lines.length > maxLines) {
    lines = lines.slice(0, maxLines);
    let last = lines[maxLines - 1]!;
    while (last && textWidth(`${last}…`, size) > safe.w - 2 * pad) last = [...last].slice(0, -1).join("");
    lines[maxLines - 1] = `${last.trimEnd()}…`;
  }
  const lineHeight = size * 1.22;
  const w = Math.min(safe.w, Math.max(...lines.map((l) => textWidth(l, size))) + 2 * pad);
  const h = Math.min(safe.h, lines.length * lineHeight + 2 * pad);
  const x = safe.x + (safe.w - w) / 2;
  const wanted = type === "hook" ? safe.y + unit * 0.04 : type === "cta" ? safe.y + safe.h - h - unit * 0.04 : safe.y + safe.h * 0.66 - h / 2;
  const y = Math.min(safe.y + safe.h - h, Math.max(safe.y, wanted));
  return { x, y, w, h, pad, size, lineHeight, lines };
}
