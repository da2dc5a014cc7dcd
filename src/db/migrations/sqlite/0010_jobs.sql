CREATE TABLE `job_schedules` (
	`name` text(100) PRIMARY KEY NOT NULL,
	`cron` text(100) NOT NULL,
	`last_slot` integer NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text(100) NOT NULL,
	`key` text(255),
	`payload` text DEFAULT '{}' NOT NULL,
	`state` text(20) DEFAULT 'created' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`max_attempts` integer NOT NULL,
	`retry_delay_seconds` integer DEFAULT 0 NOT NULL,
	`timeout_seconds` integer NOT NULL,
	`run_after` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`locked_until` integer,
	`locked_by` text(100),
	`last_error` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`completed_at` integer,
	CONSTRAINT "jobs_state_check" CHECK("jobs"."state" IN ('created', 'retry', 'active', 'completed', 'failed'))
);
--> statement-breakpoint
CREATE INDEX `idx_jobs_claim` ON `jobs` (`name`,`state`,`run_after`);--> statement-breakpoint
CREATE INDEX `idx_jobs_key` ON `jobs` (`name`,`key`);