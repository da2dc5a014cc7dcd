-- Frames, share links and scene images (issue 13). Edited from drizzle-kit's output, which
-- rebuilt storyboards (new table, copy, DROP TABLE, rename) to add the CHECK: the migrator runs
-- inside a transaction, where PRAGMA foreign_keys=OFF has no effect, so that DROP TABLE would
-- have cascaded to every scene and task. ADD COLUMN with a named column CHECK does the same
-- without touching a row.
CREATE TABLE `scene_images` (
	`scene_id` integer PRIMARY KEY NOT NULL,
	`content_type` text(20) NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`byte_size` integer NOT NULL,
	`data` blob NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`scene_id`) REFERENCES `scenes`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "scene_images_content_type_check" CHECK("scene_images"."content_type" IN ('image/png', 'image/jpeg'))
);
--> statement-breakpoint
CREATE TABLE `share_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`storyboard_id` integer NOT NULL,
	`token_hash` text(64) NOT NULL,
	`allow_comments` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`last_opened_at` integer,
	`revoked_at` integer,
	FOREIGN KEY (`storyboard_id`) REFERENCES `storyboards`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "share_links_token_hash_length" CHECK(length("share_links"."token_hash") <= 64)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `share_links_token_hash_unique` ON `share_links` (`token_hash`);
--> statement-breakpoint
CREATE INDEX `idx_share_links_storyboard_id` ON `share_links` (`storyboard_id`);
--> statement-breakpoint
ALTER TABLE `storyboards` ADD `aspect_ratio` text(5) DEFAULT '9:16' NOT NULL CONSTRAINT "storyboards_aspect_ratio_check" CHECK("aspect_ratio" IN ('9:16', '16:9', '1:1', '4:5'));
