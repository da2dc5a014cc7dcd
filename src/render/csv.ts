// The shot list as CSV: one row per scene, RFC 4180 quoting and CRLF line ends, UTF-8 with a byte
// order mark (so spreadsheet programs read accents and Japanese), and no cell a spreadsheet would
// run as a formula.
import { TASK_TYPES } from "../domain/constants";
import { parseCamera } from "./frame/camera";
import { sceneStarts, type ExportInput } from "./document";

export const CSV_COLUMNS = [
  "scene",
  "type",
  "start",
  "end",
  "duration_s",
  "shot_size",
  "angle",
  "movement",
  "camera",
  "visual_description",
  "voice_over",
  "text_overlay",
  ...TASK_TYPES,
] as const;

/** hh:mm:ss: unambiguous in a spreadsheet (m:ss would be read as hours and minutes). */
const hms = (sec: number) => [Math.floor(sec / 3600), Math.floor((sec % 3600) / 60), sec % 60].map((n) => String(n).padStart(2, "0")).join(":");

/**
 * One cell: a value starting with = + - @ (or a tab or carriage return, which some programs skip)
 * gets a leading apostrophe so it stays text (OWASP's advice on CSV injection); then RFC 4180 quoting.
 */
export function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? "" : String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(input: Pick<ExportInput, "scenes">): string {
  const starts = sceneStarts(input.scenes);
  const rows = input.scenes.map((s, i) => {
    const plan = parseCamera(s.camera_angle);
    const done = new Map(s.tasks.map((t) => [t.task_type, t.completed]));
    return [
      s.scene_number,
      s.scene_type,
      hms(starts[i]!),
      hms(starts[i]! + s.duration),
      s.duration,
      plan.size ?? "",
      s.camera_angle ? plan.angle : "",
      s.camera_angle ? plan.move : "",
      s.camera_angle,
      s.visual_description,
      s.script,
      s.text_overlay,
      ...TASK_TYPES.map((t) => (done.get(t) ? "yes" : "no")),
    ];
  });
  return `\ufeff${[CSV_COLUMNS as readonly (string | number | null)[], ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
