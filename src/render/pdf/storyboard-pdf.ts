// The storyboard as a PDF to hand to a crew: a cover (project, title, platform, aspect ratio,
// runtime, scene count, date, the first frames), then the scenes in a grid of 1, 2, 3 or 6 per
// page, portrait or landscape, each with its number, type, timecode and duration, its frame (the
// uploaded picture or the sketch) and the chosen fields; the project's name and page numbers in
// every footer. pdfkit: a maintained, dependency-light PDF writer for Node that draws vectors,
// embeds and subsets TrueType fonts and streams the file (see docs/exports.md).
import PDFDocument from "pdfkit";
import { TASK_TYPES, type PdfField } from "../../domain/constants";
import type { SceneWithTasks } from "../../domain/types";
import { describeCamera, parseCamera } from "../frame/camera";
import { sketchFrame, FRAME_SIZE } from "../frame/sketch";
import { PLATFORM_NAMES, sceneStarts, TASK_NAMES, timecode, type ExportInput, type PdfOptions } from "../document";
import { drawSketch } from "./draw-sketch";
import { FONT, fontData } from "./fonts";

type Doc = PDFKit.PDFDocument;

const PAPER = { a4: [595.28, 841.89], letter: [612, 792] } as const;
const MARGIN = 36;
const FOOTER = 22;
const GAP = 14;
const INK = "#111827";
const MUTED = "#6b7280";
const LINE = "#d1d5db";

/** Columns × rows of the grid for a layout and orientation. */
const GRID: Record<PdfOptions["orientation"], Record<PdfOptions["layout"], [number, number]>> = {
  portrait: { 1: [1, 1], 2: [1, 2], 3: [1, 3], 6: [2, 3] },
  landscape: { 1: [1, 1], 2: [2, 1], 3: [3, 1], 6: [3, 2] },
};

const FIELD_LABEL: Record<Exclude<PdfField, "tasks">, string> = { visual: "Visual", voiceover: "Voice-over", overlay: "On screen", camera: "Camera" };

const runtime = (sec: number) => `${timecode(sec)} (${sec} s)`;

export function renderPdf(input: ExportInput, options: PdfOptions): Promise<Buffer> {
  const [pw, ph] = options.orientation === "portrait" ? PAPER[options.paper] : [PAPER[options.paper][1], PAPER[options.paper][0]];
  const doc = new PDFDocument({
    size: [pw, ph],
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    autoFirstPage: true,
    info: { Title: input.storyboard.title, Subject: `Storyboard for ${input.project_title}`, Creator: "StoryboardAI", Producer: "StoryboardAI (pdfkit)" },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const fonts = fontData();
  doc.registerFont(FONT.regular, fonts.regular);
  doc.registerFont(FONT.bold, fonts.bold);

  const starts = sceneStarts(input.scenes);
  cover(doc, input, pw, ph);
  const [cols, rows] = GRID[options.orientation][options.layout];
  const perPage = cols * rows;
  const cellW = (pw - 2 * MARGIN - (cols - 1) * GAP) / cols;
  const cellH = (ph - 2 * MARGIN - FOOTER - (rows - 1) * GAP) / rows;
  input.scenes.forEach((scene, i) => {
    if (i % perPage === 0) doc.addPage();
    const k = i % perPage;
    const x = MARGIN + (k % cols) * (cellW + GAP);
    const y = MARGIN + Math.floor(k / cols) * (cellH + GAP);
    sceneCell(doc, input, scene, starts[i]!, { x, y, w: cellW, h: cellH }, options.fields);
  });

  // Footers last, when the page count is known. The bottom margin is lifted while writing them,
  // or pdfkit would start a new page for text below it.
  const range = doc.bufferedPageRange();
  for (let p = range.start; p < range.start + range.count; p++) {
    doc.switchToPage(p);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const fy = ph - MARGIN - FOOTER + 8;
    doc.moveTo(MARGIN, fy - 5).lineTo(pw - MARGIN, fy - 5).lineWidth(0.5).stroke(LINE);
    doc.font(FONT.regular).fontSize(8).fillColor(MUTED);
    doc.text(`${input.project_title} · ${input.storyboard.title}`, MARGIN, fy, { width: pw - 2 * MARGIN - 80, lineBreak: false, ellipsis: true });
    doc.text(`Page ${p - range.start + 1} of ${range.count}`, pw - MARGIN - 80, fy, { width: 80, align: "right", lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

function cover(doc: Doc, input: ExportInput, pw: number, ph: number) {
  const w = pw - 2 * MARGIN;
  let y = MARGIN + 20;
  doc.font(FONT.regular).fontSize(11).fillColor(MUTED).text(input.project_title, MARGIN, y, { width: w });
  y = doc.y + 6;
  doc.font(FONT.bold).fontSize(24).fillColor(INK).text(input.storyboard.title, MARGIN, y, { width: w, height: 120, ellipsis: true });
  y = doc.y + 18;
  const facts: Array<[string, string]> = [
    ["Platform", input.storyboard.platform ? PLATFORM_NAMES[input.storyboard.platform] : "Not set"],
    ["Aspect ratio", input.storyboard.aspect_ratio],
    ["Runtime", runtime(input.storyboard.total_duration)],
    ["Scenes", String(input.scenes.length)],
    ["Date", input.date.toISOString().slice(0, 10)],
  ];
  for (const [k, v] of facts) {
    doc.font(FONT.regular).fontSize(10).fillColor(MUTED).text(k, MARGIN, y, { width: 110, lineBreak: false });
    doc.font(FONT.bold).fontSize(11).fillColor(INK).text(v, MARGIN + 110, y - 1, { width: w - 110, lineBreak: false });
    y += 20;
  }
  // The first frames as a contact strip.
  const shown = input.scenes.slice(0, 6);
  if (shown.length === 0) return;
  y += 16;
  const { width: fw, height: fh } = FRAME_SIZE[input.storyboard.aspect_ratio];
  const per = Math.min(6, shown.length);
  const gap = 8;
  let tw = (w - (per - 1) * gap) / per;
  const maxH = ph - y - MARGIN - FOOTER - 30;
  if ((tw * fh) / fw > maxH) tw = (maxH * fw) / fh;
  shown.forEach((s, i) => {
    const x = MARGIN + i * (tw + gap);
    frame(doc, input, s, x, y, tw);
    doc.font(FONT.regular).fontSize(8).fillColor(MUTED).text(`Scene ${s.scene_number}`, x, y + (tw * fh) / fw + 4, { width: tw, align: "center", lineBreak: false });
  });
}

/** The uploaded picture (cropped to fill, like the video would) or the sketch; returns its height. */
function frame(doc: Doc, input: ExportInput, scene: SceneWithTasks, x: number, y: number, w: number): number {
  const { width: fw, height: fh } = FRAME_SIZE[input.storyboard.aspect_ratio];
  const h = (w * fh) / fw;
  const image = input.images?.get(scene.id);
  if (image) {
    doc.save();
    doc.rect(x, y, w, h).clip();
    doc.image(Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength), x, y, { cover: [w, h], align: "center", valign: "center" });
    doc.restore();
    doc.rect(x, y, w, h).lineWidth(0.8).stroke("#334155");
  } else {
    const sketch = sketchFrame({ ...scene, aspect_ratio: input.storyboard.aspect_ratio, platform: input.storyboard.platform });
    drawSketch(doc, sketch, x, y, w);
  }
  return h;
}

function sceneCell(doc: Doc, input: ExportInput, scene: SceneWithTasks, start: number, box: { x: number; y: number; w: number; h: number }, fields: readonly PdfField[]) {
  const { width: fw, height: fh } = FRAME_SIZE[input.storyboard.aspect_ratio];
  doc.roundedRect(box.x, box.y, box.w, box.h, 6).lineWidth(0.6).stroke(LINE);
  const pad = 10;
  const inner = { x: box.x + pad, y: box.y + pad, w: box.w - 2 * pad, h: box.h - 2 * pad };
  const type = scene.scene_type === "cta" ? "CTA" : scene.scene_type.toUpperCase();
  doc.font(FONT.bold).fontSize(11).fillColor(INK).text(`Scene ${scene.scene_number}`, inner.x, inner.y, { continued: true, lineBreak: false });
  doc.font(FONT.regular).fontSize(9).fillColor(MUTED).text(`   ${type} · ${timecode(start)}–${timecode(start + scene.duration)} · ${scene.duration} s`, { lineBreak: false });
  const top = inner.y + 20;
  const avail = inner.h - 20;
  // The frame beside the text or above it, whichever draws it larger (a vertical frame usually
  // goes beside, a wide one above); alone in the cell when no field is printed.
  const besideW = Math.min((avail * fw) / fh, inner.w * 0.5);
  const aboveW = Math.min(inner.w, (avail * 0.58 * fw) / fh);
  const side = fields.length > 0 && besideW >= aboveW;
  const fwid = fields.length === 0 ? Math.min(inner.w, (avail * fw) / fh) : side ? besideW : aboveW;
  const fx = side ? inner.x : inner.x + (inner.w - fwid) / 2;
  const fh2 = frame(doc, input, scene, fx, top, fwid);
  const text = side ? { x: inner.x + fwid + 12, y: top, w: inner.w - fwid - 12, h: avail } : { x: inner.x, y: top + fh2 + 8, w: inner.w, h: avail - fh2 - 8 };
  fieldsText(doc, scene, fields, text);
}

function fieldsText(doc: Doc, scene: SceneWithTasks, fields: readonly PdfField[], box: { x: number; y: number; w: number; h: number }) {
  let y = box.y;
  const bottom = box.y + box.h;
  const size = box.h < 120 ? 8 : 9;
  for (const f of fields) {
    if (bottom - y < size * 2.4) break;
    if (f === "tasks") {
      doc.font(FONT.bold).fontSize(size - 1).fillColor(MUTED).text("TASKS", box.x, y, { width: box.w, lineBreak: false });
      y += size + 3;
      // Two columns when "Audio recorded" fits in half the width, else one.
      const cols = box.w / 2 >= size * 9 ? 2 : 1;
      const colW = box.w / cols;
      TASK_TYPES.forEach((t, i) => {
        const done = scene.tasks.find((x) => x.task_type === t)?.completed ?? false;
        const tx = box.x + (i % cols) * colW;
        const ty = y + Math.floor(i / cols) * (size + 5);
        if (ty + size > bottom) return;
        doc.rect(tx, ty + 1, size - 1, size - 1).lineWidth(0.7).stroke(INK);
        if (done) doc.moveTo(tx + 1.5, ty + size / 2).lineTo(tx + size / 2 - 0.5, ty + size - 1.5).lineTo(tx + size - 2, ty + 2).lineWidth(1.2).stroke(INK);
        doc.font(FONT.regular).fontSize(size).fillColor(INK).text(TASK_NAMES[t], tx + size + 4, ty, { width: colW - size - 6, lineBreak: false, ellipsis: true });
      });
      y += (TASK_TYPES.length / cols) * (size + 5) + 4;
      continue;
    }
    const value =
      f === "visual" ? scene.visual_description : f === "voiceover" ? scene.script : f === "overlay" ? scene.text_overlay : scene.camera_angle ? `${scene.camera_angle} (${describeCamera(parseCamera(scene.camera_angle))})` : null;
    if (!value) continue;
    doc.font(FONT.bold).fontSize(size - 1).fillColor(MUTED).text(FIELD_LABEL[f].toUpperCase(), box.x, y, { width: box.w, lineBreak: false });
    y += size + 2;
    doc.font(FONT.regular).fontSize(size).fillColor(INK).text(value, box.x, y, { width: box.w, height: Math.max(size * 1.3, bottom - y), ellipsis: true });
    y = doc.y + 5;
  }
}
