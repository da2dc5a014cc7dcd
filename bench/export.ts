// Benchmark of the exports: a 60-scene storyboard (12 of them with an uploaded picture) read from a
// fresh SQLite database and written as PDF in each layout, and as CSV. Levels in one run: the raw
// SQL read of the scenes, the store's read (storyboard, scenes, tasks, images), the PDF writer
// alone, and read + write together (what the export route does). Target: a 60-scene PDF in < 3 s.
// Run: npx tsx bench/export.ts [repetitions]   (results: bench/results/export.md)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { openDriver } from "../src/db/client";
import { createFactories, sceneInputs } from "../src/db/seed/factories";
import { HOT_SQL } from "../src/db/store/hot-sql";
import { createStore } from "../src/db/store/store";
import { toCsv } from "../src/render/csv";
import type { ExportInput, PdfOptions } from "../src/render/document";
import { renderPdf } from "../src/render/pdf/storyboard-pdf";
import { PDF_FIELDS } from "../src/domain/constants";
import { median } from "./lib/measure";

const reps = Number(process.argv[2] ?? 10);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "export-bench-"));
const driver = await openDriver({ dialect: "sqlite", file: path.join(dir, "bench.db"), autoMigrate: true });
const store = createStore(driver);
const f = createFactories(store);
const user = await f.user();
const project = await f.project(user.id, { title: "Cold brew launch" });
const sb = await f.storyboard(user.id, project.id, { sceneCount: 60, scenes: sceneInputs(60), aspect_ratio: "9:16", generation_options: { platform: "tiktok" } });
const photo = await sharp({ create: { width: 1080, height: 1920, channels: 3, background: "#c97b3a" } }).jpeg({ quality: 85 }).toBuffer();
for (const s of sb.scenes.filter((_, i) => i % 5 === 0)) await store.setSceneImage(user.id, s.id, { content_type: "image/jpeg", width: 1080, height: 1920, data: photo });

const ms = (t0: number) => performance.now() - t0;
async function time(fn: () => Promise<unknown>): Promise<{ median: number; max: number; first: number }> {
  const xs: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    await fn();
    xs.push(ms(t0));
  }
  return { median: median(xs), max: Math.max(...xs), first: xs[0]! };
}

const load = async (): Promise<ExportInput> => {
  const view = await store.getStoryboard(user.id, sb.id);
  const images = await store.listSceneImages(user.id, sb.id);
  return {
    project_title: project.title,
    storyboard: { title: view.title, aspect_ratio: view.aspect_ratio, platform: "tiktok", total_duration: view.total_duration },
    scenes: view.scenes,
    images: new Map(images.map((i) => [i.scene_id, i])),
    date: new Date(),
  };
};

const rows: string[] = [];
const raw = await time(() => driver.tx("read", user.id, (c) => c.query("storyboard_scenes", HOT_SQL.storyboardScenes, [sb.id])));
rows.push(`| raw SQL: the scenes and tasks (one prepared statement) | ${raw.median.toFixed(2)} | ${raw.max.toFixed(2)} | 1.0× |`);
const read = await time(load);
rows.push(`| store: storyboard, scenes, tasks and 12 images | ${read.median.toFixed(2)} | ${read.max.toFixed(2)} | ${(read.median / raw.median).toFixed(1)}× |`);
const input = await load();
let size = 0;
const cold = performance.now();
await renderPdf(input, { layout: 2, orientation: "portrait", paper: "a4", fields: PDF_FIELDS });
const coldMs = ms(cold);
for (const [layout, orientation] of [[1, "portrait"], [2, "portrait"], [3, "landscape"], [6, "portrait"]] as const) {
  const options: PdfOptions = { layout, orientation, paper: "a4", fields: PDF_FIELDS };
  const t = await time(async () => (size = (await renderPdf(input, options)).byteLength));
  rows.push(`| PDF writer, ${layout} per page ${orientation} (${(size / 1024).toFixed(0)} KB) | ${t.median.toFixed(1)} | ${t.max.toFixed(1)} | ${(t.median / raw.median).toFixed(0)}× |`);
}
const full = await time(async () => renderPdf(await load(), { layout: 2, orientation: "portrait", paper: "a4", fields: PDF_FIELDS }));
rows.push(`| **read + PDF (the export route's work), 2 per page** | **${full.median.toFixed(1)}** | **${full.max.toFixed(1)}** | ${(full.median / raw.median).toFixed(0)}× |`);
const csv = await time(async () => toCsv(input));
rows.push(`| CSV writer | ${csv.median.toFixed(2)} | ${csv.max.toFixed(2)} | ${(csv.median / raw.median).toFixed(1)}× |`);

const report = [
  "# Export benchmark",
  "",
  `60 scenes (12 with a 1080×1920 JPEG), SQLite, ${reps} repetitions per row, ${os.cpus()[0]?.model ?? "CPU"} ×${os.cpus().length}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}, node ${process.version}.`,
  `First PDF of the process (fonts read and parsed): ${coldMs.toFixed(0)} ms.`,
  "",
  "| what | median ms | max ms | vs raw SQL |",
  "|---|--:|--:|--:|",
  ...rows,
  "",
  `Target: a 60-scene export under 3,000 ms: **${full.max < 3000 ? "met" : "missed"}** (slowest run ${full.max.toFixed(0)} ms).`,
  "",
].join("\n");
console.log(report);
fs.mkdirSync(path.join(import.meta.dirname, "results"), { recursive: true });
fs.writeFileSync(path.join(import.meta.dirname, "results", "export.md"), report);
await store.close();
fs.rmSync(dir, { recursive: true, force: true });
