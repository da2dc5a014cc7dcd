// PostgreSQL schema: the founding design's tables, column for column, plus the Auth.js tables.
// Deviations from the design's DDL, each deliberate (see docs/schema.md):
// - every column that has a DEFAULT is also NOT NULL (a NULL status would pass the CHECK);
// - TIMESTAMP is `timestamp with time zone`;
// - users.email_verified is added because @auth/drizzle-adapter writes it;
// - soft delete (projects/storyboards.deleted_at), the main storyboard of a project
//   (storyboards.is_main), scenes.edited_fields and named versions (storyboard_snapshots)
//   serve the editor's undo, history and honest regenerate;
// - storyboards, scenes, scene_tasks, storyboard_snapshots, scene_images, share_links and scene_comments carry their owner (user_id), held equal to the parent's by
//   composite foreign keys (parent_id, user_id) -> parent(id, user_id): one-comparison RLS
//   policies, explicit user filters in the store, and the distribution column of a sharded
//   deployment (docs/scaling.md).
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  foreignKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  varchar,
} from "drizzle-orm/pg-core";
import type { AdapterAccountType } from "@auth/core/adapters";
import { APPROVAL_STATES, ASPECT_RATIOS, COMMENT_AUTHORS, PROJECT_STATUSES, REVIEW_LIMITS, SCENE_IMAGE_TYPES, SCENE_TYPES, SNAPSHOT_KINDS, STORYBOARD_STATUSES, TASK_TYPES } from "../../domain/constants";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const createdAt = () => ts("created_at").notNull().defaultNow();
// Every update through drizzle (the store, the Auth.js adapter) sets updated_at unless it sets it
// itself; raw SQL in src/db/store/hot-sql.ts sets it explicitly. (No trigger: the online
// backfills of src/ops must be able to rewrite rows without touching it.)
const updatedAt = () => ts("updated_at").notNull().defaultNow().$onUpdate(() => new Date());
const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

export const users = pgTable(
  "users",
  {
    id: varchar("id", { length: 255 }).primaryKey(),
    email: varchar("email", { length: 255 }).notNull().unique("users_email_unique"),
    name: varchar("name", { length: 255 }),
    image: text("image"),
    emailVerified: ts("email_verified"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  // No idx_users_email: users_email_unique serves every lookup by email (docs/schema.md, "Indexes judged by numbers").
  (t) => [index("idx_users_created_at").on(t.createdAt)],
);

export const projects = pgTable(
  "projects",
  {
    id: serial("id").primaryKey(),
    userId: varchar("user_id", { length: 255 })
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: varchar("title", { length: 255 }).notNull(),
    description: text("description"),
    status: varchar("status", { length: 20 }).notNull().default("active"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** Soft delete: set when the creator deletes it (Undo clears it); a scheduled job purges it later. */
    deletedAt: ts("deleted_at"),
    // The design's sharding preparation, computed by the app (src/db/shard.ts). Migration 0011
    // adds it nullable; the online step projects_shard_id backfills it, makes it NOT NULL and
    // builds the index CONCURRENTLY (src/ops/online/steps.ts).
    shardId: integer("shard_id").notNull(),
  },
  (t) => [
    check("projects_status_check", sql`${t.status} IN (${inList(PROJECT_STATUSES)})`),
    // The key the children's owner foreign keys point at (id alone is already unique).
    unique("projects_id_user_id_unique").on(t.id, t.userId),
    index("idx_projects_user_id").on(t.userId),
    index("idx_projects_status").on(t.status),
    index("idx_projects_updated_at").on(t.updatedAt),
    index("idx_projects_user_status").on(t.userId, t.status),
    index("idx_projects_deleted_at").on(t.deletedAt).where(sql`${t.deletedAt} IS NOT NULL`),
    index("idx_projects_shard_id").on(t.shardId),
  ],
);

export const storyboards = pgTable(
  "storyboards",
  {
    id: serial("id").primaryKey(),
    projectId: integer("project_id").notNull(),
    /** The owning user, always the parent's: enforced by the composite foreign key below. */
    userId: varchar("user_id", { length: 255 }).notNull(),
    title: varchar("title", { length: 255 }).notNull(),
    brief: text("brief").notNull(),
    referenceUrls: jsonb("reference_urls").$type<string[]>(),
    totalScenes: integer("total_scenes").notNull().default(0),
    totalDuration: integer("total_duration").notNull().default(0),
    patternSource: varchar("pattern_source", { length: 255 }),
    status: varchar("status", { length: 20 }).notNull().default("generating"),
    errorMessage: text("error_message"),
    /** What the creator asked the engine for (duration, platform, pattern, seed), so a retry or a restart can run it again. */
    generationOptions: jsonb("generation_options").$type<Record<string, unknown>>(),
    /** The frame shape every scene is drawn in (9:16, 16:9, 1:1, 4:5). */
    aspectRatio: varchar("aspect_ratio", { length: 5 }).notNull().default("9:16"),
    generatedAt: ts("generated_at").notNull().defaultNow(),
    updatedAt: updatedAt(),
    /** The project's main storyboard: the one whose tasks are the project's progress. */
    isMain: boolean("is_main").notNull().default(false),
    /** Soft delete: set when the creator deletes it (Undo clears it); a scheduled job purges it later. */
    deletedAt: ts("deleted_at"),
    /** Review: draft → in_review → approved / changes_requested (the owner moves it; docs/preview.md). */
    approvalState: varchar("approval_state", { length: 20 }).notNull().default("draft"),
    /** Optimistic concurrency: +1 on every change to the storyboard or its scenes (the API's ETag, If-Match; docs/api.md). */
    version: integer("version").notNull().default(1),
  },
  (t) => [
    check("storyboards_status_check", sql`${t.status} IN (${inList(STORYBOARD_STATUSES)})`),
    check("storyboards_aspect_ratio_check", sql`${t.aspectRatio} IN (${inList(ASPECT_RATIOS)})`),
    check("storyboards_approval_state_check", sql`${t.approvalState} IN (${inList(APPROVAL_STATES)})`),
    unique("storyboards_id_user_id_unique").on(t.id, t.userId),
    foreignKey({ name: "storyboards_project_owner_fk", columns: [t.projectId, t.userId], foreignColumns: [projects.id, projects.userId] })
      .onDelete("cascade")
      .onUpdate("cascade"),
    index("idx_storyboards_project_id").on(t.projectId),
    index("idx_storyboards_status").on(t.status),
    index("idx_storyboards_generated_at").on(t.generatedAt),
    index("idx_storyboards_reference_urls").using("gin", t.referenceUrls),
    // At most one live main storyboard per project (a deleted main keeps its flag for Undo).
    uniqueIndex("uq_storyboards_main_per_project").on(t.projectId).where(sql`${t.isMain} AND ${t.deletedAt} IS NULL`),
    index("idx_storyboards_deleted_at").on(t.deletedAt).where(sql`${t.deletedAt} IS NOT NULL`),
  ],
);

export const scenes = pgTable(
  "scenes",
  {
    id: serial("id").primaryKey(),
    storyboardId: integer("storyboard_id").notNull(),
    /** The owning user, always the parent's: enforced by the composite foreign key below. */
    userId: varchar("user_id", { length: 255 }).notNull(),
    sceneNumber: integer("scene_number").notNull(),
    duration: integer("duration").notNull().default(0),
    sceneType: varchar("scene_type", { length: 20 }).notNull().default("content"),
    visualDescription: text("visual_description").notNull(),
    script: text("script"),
    textOverlay: varchar("text_overlay", { length: 500 }),
    cameraAngle: varchar("camera_angle", { length: 100 }),
    /** The pattern beat the engine wrote the scene for ("hook", "item 2", "proof"): what the craft checks and beat-aligned views read. */
    beat: text("beat"),
    /** A to-do when the brief lacked what the scene needs ("Mistake 2: name it here"); null once filled. */
    needsInput: text("needs_input"),
    /** Fields the creator changed by hand since the engine wrote the scene (comma-separated); a regenerate asks before overwriting them. */
    editedFields: varchar("edited_fields", { length: 255 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("scenes_storyboard_id_scene_number_unique").on(t.storyboardId, t.sceneNumber),
    check("scenes_scene_type_check", sql`${t.sceneType} IN (${inList(SCENE_TYPES)})`),
    unique("scenes_id_user_id_unique").on(t.id, t.userId),
    foreignKey({ name: "scenes_storyboard_owner_fk", columns: [t.storyboardId, t.userId], foreignColumns: [storyboards.id, storyboards.userId] })
      .onDelete("cascade")
      .onUpdate("cascade"),
    // The UNIQUE (storyboard_id, scene_number) above serves the design's idx_scenes_storyboard_id and
    // idx_scenes_storyboard_scene_number, which only cost writes (docs/schema.md, "Indexes judged by numbers").
    index("idx_scenes_type").on(t.sceneType),
  ],
);

export const sceneTasks = pgTable(
  "scene_tasks",
  {
    id: serial("id").primaryKey(),
    sceneId: integer("scene_id").notNull(),
    /** The owning user, always the parent's: enforced by the composite foreign key below. */
    userId: varchar("user_id", { length: 255 }).notNull(),
    taskType: varchar("task_type", { length: 30 }).notNull(),
    completed: boolean("completed").notNull().default(false),
    completedAt: ts("completed_at"),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("scene_tasks_scene_id_task_type_unique").on(t.sceneId, t.taskType),
    check("scene_tasks_task_type_check", sql`${t.taskType} IN (${inList(TASK_TYPES)})`),
    foreignKey({ name: "scene_tasks_scene_owner_fk", columns: [t.sceneId, t.userId], foreignColumns: [scenes.id, scenes.userId] })
      .onDelete("cascade")
      .onUpdate("cascade"),
    // The UNIQUE (scene_id, task_type) above serves the design's idx_scene_tasks_scene_id (and the foreign
    // key); no plan used the boolean idx_scene_tasks_completed (docs/schema.md, "Indexes judged by numbers").
    index("idx_scene_tasks_type").on(t.taskType),
  ],
);

/**
 * Named versions of a storyboard: the whole storyboard (fields, scenes, ticks) as JSON, taken on
 * demand and before every regenerate or restore, so any of them can be viewed, diffed and restored.
 */
export const storyboardSnapshots = pgTable(
  "storyboard_snapshots",
  {
    id: serial("id").primaryKey(),
    storyboardId: integer("storyboard_id").notNull(),
    /** The storyboard's owner (created_by is who took the version): the composite key below holds it. */
    userId: varchar("user_id", { length: 255 }).notNull(),
    name: varchar("name", { length: 255 }).notNull(),
    kind: varchar("kind", { length: 20 }).notNull().default("manual"),
    createdBy: varchar("created_by", { length: 255 }).references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    sceneCount: integer("scene_count").notNull().default(0),
    totalDuration: integer("total_duration").notNull().default(0),
    snapshot: jsonb("snapshot").$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    check("storyboard_snapshots_kind_check", sql`${t.kind} IN (${inList(SNAPSHOT_KINDS)})`),
    index("idx_storyboard_snapshots_storyboard").on(t.storyboardId, t.createdAt),
    foreignKey({ name: "storyboard_snapshots_storyboard_owner_fk", columns: [t.storyboardId, t.userId], foreignColumns: [storyboards.id, storyboards.userId] })
      .onDelete("cascade")
      .onUpdate("cascade"),
  ],
);

/**
 * The undo stack (docs/schema.md, "Undo and history"): one row per change a user made to a
 * storyboard (storyboard_id set) or to its project (storyboard_id null), with what the touched
 * rows were before and after it. Undone rows stay (redo) until the next new change drops them.
 */
export const storyboardChanges = pgTable(
  "storyboard_changes",
  {
    id: serial("id").primaryKey(),
    projectId: integer("project_id").notNull(),
    storyboardId: integer("storyboard_id"),
    /** The owner: the composite keys below hold it. */
    userId: varchar("user_id", { length: 255 }).notNull(),
    label: varchar("label", { length: 255 }).notNull(),
    before: jsonb("before").$type<Record<string, unknown>>().notNull(),
    after: jsonb("after").$type<Record<string, unknown>>().notNull(),
    undone: boolean("undone").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ name: "storyboard_changes_project_owner_fk", columns: [t.projectId, t.userId], foreignColumns: [projects.id, projects.userId] })
      .onDelete("cascade")
      .onUpdate("cascade"),
    foreignKey({ name: "storyboard_changes_storyboard_owner_fk", columns: [t.storyboardId, t.userId], foreignColumns: [storyboards.id, storyboards.userId] })
      .onDelete("cascade")
      .onUpdate("cascade"),
    index("idx_storyboard_changes_storyboard").on(t.storyboardId, t.id),
    index("idx_storyboard_changes_project").on(t.projectId, t.id),
  ],
);

/** A creator's own picture for a scene (replaces the drawn sketch), re-encoded on upload. */
export const sceneImages = pgTable(
  "scene_images",
  {
    sceneId: integer("scene_id").primaryKey(),
    /** The scene's owner: the composite key below holds it. */
    userId: varchar("user_id", { length: 255 }).notNull(),
    contentType: varchar("content_type", { length: 20 }).notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    byteSize: integer("byte_size").notNull(),
    data: bytea("data").notNull(),
    /** The picture's SHA-256 (hex): its copy in scene_image_blobs, which undo and versions restore from. */
    sha256: varchar("sha256", { length: 64 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("scene_images_content_type_check", sql`${t.contentType} IN (${inList(SCENE_IMAGE_TYPES)})`),
    foreignKey({ name: "scene_images_scene_owner_fk", columns: [t.sceneId, t.userId], foreignColumns: [scenes.id, scenes.userId] })
      .onDelete("cascade")
      .onUpdate("cascade"),
  ],
);

/**
 * Every picture a scene has had, once per owner and content (docs/schema.md, "Undo and history"):
 * the undo stack and named versions name a picture by its hash, and an undo, a redo or a restore
 * copies it back into scene_images from here. Not tied to a scene or a storyboard (an undone
 * scene delete needs its picture back); unreferenced rows are deleted by the hourly purge.
 */
export const sceneImageBlobs = pgTable(
  "scene_image_blobs",
  {
    userId: varchar("user_id", { length: 255 })
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    sha256: varchar("sha256", { length: 64 }).notNull(),
    contentType: varchar("content_type", { length: 20 }).notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    byteSize: integer("byte_size").notNull(),
    data: bytea("data").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.sha256] }), index("idx_scene_image_blobs_created_at").on(t.createdAt)],
);

/**
 * Read-only links to one storyboard. Only the SHA-256 of the token is kept: the link is shown
 * once, when it is made. Revoking keeps the row (and whatever hangs off it) with revoked_at set.
 */
export const shareLinks = pgTable(
  "share_links",
  {
    id: serial("id").primaryKey(),
    storyboardId: integer("storyboard_id").notNull(),
    /** The storyboard's owner: the composite key below holds it. */
    userId: varchar("user_id", { length: 255 }).notNull(),
    tokenHash: varchar("token_hash", { length: 64 }).notNull().unique("share_links_token_hash_unique"),
    /** Lets reviewers holding the link comment on scenes. */
    allowComments: boolean("allow_comments").notNull().default(false),
    createdAt: createdAt(),
    lastOpenedAt: ts("last_opened_at"),
    revokedAt: ts("revoked_at"),
  },
  (t) => [
    index("idx_share_links_storyboard_id").on(t.storyboardId),
    foreignKey({ name: "share_links_storyboard_owner_fk", columns: [t.storyboardId, t.userId], foreignColumns: [storyboards.id, storyboards.userId] })
      .onDelete("cascade")
      .onUpdate("cascade"),
  ],
);

/**
 * Review comments on a scene, by the storyboard's owner or by a reviewer through a share link that
 * allows comments (written only by the share role's SECURITY DEFINER function, migration 0017).
 * user_id is the storyboard's owner, as on every child table, whoever wrote the comment.
 */
export const sceneComments = pgTable(
  "scene_comments",
  {
    id: serial("id").primaryKey(),
    sceneId: integer("scene_id").notNull(),
    storyboardId: integer("storyboard_id").notNull(),
    /** The storyboard's owner: the composite keys below hold it. */
    userId: varchar("user_id", { length: 255 }).notNull(),
    author: varchar("author", { length: 10 }).notNull(),
    /** The name a reviewer typed; null for the owner's own comments. */
    authorName: varchar("author_name", { length: REVIEW_LIMITS.commentAuthorName }),
    /** The link a reviewer commented through (kept when it is revoked). */
    shareLinkId: integer("share_link_id").references(() => shareLinks.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    resolved: boolean("resolved").notNull().default(false),
    resolvedAt: ts("resolved_at"),
    createdAt: createdAt(),
  },
  (t) => [
    check("scene_comments_author_check", sql`${t.author} IN (${inList(COMMENT_AUTHORS)})`),
    check("scene_comments_reviewer_name_check", sql`${t.author} = 'owner' OR ${t.authorName} IS NOT NULL`),
    check("scene_comments_body_length_check", sql`char_length(${t.body}) BETWEEN 1 AND ${sql.raw(String(REVIEW_LIMITS.commentBody))}`),
    foreignKey({ name: "scene_comments_scene_owner_fk", columns: [t.sceneId, t.userId], foreignColumns: [scenes.id, scenes.userId] })
      .onDelete("cascade")
      .onUpdate("cascade"),
    foreignKey({ name: "scene_comments_storyboard_owner_fk", columns: [t.storyboardId, t.userId], foreignColumns: [storyboards.id, storyboards.userId] })
      .onDelete("cascade")
      .onUpdate("cascade"),
    index("idx_scene_comments_scene_id").on(t.sceneId, t.createdAt),
    index("idx_scene_comments_storyboard_id").on(t.storyboardId),
    index("idx_scene_comments_share_link_id").on(t.shareLinkId),
  ],
);

// Auth.js tables, shaped as @auth/drizzle-adapter expects (property names are the adapter's).
export const accounts = pgTable(
  "accounts",
  {
    userId: varchar("user_id", { length: 255 })
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").$type<AdapterAccountType>().notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] }), index("idx_accounts_user_id").on(t.userId)],
);

export const sessions = pgTable(
  "sessions",
  {
    sessionToken: text("session_token").primaryKey(),
    userId: varchar("user_id", { length: 255 })
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expires: ts("expires").notNull(),
  },
  (t) => [index("idx_sessions_user_id").on(t.userId)],
);

export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: ts("expires").notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

// ---- Idempotency keys (docs/api.md, "Idempotency-Key") ----
/**
 * A create request's Idempotency-Key: the first request's result, replayed when the same user sends
 * the same key on the same route again. Response columns are null while that first request runs.
 * Purged after 24 h by the purge-expired job.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    userId: varchar("user_id", { length: 255 })
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Method and path, e.g. "POST /api/v1/projects" or "action:createProject". */
    route: varchar("route", { length: 255 }).notNull(),
    key: varchar("key", { length: 255 }).notNull(),
    /** SHA-256 of the request body (hex): the same key with another body is refused. */
    fingerprint: varchar("fingerprint", { length: 64 }).notNull(),
    responseStatus: integer("response_status"),
    /** The response body as sent (JSON text, kept verbatim). */
    responseBody: text("response_body"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.route, t.key] }),
    index("idx_idempotency_keys_created_at").on(t.createdAt),
  ],
);

// ---- The archive (docs/schema.md, "Archive") ----
// Completed projects untouched for ARCHIVE_AFTER_DAYS move here with everything that hangs off
// them, ids kept, one transaction per batch (src/db/store/archive.ts). Same columns as the live
// tables (the store copies them by name; a test compares the two column lists), plus
// projects_archive.archived_at. No defaults, CHECKs or sequences: every row comes from a live row
// that passed them. The same composite owner keys hold user_id equal to the parent's, so the
// row level security policies are the same one comparison (0014).

export const projectsArchive = pgTable(
  "projects_archive",
  {
    id: integer("id").primaryKey(),
    userId: varchar("user_id", { length: 255 })
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: varchar("title", { length: 255 }).notNull(),
    description: text("description"),
    status: varchar("status", { length: 20 }).notNull(),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
    deletedAt: ts("deleted_at"),
    // Nullable: a project archived before the online step projects_shard_id filled it.
    shardId: integer("shard_id"),
    /** When the archive job moved it. */
    archivedAt: ts("archived_at").notNull().defaultNow(),
  },
  (t) => [unique("projects_archive_id_user_id_unique").on(t.id, t.userId), index("idx_projects_archive_user_id").on(t.userId)],
);

export const storyboardsArchive = pgTable(
  "storyboards_archive",
  {
    id: integer("id").primaryKey(),
    projectId: integer("project_id").notNull(),
    userId: varchar("user_id", { length: 255 }).notNull(),
    title: varchar("title", { length: 255 }).notNull(),
    brief: text("brief").notNull(),
    referenceUrls: jsonb("reference_urls").$type<string[]>(),
    totalScenes: integer("total_scenes").notNull(),
    totalDuration: integer("total_duration").notNull(),
    patternSource: varchar("pattern_source", { length: 255 }),
    status: varchar("status", { length: 20 }).notNull(),
    errorMessage: text("error_message"),
    generationOptions: jsonb("generation_options").$type<Record<string, unknown>>(),
    aspectRatio: varchar("aspect_ratio", { length: 5 }).notNull(),
    generatedAt: ts("generated_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
    isMain: boolean("is_main").notNull(),
    deletedAt: ts("deleted_at"),
    // The one default here: rows archived before review existed were drafts.
    approvalState: varchar("approval_state", { length: 20 }).notNull().default("draft"),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    unique("storyboards_archive_id_user_id_unique").on(t.id, t.userId),
    foreignKey({ name: "storyboards_archive_project_owner_fk", columns: [t.projectId, t.userId], foreignColumns: [projectsArchive.id, projectsArchive.userId] }).onDelete("cascade"),
    index("idx_storyboards_archive_project_id").on(t.projectId),
  ],
);

export const scenesArchive = pgTable(
  "scenes_archive",
  {
    id: integer("id").primaryKey(),
    storyboardId: integer("storyboard_id").notNull(),
    userId: varchar("user_id", { length: 255 }).notNull(),
    sceneNumber: integer("scene_number").notNull(),
    duration: integer("duration").notNull(),
    sceneType: varchar("scene_type", { length: 20 }).notNull(),
    visualDescription: text("visual_description").notNull(),
    script: text("script"),
    textOverlay: varchar("text_overlay", { length: 500 }),
    cameraAngle: varchar("camera_angle", { length: 100 }),
    beat: text("beat"),
    needsInput: text("needs_input"),
    editedFields: varchar("edited_fields", { length: 255 }),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [
    unique("scenes_archive_id_user_id_unique").on(t.id, t.userId),
    foreignKey({ name: "scenes_archive_storyboard_owner_fk", columns: [t.storyboardId, t.userId], foreignColumns: [storyboardsArchive.id, storyboardsArchive.userId] }).onDelete("cascade"),
    index("idx_scenes_archive_storyboard_id").on(t.storyboardId),
  ],
);

export const sceneTasksArchive = pgTable(
  "scene_tasks_archive",
  {
    id: integer("id").primaryKey(),
    sceneId: integer("scene_id").notNull(),
    userId: varchar("user_id", { length: 255 }).notNull(),
    taskType: varchar("task_type", { length: 30 }).notNull(),
    completed: boolean("completed").notNull(),
    completedAt: ts("completed_at"),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [
    foreignKey({ name: "scene_tasks_archive_scene_owner_fk", columns: [t.sceneId, t.userId], foreignColumns: [scenesArchive.id, scenesArchive.userId] }).onDelete("cascade"),
    index("idx_scene_tasks_archive_scene_id").on(t.sceneId),
  ],
);

export const storyboardSnapshotsArchive = pgTable(
  "storyboard_snapshots_archive",
  {
    id: integer("id").primaryKey(),
    storyboardId: integer("storyboard_id").notNull(),
    userId: varchar("user_id", { length: 255 }).notNull(),
    name: varchar("name", { length: 255 }).notNull(),
    kind: varchar("kind", { length: 20 }).notNull(),
    createdBy: varchar("created_by", { length: 255 }).references(() => users.id, { onDelete: "set null" }),
    createdAt: ts("created_at").notNull(),
    sceneCount: integer("scene_count").notNull(),
    totalDuration: integer("total_duration").notNull(),
    snapshot: jsonb("snapshot").$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    foreignKey({ name: "storyboard_snapshots_archive_storyboard_owner_fk", columns: [t.storyboardId, t.userId], foreignColumns: [storyboardsArchive.id, storyboardsArchive.userId] }).onDelete(
      "cascade",
    ),
    index("idx_storyboard_snapshots_archive_storyboard_id").on(t.storyboardId),
  ],
);

export const sceneImagesArchive = pgTable(
  "scene_images_archive",
  {
    sceneId: integer("scene_id").primaryKey(),
    userId: varchar("user_id", { length: 255 }).notNull(),
    contentType: varchar("content_type", { length: 20 }).notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    byteSize: integer("byte_size").notNull(),
    data: bytea("data").notNull(),
    sha256: varchar("sha256", { length: 64 }),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [foreignKey({ name: "scene_images_archive_scene_owner_fk", columns: [t.sceneId, t.userId], foreignColumns: [scenesArchive.id, scenesArchive.userId] }).onDelete("cascade")],
);

/** Review comments of an archived project's scenes (scene_comments, same columns). */
export const sceneCommentsArchive = pgTable(
  "scene_comments_archive",
  {
    id: integer("id").primaryKey(),
    sceneId: integer("scene_id").notNull(),
    storyboardId: integer("storyboard_id").notNull(),
    userId: varchar("user_id", { length: 255 }).notNull(),
    author: varchar("author", { length: 10 }).notNull(),
    authorName: varchar("author_name", { length: REVIEW_LIMITS.commentAuthorName }),
    shareLinkId: integer("share_link_id"),
    body: text("body").notNull(),
    resolved: boolean("resolved").notNull(),
    resolvedAt: ts("resolved_at"),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [
    foreignKey({ name: "scene_comments_archive_scene_owner_fk", columns: [t.sceneId, t.userId], foreignColumns: [scenesArchive.id, scenesArchive.userId] }).onDelete("cascade"),
    index("idx_scene_comments_archive_scene_id").on(t.sceneId),
  ],
);

export const shareLinksArchive = pgTable(
  "share_links_archive",
  {
    id: integer("id").primaryKey(),
    storyboardId: integer("storyboard_id").notNull(),
    userId: varchar("user_id", { length: 255 }).notNull(),
    // Not unique here: the live table's unique key is checked again when a restore brings it back.
    tokenHash: varchar("token_hash", { length: 64 }).notNull(),
    allowComments: boolean("allow_comments").notNull(),
    createdAt: ts("created_at").notNull(),
    lastOpenedAt: ts("last_opened_at"),
    revokedAt: ts("revoked_at"),
  },
  (t) => [
    foreignKey({ name: "share_links_archive_storyboard_owner_fk", columns: [t.storyboardId, t.userId], foreignColumns: [storyboardsArchive.id, storyboardsArchive.userId] }).onDelete("cascade"),
    index("idx_share_links_archive_storyboard_id").on(t.storyboardId),
  ],
);
