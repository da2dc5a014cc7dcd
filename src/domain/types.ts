// Domain types returned by the store and sent by the API. Field names are the design's column
// names (snake_case) so that the database, the engine, the API and the UI speak one language.
// Timestamps are ISO-8601 strings: they survive JSON, the Redis cache and React serialization.
import type { ApprovalState, AspectRatio, CommentAuthor, Platform, ProjectStatus, SceneImageType, SceneType, StoryboardStatus, TaskType } from "./constants";

import type { SceneDiff, VersionScene } from "./history";

export type { ApprovalState, AspectRatio, CommentAuthor, Platform, ProjectStatus, SceneImageType, SceneType, StoryboardStatus, TaskType };

/** What the creator asked the engine for; absent keys were left to the engine to infer. */
export interface GenerationOptions {
  duration?: number;
  platform?: Platform;
  pattern?: string;
  seed?: number;
  /** The creator gave no title: the app names it (readable, unique in the project) after generating. */
  auto_title?: boolean;
  /** Set by the app: true when the pattern was picked for the brief (none chosen), false when the creator chose it. */
  auto_pattern?: boolean;
  /** The user's corrections to what the engine read in the brief (see BriefFields in the engine). */
  brief_fields?: Partial<Record<"product" | "product_what" | "topic" | "cta" | "final_overlay", string>> &
    Partial<Record<"audience" | "pains" | "benefits" | "features" | "proof" | "items" | "offer" | "must_say" | "avoid" | "tone", string[]>>;
}

export interface User {
  id: string;
  email: string;
  name: string | null;
  image: string | null;
  created_at: string;
  updated_at: string;
}

export interface Progress {
  total_tasks: number;
  completed_tasks: number;
}

export interface Project {
  id: number;
  user_id: string;
  title: string;
  description: string | null;
  status: ProjectStatus;
  created_at: string;
  updated_at: string;
}

/** A dashboard row: the design's "projects with storyboard counts", plus task progress. */
export interface ProjectSummary extends Project, Progress {
  storyboard_count: number;
  /** The approval state of the project's main storyboard; null when it has none. */
  approval_state: ApprovalState | null;
}

export interface Storyboard {
  id: number;
  project_id: number;
  title: string;
  brief: string;
  reference_urls: string[];
  total_scenes: number;
  total_duration: number;
  pattern_source: string | null;
  status: StoryboardStatus;
  error_message: string | null;
  generation_options: GenerationOptions;
  aspect_ratio: AspectRatio;
  /** Review: draft → in_review → approved / changes_requested. */
  approval_state: ApprovalState;
  /** The project's main storyboard: its tasks are the project's progress (one live main per project). */
  is_main: boolean;
  generated_at: string;
  updated_at: string;
  /** +1 on every change to the storyboard or its scenes: the ETag, sent back as If-Match (docs/api.md). */
  version: number;
}

export interface StoryboardSummary extends Storyboard, Progress {
  scene_count: number;
}

export interface Scene {
  id: number;
  storyboard_id: number;
  scene_number: number;
  duration: number;
  scene_type: SceneType;
  visual_description: string;
  script: string | null;
  text_overlay: string | null;
  camera_angle: string | null;
  /** The pattern beat the engine wrote the scene for ("hook", "item 2"); null for hand-made scenes. */
  beat: string | null;
  /** What the creator still has to supply for this scene ("Mistake 2: name it here"); null when nothing. */
  needs_input: string | null;
  /** Fields the creator changed by hand since the engine wrote them (a regenerate asks before overwriting them). */
  edited_fields: string[];
  created_at: string;
  updated_at: string;
}

export interface SceneTask {
  id: number;
  scene_id: number;
  task_type: TaskType;
  completed: boolean;
  completed_at: string | null;
  updated_at: string;
}

/** What is known of a scene's uploaded image without reading its bytes. */
export interface SceneImageMeta {
  content_type: SceneImageType;
  width: number;
  height: number;
  byte_size: number;
  updated_at: string;
}

export interface SceneWithTasks extends Scene {
  tasks: SceneTask[];
  /** The creator's own picture, which replaces the drawn frame; null when there is none. */
  image: SceneImageMeta | null;
}

export interface StoryboardWithScenes extends Storyboard, Progress {
  scenes: SceneWithTasks[];
}

export interface SceneProgress extends Scene, Progress {}

/** The design's "project details with complete hierarchy". */
export interface ProjectDetail extends Progress {
  project: Project;
  storyboards: Array<StoryboardSummary & { scenes: SceneProgress[] }>;
}

/** A scene image's bytes, as stored (PNG or JPEG, re-encoded on upload). */
export interface SceneImage extends SceneImageMeta {
  scene_id: number;
  data: Uint8Array;
}

/** A read-only link to a storyboard as its owner sees it (the token itself is shown only once). */
export interface ShareLink {
  id: number;
  storyboard_id: number;
  allow_comments: boolean;
  created_at: string;
  last_opened_at: string | null;
  revoked_at: string | null;
}

/**
 * What a share link shows: the storyboard's frames and text, and nothing of its owner (no name,
 * email, brief or references).
 */
export interface SharedStoryboard {
  link: { id: number; allow_comments: boolean };
  project_title: string;
  storyboard: {
    id: number;
    title: string;
    total_scenes: number;
    total_duration: number;
    status: StoryboardStatus;
    platform: Platform | null;
    aspect_ratio: AspectRatio;
    approval_state: ApprovalState;
    generated_at: string;
    updated_at: string;
  };
  scenes: SceneWithTasks[];
  /** The storyboard's review comments; empty unless the link lets reviewers comment. */
  comments: SceneComment[];
}

/**
 * A review comment on a scene: by the owner, or by a reviewer through a share link (signed with
 * the name they typed). Nothing in it identifies the owner.
 */
export interface SceneComment {
  id: number;
  scene_id: number;
  storyboard_id: number;
  author: CommentAuthor;
  /** The reviewer's name as they typed it; null for the owner's comments. */
  author_name: string | null;
  body: string;
  resolved: boolean;
  resolved_at: string | null;
  created_at: string;
}

export const AUDITED_TABLES = ["projects", "storyboards", "scenes", "scene_tasks"] as const;
export type AuditedTable = (typeof AUDITED_TABLES)[number];
export type AuditOperation = "INSERT" | "UPDATE" | "DELETE" | "ARCHIVE" | "RESTORE";

/**
 * One row of the audit log: one changed row of an audited table, as it was before and after
 * (the row's columns by name; timestamps as ISO strings, JSON columns parsed, booleans as
 * booleans, the same on both databases). ARCHIVE and RESTORE rows record a whole project's move
 * (new_values: the project and the counts moved).
 */
export interface AuditRow {
  id: number;
  table_name: AuditedTable;
  operation: AuditOperation;
  row_id: number | null;
  project_id: number | null;
  storyboard_id: number | null;
  old_values: Record<string, unknown> | null;
  new_values: Record<string, unknown> | null;
}

/** The rows one transaction wrote: one change, as a person (or an undo) sees it. */
export interface AuditChange {
  tx_id: number;
  user_id: string | null;
  created_at: string;
  rows: AuditRow[];
}

export interface AuditPage {
  changes: AuditChange[];
  /**
   * Names of what the changes touched, for describing them: storyboard titles and scene numbers
   * as they are now (or, for deleted ones, as the audit log last saw them).
   */
  labels: { storyboards: Record<number, string>; scenes: Record<number, number> };
  /** Pass as `before` for the next (older) page; null when this was the last one. */
  next_before: number | null;
}

/** A user's project figures (PostgreSQL: the materialized view user_project_stats, refreshed daily). */
export interface UserProjectStats {
  total_projects: number;
  active_projects: number;
  last_activity: string | null;
  /** When the figures were computed (SQLite computes them on every read). */
  refreshed_at: string;
}

/** One UTC day of the business metrics (the view user_engagement_metrics). */
export interface EngagementDay {
  /** YYYY-MM-DD (UTC). */
  date: string;
  projects_created: number;
  daily_active_users: number;
  /** Live storyboards per project, over the projects created that day; null when none was. */
  avg_storyboards_per_project: number | null;
}

/** A project in the archive (read-only until restored), with its storyboards' headlines. */
export interface ArchivedProject extends Project {
  archived_at: string;
  storyboards: { id: number; title: string; total_scenes: number; total_duration: number }[];
}

/** What one archive batch moved: projects, and rows per table (live table names). */
export interface ArchiveBatchResult {
  projects: number[];
  /** Their owners (whose dashboards to refresh). */
  users: string[];
  rows: Record<string, number>;
}

/** One entry of a storyboard's (or a project's) undo stack. */
export interface ChangeSummary {
  id: number;
  label: string;
  undone: boolean;
  created_at: string;
}

/** The undo stack as the editor shows it: what Undo and Redo would do next. */
export interface UndoState {
  undo: ChangeSummary | null;
  redo: ChangeSummary | null;
  /** The newest changes first (at most 50). */
  changes: ChangeSummary[];
}

/** What an undo or redo did, and the storyboard's version after it (storyboard scope). */
export interface UndoResult {
  change: ChangeSummary;
  project_id: number;
  storyboard_id: number | null;
}

/** A named version of a storyboard, as listed. */
export interface VersionSummary {
  id: number;
  storyboard_id: number;
  name: string;
  kind: "manual" | "auto";
  /** Who took it (null once that user is gone). */
  author: string | null;
  created_at: string;
  scene_count: number;
  total_duration: number;
}

/** A named version with its content, and how it differs from the storyboard now. */
export interface VersionDetail extends VersionSummary {
  title: string;
  scenes: VersionScene[];
  diff: SceneDiff[];
}
