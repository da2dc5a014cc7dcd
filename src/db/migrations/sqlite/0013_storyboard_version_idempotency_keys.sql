CREATE TABLE `idempotency_keys` (
	`user_id` text(255) NOT NULL,
	`route` text(255) NOT NULL,
	`key` text(255) NOT NULL,
	`fingerprint` text(64) NOT NULL,
	`response_status` integer,
	`response_body` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`user_id`, `route`, `key`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "idempotency_keys_route_length" CHECK(length("idempotency_keys"."route") <= 255),
	CONSTRAINT "idempotency_keys_key_length" CHECK(length("idempotency_keys"."key") <= 255),
	CONSTRAINT "idempotency_keys_fingerprint_length" CHECK(length("idempotency_keys"."fingerprint") <= 64)
);
--> statement-breakpoint
CREATE INDEX `idx_idempotency_keys_created_at` ON `idempotency_keys` (`created_at`);--> statement-breakpoint
ALTER TABLE `storyboards` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `storyboards_archive` ADD `version` integer DEFAULT 1 NOT NULL;