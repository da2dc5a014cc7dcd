-- projects.shard_id: a plain add (nullable: SQLite cannot add NOT NULL to a table with rows without
-- rebuilding it) and its index; the online step projects_shard_id backfills existing rows.
ALTER TABLE `projects` ADD `shard_id` integer;--> statement-breakpoint
CREATE INDEX `idx_projects_shard_id` ON `projects` (`shard_id`);--> statement-breakpoint
-- The audit triggers list the columns they record (docs/schema.md, "Audit log"): recreate the
-- projects ones with shard_id. An UPDATE of shard_id alone (the backfill, a reshard) stays
-- unrecorded, as on PostgreSQL.
DROP TRIGGER audit_projects_insert;--> statement-breakpoint
DROP TRIGGER audit_projects_update;--> statement-breakpoint
DROP TRIGGER audit_projects_delete;--> statement-breakpoint
CREATE TRIGGER audit_projects_insert AFTER INSERT ON projects
WHEN (SELECT bulk FROM audit_context WHERE id = 1) = 0
BEGIN
  INSERT INTO audit_log (table_name, operation, user_id, old_values, new_values, tx_id, project_id, storyboard_id, row_id)
  SELECT 'projects', 'INSERT', c.user_id,
    NULL,
    json_object('id', NEW.id, 'user_id', NEW.user_id, 'title', NEW.title, 'description', NEW.description, 'status', NEW.status, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'deleted_at', NEW.deleted_at, 'shard_id', NEW.shard_id),
    c.tx_id, NEW.id, NULL, NEW.id
  FROM audit_context c WHERE c.id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER audit_projects_update AFTER UPDATE ON projects
WHEN (SELECT bulk FROM audit_context WHERE id = 1) = 0
  AND (OLD.id IS NOT NEW.id OR OLD.user_id IS NOT NEW.user_id OR OLD.title IS NOT NEW.title OR OLD.description IS NOT NEW.description OR OLD.status IS NOT NEW.status OR OLD.created_at IS NOT NEW.created_at OR OLD.deleted_at IS NOT NEW.deleted_at)
BEGIN
  INSERT INTO audit_log (table_name, operation, user_id, old_values, new_values, tx_id, project_id, storyboard_id, row_id)
  SELECT 'projects', 'UPDATE', c.user_id,
    json_object('id', OLD.id, 'user_id', OLD.user_id, 'title', OLD.title, 'description', OLD.description, 'status', OLD.status, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'deleted_at', OLD.deleted_at, 'shard_id', OLD.shard_id),
    json_object('id', NEW.id, 'user_id', NEW.user_id, 'title', NEW.title, 'description', NEW.description, 'status', NEW.status, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'deleted_at', NEW.deleted_at, 'shard_id', NEW.shard_id),
    c.tx_id, NEW.id, NULL, NEW.id
  FROM audit_context c WHERE c.id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER audit_projects_delete AFTER DELETE ON projects
WHEN (SELECT bulk FROM audit_context WHERE id = 1) = 0
BEGIN
  INSERT INTO audit_log (table_name, operation, user_id, old_values, new_values, tx_id, project_id, storyboard_id, row_id)
  SELECT 'projects', 'DELETE', c.user_id,
    json_object('id', OLD.id, 'user_id', OLD.user_id, 'title', OLD.title, 'description', OLD.description, 'status', OLD.status, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'deleted_at', OLD.deleted_at, 'shard_id', OLD.shard_id),
    NULL,
    c.tx_id, OLD.id, NULL, OLD.id
  FROM audit_context c WHERE c.id = 1;
END;
