CREATE TABLE `storyboard_snapshots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`storyboard_id` integer NOT NULL,
	`name` text(255) NOT NULL,
	`kind` text(20) DEFAULT 'manual' NOT NULL,
	`created_by` text(255),
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`scene_count` integer DEFAULT 0 NOT NULL,
	`total_duration` integer DEFAULT 0 NOT NULL,
	`snapshot` text NOT NULL,
	FOREIGN KEY (`storyboard_id`) REFERENCES `storyboards`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "storyboard_snapshots_kind_check" CHECK("storyboard_snapshots"."kind" IN ('manual', 'auto')),
	CONSTRAINT "storyboard_snapshots_name_length" CHECK(length("storyboard_snapshots"."name") <= 255)
);
--> statement-breakpoint
CREATE INDEX `idx_storyboard_snapshots_storyboard` ON `storyboard_snapshots` (`storyboard_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `projects` ADD `deleted_at` integer;--> statement-breakpoint
CREATE INDEX `idx_projects_deleted_at` ON `projects` (`deleted_at`) WHERE "projects"."deleted_at" IS NOT NULL;--> statement-breakpoint
ALTER TABLE `scenes` ADD `edited_fields` text(255);--> statement-breakpoint
ALTER TABLE `storyboards` ADD `is_main` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `storyboards` ADD `deleted_at` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `uq_storyboards_main_per_project` ON `storyboards` (`project_id`) WHERE "storyboards"."is_main" AND "storyboards"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX `idx_storyboards_deleted_at` ON `storyboards` (`deleted_at`) WHERE "storyboards"."deleted_at" IS NOT NULL;