// The drawing a frame sketch is made of: a few primitives that both the SVG writer and the PDF
// writer draw the same way (paths use only absolute M, L, Q, C and Z).
export interface Style {
  fill?: string;
  stroke?: string;
  width?: number;
  opacity?: number;
  dash?: readonly number[];
}

export type Shape =
  | ({ kind: "rect"; x: number; y: number; w: number; h: number; r?: number } & Style)
  | ({ kind: "ellipse"; cx: number; cy: number; rx: number; ry: number } & Style)
  | ({ kind: "path"; d: string } & Style)
  | { kind: "text"; x: number; y: number; text: string; size: number; color: string; bold: boolean; anchor: "start" | "middle" | "end"; opacity?: number }
  | { kind: "group"; rotate?: { deg: number; cx: number; cy: number }; children: Shape[] };

const r1 = (n: number) => Math.round(n * 10) / 10;

/** A path from points: "M x y L x y …" (closed with Z when asked). */
export function poly(points: ReadonlyArray<readonly [number, number]>, close = false): string {
  return points.map(([x, y], i) => `${i ? "L" : "M"}${r1(x)} ${r1(y)}`).join(" ") + (close ? " Z" : "");
}

export const fmt = r1;

/** A line or quadratic curve with an arrowhead at its end. */
export function arrow(from: readonly [number, number], to: readonly [number, number], style: Style & { head: number }, via?: readonly [number, number]): Shape[] {
  const [x1, y1] = from;
  const [x2, y2] = to;
  const d = via ? `M${r1(x1)} ${r1(y1)} Q${r1(via[0])} ${r1(via[1])} ${r1(x2)} ${r1(y2)}` : `M${r1(x1)} ${r1(y1)} L${r1(x2)} ${r1(y2)}`;
  // The head points along the curve's last tangent (towards `to` from the control point).
  const [tx, ty] = via ?? from;
  const a = Math.atan2(y2 - ty, x2 - tx);
  const h = style.head;
  const left: [number, number] = [x2 - h * Math.cos(a - 0.45), y2 - h * Math.sin(a - 0.45)];
  const right: [number, number] = [x2 - h * Math.cos(a + 0.45), y2 - h * Math.sin(a + 0.45)];
  return [
    { kind: "path", d, stroke: style.stroke, width: style.width, opacity: style.opacity, dash: style.dash },
    { kind: "path", d: poly([left, [x2, y2], right], true), fill: style.stroke, opacity: style.opacity },
  ];
}
