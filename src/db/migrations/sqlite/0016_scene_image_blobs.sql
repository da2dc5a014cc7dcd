-- Undoable scene pictures (issue 14): every picture a scene has had, once per owner and content
-- hash (pg 0024). The pictures already stored get their hash and their copy; sha256_hex is the
-- function the app's migrator (src/db/migrate.ts, migrateSqlite) registers on the connection.
CREATE TABLE `scene_image_blobs` (
	`user_id` text(255) NOT NULL,
	`sha256` text(64) NOT NULL,
	`content_type` text(20) NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`byte_size` integer NOT NULL,
	`data` blob NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`user_id`, `sha256`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `idx_scene_image_blobs_created_at` ON `scene_image_blobs` (`created_at`);--> statement-breakpoint
ALTER TABLE `scene_images` ADD `sha256` text(64);--> statement-breakpoint
ALTER TABLE `scene_images_archive` ADD `sha256` text(64);--> statement-breakpoint
UPDATE `scene_images` SET `sha256` = sha256_hex(`data`) WHERE `sha256` IS NULL;--> statement-breakpoint
UPDATE `scene_images_archive` SET `sha256` = sha256_hex(`data`) WHERE `sha256` IS NULL;--> statement-breakpoint
INSERT OR IGNORE INTO `scene_image_blobs` (`user_id`, `sha256`, `content_type`, `width`, `height`, `byte_size`, `data`, `created_at`)
  SELECT `user_id`, `sha256`, `content_type`, `width`, `height`, `byte_size`, `data`, `created_at` FROM `scene_images`
  UNION ALL
  SELECT `user_id`, `sha256`, `content_type`, `width`, `height`, `byte_size`, `data`, `created_at` FROM `scene_images_archive`;
