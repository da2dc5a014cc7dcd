// SQLite schema: the same tables, column names, defaults, CHECKs, UNIQUEs, foreign keys and
// indexes as schema/pg.ts, the owner column of the child tables and its composite foreign keys included. SQLite does not enforce VARCHAR(n), so each length the design gives
// is a named CHECK here; JSON is stored as text; timestamps are integer milliseconds; booleans 0/1.
import { sql, type AnyColumn } from "drizzle-orm";
import { blob, check, foreignKey, index, integer, primaryKey, sqliteTable, text, unique, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { AdapterAccountType } from "@auth/core/adapters";
import { APPROVAL_STATES, ASPECT_RATIOS, COMMENT_AUTHORS, PROJECT_STATUSES, REVIEW_LIMITS, SCENE_IMAGE_TYPES, SCENE_TYPES, SNAPSHOT_KINDS, STORYBOARD_STATUSES, TASK_TYPES } from "../../domain/constants";

const nowMs = sql`(cast(unixepoch('subsec') * 1000 as integer))`;
const ts = (name: string) => integer(name, { mode: "timestamp_ms" });
const createdAt = () => ts("created_at").notNull().default(nowMs);
// Every update through drizzle (the store, the Auth.js adapter) sets updated_at unless it sets it
// itself; raw SQL in src/db/store/hot-sql.ts sets it explicitly.
const updatedAt = () => ts("updated_at").notNull().default(nowMs).$onUpdate(() => new Date());
const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));
const maxLength = (table: string, column: AnyColumn & { name: string }, n: number) =>
  check(`${table}_${column.name}_length`, sql`length(${column}) <= ${sql.raw(String(n))}`);

export const users = sqliteTable(
  "users",
  {
    id: text("id", { length: 255 }).primaryKey(),
    email: text("email", { length: 255 }).notNull().unique("users_email_unique"),
    name: text("name", { length: 255 }),
    image: text("image"),
    emailVerified: ts("email_verified"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    maxLength("users", t.id, 255),
    maxLength("users", t.email, 255),
    maxLength("users", t.name, 255),
    // No idx_users_email: the UNIQUE constraint on email serves every lookup (docs/schema.md, "Indexes judged by numbers").
    index("idx_users_created_at").on(t.createdAt),
  ],
);

export const projects = sqliteTable(
  "projects",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: text("user_id", { length: 255 })
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: text("title", { length: 255 }).notNull(),
    description: text("description"),
    status: text("status", { length: 20 }).notNull().default("active"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: ts("deleted_at"),
    // Computed by the app (src/db/shard.ts), backfilled by the online step projects_shard_id.
    // Nullable here: SQLite cannot make an existing column NOT NULL without rebuilding the table.
    shardId: integer("shard_id"),
  },
  (t) => [
    check("projects_status_check", sql`${t.status} IN (${inList(PROJECT_STATUSES)})`),
    // The key the children's owner foreign keys point at (id alone is already unique).
    unique("projects_id_user_id_unique").on(t.id, t.userId),
    maxLength("projects", t.title, 255),
    index("idx_projects_user_id").on(t.userId),
    index("idx_projects_status").on(t.status),
    index("idx_projects_updated_at").on(t.updatedAt),
    index("idx_projects_user_status").on(t.userId, t.status),
    index("idx_projects_deleted_at").on(t.deletedAt).where(sql`${t.deletedAt} IS NOT NULL`),
    index("idx_projects_shard_id").on(t.shardId),
  ],
);

export const storyboards = sqliteTable(
  "storyboards",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id").notNull(),
    /** The owning user, always the parent's: enforced by the composite foreign key below. */
    userId: text("user_id", { length: 255 }).notNull(),
    title: text("title", { length: 255 }).notNull(),
    brief: text("brief").notNull(),
    referenceUrls: text("reference_urls", { mode: "json" }).$type<string[]>(),
    totalScenes: integer("total_scenes").notNull().default(0),
    totalDuration: integer("total_duration").notNull().default(0),
    patternSource: text("pattern_source", { length: 255 }),
    status: text("status", { length: 20 }).notNull().default("generating"),
    errorMessage: text("error_message"),
    /** What the creator asked the engine for (duration, platform, pattern, seed), so a retry or a restart can run it again. */
    generationOptions: text("generation_options", { mode: "json" }).$type<Record<string, unknown>>(),
    /** The frame shape every scene is drawn in (9:16, 16:9, 1:1, 4:5). */
    aspectRatio: text("aspect_ratio", { length: 5 }).notNull().default("9:16"),
    generatedAt: ts("generated_at").notNull().default(nowMs),
    updatedAt: updatedAt(),
    isMain: integer("is_main", { mode: "boolean" }).notNull().default(false),
    deletedAt: ts("deleted_at"),
    /** Review: draft → in_review → approved / changes_requested (docs/preview.md). */
    approvalState: text("approval_state", { length: 20 }).notNull().default("draft"),
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
    maxLength("storyboards", t.title, 255),
    maxLength("storyboards", t.patternSource, 255),
    index("idx_storyboards_project_id").on(t.projectId),
    index("idx_storyboards_status").on(t.status),
    index("idx_storyboards_generated_at").on(t.generatedAt),
    uniqueIndex("uq_storyboards_main_per_project").on(t.projectId).where(sql`${t.isMain} AND ${t.deletedAt} IS NULL`),
    index("idx_storyboards_deleted_at").on(t.deletedAt).where(sql`${t.deletedAt} IS NOT NULL`),
    // The design's GIN index has no SQLite counterpart; JSON lookups on SQLite scan one user's rows.
  ],
);

export const scenes = sqliteTable(
  "scenes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    storyboardId: integer("storyboard_id").notNull(),
    /** The owning user, always the parent's: enforced by the composite foreign key below. */
    userId: text("user_id", { length: 255 }).notNull(),
    sceneNumber: integer("scene_number").notNull(),
    duration: integer("duration").notNull().default(0),
    sceneType: text("scene_type", { length: 20 }).notNull().default("content"),
    visualDescription: text("visual_description").notNull(),
    script: text("script"),
    textOverlay: text("text_overlay", { length: 500 }),
    cameraAngle: text("camera_angle", { length: 100 }),
    /** See schema/pg.ts. Lengths are Zod's (a CHECK here would rebuild the table). */
    beat: text("beat"),
    needsInput: text("needs_input"),
    /** See schema/pg.ts; its length is Zod's (a CHECK here would rebuild the table). */
    editedFields: text("edited_fields", { length: 255 }),
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
    maxLength("scenes", t.textOverlay, 500),
    maxLength("scenes", t.cameraAngle, 100),
    // The UNIQUE (storyboard_id, scene_number) above serves the design's idx_scenes_storyboard_id and
    // idx_scenes_storyboard_scene_number, which only cost writes (docs/schema.md, "Indexes judged by numbers").
    index("idx_scenes_type").on(t.sceneType),
  ],
);

export const sceneTasks = sqliteTable(
  "scene_tasks",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    sceneId: integer("scene_id").notNull(),
    /** The owning user, always the parent's: enforced by the composite foreign key below. */
    userId: text("user_id", { length: 255 }).notNull(),
    taskType: text("task_type", { length: 30 }).notNull(),
    completed: integer("completed", { mode: "boolean" }).notNull().default(false),
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

export const storyboardSnapshots = sqliteTable(
  "storyboard_snapshots",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    storyboardId: integer("storyboard_id").notNull(),
    /** The storyboard's owner (created_by is who took the version): the composite key below holds it. */
    userId: text("user_id", { length: 255 }).notNull(),
    name: text("name", { length: 255 }).notNull(),
    kind: text("kind", { length: 20 }).notNull().default("manual"),
    createdBy: text("created_by", { length: 255 }).references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    sceneCount: integer("scene_count").notNull().default(0),
    totalDuration: integer("total_duration").notNull().default(0),
    snapshot: text("snapshot", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    check("storyboard_snapshots_kind_check", sql`${t.kind} IN (${inList(SNAPSHOT_KINDS)})`),
    maxLength("storyboard_snapshots", t.name, 255),
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
export const storyboardChanges = sqliteTable(
  "storyboard_changes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id").notNull(),
    storyboardId: integer("storyboard_id"),
    /** The owner: the composite keys below hold it. */
    userId: text("user_id", { length: 255 }).notNull(),
    label: text("label", { length: 255 }).notNull(),
    before: text("before", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    after: text("after", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    undone: integer("undone", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ name: "storyboard_changes_project_owner_fk", columns: [t.projectId, t.userId], foreignColumns: [projects.id, projects.userId] })
      .onDelete("cascade")
      .onUpdate("cascade"),
    foreignKey({ name: "storyboard_changes_storyboard_owner_fk", columns: [t.storyboardId, t.userId], foreignColumns: [storyboards.id, storyboards.userId] })
      .onDelete("cascade")
      .onUpdate("cascade"),
    maxLength("storyboard_changes", t.label, 255),
    index("idx_storyboard_changes_storyboard").on(t.storyboardId, t.id),
    index("idx_storyboard_changes_project").on(t.projectId, t.id),
  ],
);

/** A creator's own picture for a scene (replaces the drawn sketch), re-encoded on upload. */
export const sceneImages = sqliteTable(
  "scene_images",
  {
    sceneId: integer("scene_id").primaryKey(),
    /** The scene's owner: the composite key below holds it. */
    userId: text("user_id", { length: 255 }).notNull(),
    contentType: text("content_type", { length: 20 }).notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    byteSize: integer("byte_size").notNull(),
    data: blob("data", { mode: "buffer" }).notNull(),
    /** The picture's SHA-256 (hex): its copy in scene_image_blobs, which undo and versions restore from. */
    sha256: text("sha256", { length: 64 }),
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
export const sceneImageBlobs = sqliteTable(
  "scene_image_blobs",
  {
    userId: text("user_id", { length: 255 })
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    sha256: text("sha256", { length: 64 }).notNull(),
    contentType: text("content_type", { length: 20 }).notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    byteSize: integer("byte_size").notNull(),
    data: blob("data", { mode: "buffer" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.sha256] }), index("idx_scene_image_blobs_created_at").on(t.createdAt)],
);

/**
 * Read-only links to one storyboard. Only the SHA-256 of the token is kept: the link is shown
 * once, when it is made. Revoking keeps the row (and whatever hangs off it) with revoked_at set.
 */
export const shareLinks = sqliteTable(
  "share_links",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    storyboardId: integer("storyboard_id").notNull(),
    /** The storyboard's owner: the composite key below holds it. */
    userId: text("user_id", { length: 255 }).notNull(),
    tokenHash: text("token_hash", { length: 64 }).notNull().unique("share_links_token_hash_unique"),
    /** Lets reviewers holding the link comment on scenes. */
    allowComments: integer("allow_comments", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
    lastOpenedAt: ts("last_opened_at"),
    revokedAt: ts("revoked_at"),
  },
  (t) => [
    maxLength("share_links", t.tokenHash, 64),
    index("idx_share_links_storyboard_id").on(t.storyboardId),
    foreignKey({ name: "share_links_storyboard_owner_fk", columns: [t.storyboardId, t.userId], foreignColumns: [storyboards.id, storyboards.userId] })
      .onDelete("cascade")
      .onUpdate("cascade"),
  ],
);

/** Review comments on a scene, by the owner or by a reviewer through a share link (schema/pg.ts). */
export const sceneComments = sqliteTable(
  "scene_comments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    sceneId: integer("scene_id").notNull(),
    storyboardId: integer("storyboard_id").notNull(),
    /** The storyboard's owner: the composite keys below hold it. */
    userId: text("user_id", { length: 255 }).notNull(),
    author: text("author", { length: 10 }).notNull(),
    authorName: text("author_name", { length: REVIEW_LIMITS.commentAuthorName }),
    shareLinkId: integer("share_link_id").references(() => shareLinks.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    resolved: integer("resolved", { mode: "boolean" }).notNull().default(false),
    resolvedAt: ts("resolved_at"),
    createdAt: createdAt(),
  },
  (t) => [
    check("scene_comments_author_check", sql`${t.author} IN (${inList(COMMENT_AUTHORS)})`),
    check("scene_comments_reviewer_name_check", sql`${t.author} = 'owner' OR ${t.authorName} IS NOT NULL`),
    check("scene_comments_body_length_check", sql`length(${t.body}) BETWEEN 1 AND ${sql.raw(String(REVIEW_LIMITS.commentBody))}`),
    maxLength("scene_comments", t.authorName, REVIEW_LIMITS.commentAuthorName),
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

export const accounts = sqliteTable(
  "accounts",
  {
    userId: text("user_id", { length: 255 })
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

export const sessions = sqliteTable(
  "sessions",
  {
    sessionToken: text("session_token").primaryKey(),
    userId: text("user_id", { length: 255 })
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expires: ts("expires").notNull(),
  },
  (t) => [index("idx_sessions_user_id").on(t.userId)],
);

export const verificationTokens = sqliteTable(
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
export const idempotencyKeys = sqliteTable(
  "idempotency_keys",
  {
    userId: text("user_id", { length: 255 })
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Method and path, e.g. "POST /api/v1/projects" or "action:createProject". */
    route: text("route", { length: 255 }).notNull(),
    key: text("key", { length: 255 }).notNull(),
    /** SHA-256 of the request body (hex): the same key with another body is refused. */
    fingerprint: text("fingerprint", { length: 64 }).notNull(),
    responseStatus: integer("response_status"),
    /** The response body as sent (JSON text, kept verbatim). */
    responseBody: text("response_body"),
    createdAt: createdAt(),
  },
  (t) => [
    maxLength("idempotency_keys", t.route, 255),
    maxLength("idempotency_keys", t.key, 255),
    maxLength("idempotency_keys", t.fingerprint, 64),
    primaryKey({ columns: [t.userId, t.route, t.key] }),
    index("idx_idempotency_keys_created_at").on(t.createdAt),
  ],
);

// ---- The archive: the same tables as schema/pg.ts (see the comment there) ----

export const projectsArchive = sqliteTable(
  "projects_archive",
  {
    id: integer("id").primaryKey(),
    userId: text("user_id", { length: 255 })
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: text("title", { length: 255 }).notNull(),
    description: text("description"),
    status: text("status", { length: 20 }).notNull(),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
    deletedAt: ts("deleted_at"),
    shardId: integer("shard_id"),
    /** When the archive job moved it. */
    archivedAt: ts("archived_at").notNull().default(nowMs),
  },
  (t) => [unique("projects_archive_id_user_id_unique").on(t.id, t.userId), index("idx_projects_archive_user_id").on(t.userId)],
);

export const storyboardsArchive = sqliteTable(
  "storyboards_archive",
  {
    id: integer("id").primaryKey(),
    projectId: integer("project_id").notNull(),
    userId: text("user_id", { length: 255 }).notNull(),
    title: text("title", { length: 255 }).notNull(),
    brief: text("brief").notNull(),
    referenceUrls: text("reference_urls", { mode: "json" }).$type<string[]>(),
    totalScenes: integer("total_scenes").notNull(),
    totalDuration: integer("total_duration").notNull(),
    patternSource: text("pattern_source", { length: 255 }),
    status: text("status", { length: 20 }).notNull(),
    errorMessage: text("error_message"),
    generationOptions: text("generation_options", { mode: "json" }).$type<Record<string, unknown>>(),
    aspectRatio: text("aspect_ratio", { length: 5 }).notNull(),
    generatedAt: ts("generated_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
    isMain: integer("is_main", { mode: "boolean" }).notNull(),
    deletedAt: ts("deleted_at"),
    // The one default here: rows archived before review existed were drafts.
    approvalState: text("approval_state", { length: 20 }).notNull().default("draft"),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    unique("storyboards_archive_id_user_id_unique").on(t.id, t.userId),
    foreignKey({ name: "storyboards_archive_project_owner_fk", columns: [t.projectId, t.userId], foreignColumns: [projectsArchive.id, projectsArchive.userId] }).onDelete("cascade"),
    index("idx_storyboards_archive_project_id").on(t.projectId),
  ],
);

export const scenesArchive = sqliteTable(
  "scenes_archive",
  {
    id: integer("id").primaryKey(),
    storyboardId: integer("storyboard_id").notNull(),
    userId: text("user_id", { length: 255 }).notNull(),
    sceneNumber: integer("scene_number").notNull(),
    duration: integer("duration").notNull(),
    sceneType: text("scene_type", { length: 20 }).notNull(),
    visualDescription: text("visual_description").notNull(),
    script: text("script"),
    textOverlay: text("text_overlay", { length: 500 }),
    cameraAngle: text("camera_angle", { length: 100 }),
    beat: text("beat"),
    needsInput: text("needs_input"),
    editedFields: text("edited_fields", { length: 255 }),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [
    unique("scenes_archive_id_user_id_unique").on(t.id, t.userId),
    foreignKey({ name: "scenes_archive_storyboard_owner_fk", columns: [t.storyboardId, t.userId], foreignColumns: [storyboardsArchive.id, storyboardsArchive.userId] }).onDelete("cascade"),
    index("idx_scenes_archive_storyboard_id").on(t.storyboardId),
  ],
);

export const sceneTasksArchive = sqliteTable(
  "scene_tasks_archive",
  {
    id: integer("id").primaryKey(),
    sceneId: integer("scene_id").notNull(),
    userId: text("user_id", { length: 255 }).notNull(),
    taskType: text("task_type", { length: 30 }).notNull(),
    completed: integer("completed", { mode: "boolean" }).notNull(),
    completedAt: ts("completed_at"),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [
    foreignKey({ name: "scene_tasks_archive_scene_owner_fk", columns: [t.sceneId, t.userId], foreignColumns: [scenesArchive.id, scenesArchive.userId] }).onDelete("cascade"),
    index("idx_scene_tasks_archive_scene_id").on(t.sceneId),
  ],
);

export const storyboardSnapshotsArchive = sqliteTable(
  "storyboard_snapshots_archive",
  {
    id: integer("id").primaryKey(),
    storyboardId: integer("storyboard_id").notNull(),
    userId: text("user_id", { length: 255 }).notNull(),
    name: text("name", { length: 255 }).notNull(),
    kind: text("kind", { length: 20 }).notNull(),
    createdBy: text("created_by", { length: 255 }).references(() => users.id, { onDelete: "set null" }),
    createdAt: ts("created_at").notNull(),
    sceneCount: integer("scene_count").notNull(),
    totalDuration: integer("total_duration").notNull(),
    snapshot: text("snapshot", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    foreignKey({ name: "storyboard_snapshots_archive_storyboard_owner_fk", columns: [t.storyboardId, t.userId], foreignColumns: [storyboardsArchive.id, storyboardsArchive.userId] }).onDelete(
      "cascade",
    ),
    index("idx_storyboard_snapshots_archive_storyboard_id").on(t.storyboardId),
  ],
);

export const sceneImagesArchive = sqliteTable(
  "scene_images_archive",
  {
    sceneId: integer("scene_id").primaryKey(),
    userId: text("user_id", { length: 255 }).notNull(),
    contentType: text("content_type", { length: 20 }).notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    byteSize: integer("byte_size").notNull(),
    data: blob("data", { mode: "buffer" }).notNull(),
    sha256: text("sha256", { length: 64 }),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [foreignKey({ name: "scene_images_archive_scene_owner_fk", columns: [t.sceneId, t.userId], foreignColumns: [scenesArchive.id, scenesArchive.userId] }).onDelete("cascade")],
);

/** Review comments of an archived project's scenes (scene_comments, same columns). */
export const sceneCommentsArchive = sqliteTable(
  "scene_comments_archive",
  {
    id: integer("id").primaryKey(),
    sceneId: integer("scene_id").notNull(),
    storyboardId: integer("storyboard_id").notNull(),
    userId: text("user_id", { length: 255 }).notNull(),
    author: text("author", { length: 10 }).notNull(),
    authorName: text("author_name", { length: REVIEW_LIMITS.commentAuthorName }),
    shareLinkId: integer("share_link_id"),
    body: text("body").notNull(),
    resolved: integer("resolved", { mode: "boolean" }).notNull(),
    resolvedAt: ts("resolved_at"),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [
    foreignKey({ name: "scene_comments_archive_scene_owner_fk", columns: [t.sceneId, t.userId], foreignColumns: [scenesArchive.id, scenesArchive.userId] }).onDelete("cascade"),
    index("idx_scene_comments_archive_scene_id").on(t.sceneId),
  ],
);

export const shareLinksArchive = sqliteTable(
  "share_links_archive",
  {
    id: integer("id").primaryKey(),
    storyboardId: integer("storyboard_id").notNull(),
    userId: text("user_id", { length: 255 }).notNull(),
    tokenHash: text("token_hash", { length: 64 }).notNull(),
    allowComments: integer("allow_comments", { mode: "boolean" }).notNull(),
    createdAt: ts("created_at").notNull(),
    lastOpenedAt: ts("last_opened_at"),
    revokedAt: ts("revoked_at"),
  },
  (t) => [
    foreignKey({ name: "share_links_archive_storyboard_owner_fk", columns: [t.storyboardId, t.userId], foreignColumns: [storyboardsArchive.id, storyboardsArchive.userId] }).onDelete("cascade"),
    index("idx_share_links_archive_storyboard_id").on(t.storyboardId),
  ],
);
/**
 * SQLite only (PostgreSQL uses pg-boss in its own schema, see src/server/jobs): the durable job
 * queue. A worker claims a job by setting state 'active' and a lease (locked_until) in one
 * UPDATE … RETURNING; a job whose lease ran out (its worker died) is claimed again, counting as
 * an attempt. Failed attempts wait run_after (exponential backoff) in state 'retry'.
 */
export const JOB_STATES = ["created", "retry", "active", "completed", "failed"] as const;
export const jobs = sqliteTable(
  "jobs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name", { length: 100 }).notNull(),
    /** What the job is about (a storyboard id): the stale-generation sweep asks which are live. */
    key: text("key", { length: 255 }),
    payload: text("payload").notNull().default("{}"),
    state: text("state", { length: 20 }).notNull().default("created"),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull(),
    retryDelaySeconds: integer("retry_delay_seconds").notNull().default(0),
    timeoutSeconds: integer("timeout_seconds").notNull(),
    runAfter: ts("run_after").notNull().default(nowMs),
    lockedUntil: ts("locked_until"),
    lockedBy: text("locked_by", { length: 100 }),
    lastError: text("last_error"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    completedAt: ts("completed_at"),
  },
  (t) => [
    check("jobs_state_check", sql`${t.state} IN (${inList(JOB_STATES)})`),
    index("idx_jobs_claim").on(t.name, t.state, t.runAfter),
    index("idx_jobs_key").on(t.name, t.key),
  ],
);

/** SQLite only: one row per cron schedule; last_slot moves forward once per slot (compare-and-set), so one instance enqueues it. */
export const jobSchedules = sqliteTable("job_schedules", {
  name: text("name", { length: 100 }).primaryKey(),
  cron: text("cron", { length: 100 }).notNull(),
  lastSlot: ts("last_slot").notNull(),
  updatedAt: updatedAt(),
});
