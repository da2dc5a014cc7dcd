// The shared vocabulary of StoryboardAI: every enum of the founding design, used by all layers.

export const PROJECT_STATUSES = ["draft", "active", "completed", "archived"] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const STORYBOARD_STATUSES = ["generating", "completed", "error"] as const;
export type StoryboardStatus = (typeof STORYBOARD_STATUSES)[number];

export const SCENE_TYPES = ["hook", "content", "cta", "transition"] as const;
export type SceneType = (typeof SCENE_TYPES)[number];

export const TASK_TYPES = ["script_written", "scene_filmed", "audio_recorded", "edited"] as const;
export type TaskType = (typeof TASK_TYPES)[number];

/** Named versions: taken on demand ("manual") or by the app before a regenerate or a restore ("auto"). */
export const SNAPSHOT_KINDS = ["manual", "auto"] as const;
export type SnapshotKind = (typeof SNAPSHOT_KINDS)[number];

export const PLATFORMS = ["tiktok", "youtube_shorts", "instagram_reels", "facebook_reels", "youtube", "generic"] as const;
export type Platform = (typeof PLATFORMS)[number];
export const PLATFORM_LABELS: Record<Platform, string> = {
  tiktok: "TikTok",
  youtube_shorts: "YouTube Shorts",
  instagram_reels: "Instagram Reels",
  facebook_reels: "Facebook Reels",
  youtube: "YouTube",
  generic: "Generic",
};
/**
 * Maximum running time per platform, in seconds, within this tool's 5-180 s range.
 * TikTok accepts 10-minute uploads (600 s) and Instagram Reels, YouTube Shorts 3 minutes
 * (180 s); Facebook Reels are capped at 90 s. Long-form YouTube is limited by the tool's range.
 * A storyboard's scenes may not add up to more (the store refuses an edit that would).
 */
export const PLATFORM_MAX_SECONDS: Record<Platform, number> = {
  tiktok: 180,
  youtube_shorts: 180,
  instagram_reels: 180,
  facebook_reels: 90,
  youtube: 180,
  generic: 180,
};

/** Frame shapes a storyboard is drawn in: vertical for TikTok, Shorts and Reels, 16:9 for YouTube. */
/** A storyboard's review: draft → in review → approved or changes requested (docs/preview.md). */
export const APPROVAL_STATES = ["draft", "in_review", "approved", "changes_requested"] as const;
export type ApprovalState = (typeof APPROVAL_STATES)[number];
/**
 * Where the owner may move a storyboard's approval from: sent for review from a draft; decided
 * (approved or changes requested) while in review; sent back to review or to draft after that.
 */
export const APPROVAL_TRANSITIONS: Record<ApprovalState, readonly ApprovalState[]> = {
  draft: ["in_review"],
  in_review: ["approved", "changes_requested", "draft"],
  approved: ["in_review", "draft"],
  changes_requested: ["in_review", "draft"],
};
/** Review comments: a comment's text, the name a reviewer signs it with, comments per scene (a bound on what a leaked comment link can write). */
export const REVIEW_LIMITS = { commentBody: 2000, commentAuthorName: 80, commentsPerScene: 200 } as const;
/** Who wrote a scene comment: the storyboard's owner, or a reviewer through a share link. */
export const COMMENT_AUTHORS = ["owner", "reviewer"] as const;
export type CommentAuthor = (typeof COMMENT_AUTHORS)[number];

export const ASPECT_RATIOS = ["9:16", "16:9", "1:1", "4:5"] as const;
export type AspectRatio = (typeof ASPECT_RATIOS)[number];
export const DEFAULT_ASPECT_RATIO: AspectRatio = "9:16";

/** What a storyboard exports as, and the PDF's layouts (frames per page) and optional fields. */
export const EXPORT_FORMATS = ["pdf", "csv", "json", "md"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const PDF_LAYOUTS = [1, 2, 3, 6] as const;
export type PdfLayout = (typeof PDF_LAYOUTS)[number];
export const PDF_FIELDS = ["visual", "voiceover", "overlay", "camera", "tasks"] as const;
export type PdfField = (typeof PDF_FIELDS)[number];

/** Image types a scene image is stored as (uploads of PNG, JPEG or WebP are re-encoded to one of these). */
export const SCENE_IMAGE_TYPES = ["image/png", "image/jpeg"] as const;
export type SceneImageType = (typeof SCENE_IMAGE_TYPES)[number];

/** Column limits of the design's DDL, enforced by Zod at the edges and by the database. */
export const LIMITS = {
  email: 255,
  userName: 255,
  projectTitle: 255,
  storyboardTitle: 255,
  brief: 10_000,
  patternSource: 255,
  textOverlay: 500,
  cameraAngle: 100,
  sceneBeat: 60,
  /** One scene's length in whole seconds: a longer shot is split into scenes. */
  sceneSecondsMin: 1,
  sceneSecondsMax: 60,
  /** A scene added without a length. */
  sceneSecondsDefault: 3,
  needsInput: 300,
  referenceUrls: 10,
  /** An uploaded scene image, before re-encoding. */
  sceneImageBytes: 5 * 1024 * 1024,
  /** Active (not revoked) share links per storyboard. */
  shareLinksPerStoryboard: 20,
  /** Scenes in one storyboard, however they got there (generation, import, add, duplicate). */
  scenesPerStoryboard: 200,
  /** A JSON request body, in bytes (the largest real one, a scene at its limits, is ~250 kB). */
  jsonBodyBytes: 1024 * 1024,
  /** Nesting of a JSON request body: our deepest input is 3 levels. */
  jsonDepth: 32,
  /** A form post to Auth.js (sign-in, sign-out), in bytes. */
  authBodyBytes: 16 * 1024,
} as const;
