-- The owner column (see the PostgreSQL migration 0009_owner_column): every table below projects
-- carries its project's user_id, held equal to the parent's by composite foreign keys. SQLite
-- changes a foreign key by rebuilding the table; src/db/migrate.ts runs the migrations with
-- foreign_keys off (a PRAGMA inside the migrator's transaction would be ignored, and dropping a
-- parent table with them on would cascade-delete its children) and checks every key afterwards.
-- The old tables are read through their parent chain to fill user_id, so the order of the
-- rebuilds does not matter. Dropping a table drops its triggers: the audit triggers of 0006 on
-- storyboards, scenes and scene_tasks are created again at the end, recording user_id too (every
-- column reaches the audit, as on PostgreSQL, whose triggers take the whole row).
CREATE TABLE `__new_scene_images` (
	`scene_id` integer PRIMARY KEY NOT NULL,
	`user_id` text(255) NOT NULL,
	`content_type` text(20) NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`byte_size` integer NOT NULL,
	`data` blob NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`scene_id`,`user_id`) REFERENCES `scenes`(`id`,`user_id`) ON UPDATE cascade ON DELETE cascade,
	CONSTRAINT "scene_images_content_type_check" CHECK("__new_scene_images"."content_type" IN ('image/png', 'image/jpeg'))
);
--> statement-breakpoint
INSERT INTO `__new_scene_images`("scene_id", "user_id", "content_type", "width", "height", "byte_size", "data", "created_at", "updated_at") SELECT "scene_id", (SELECT p."user_id" FROM "scenes" sc JOIN "storyboards" s ON s."id" = sc."storyboard_id" JOIN "projects" p ON p."id" = s."project_id" WHERE sc."id" = "scene_images"."scene_id"), "content_type", "width", "height", "byte_size", "data", "created_at", "updated_at" FROM `scene_images`;--> statement-breakpoint
DROP TABLE `scene_images`;--> statement-breakpoint
ALTER TABLE `__new_scene_images` RENAME TO `scene_images`;--> statement-breakpoint
CREATE TABLE `__new_scene_tasks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scene_id` integer NOT NULL,
	`user_id` text(255) NOT NULL,
	`task_type` text(30) NOT NULL,
	`completed` integer DEFAULT false NOT NULL,
	`completed_at` integer,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`scene_id`,`user_id`) REFERENCES `scenes`(`id`,`user_id`) ON UPDATE cascade ON DELETE cascade,
	CONSTRAINT "scene_tasks_task_type_check" CHECK("__new_scene_tasks"."task_type" IN ('script_written', 'scene_filmed', 'audio_recorded', 'edited'))
);
--> statement-breakpoint
INSERT INTO `__new_scene_tasks`("id", "scene_id", "user_id", "task_type", "completed", "completed_at", "updated_at") SELECT "id", "scene_id", (SELECT p."user_id" FROM "scenes" sc JOIN "storyboards" s ON s."id" = sc."storyboard_id" JOIN "projects" p ON p."id" = s."project_id" WHERE sc."id" = "scene_tasks"."scene_id"), "task_type", "completed", "completed_at", "updated_at" FROM `scene_tasks`;--> statement-breakpoint
DROP TABLE `scene_tasks`;--> statement-breakpoint
ALTER TABLE `__new_scene_tasks` RENAME TO `scene_tasks`;--> statement-breakpoint
CREATE INDEX `idx_scene_tasks_scene_id` ON `scene_tasks` (`scene_id`);--> statement-breakpoint
CREATE INDEX `idx_scene_tasks_completed` ON `scene_tasks` (`completed`);--> statement-breakpoint
CREATE INDEX `idx_scene_tasks_type` ON `scene_tasks` (`task_type`);--> statement-breakpoint
CREATE UNIQUE INDEX `scene_tasks_scene_id_task_type_unique` ON `scene_tasks` (`scene_id`,`task_type`);--> statement-breakpoint
CREATE TABLE `__new_scenes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`storyboard_id` integer NOT NULL,
	`user_id` text(255) NOT NULL,
	`scene_number` integer NOT NULL,
	`duration` integer DEFAULT 0 NOT NULL,
	`scene_type` text(20) DEFAULT 'content' NOT NULL,
	`visual_description` text NOT NULL,
	`script` text,
	`text_overlay` text(500),
	`camera_angle` text(100),
	`beat` text,
	`needs_input` text,
	`edited_fields` text(255),
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`storyboard_id`,`user_id`) REFERENCES `storyboards`(`id`,`user_id`) ON UPDATE cascade ON DELETE cascade,
	CONSTRAINT "scenes_scene_type_check" CHECK("__new_scenes"."scene_type" IN ('hook', 'content', 'cta', 'transition')),
	CONSTRAINT "scenes_text_overlay_length" CHECK(length("__new_scenes"."text_overlay") <= 500),
	CONSTRAINT "scenes_camera_angle_length" CHECK(length("__new_scenes"."camera_angle") <= 100)
);
--> statement-breakpoint
INSERT INTO `__new_scenes`("id", "storyboard_id", "user_id", "scene_number", "duration", "scene_type", "visual_description", "script", "text_overlay", "camera_angle", "beat", "needs_input", "edited_fields", "created_at", "updated_at") SELECT "id", "storyboard_id", (SELECT p."user_id" FROM "storyboards" s JOIN "projects" p ON p."id" = s."project_id" WHERE s."id" = "scenes"."storyboard_id"), "scene_number", "duration", "scene_type", "visual_description", "script", "text_overlay", "camera_angle", "beat", "needs_input", "edited_fields", "created_at", "updated_at" FROM `scenes`;--> statement-breakpoint
DROP TABLE `scenes`;--> statement-breakpoint
ALTER TABLE `__new_scenes` RENAME TO `scenes`;--> statement-breakpoint
CREATE INDEX `idx_scenes_storyboard_id` ON `scenes` (`storyboard_id`);--> statement-breakpoint
CREATE INDEX `idx_scenes_type` ON `scenes` (`scene_type`);--> statement-breakpoint
CREATE INDEX `idx_scenes_storyboard_scene_number` ON `scenes` (`storyboard_id`,`scene_number`);--> statement-breakpoint
CREATE UNIQUE INDEX `scenes_storyboard_id_scene_number_unique` ON `scenes` (`storyboard_id`,`scene_number`);--> statement-breakpoint
CREATE UNIQUE INDEX `scenes_id_user_id_unique` ON `scenes` (`id`,`user_id`);--> statement-breakpoint
CREATE TABLE `__new_share_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`storyboard_id` integer NOT NULL,
	`user_id` text(255) NOT NULL,
	`token_hash` text(64) NOT NULL,
	`allow_comments` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`last_opened_at` integer,
	`revoked_at` integer,
	FOREIGN KEY (`storyboard_id`,`user_id`) REFERENCES `storyboards`(`id`,`user_id`) ON UPDATE cascade ON DELETE cascade,
	CONSTRAINT "share_links_token_hash_length" CHECK(length("__new_share_links"."token_hash") <= 64)
);
--> statement-breakpoint
INSERT INTO `__new_share_links`("id", "storyboard_id", "user_id", "token_hash", "allow_comments", "created_at", "last_opened_at", "revoked_at") SELECT "id", "storyboard_id", (SELECT p."user_id" FROM "storyboards" s JOIN "projects" p ON p."id" = s."project_id" WHERE s."id" = "share_links"."storyboard_id"), "token_hash", "allow_comments", "created_at", "last_opened_at", "revoked_at" FROM `share_links`;--> statement-breakpoint
DROP TABLE `share_links`;--> statement-breakpoint
ALTER TABLE `__new_share_links` RENAME TO `share_links`;--> statement-breakpoint
CREATE UNIQUE INDEX `share_links_token_hash_unique` ON `share_links` (`token_hash`);--> statement-breakpoint
CREATE INDEX `idx_share_links_storyboard_id` ON `share_links` (`storyboard_id`);--> statement-breakpoint
CREATE TABLE `__new_storyboard_snapshots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`storyboard_id` integer NOT NULL,
	`user_id` text(255) NOT NULL,
	`name` text(255) NOT NULL,
	`kind` text(20) DEFAULT 'manual' NOT NULL,
	`created_by` text(255),
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`scene_count` integer DEFAULT 0 NOT NULL,
	`total_duration` integer DEFAULT 0 NOT NULL,
	`snapshot` text NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`storyboard_id`,`user_id`) REFERENCES `storyboards`(`id`,`user_id`) ON UPDATE cascade ON DELETE cascade,
	CONSTRAINT "storyboard_snapshots_kind_check" CHECK("__new_storyboard_snapshots"."kind" IN ('manual', 'auto')),
	CONSTRAINT "storyboard_snapshots_name_length" CHECK(length("__new_storyboard_snapshots"."name") <= 255)
);
--> statement-breakpoint
INSERT INTO `__new_storyboard_snapshots`("id", "storyboard_id", "user_id", "name", "kind", "created_by", "created_at", "scene_count", "total_duration", "snapshot") SELECT "id", "storyboard_id", (SELECT p."user_id" FROM "storyboards" s JOIN "projects" p ON p."id" = s."project_id" WHERE s."id" = "storyboard_snapshots"."storyboard_id"), "name", "kind", "created_by", "created_at", "scene_count", "total_duration", "snapshot" FROM `storyboard_snapshots`;--> statement-breakpoint
DROP TABLE `storyboard_snapshots`;--> statement-breakpoint
ALTER TABLE `__new_storyboard_snapshots` RENAME TO `storyboard_snapshots`;--> statement-breakpoint
CREATE INDEX `idx_storyboard_snapshots_storyboard` ON `storyboard_snapshots` (`storyboard_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `__new_storyboards` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`user_id` text(255) NOT NULL,
	`title` text(255) NOT NULL,
	`brief` text NOT NULL,
	`reference_urls` text,
	`total_scenes` integer DEFAULT 0 NOT NULL,
	`total_duration` integer DEFAULT 0 NOT NULL,
	`pattern_source` text(255),
	`status` text(20) DEFAULT 'generating' NOT NULL,
	`error_message` text,
	`generation_options` text,
	`aspect_ratio` text(5) DEFAULT '9:16' NOT NULL,
	`generated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`is_main` integer DEFAULT false NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`project_id`,`user_id`) REFERENCES `projects`(`id`,`user_id`) ON UPDATE cascade ON DELETE cascade,
	CONSTRAINT "storyboards_status_check" CHECK("__new_storyboards"."status" IN ('generating', 'completed', 'error')),
	CONSTRAINT "storyboards_aspect_ratio_check" CHECK("__new_storyboards"."aspect_ratio" IN ('9:16', '16:9', '1:1', '4:5')),
	CONSTRAINT "storyboards_title_length" CHECK(length("__new_storyboards"."title") <= 255),
	CONSTRAINT "storyboards_pattern_source_length" CHECK(length("__new_storyboards"."pattern_source") <= 255)
);
--> statement-breakpoint
INSERT INTO `__new_storyboards`("id", "project_id", "user_id", "title", "brief", "reference_urls", "total_scenes", "total_duration", "pattern_source", "status", "error_message", "generation_options", "aspect_ratio", "generated_at", "updated_at", "is_main", "deleted_at") SELECT "id", "project_id", (SELECT p."user_id" FROM "projects" p WHERE p."id" = "storyboards"."project_id"), "title", "brief", "reference_urls", "total_scenes", "total_duration", "pattern_source", "status", "error_message", "generation_options", "aspect_ratio", "generated_at", "updated_at", "is_main", "deleted_at" FROM `storyboards`;--> statement-breakpoint
DROP TABLE `storyboards`;--> statement-breakpoint
ALTER TABLE `__new_storyboards` RENAME TO `storyboards`;--> statement-breakpoint
CREATE INDEX `idx_storyboards_project_id` ON `storyboards` (`project_id`);--> statement-breakpoint
CREATE INDEX `idx_storyboards_status` ON `storyboards` (`status`);--> statement-breakpoint
CREATE INDEX `idx_storyboards_generated_at` ON `storyboards` (`generated_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `uq_storyboards_main_per_project` ON `storyboards` (`project_id`) WHERE "storyboards"."is_main" AND "storyboards"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX `idx_storyboards_deleted_at` ON `storyboards` (`deleted_at`) WHERE "storyboards"."deleted_at" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `storyboards_id_user_id_unique` ON `storyboards` (`id`,`user_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `projects_id_user_id_unique` ON `projects` (`id`,`user_id`);--> statement-breakpoint
CREATE TRIGGER audit_storyboards_insert AFTER INSERT ON storyboards
WHEN (SELECT bulk FROM audit_context WHERE id = 1) = 0
BEGIN
  INSERT INTO audit_log (table_name, operation, user_id, old_values, new_values, tx_id, project_id, storyboard_id, row_id)
  SELECT 'storyboards', 'INSERT', c.user_id,
    NULL,
    json_object('id', NEW.id, 'user_id', NEW.user_id, 'project_id', NEW.project_id, 'title', NEW.title, 'brief', NEW.brief, 'reference_urls', json(NEW.reference_urls), 'total_scenes', NEW.total_scenes, 'total_duration', NEW.total_duration, 'pattern_source', NEW.pattern_source, 'status', NEW.status, 'error_message', NEW.error_message, 'generated_at', NEW.generated_at, 'updated_at', NEW.updated_at, 'generation_options', json(NEW.generation_options), 'is_main', json(CASE WHEN NEW.is_main THEN 'true' ELSE 'false' END), 'deleted_at', NEW.deleted_at, 'aspect_ratio', NEW.aspect_ratio),
    c.tx_id, NEW.project_id, NEW.id, NEW.id
  FROM audit_context c WHERE c.id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER audit_storyboards_update AFTER UPDATE ON storyboards
WHEN (SELECT bulk FROM audit_context WHERE id = 1) = 0
  AND (OLD.id IS NOT NEW.id OR OLD.user_id IS NOT NEW.user_id OR OLD.project_id IS NOT NEW.project_id OR OLD.title IS NOT NEW.title OR OLD.brief IS NOT NEW.brief OR OLD.reference_urls IS NOT NEW.reference_urls OR OLD.total_scenes IS NOT NEW.total_scenes OR OLD.total_duration IS NOT NEW.total_duration OR OLD.pattern_source IS NOT NEW.pattern_source OR OLD.status IS NOT NEW.status OR OLD.error_message IS NOT NEW.error_message OR OLD.generated_at IS NOT NEW.generated_at OR OLD.generation_options IS NOT NEW.generation_options OR OLD.is_main IS NOT NEW.is_main OR OLD.deleted_at IS NOT NEW.deleted_at OR OLD.aspect_ratio IS NOT NEW.aspect_ratio)
BEGIN
  INSERT INTO audit_log (table_name, operation, user_id, old_values, new_values, tx_id, project_id, storyboard_id, row_id)
  SELECT 'storyboards', 'UPDATE', c.user_id,
    json_object('id', OLD.id, 'user_id', OLD.user_id, 'project_id', OLD.project_id, 'title', OLD.title, 'brief', OLD.brief, 'reference_urls', json(OLD.reference_urls), 'total_scenes', OLD.total_scenes, 'total_duration', OLD.total_duration, 'pattern_source', OLD.pattern_source, 'status', OLD.status, 'error_message', OLD.error_message, 'generated_at', OLD.generated_at, 'updated_at', OLD.updated_at, 'generation_options', json(OLD.generation_options), 'is_main', json(CASE WHEN OLD.is_main THEN 'true' ELSE 'false' END), 'deleted_at', OLD.deleted_at, 'aspect_ratio', OLD.aspect_ratio),
    json_object('id', NEW.id, 'user_id', NEW.user_id, 'project_id', NEW.project_id, 'title', NEW.title, 'brief', NEW.brief, 'reference_urls', json(NEW.reference_urls), 'total_scenes', NEW.total_scenes, 'total_duration', NEW.total_duration, 'pattern_source', NEW.pattern_source, 'status', NEW.status, 'error_message', NEW.error_message, 'generated_at', NEW.generated_at, 'updated_at', NEW.updated_at, 'generation_options', json(NEW.generation_options), 'is_main', json(CASE WHEN NEW.is_main THEN 'true' ELSE 'false' END), 'deleted_at', NEW.deleted_at, 'aspect_ratio', NEW.aspect_ratio),
    c.tx_id, NEW.project_id, NEW.id, NEW.id
  FROM audit_context c WHERE c.id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER audit_storyboards_delete AFTER DELETE ON storyboards
WHEN (SELECT bulk FROM audit_context WHERE id = 1) = 0
BEGIN
  INSERT INTO audit_log (table_name, operation, user_id, old_values, new_values, tx_id, project_id, storyboard_id, row_id)
  SELECT 'storyboards', 'DELETE', c.user_id,
    json_object('id', OLD.id, 'user_id', OLD.user_id, 'project_id', OLD.project_id, 'title', OLD.title, 'brief', OLD.brief, 'reference_urls', json(OLD.reference_urls), 'total_scenes', OLD.total_scenes, 'total_duration', OLD.total_duration, 'pattern_source', OLD.pattern_source, 'status', OLD.status, 'error_message', OLD.error_message, 'generated_at', OLD.generated_at, 'updated_at', OLD.updated_at, 'generation_options', json(OLD.generation_options), 'is_main', json(CASE WHEN OLD.is_main THEN 'true' ELSE 'false' END), 'deleted_at', OLD.deleted_at, 'aspect_ratio', OLD.aspect_ratio),
    NULL,
    c.tx_id, OLD.project_id, OLD.id, OLD.id
  FROM audit_context c WHERE c.id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER audit_scenes_insert AFTER INSERT ON scenes
WHEN (SELECT bulk FROM audit_context WHERE id = 1) = 0
BEGIN
  INSERT INTO audit_log (table_name, operation, user_id, old_values, new_values, tx_id, project_id, storyboard_id, row_id)
  SELECT 'scenes', 'INSERT', c.user_id,
    NULL,
    json_object('id', NEW.id, 'user_id', NEW.user_id, 'storyboard_id', NEW.storyboard_id, 'scene_number', NEW.scene_number, 'duration', NEW.duration, 'scene_type', NEW.scene_type, 'visual_description', NEW.visual_description, 'script', NEW.script, 'text_overlay', NEW.text_overlay, 'camera_angle', NEW.camera_angle, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'beat', NEW.beat, 'needs_input', NEW.needs_input, 'edited_fields', NEW.edited_fields),
    c.tx_id, (SELECT s.project_id FROM storyboards s WHERE s.id = NEW.storyboard_id), NEW.storyboard_id, NEW.id
  FROM audit_context c WHERE c.id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER audit_scenes_update AFTER UPDATE ON scenes
WHEN (SELECT bulk FROM audit_context WHERE id = 1) = 0
  AND (OLD.id IS NOT NEW.id OR OLD.user_id IS NOT NEW.user_id OR OLD.storyboard_id IS NOT NEW.storyboard_id OR OLD.scene_number IS NOT NEW.scene_number OR OLD.duration IS NOT NEW.duration OR OLD.scene_type IS NOT NEW.scene_type OR OLD.visual_description IS NOT NEW.visual_description OR OLD.script IS NOT NEW.script OR OLD.text_overlay IS NOT NEW.text_overlay OR OLD.camera_angle IS NOT NEW.camera_angle OR OLD.created_at IS NOT NEW.created_at OR OLD.beat IS NOT NEW.beat OR OLD.needs_input IS NOT NEW.needs_input OR OLD.edited_fields IS NOT NEW.edited_fields)
BEGIN
  INSERT INTO audit_log (table_name, operation, user_id, old_values, new_values, tx_id, project_id, storyboard_id, row_id)
  SELECT 'scenes', 'UPDATE', c.user_id,
    json_object('id', OLD.id, 'user_id', OLD.user_id, 'storyboard_id', OLD.storyboard_id, 'scene_number', OLD.scene_number, 'duration', OLD.duration, 'scene_type', OLD.scene_type, 'visual_description', OLD.visual_description, 'script', OLD.script, 'text_overlay', OLD.text_overlay, 'camera_angle', OLD.camera_angle, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'beat', OLD.beat, 'needs_input', OLD.needs_input, 'edited_fields', OLD.edited_fields),
    json_object('id', NEW.id, 'user_id', NEW.user_id, 'storyboard_id', NEW.storyboard_id, 'scene_number', NEW.scene_number, 'duration', NEW.duration, 'scene_type', NEW.scene_type, 'visual_description', NEW.visual_description, 'script', NEW.script, 'text_overlay', NEW.text_overlay, 'camera_angle', NEW.camera_angle, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'beat', NEW.beat, 'needs_input', NEW.needs_input, 'edited_fields', NEW.edited_fields),
    c.tx_id, (SELECT s.project_id FROM storyboards s WHERE s.id = NEW.storyboard_id), NEW.storyboard_id, NEW.id
  FROM audit_context c WHERE c.id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER audit_scenes_delete AFTER DELETE ON scenes
WHEN (SELECT bulk FROM audit_context WHERE id = 1) = 0
BEGIN
  INSERT INTO audit_log (table_name, operation, user_id, old_values, new_values, tx_id, project_id, storyboard_id, row_id)
  SELECT 'scenes', 'DELETE', c.user_id,
    json_object('id', OLD.id, 'user_id', OLD.user_id, 'storyboard_id', OLD.storyboard_id, 'scene_number', OLD.scene_number, 'duration', OLD.duration, 'scene_type', OLD.scene_type, 'visual_description', OLD.visual_description, 'script', OLD.script, 'text_overlay', OLD.text_overlay, 'camera_angle', OLD.camera_angle, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'beat', OLD.beat, 'needs_input', OLD.needs_input, 'edited_fields', OLD.edited_fields),
    NULL,
    c.tx_id, (SELECT s.project_id FROM storyboards s WHERE s.id = OLD.storyboard_id), OLD.storyboard_id, OLD.id
  FROM audit_context c WHERE c.id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER audit_scene_tasks_insert AFTER INSERT ON scene_tasks
WHEN (SELECT bulk FROM audit_context WHERE id = 1) = 0
BEGIN
  INSERT INTO audit_log (table_name, operation, user_id, old_values, new_values, tx_id, project_id, storyboard_id, row_id)
  SELECT 'scene_tasks', 'INSERT', c.user_id,
    NULL,
    json_object('id', NEW.id, 'user_id', NEW.user_id, 'scene_id', NEW.scene_id, 'task_type', NEW.task_type, 'completed', json(CASE WHEN NEW.completed THEN 'true' ELSE 'false' END), 'completed_at', NEW.completed_at, 'updated_at', NEW.updated_at),
    c.tx_id, (SELECT s.project_id FROM scenes sc JOIN storyboards s ON s.id = sc.storyboard_id WHERE sc.id = NEW.scene_id), (SELECT sc.storyboard_id FROM scenes sc WHERE sc.id = NEW.scene_id), NEW.id
  FROM audit_context c WHERE c.id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER audit_scene_tasks_update AFTER UPDATE ON scene_tasks
WHEN (SELECT bulk FROM audit_context WHERE id = 1) = 0
  AND (OLD.id IS NOT NEW.id OR OLD.user_id IS NOT NEW.user_id OR OLD.scene_id IS NOT NEW.scene_id OR OLD.task_type IS NOT NEW.task_type OR OLD.completed IS NOT NEW.completed OR OLD.completed_at IS NOT NEW.completed_at)
BEGIN
  INSERT INTO audit_log (table_name, operation, user_id, old_values, new_values, tx_id, project_id, storyboard_id, row_id)
  SELECT 'scene_tasks', 'UPDATE', c.user_id,
    json_object('id', OLD.id, 'user_id', OLD.user_id, 'scene_id', OLD.scene_id, 'task_type', OLD.task_type, 'completed', json(CASE WHEN OLD.completed THEN 'true' ELSE 'false' END), 'completed_at', OLD.completed_at, 'updated_at', OLD.updated_at),
    json_object('id', NEW.id, 'user_id', NEW.user_id, 'scene_id', NEW.scene_id, 'task_type', NEW.task_type, 'completed', json(CASE WHEN NEW.completed THEN 'true' ELSE 'false' END), 'completed_at', NEW.completed_at, 'updated_at', NEW.updated_at),
    c.tx_id, (SELECT s.project_id FROM scenes sc JOIN storyboards s ON s.id = sc.storyboard_id WHERE sc.id = NEW.scene_id), (SELECT sc.storyboard_id FROM scenes sc WHERE sc.id = NEW.scene_id), NEW.id
  FROM audit_context c WHERE c.id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER audit_scene_tasks_delete AFTER DELETE ON scene_tasks
WHEN (SELECT bulk FROM audit_context WHERE id = 1) = 0
BEGIN
  INSERT INTO audit_log (table_name, operation, user_id, old_values, new_values, tx_id, project_id, storyboard_id, row_id)
  SELECT 'scene_tasks', 'DELETE', c.user_id,
    json_object('id', OLD.id, 'user_id', OLD.user_id, 'scene_id', OLD.scene_id, 'task_type', OLD.task_type, 'completed', json(CASE WHEN OLD.completed THEN 'true' ELSE 'false' END), 'completed_at', OLD.completed_at, 'updated_at', OLD.updated_at),
    NULL,
    c.tx_id, (SELECT s.project_id FROM scenes sc JOIN storyboards s ON s.id = sc.storyboard_id WHERE sc.id = OLD.scene_id), (SELECT sc.storyboard_id FROM scenes sc WHERE sc.id = OLD.scene_id), OLD.id
  FROM audit_context c WHERE c.id = 1;
END;
