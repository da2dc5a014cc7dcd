// Renders real PDFs and reads them back with poppler (pdfinfo, pdftotext): the pages the layout
// promises, the text in every language, and an uploaded picture embedded as an image.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import type { ExportInput, PdfOptions } from "../document";
import { testScenes } from "../test-scenes";
import { renderPdf } from "./storyboard-pdf";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "storyboard-pdf-"));
function read(pdf: Buffer, name: string) {
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  const text = execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  return { file, info, pages, text };
}

const input = (n: number, over: Partial<ExportInput> = {}): ExportInput => ({
  project_title: "Cold brew launch",
  storyboard: { title: "Morning coffee, sans file d'attente", aspect_ratio: "9:16", platform: "tiktok", total_duration: 3 + 5 * (n - 1) },
  scenes: testScenes(n),
  date: new Date("2026-11-30T12:00:00Z"),
  ...over,
});
const options = (over: Partial<PdfOptions> = {}): PdfOptions => ({ layout: 2, orientation: "portrait", paper: "a4", fields: ["visual", "voiceover", "overlay", "camera", "tasks"], ...over });

describe("storyboard PDF", () => {
  it("has a cover and the scenes two to a page, with text in every language and page numbers", async () => {
    const pdf = read(await renderPdf(input(7), options()), "two");
    expect(pdf.pages).toBe(1 + 4);
    for (const s of ["Cold brew launch", "Morning coffee, sans file d'attente", "TikTok", "9:16", "0:33 (33 s)", "2026-11-30", "Scene 7", "Page 5 of 5"]) expect(pdf.text).toContain(s);
    for (const s of ["Café crème", "Größe straße, ação", "今日は東京で撮影します", "朝のコーヒーを", "VOICE-OVER", "TASKS", "Script written"]) expect(pdf.text).toContain(s);
    expect(pdf.info).toMatch(/Title:\s+Morning coffee/);
    const fonts = execFileSync("pdffonts", [pdf.file], { encoding: "utf8" });
    expect(fonts).toMatch(/NotoSansJP/);
    expect(fonts).not.toMatch(/Helvetica/);
  });

  it.each([
    [1, "portrait", 1 + 7],
    [3, "portrait", 1 + 3],
    [6, "portrait", 1 + 2],
    [2, "landscape", 1 + 4],
    [3, "landscape", 1 + 3],
    [6, "landscape", 1 + 2],
  ] as const)("lays out %i frames per page in %s", async (layout, orientation, pages) => {
    const pdf = read(await renderPdf(input(7), options({ layout, orientation })), `l${layout}${orientation}`);
    expect(pdf.pages).toBe(pages);
    const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(pdf.info)!;
    expect(Number(size[1]) > Number(size[2])).toBe(orientation === "landscape");
  });

  it("prints only the fields asked for, on letter paper", async () => {
    const pdf = read(await renderPdf(input(3), options({ fields: ["overlay"], paper: "letter" })), "fields");
    expect(pdf.text).toContain("ON SCREEN");
    expect(pdf.text).not.toContain("VOICE-OVER");
    expect(pdf.text).not.toContain("TASKS");
    expect(pdf.info).toMatch(/Page size:\s+612 x 792/);
  });

  it("embeds an uploaded picture in place of the sketch", async () => {
    const png = await sharp({ create: { width: 90, height: 160, channels: 3, background: "#ff8800" } }).png().toBuffer();
    const scenes = testScenes(2);
    const pdf = read(await renderPdf(input(2, { scenes, images: new Map([[scenes[1]!.id, { content_type: "image/png" as const, data: png }]]) }), options()), "image");
    const images = execFileSync("pdfimages", ["-list", pdf.file], { encoding: "utf8" });
    expect(images.split("\n").filter((l) => /^\s*\d+\s+\d+\s+image/.test(l)).length).toBeGreaterThanOrEqual(1);
  });
});
