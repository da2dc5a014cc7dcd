// Where each platform's interface covers a video, as fractions of the frame (0..1 from the top
// left). The figures are the platforms' published creative guidance where there is one (sources
// in docs/frames.md); they vary a little by device and app version, so they are drawn as a faint
// guide, and the overlay text is always placed clear of them.
import type { AspectRatio, Platform } from "../../domain/constants";

export interface Zone {
  x: number;
  y: number;
  w: number;
  h: number;
  /** What covers it ("buttons", "caption"). */
  label: string;
}

export interface SafeZones {
  /** Whose interface the zones describe. */
  source: string;
  zones: Zone[];
  /** The area clear of every zone: where on-screen text goes. */
  safe: { x: number; y: number; w: number; h: number };
}

const VERTICAL: Partial<Record<Platform, { source: string; top: number; bottom: number; left: number; right: number; labels: [string, string, string] }>> = {
  // TikTok creative guidance on 1080×1920: keep 150 px at the top, 440 px at the bottom and 150 px on the right clear.
  tiktok: { source: "TikTok", top: 150 / 1920, bottom: 440 / 1920, left: 0, right: 150 / 1080, labels: ["tabs", "caption · sound · CTA", "buttons"] },
  // Meta's Reels guidance (Instagram and Facebook): 14% top, 35% bottom, 6% on each side.
  instagram_reels: { source: "Instagram Reels", top: 0.14, bottom: 0.35, left: 0.06, right: 0.06, labels: ["header", "caption · CTA", "buttons"] },
  facebook_reels: { source: "Facebook Reels", top: 0.14, bottom: 0.35, left: 0.06, right: 0.06, labels: ["header", "caption · CTA", "buttons"] },
  // YouTube Shorts: title, channel and subscribe button over the bottom quarter, the action column on the right.
  youtube_shorts: { source: "YouTube Shorts", top: 0.07, bottom: 0.25, left: 0, right: 0.14, labels: ["search · menu", "title · channel · subscribe", "buttons"] },
};

/** EBU R 95 graphics-safe area: 5% in from every edge (the fallback for any frame). */
const GRAPHICS_SAFE = 0.05;

export function safeZones(platform: Platform | null | undefined, aspect: AspectRatio): SafeZones {
  const v = platform ? VERTICAL[platform] : undefined;
  if (v && aspect === "9:16") {
    const zones: Zone[] = [
      { x: 0, y: 0, w: 1, h: v.top, label: v.labels[0] },
      { x: 0, y: 1 - v.bottom, w: 1, h: v.bottom, label: v.labels[1] },
      { x: 1 - v.right, y: v.top, w: v.right, h: 1 - v.top - v.bottom, label: v.labels[2] },
    ];
    if (v.left > 0) zones.push({ x: 0, y: v.top, w: v.left, h: 1 - v.top - v.bottom, label: "" });
    const left = Math.max(v.left, GRAPHICS_SAFE);
    const right = Math.max(v.right, GRAPHICS_SAFE);
    return { source: v.source, zones, safe: { x: left, y: v.top, w: 1 - left - right, h: 1 - v.top - v.bottom } };
  }
  if (platform === "youtube" && aspect === "16:9") {
    // The player's progress bar and controls over the bottom ~12% while paused or hovered.
    const bottom = 0.12;
    return {
      source: "YouTube player",
      zones: [{ x: 0, y: 1 - bottom, w: 1, h: bottom, label: "player controls" }],
      safe: { x: GRAPHICS_SAFE, y: GRAPHICS_SAFE, w: 1 - 2 * GRAPHICS_SAFE, h: 1 - GRAPHICS_SAFE - bottom },
    };
  }
  return {
    source: "graphics-safe area (EBU R 95)",
    zones: [],
    safe: { x: GRAPHICS_SAFE, y: GRAPHICS_SAFE, w: 1 - 2 * GRAPHICS_SAFE, h: 1 - 2 * GRAPHICS_SAFE },
  };
}
