// Draws a frame sketch on a PDF page with pdfkit's vector operations: the same shapes the SVG
// writer writes, so the printed frame is the one on the screen.
import type { Shape, Style } from "../frame/shapes";
import type { Sketch } from "../frame/sketch";
import { FONT } from "./fonts";

type Doc = PDFKit.PDFDocument;

function paint(doc: Doc, s: Style) {
  const opacity = s.opacity ?? 1;
  doc.lineWidth(s.width ?? 1).lineCap("round").lineJoin("round");
  if (s.dash) doc.dash(s.dash[0] ?? 2, { space: s.dash[1] ?? 2 });
  if (s.fill && s.stroke) doc.fillOpacity(opacity).strokeOpacity(opacity).fillAndStroke(s.fill, s.stroke);
  else if (s.fill) doc.fillOpacity(opacity).fill(s.fill);
  else if (s.stroke) doc.strokeOpacity(opacity).stroke(s.stroke);
  if (s.dash) doc.undash();
  doc.fillOpacity(1).strokeOpacity(1);
}

function draw(doc: Doc, s: Shape) {
  switch (s.kind) {
    case "rect":
      if (s.r) doc.roundedRect(s.x, s.y, s.w, s.h, s.r);
      else doc.rect(s.x, s.y, s.w, s.h);
      return paint(doc, s);
    case "ellipse":
      doc.ellipse(s.cx, s.cy, s.rx, s.ry);
      return paint(doc, s);
    case "path":
      doc.path(s.d);
      return paint(doc, s);
    case "text": {
      const span = 2000;
      const x = s.anchor === "middle" ? s.x - span / 2 : s.anchor === "end" ? s.x - span : s.x;
      doc
        .font(s.bold ? FONT.bold : FONT.regular)
        .fontSize(s.size)
        .fillColor(s.color, s.opacity ?? 1)
        .text(s.text, x, s.y, { width: span, align: s.anchor === "middle" ? "center" : s.anchor === "end" ? "right" : "left", lineBreak: false, baseline: "alphabetic" });
      doc.fillOpacity(1);
      return;
    }
    case "group":
      doc.save();
      if (s.rotate) doc.rotate(s.rotate.deg, { origin: [s.rotate.cx, s.rotate.cy] });
      for (const c of s.children) draw(doc, c);
      doc.restore();
      return;
  }
}

/** Draws the sketch scaled into the box at (x, y), width w (the height follows the aspect ratio). */
export function drawSketch(doc: Doc, sketch: Sketch, x: number, y: number, w: number) {
  const scale = w / sketch.width;
  doc.save();
  doc.translate(x, y).scale(scale);
  doc.rect(0, 0, sketch.width, sketch.height).clip();
  for (const s of sketch.shapes) draw(doc, s);
  doc.restore();
}
