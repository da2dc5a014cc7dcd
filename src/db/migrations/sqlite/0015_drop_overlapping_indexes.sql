-- The design's overlapping indexes go, as on PostgreSQL (0023 and its online step; docs/schema.md,
-- "Indexes judged by numbers"): each UNIQUE constraint's own index serves the same lookups.
DROP INDEX IF EXISTS `idx_scene_tasks_scene_id`;--> statement-breakpoint
DROP INDEX IF EXISTS `idx_scene_tasks_completed`;--> statement-breakpoint
DROP INDEX IF EXISTS `idx_scenes_storyboard_id`;--> statement-breakpoint
DROP INDEX IF EXISTS `idx_scenes_storyboard_scene_number`;--> statement-breakpoint
DROP INDEX IF EXISTS `idx_users_email`;
