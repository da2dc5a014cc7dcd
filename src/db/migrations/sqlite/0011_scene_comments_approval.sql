-- Review comments and approval (issue 15). Edited from drizzle-kit's output, which rebuilt
-- storyboards (new table, copy, DROP TABLE, rename) to add approval_state with its CHECK: inside
-- the migrator's transaction PRAGMA foreign_keys=OFF has no effect, so that DROP TABLE would have
-- cascaded to every scene and task (as 0005 explains). ADD COLUMN with a named column CHECK does
-- the same without touching a row. The storyboards audit triggers are re-created so the history
-- records approval changes (the PostgreSQL triggers log whole rows and need no change).
CREATE TABLE `scene_comments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scene_id` integer NOT NULL,
	`storyboard_id` integer NOT NULL,
	`user_id` text(255) NOT NULL,
	`author` text(10) NOT NULL,
	`author_name` text(80),
	`share_link_id` integer,
	`body` text NOT NULL,
	`resolved` integer DEFAULT false NOT NULL,
	`resolved_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`share_link_id`) REFERENCES `share_links`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`scene_id`,`user_id`) REFERENCES `scenes`(`id`,`user_id`) ON UPDATE cascade ON DELETE cascade,
	FOREIGN KEY (`storyboard_id`,`user_id`) REFERENCES `storyboards`(`id`,`user_id`) ON UPDATE cascade ON DELETE cascade,
	CONSTRAINT "scene_comments_author_check" CHECK("scene_comments"."author" IN ('owner', 'reviewer')),
	CONSTRAINT "scene_comments_reviewer_name_check" CHECK("scene_comments"."author" = 'owner' OR "scene_comments"."author_name" IS NOT NULL),
	CONSTRAINT "scene_comments_body_length_check" CHECK(length("scene_comments"."body") BETWEEN 1 AND 2000),
	CONSTRAINT "scene_comments_author_name_length" CHECK(length("scene_comments"."author_name") <= 80)
);
--> statement-breakpoint
CREATE INDEX `idx_scene_comments_scene_id` ON `scene_comments` (`scene_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `idx_scene_comments_storyboard_id` ON `scene_comments` (`storyboard_id`);--> statement-breakpoint
CREATE INDEX `idx_scene_comments_share_link_id` ON `scene_comments` (`share_link_id`);--> statement-breakpoint
CREATE TABLE `scene_comments_archive` (
	`id` integer PRIMARY KEY NOT NULL,
	`scene_id` integer NOT NULL,
	`storyboard_id` integer NOT NULL,
	`user_id` text(255) NOT NULL,
	`author` text(10) NOT NULL,
	`author_name` text(80),
	`share_link_id` integer,
	`body` text NOT NULL,
	`resolved` integer NOT NULL,
	`resolved_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`scene_id`,`user_id`) REFERENCES `scenes_archive`(`id`,`user_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `idx_scene_comments_archive_scene_id` ON `scene_comments_archive` (`scene_id`);--> statement-breakpoint
ALTER TABLE `storyboards_archive` ADD `approval_state` text(20) DEFAULT 'draft' NOT NULL;--> statement-breakpoint
ALTER TABLE `storyboards` ADD `approval_state` text(20) DEFAULT 'draft' NOT NULL CONSTRAINT "storyboards_approval_state_check" CHECK("approval_state" IN ('draft', 'in_review', 'approved', 'changes_requested'));--> statement-breakpoint
DROP TRIGGER audit_storyboards_insert;--> statement-breakpoint
DROP TRIGGER audit_storyboards_update;--> statement-breakpoint
DROP TRIGGER audit_storyboards_delete;--> statement-breakpoint
CREATE TRIGGER audit_storyboards_insert AFTER INSERT ON storyboards
WHEN (SELECT bulk FROM audit_context WHERE id = 1) = 0
BEGIN
  INSERT INTO audit_log (table_name, operation, user_id, old_values, new_values, tx_id, project_id, storyboard_id, row_id)
  SELECT 'storyboards', 'INSERT', c.user_id,
    NULL,
    json_object('id', NEW.id, 'user_id', NEW.user_id, 'project_id', NEW.project_id, 'title', NEW.title, 'brief', NEW.brief, 'reference_urls', json(NEW.reference_urls), 'total_scenes', NEW.total_scenes, 'total_duration', NEW.total_duration, 'pattern_source', NEW.pattern_source, 'status', NEW.status, 'error_message', NEW.error_message, 'generated_at', NEW.generated_at, 'updated_at', NEW.updated_at, 'generation_options', json(NEW.generation_options), 'is_main', json(CASE WHEN NEW.is_main THEN 'true' ELSE 'false' END), 'deleted_at', NEW.deleted_at, 'aspect_ratio', NEW.aspect_ratio, 'approval_state', NEW.approval_state),
    c.tx_id, NEW.project_id, NEW.id, NEW.id
  FROM audit_context c WHERE c.id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER audit_storyboards_update AFTER UPDATE ON storyboards
WHEN (SELECT bulk FROM audit_context WHERE id = 1) = 0
  AND (OLD.id IS NOT NEW.id OR OLD.user_id IS NOT NEW.user_id OR OLD.project_id IS NOT NEW.project_id OR OLD.title IS NOT NEW.title OR OLD.brief IS NOT NEW.brief OR OLD.reference_urls IS NOT NEW.reference_urls OR OLD.total_scenes IS NOT NEW.total_scenes OR OLD.total_duration IS NOT NEW.total_duration OR OLD.pattern_source IS NOT NEW.pattern_source OR OLD.status IS NOT NEW.status OR OLD.error_message IS NOT NEW.error_message OR OLD.generated_at IS NOT NEW.generated_at OR OLD.generation_options IS NOT NEW.generation_options OR OLD.is_main IS NOT NEW.is_main OR OLD.deleted_at IS NOT NEW.deleted_at OR OLD.aspect_ratio IS NOT NEW.aspect_ratio OR OLD.approval_state IS NOT NEW.approval_state)
BEGIN
  INSERT INTO audit_log (table_name, operation, user_id, old_values, new_values, tx_id, project_id, storyboard_id, row_id)
  SELECT 'storyboards', 'UPDATE', c.user_id,
    json_object('id', OLD.id, 'user_id', OLD.user_id, 'project_id', OLD.project_id, 'title', OLD.title, 'brief', OLD.brief, 'reference_urls', json(OLD.reference_urls), 'total_scenes', OLD.total_scenes, 'total_duration', OLD.total_duration, 'pattern_source', OLD.pattern_source, 'status', OLD.status, 'error_message', OLD.error_message, 'generated_at', OLD.generated_at, 'updated_at', OLD.updated_at, 'generation_options', json(OLD.generation_options), 'is_main', json(CASE WHEN OLD.is_main THEN 'true' ELSE 'false' END), 'deleted_at', OLD.deleted_at, 'aspect_ratio', OLD.aspect_ratio, 'approval_state', OLD.approval_state),
    json_object('id', NEW.id, 'user_id', NEW.user_id, 'project_id', NEW.project_id, 'title', NEW.title, 'brief', NEW.brief, 'reference_urls', json(NEW.reference_urls), 'total_scenes', NEW.total_scenes, 'total_duration', NEW.total_duration, 'pattern_source', NEW.pattern_source, 'status', NEW.status, 'error_message', NEW.error_message, 'generated_at', NEW.generated_at, 'updated_at', NEW.updated_at, 'generation_options', json(NEW.generation_options), 'is_main', json(CASE WHEN NEW.is_main THEN 'true' ELSE 'false' END), 'deleted_at', NEW.deleted_at, 'aspect_ratio', NEW.aspect_ratio, 'approval_state', NEW.approval_state),
    c.tx_id, NEW.project_id, NEW.id, NEW.id
  FROM audit_context c WHERE c.id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER audit_storyboards_delete AFTER DELETE ON storyboards
WHEN (SELECT bulk FROM audit_context WHERE id = 1) = 0
BEGIN
  INSERT INTO audit_log (table_name, operation, user_id, old_values, new_values, tx_id, project_id, storyboard_id, row_id)
  SELECT 'storyboards', 'DELETE', c.user_id,
    json_object('id', OLD.id, 'user_id', OLD.user_id, 'project_id', OLD.project_id, 'title', OLD.title, 'brief', OLD.brief, 'reference_urls', json(OLD.reference_urls), 'total_scenes', OLD.total_scenes, 'total_duration', OLD.total_duration, 'pattern_source', OLD.pattern_source, 'status', OLD.status, 'error_message', OLD.error_message, 'generated_at', OLD.generated_at, 'updated_at', OLD.updated_at, 'generation_options', json(OLD.generation_options), 'is_main', json(CASE WHEN OLD.is_main THEN 'true' ELSE 'false' END), 'deleted_at', OLD.deleted_at, 'aspect_ratio', OLD.aspect_ratio, 'approval_state', OLD.approval_state),
    NULL,
    c.tx_id, OLD.project_id, OLD.id, OLD.id
  FROM audit_context c WHERE c.id = 1;
END;
