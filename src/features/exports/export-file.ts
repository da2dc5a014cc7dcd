// What an export hands back to a route: the bytes, their type, and a file name (ASCII, with the
// full title for clients that read RFC 6266's filename*). Shared by the owner's and a share
// link's exports; not a use-case itself.
import { fileSlug, type ExportInput } from "../../render/document";
import { toCsv } from "../../render/csv";
import { renderPdf } from "../../render/pdf/storyboard-pdf";
import type { z } from "zod";
import type { exportQuerySchema } from "../../domain/schemas";
import type { SceneImage } from "../../domain/types";

export interface ExportFile {
  body: Uint8Array;
  content_type: string;
  /** ASCII file name, e.g. "cold-brew-launch.pdf". */
  filename: string;
  /** The title as it is, for filename*. */
  title: string;
}

export type ExportOptions = z.output<typeof exportQuerySchema>;

const EXT = { pdf: "pdf", csv: "csv", json: "json", md: "md" } as const;
const TYPE = { pdf: "application/pdf", csv: "text/csv; charset=utf-8; header=present", json: "application/json; charset=utf-8", md: "text/markdown; charset=utf-8" } as const;

export function exportFile(body: string | Uint8Array, format: ExportOptions["format"], title: string): ExportFile {
  return { body: typeof body === "string" ? Buffer.from(body, "utf8") : body, content_type: TYPE[format], filename: `${fileSlug(title)}.${EXT[format]}`, title: `${title}.${EXT[format]}` };
}

export const imageMap = (images: SceneImage[]) => new Map(images.map((i) => [i.scene_id, { content_type: i.content_type, data: i.data }]));

/** The PDF or the CSV shot list of a storyboard. */
export async function renderShotFile(input: ExportInput, options: ExportOptions): Promise<ExportFile> {
  if (options.format === "csv") return exportFile(toCsv(input), "csv", input.storyboard.title);
  const pdf = await renderPdf(input, { layout: options.layout, orientation: options.orientation, paper: options.paper, fields: options.fields });
  return exportFile(pdf, "pdf", input.storyboard.title);
}
