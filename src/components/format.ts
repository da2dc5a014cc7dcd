// Small formatters shared by server and client components.

/** 75 → "1:15": timecodes as editors write them. */
export function timecode(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** 75 → "1 min 15 s", 40 → "40 s". */
export function durationText(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  if (s < 60) return `${s} s`;
  const rest = s % 60;
  return rest ? `${Math.floor(s / 60)} min ${rest} s` : `${Math.floor(s / 60)} min`;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const percent = (done: number, total: number) => (total > 0 ? Math.round((done / total) * 100) : 0);

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "3 minutes ago", "yesterday", "just now": for dates rendered on the server at request time. */
export function relativeTime(iso: string, now = Date.now()): string {
  const seconds = (new Date(iso).getTime() - now) / 1000;
  if (!Number.isFinite(seconds)) return "";
  if (Math.abs(seconds) < 45) return "just now";
  const rtf = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return rtf.format(Math.round(seconds / size), unit);
  }
  return rtf.format(Math.round(seconds / 60), "minute");
}

export function fullDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";
}

import { PLATFORM_LABELS as LABELS } from "../domain/constants";

/** A platform's name as people write it, looked up by any text (an unknown id finds nothing). */
export const PLATFORM_LABELS: Record<string, string> = LABELS;

/** A storyboard's status as people read it ("completed" would read as "production finished"). */
export const STORYBOARD_STATUS_LABELS: Record<string, string> = { generating: "Generating", completed: "Ready", error: "Failed" };

export const TASK_LABELS: Record<string, string> = {
  script_written: "Script written",
  scene_filmed: "Scene filmed",
  audio_recorded: "Audio recorded",
  edited: "Edited",
};

export const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
