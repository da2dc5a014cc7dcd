CREATE TABLE `storyboard_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`storyboard_id` integer,
	`user_id` text(255) NOT NULL,
	`label` text(255) NOT NULL,
	`before` text NOT NULL,
	`after` text NOT NULL,
	`undone` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`project_id`,`user_id`) REFERENCES `projects`(`id`,`user_id`) ON UPDATE cascade ON DELETE cascade,
	FOREIGN KEY (`storyboard_id`,`user_id`) REFERENCES `storyboards`(`id`,`user_id`) ON UPDATE cascade ON DELETE cascade,
	CONSTRAINT "storyboard_changes_label_length" CHECK(length("storyboard_changes"."label") <= 255)
);
--> statement-breakpoint
CREATE INDEX `idx_storyboard_changes_storyboard` ON `storyboard_changes` (`storyboard_id`,`id`);--> statement-breakpoint
CREATE INDEX `idx_storyboard_changes_project` ON `storyboard_changes` (`project_id`,`id`);