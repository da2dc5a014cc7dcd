// What every export is made from: the storyboard as its owner or a share link sees it, the project's
// name, the scenes' images, and the options a creator picks for the PDF.
import type { AspectRatio, PdfField, PdfLayout, Platform, SceneImageType, TaskType } from "../domain/constants";
import type { SceneWithTasks } from "../domain/types";

export interface ExportInput {
  project_title: string;
  storyboard: { title: string; aspect_ratio: AspectRatio; platform: Platform | null; total_duration: number };
  scenes: SceneWithTasks[];
  /** Uploaded pictures by scene id (PNG or JPEG bytes); scenes without one get their sketch. */
  images?: ReadonlyMap<number, { content_type: SceneImageType; data: Uint8Array }>;
  /** The export's date, printed on the cover. */
  date: Date;
}

export interface PdfOptions {
  /** Frames per page. */
  layout: PdfLayout;
  orientation: "portrait" | "landscape";
  paper: "a4" | "letter";
  fields: readonly PdfField[];
}

export const TASK_NAMES: Record<TaskType, string> = {
  script_written: "Script written",
  scene_filmed: "Scene filmed",
  audio_recorded: "Audio recorded",
  edited: "Edited",
};

export const PLATFORM_NAMES: Record<Platform, string> = {
  tiktok: "TikTok",
  youtube_shorts: "YouTube Shorts",
  instagram_reels: "Instagram Reels",
  facebook_reels: "Facebook Reels",
  youtube: "YouTube",
  generic: "Any platform",
};

/** Each scene's start in seconds (scenes run back to back from 0). */
export function sceneStarts(scenes: ReadonlyArray<{ duration: number }>): number[] {
  let t = 0;
  return scenes.map((s) => {
    const start = t;
    t += s.duration;
    return start;
  });
}

/** m:ss, as the storyboard page shows it. */
export function timecode(sec: number): string {
  return `${Math.floor(sec / 60)}:${String(sec % 60).padStart(2, "0")}`;
}

/** A file name from a title: ASCII letters, digits and dashes (the full title goes in filename*). */
export function fileSlug(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug || "storyboard";
}
