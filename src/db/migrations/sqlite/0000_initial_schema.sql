CREATE TABLE `accounts` (
	`user_id` text(255) NOT NULL,
	`type` text NOT NULL,
	`provider` text NOT NULL,
	`provider_account_id` text NOT NULL,
	`refresh_token` text,
	`access_token` text,
	`expires_at` integer,
	`token_type` text,
	`scope` text,
	`id_token` text,
	`session_state` text,
	PRIMARY KEY(`provider`, `provider_account_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `idx_accounts_user_id` ON `accounts` (`user_id`);--> statement-breakpoint
CREATE TABLE `projects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text(255) NOT NULL,
	`title` text(255) NOT NULL,
	`description` text,
	`status` text(20) DEFAULT 'active' NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "projects_status_check" CHECK("projects"."status" IN ('draft', 'active', 'completed', 'archived')),
	CONSTRAINT "projects_title_length" CHECK(length("projects"."title") <= 255)
);
--> statement-breakpoint
CREATE INDEX `idx_projects_user_id` ON `projects` (`user_id`);--> statement-breakpoint
CREATE INDEX `idx_projects_status` ON `projects` (`status`);--> statement-breakpoint
CREATE INDEX `idx_projects_updated_at` ON `projects` (`updated_at`);--> statement-breakpoint
CREATE INDEX `idx_projects_user_status` ON `projects` (`user_id`,`status`);--> statement-breakpoint
CREATE TABLE `scene_tasks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scene_id` integer NOT NULL,
	`task_type` text(30) NOT NULL,
	`completed` integer DEFAULT false NOT NULL,
	`completed_at` integer,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`scene_id`) REFERENCES `scenes`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "scene_tasks_task_type_check" CHECK("scene_tasks"."task_type" IN ('script_written', 'scene_filmed', 'audio_recorded', 'edited'))
);
--> statement-breakpoint
CREATE INDEX `idx_scene_tasks_scene_id` ON `scene_tasks` (`scene_id`);--> statement-breakpoint
CREATE INDEX `idx_scene_tasks_completed` ON `scene_tasks` (`completed`);--> statement-breakpoint
CREATE INDEX `idx_scene_tasks_type` ON `scene_tasks` (`task_type`);--> statement-breakpoint
CREATE UNIQUE INDEX `scene_tasks_scene_id_task_type_unique` ON `scene_tasks` (`scene_id`,`task_type`);--> statement-breakpoint
CREATE TABLE `scenes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`storyboard_id` integer NOT NULL,
	`scene_number` integer NOT NULL,
	`duration` integer DEFAULT 0 NOT NULL,
	`scene_type` text(20) DEFAULT 'content' NOT NULL,
	`visual_description` text NOT NULL,
	`script` text,
	`text_overlay` text(500),
	`camera_angle` text(100),
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`storyboard_id`) REFERENCES `storyboards`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "scenes_scene_type_check" CHECK("scenes"."scene_type" IN ('hook', 'content', 'cta', 'transition')),
	CONSTRAINT "scenes_text_overlay_length" CHECK(length("scenes"."text_overlay") <= 500),
	CONSTRAINT "scenes_camera_angle_length" CHECK(length("scenes"."camera_angle") <= 100)
);
--> statement-breakpoint
CREATE INDEX `idx_scenes_storyboard_id` ON `scenes` (`storyboard_id`);--> statement-breakpoint
CREATE INDEX `idx_scenes_type` ON `scenes` (`scene_type`);--> statement-breakpoint
CREATE INDEX `idx_scenes_storyboard_scene_number` ON `scenes` (`storyboard_id`,`scene_number`);--> statement-breakpoint
CREATE UNIQUE INDEX `scenes_storyboard_id_scene_number_unique` ON `scenes` (`storyboard_id`,`scene_number`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`session_token` text PRIMARY KEY NOT NULL,
	`user_id` text(255) NOT NULL,
	`expires` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `idx_sessions_user_id` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `storyboards` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`title` text(255) NOT NULL,
	`brief` text NOT NULL,
	`reference_urls` text,
	`total_scenes` integer DEFAULT 0 NOT NULL,
	`total_duration` integer DEFAULT 0 NOT NULL,
	`pattern_source` text(255),
	`status` text(20) DEFAULT 'generating' NOT NULL,
	`error_message` text,
	`generated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "storyboards_status_check" CHECK("storyboards"."status" IN ('generating', 'completed', 'error')),
	CONSTRAINT "storyboards_title_length" CHECK(length("storyboards"."title") <= 255),
	CONSTRAINT "storyboards_pattern_source_length" CHECK(length("storyboards"."pattern_source") <= 255)
);
--> statement-breakpoint
CREATE INDEX `idx_storyboards_project_id` ON `storyboards` (`project_id`);--> statement-breakpoint
CREATE INDEX `idx_storyboards_status` ON `storyboards` (`status`);--> statement-breakpoint
CREATE INDEX `idx_storyboards_generated_at` ON `storyboards` (`generated_at`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text(255) PRIMARY KEY NOT NULL,
	`email` text(255) NOT NULL,
	`name` text(255),
	`image` text,
	`email_verified` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	CONSTRAINT "users_id_length" CHECK(length("users"."id") <= 255),
	CONSTRAINT "users_email_length" CHECK(length("users"."email") <= 255),
	CONSTRAINT "users_name_length" CHECK(length("users"."name") <= 255)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE INDEX `idx_users_email` ON `users` (`email`);--> statement-breakpoint
CREATE INDEX `idx_users_created_at` ON `users` (`created_at`);--> statement-breakpoint
CREATE TABLE `verification_tokens` (
	`identifier` text NOT NULL,
	`token` text NOT NULL,
	`expires` integer NOT NULL,
	PRIMARY KEY(`identifier`, `token`)
);
