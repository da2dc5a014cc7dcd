// Writes a frame sketch as an SVG document: scalable (viewBox), labelled for screen readers, with
// presentation attributes only (no scripts, no styles, no external references).
import { fmt, type Shape } from "./shapes";
import type { Sketch } from "./sketch";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function style(s: { fill?: string; stroke?: string; width?: number; opacity?: number; dash?: readonly number[] }): string {
  const a = [`fill="${s.fill ?? "none"}"`];
  if (s.stroke) a.push(`stroke="${s.stroke}"`, `stroke-width="${fmt(s.width ?? 1)}"`, `stroke-linecap="round"`, `stroke-linejoin="round"`);
  if (s.opacity !== undefined && s.opacity < 1) a.push(`opacity="${s.opacity}"`);
  if (s.dash) a.push(`stroke-dasharray="${s.dash.map(fmt).join(" ")}"`);
  return a.join(" ");
}

function shape(s: Shape): string {
  switch (s.kind) {
    case "rect":
      return `<rect x="${fmt(s.x)}" y="${fmt(s.y)}" width="${fmt(s.w)}" height="${fmt(s.h)}"${s.r ? ` rx="${fmt(s.r)}"` : ""} ${style(s)}/>`;
    case "ellipse":
      return `<ellipse cx="${fmt(s.cx)}" cy="${fmt(s.cy)}" rx="${fmt(s.rx)}" ry="${fmt(s.ry)}" ${style(s)}/>`;
    case "path":
      return `<path d="${s.d}" ${style(s)}/>`;
    case "text":
      return `<text x="${fmt(s.x)}" y="${fmt(s.y)}" font-size="${fmt(s.size)}" font-weight="${s.bold ? 700 : 400}" fill="${s.color}" text-anchor="${s.anchor}"${s.opacity !== undefined ? ` opacity="${s.opacity}"` : ""} font-family="system-ui, -apple-system, 'Segoe UI', 'Noto Sans JP', 'Hiragino Sans', sans-serif">${esc(s.text)}</text>`;
    case "group":
      return `<g${s.rotate ? ` transform="rotate(${s.rotate.deg} ${fmt(s.rotate.cx)} ${fmt(s.rotate.cy)})"` : ""}>${s.children.map(shape).join("")}</g>`;
  }
}

export function sketchToSvg(sketch: Sketch, opts: { label?: string } = {}): string {
  const label = opts.label ?? `Frame sketch: ${sketch.title}`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${sketch.width} ${sketch.height}" role="img" aria-label="${esc(label)}" preserveAspectRatio="xMidYMid meet">` +
    `<title>${esc(label)}</title>${sketch.shapes.map(shape).join("")}</svg>`
  );
}
