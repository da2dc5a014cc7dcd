CREATE TABLE `projects_archive` (
	`id` integer PRIMARY KEY NOT NULL,
	`user_id` text(255) NOT NULL,
	`title` text(255) NOT NULL,
	`description` text,
	`status` text(20) NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer,
	`shard_id` integer,
	`archived_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `idx_projects_archive_user_id` ON `projects_archive` (`user_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `projects_archive_id_user_id_unique` ON `projects_archive` (`id`,`user_id`);--> statement-breakpoint
CREATE TABLE `scene_images_archive` (
	`scene_id` integer PRIMARY KEY NOT NULL,
	`user_id` text(255) NOT NULL,
	`content_type` text(20) NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`byte_size` integer NOT NULL,
	`data` blob NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`scene_id`,`user_id`) REFERENCES `scenes_archive`(`id`,`user_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `scene_tasks_archive` (
	`id` integer PRIMARY KEY NOT NULL,
	`scene_id` integer NOT NULL,
	`user_id` text(255) NOT NULL,
	`task_type` text(30) NOT NULL,
	`completed` integer NOT NULL,
	`completed_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`scene_id`,`user_id`) REFERENCES `scenes_archive`(`id`,`user_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `idx_scene_tasks_archive_scene_id` ON `scene_tasks_archive` (`scene_id`);--> statement-breakpoint
CREATE TABLE `scenes_archive` (
	`id` integer PRIMARY KEY NOT NULL,
	`storyboard_id` integer NOT NULL,
	`user_id` text(255) NOT NULL,
	`scene_number` integer NOT NULL,
	`duration` integer NOT NULL,
	`scene_type` text(20) NOT NULL,
	`visual_description` text NOT NULL,
	`script` text,
	`text_overlay` text(500),
	`camera_angle` text(100),
	`beat` text,
	`needs_input` text,
	`edited_fields` text(255),
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`storyboard_id`,`user_id`) REFERENCES `storyboards_archive`(`id`,`user_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `idx_scenes_archive_storyboard_id` ON `scenes_archive` (`storyboard_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `scenes_archive_id_user_id_unique` ON `scenes_archive` (`id`,`user_id`);--> statement-breakpoint
CREATE TABLE `share_links_archive` (
	`id` integer PRIMARY KEY NOT NULL,
	`storyboard_id` integer NOT NULL,
	`user_id` text(255) NOT NULL,
	`token_hash` text(64) NOT NULL,
	`allow_comments` integer NOT NULL,
	`created_at` integer NOT NULL,
	`last_opened_at` integer,
	`revoked_at` integer,
	FOREIGN KEY (`storyboard_id`,`user_id`) REFERENCES `storyboards_archive`(`id`,`user_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `idx_share_links_archive_storyboard_id` ON `share_links_archive` (`storyboard_id`);--> statement-breakpoint
CREATE TABLE `storyboard_snapshots_archive` (
	`id` integer PRIMARY KEY NOT NULL,
	`storyboard_id` integer NOT NULL,
	`user_id` text(255) NOT NULL,
	`name` text(255) NOT NULL,
	`kind` text(20) NOT NULL,
	`created_by` text(255),
	`created_at` integer NOT NULL,
	`scene_count` integer NOT NULL,
	`total_duration` integer NOT NULL,
	`snapshot` text NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`storyboard_id`,`user_id`) REFERENCES `storyboards_archive`(`id`,`user_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `idx_storyboard_snapshots_archive_storyboard_id` ON `storyboard_snapshots_archive` (`storyboard_id`);--> statement-breakpoint
CREATE TABLE `storyboards_archive` (
	`id` integer PRIMARY KEY NOT NULL,
	`project_id` integer NOT NULL,
	`user_id` text(255) NOT NULL,
	`title` text(255) NOT NULL,
	`brief` text NOT NULL,
	`reference_urls` text,
	`total_scenes` integer NOT NULL,
	`total_duration` integer NOT NULL,
	`pattern_source` text(255),
	`status` text(20) NOT NULL,
	`error_message` text,
	`generation_options` text,
	`aspect_ratio` text(5) NOT NULL,
	`generated_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`is_main` integer NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`project_id`,`user_id`) REFERENCES `projects_archive`(`id`,`user_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `idx_storyboards_archive_project_id` ON `storyboards_archive` (`project_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `storyboards_archive_id_user_id_unique` ON `storyboards_archive` (`id`,`user_id`);