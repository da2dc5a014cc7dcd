// The store: every persistent operation of StoryboardAI, one interface for both dialects.
// Each operation takes the acting user's id and treats another user's rows as not found.
import type { ArchiveBatchOptions } from "./archive";
import type { ProjectStatus, StoryboardStatus } from "../../domain/constants";
import type { ProjectCreate, ProjectPatch, SceneInput, ScenePatch, StoryboardCreate, StoryboardUpdate, UserUpsert } from "../../domain/schemas";
import type {
  ApprovalState,
  ArchiveBatchResult,
  ArchivedProject,
  AuditPage,
  EngagementDay,
  GenerationOptions,
  Progress,
  Project,
  ProjectDetail,
  ProjectSummary,
  Scene,
  SceneComment,
  SceneImage,
  SceneImageMeta,
  SceneTask,
  SceneWithTasks,
  Storyboard,
  StoryboardSummary,
  SharedStoryboard,
  ShareLink,
  StoryboardWithScenes,
  User,
  UserProjectStats,
  UndoResult,
  UndoState,
  VersionDetail,
  VersionSummary,
} from "../../domain/types";

/**
 * Optimistic concurrency for one change to a storyboard or its scenes. With `ifVersion` the change
 * is made only if the storyboard is still at that version (else a 409 carrying the current state:
 * staleVersion); without it, the last writer wins. On success the store sets `version` to the
 * storyboard's version after the change (the ETag of the answer).
 */
/** Whose undo stack: a storyboard's (its content) or a project's (project edits, deletes of the project and its storyboards). */
export type HistoryScope = { storyboard_id: number } | { project_id: number };

/** How a scene write came about: "regenerate" rewrites the engine's fields and clears their hand-edit marks. */
export interface SceneWriteOptions {
  regenerate?: boolean;
}

export interface WriteCondition {
  ifVersion?: number | undefined;
  version?: number;
}

/** A stored Idempotency-Key: its request's fingerprint and, once the first request finished, its answer. */
export interface IdempotencyRecord {
  fingerprint: string;
  /** null while the first request runs; 0 (APPLIED) once its work committed, until its answer is saved. */
  status: number | null;
  body: string | null;
  /** When the first request claimed the key or last renewed its claim. */
  claimedAt: Date;
}

export interface TaskUpdate {
  task: SceneTask;
  scene: Progress;
  storyboard: Progress;
  project: Progress;
  /** Ids up the hierarchy, so callers can refresh or invalidate what shows this task. */
  scene_id: number;
  storyboard_id: number;
  project_id: number;
}

export interface RegenerateInput {
  brief: string;
  reference_urls: string[];
  generation_options: GenerationOptions;
}

export interface GenerationResult {
  title?: string;
  /** The title is a default: made unique among the project's storyboards (" (2)", " (3)"), in the same transaction. */
  unique_title?: boolean;
  pattern_source?: string | null;
  scenes: SceneInput[];
  /** Replaces the stored generation options (e.g. with what the engine inferred). */
  generation_options?: GenerationOptions;
}

export interface NewSceneImage {
  content_type: SceneImage["content_type"];
  width: number;
  height: number;
  data: Uint8Array;
}

export interface Store {
  readonly dialect: "postgres" | "sqlite";

  upsertUserByEmail(input: UserUpsert): Promise<User>;
  getUser(actingUserId: string, id: string): Promise<User>;
  /** The user with this email, or null (operators' commands only; no user context). */
  findUserByEmail(email: string): Promise<User | null>;

  createProject(userId: string, input: ProjectCreate): Promise<Project>;
  getProject(userId: string, id: number): Promise<Project>;
  /**
   * Edits a project. Marking it completed while its main storyboard has open tasks is refused
   * (conflict, with the count) unless the patch has `confirm_open_tasks: true`.
   */
  updateProject(userId: string, id: number, patch: ProjectPatch): Promise<Project>;
  deleteProject(userId: string, id: number): Promise<void>;
  listProjects(userId: string, filter?: { status?: ProjectStatus | undefined }): Promise<ProjectSummary[]>;
  getProjectDetail(userId: string, id: number): Promise<ProjectDetail>;
  getProjectProgress(userId: string, id: number): Promise<Progress>;

  /** Storyboard, its N scenes (numbered 1..N) and 4 tasks per scene, in one transaction. */
  /** `opts.change_label`: the entry on the project's undo stack (default "New storyboard “…”" or "New variation “…”"). */
  createStoryboard(userId: string, input: StoryboardCreate, opts?: { change_label?: string }): Promise<StoryboardWithScenes>;
  getStoryboard(userId: string, id: number): Promise<StoryboardWithScenes>;
  listStoryboards(userId: string, projectId: number): Promise<StoryboardSummary[]>;
  updateStoryboard(userId: string, id: number, patch: StoryboardUpdate, cond?: WriteCondition): Promise<Storyboard>;
  /** Deletes it with its scenes and tasks; returns the project it was in. */
  deleteStoryboard(userId: string, id: number): Promise<{ project_id: number }>;
  setStoryboardStatus(userId: string, id: number, status: StoryboardStatus, errorMessage?: string | null): Promise<Storyboard>;
  /**
   * The retry's guarded transition: a storyboard in 'error' becomes 'generating' (one statement,
   * so of concurrent retries exactly one wins); null when it was not in 'error'.
   */
  beginRetry(userId: string, id: number): Promise<Storyboard | null>;
  /**
   * "Edit brief and regenerate": the new brief, reference URLs and options are saved and the
   * storyboard goes back to 'generating' (the generation job then replaces its scenes, as for a new
   * one or a retry). Refused while it is generating; made only at the version the editor showed.
   */
  beginRegenerate(userId: string, id: number, input: RegenerateInput, cond?: WriteCondition): Promise<Storyboard>;
  /**
   * Replaces the scenes of a storyboard still 'generating' with a generation's result and marks it
   * completed; on any other storyboard it changes nothing (a repeated or late job run).
   */
  completeGeneration(userId: string, id: number, result: GenerationResult): Promise<StoryboardWithScenes>;
  getStoryboardProgress(userId: string, id: number): Promise<Progress>;
  /**
   * Makes a live storyboard its project's main one (the one whose tasks are the project's
   * progress); the previous main becomes a variation. Under the project's row lock.
   */
  setMainStoryboard(userId: string, id: number): Promise<Storyboard>;

  getScene(userId: string, sceneId: number): Promise<Scene>;
  /**
   * A hand edit marks the fields it changed in edited_fields; with `how.regenerate` it is the
   * engine's rewrite instead: a named version is taken first, the marks of the rewritten fields are
   * cleared, and the scene's "Script written" task is reset only when the script changed.
   */
  updateScene(userId: string, sceneId: number, patch: ScenePatch, cond?: WriteCondition, how?: SceneWriteOptions): Promise<Scene>;
  /** Inserts at position 1..N+1 (undefined: the end); the scenes from there on move down one. */
  insertScene(userId: string, storyboardId: number, position: number | undefined, input: SceneInput, cond?: WriteCondition): Promise<SceneWithTasks>;
  deleteScene(userId: string, sceneId: number, cond?: WriteCondition): Promise<void>;
  moveScene(userId: string, sceneId: number, position: number, cond?: WriteCondition): Promise<SceneWithTasks[]>;
  /** Puts the storyboard's scenes in the given order (every scene id exactly once). */
  reorderScenes(userId: string, storyboardId: number, sceneIds: number[], cond?: WriteCondition): Promise<SceneWithTasks[]>;
  getSceneProgress(userId: string, sceneId: number): Promise<Progress>;

  /**
   * Claims an Idempotency-Key for its first request: claimed when new, or when an earlier claim
   * never finished and was made before `abandonedBefore`; otherwise the stored record (null if it
   * was released meanwhile).
   */
  claimIdempotencyKey(userId: string, route: string, key: string, fingerprint: string, abandonedBefore: Date): Promise<{ claimed: true } | { claimed: false; record: IdempotencyRecord | null }>;
  getIdempotencyKey(userId: string, route: string, key: string): Promise<IdempotencyRecord | null>;
  /** The first request's answer, kept for the key's repeats. */
  saveIdempotentResponse(userId: string, route: string, key: string, status: number, body: string): Promise<void>;
  /** Forgets a claim whose request failed, so the same key can be tried again. */
  releaseIdempotencyKey(userId: string, route: string, key: string): Promise<void>;
  /** Renews a running claim (its request is alive), so that it is not taken over as abandoned. */
  renewIdempotencyClaim(userId: string, route: string, key: string): Promise<void>;
  /** Deletes every key created before `before` (all users; the maintenance role); how many. */
  purgeIdempotencyKeys(before: Date): Promise<number>;
  /** Deletes Auth.js sessions and verification tokens that expired before `now` (all users; the maintenance role). */
  purgeExpiredSessions(now: Date): Promise<{ sessions: number; verification_tokens: number }>;
  /** Deletes the scene pictures' blobs stored before `before` that no picture, undo row or version names any more; how many. */
  purgeUnusedSceneImageBlobs(before: Date): Promise<number>;

  setTaskCompleted(userId: string, taskId: number, completed: boolean): Promise<TaskUpdate>;

  /** Deleting a project is a soft delete, undone through the project's stack (`change_id`); purgeDeleted removes it later. */
  softDeleteProject(userId: string, id: number): Promise<{ change_id: number }>;
  /** The same for a storyboard (the project's stack); another live storyboard becomes main if it was. */
  softDeleteStoryboard(userId: string, id: number): Promise<{ project_id: number; change_id: number }>;
  /** The undo stack of a storyboard or a project: what Undo and Redo would do, the newest changes first. */
  listChanges(userId: string, scope: HistoryScope): Promise<UndoState>;
  /**
   * Undoes the newest change of the scope (with `change_id`: only if it is that one), refusing with
   * a conflict naming what changed when its rows are no longer as it left them.
   */
  undo(userId: string, scope: HistoryScope, opts?: { change_id?: number | undefined; cond?: WriteCondition | undefined }): Promise<UndoResult>;
  /** Redoes the oldest undone change of the scope (a new change drops them all). */
  redo(userId: string, scope: HistoryScope, opts?: { change_id?: number | undefined; cond?: WriteCondition | undefined }): Promise<UndoResult>;
  /** A named version of the storyboard as it is now. */
  createVersion(userId: string, storyboardId: number, input: { name: string }): Promise<VersionSummary>;
  /** A storyboard's versions, newest first. */
  listVersions(userId: string, storyboardId: number): Promise<VersionSummary[]>;
  /** One version with its scenes and its differences from the storyboard now, scene by scene. */
  getVersion(userId: string, versionId: number): Promise<VersionDetail>;
  /** Puts the storyboard back as the version has it (a version of the current state is taken first); undoable. */
  restoreVersion(userId: string, versionId: number, cond?: WriteCondition): Promise<UndoResult>;
  /** Removes for good the projects and storyboards soft-deleted before `before` (all users; the maintenance role). */
  purgeDeleted(before: Date): Promise<{ projects: number; storyboards: number }>;

  /** Stores (or replaces) a scene's image; the bytes must already be a re-encoded PNG or JPEG. */
  setSceneImage(userId: string, sceneId: number, image: NewSceneImage): Promise<SceneImageMeta>;
  /** Removes a scene's image (the drawn frame shows again); no image is not an error. */
  deleteSceneImage(userId: string, sceneId: number): Promise<void>;
  getSceneImage(userId: string, sceneId: number): Promise<SceneImage>;
  /** Every image of a storyboard's scenes, in scene order (for exports). */
  listSceneImages(userId: string, storyboardId: number): Promise<SceneImage[]>;

  /** A new live link; the caller made the token and passes only its SHA-256 (hex). */
  createShareLink(userId: string, storyboardId: number, input: { token_hash: string; allow_comments?: boolean }): Promise<ShareLink>;
  /** A storyboard's links, newest first, revoked ones included. */
  listShareLinks(userId: string, storyboardId: number): Promise<ShareLink[]>;
  updateShareLink(userId: string, linkId: number, patch: { allow_comments: boolean }): Promise<ShareLink>;
  /** Revokes a link for good (idempotent); its token opens nothing from then on. */
  revokeShareLink(userId: string, linkId: number): Promise<ShareLink>;
  /**
   * The one path that reads without a user: the storyboard of a live link's token hash, or null
   * for an unknown or revoked one. Records when the link was last opened.
   */
  openSharedStoryboard(tokenHash: string): Promise<SharedStoryboard | null>;
  /** The images of a live link's storyboard (one scene's when sceneId is given); [] otherwise. */
  getSharedSceneImages(tokenHash: string, sceneId?: number): Promise<SceneImage[]>;

  /** A storyboard's review comments, oldest first (the owner's and reviewers'). */
  listSceneComments(userId: string, storyboardId: number): Promise<SceneComment[]>;
  /** The owner's comment on one of their scenes. */
  addSceneComment(userId: string, sceneId: number, input: { body: string }): Promise<SceneComment>;
  /** Resolves or reopens a comment on one of the owner's storyboards. */
  setSceneCommentResolved(userId: string, commentId: number, patch: { resolved: boolean }): Promise<SceneComment>;
  /** Moves the approval state along APPROVAL_TRANSITIONS (conflict otherwise); the owner only. */
  setApprovalState(userId: string, storyboardId: number, input: { approval_state: ApprovalState }): Promise<Storyboard>;
  /**
   * A reviewer's comment through a share link (the one write without a user): not found for an
   * unknown or revoked token or a scene of another storyboard, forbidden when the link does not
   * allow comments.
   */
  addSharedSceneComment(tokenHash: string, sceneId: number, input: { author_name: string; body: string }): Promise<SceneComment>;

  /**
   * The audit log's changes (one per transaction) that touched a project or a storyboard of the
   * user, newest first; `before` is the previous page's next_before.
   */
  listAuditChanges(userId: string, scope: { project_id: number } | { storyboard_id: number }, page?: { before?: number; limit?: number }): Promise<AuditPage>;

  /**
   * Audit log upkeep (a daily job): monthly partitions `monthsAhead` ahead and retention
   * (PostgreSQL: drops whole partitions older than `retentionMonths`; SQLite: deletes those rows).
   */
  maintainAuditLog(opts: { monthsAhead: number; retentionMonths: number }): Promise<{ partitions_created: number; partitions_dropped: number; rows_deleted: number }>;

  /**
   * Fails storyboards left 'generating' whose last update is older than `before`, of any user,
   * except those `isLive` reports (their job is still waiting or running).
   */
  failInterruptedGenerations(before: Date, message: string, isLive?: (ids: number[]) => Promise<Set<number>>): Promise<number>;

  /**
   * Moves one batch of completed projects not updated since `olderThan` (with every row that
   * hangs off them) into the archive tables, in one transaction; none left: an empty batch.
   */
  archiveBatch(opts: ArchiveBatchOptions): Promise<ArchiveBatchResult>;
  /** Brings a user's archived project back, whole, in one transaction (its updated_at becomes now). */
  restoreProject(userId: string, id: number): Promise<Project>;
  /** The user's archived projects, most recently archived first (read-only). */
  listArchivedProjects(userId: string): Promise<ArchivedProject[]>;
  /** Projects due for the archive now, and projects in it (operators only). */
  countArchive(olderThan: Date): Promise<{ due: number; archived: number }>;

  /** The user's project figures (PostgreSQL: as of the last refresh; null before the first that saw a project). */
  getUserProjectStats(userId: string): Promise<UserProjectStats | null>;
  /** Every user's figures, most projects first (operators only; no user context). */
  listUserProjectStats(limit?: number): Promise<(UserProjectStats & { user_id: string; email: string })[]>;
  /** Recomputes user_project_stats (PostgreSQL: REFRESH … CONCURRENTLY; SQLite has nothing to keep). */
  refreshUserStats(): Promise<{ users: number }>;
  /** The business metrics of the last `days` UTC days (today included), newest first (operators only). */
  getEngagementMetrics(days?: number): Promise<EngagementDay[]>;

  ping(): Promise<boolean>;
  close(): Promise<void>;
}
