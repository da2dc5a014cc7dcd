-- storyboards.version (0013) in the audit log: its triggers list their columns, so the new column
-- joins their row images; a change of the version alone (every scene edit bumps it under the
-- storyboard's row lock) is not a change of the storyboard and writes no audit row, as with
-- updated_at. The PostgreSQL twin is 0022.
DROP TRIGGER audit_storyboards_insert;--> statement-breakpoint
DROP TRIGGER audit_storyboards_update;--> statement-breakpoint
DROP TRIGGER audit_storyboards_delete;--> statement-breakpoint
CREATE TRIGGER audit_storyboards_insert AFTER INSERT ON storyboards
WHEN (SELECT bulk FROM audit_context WHERE id = 1) = 0
BEGIN
  INSERT INTO audit_log (table_name, operation, user_id, old_values, new_values, tx_id, project_id, storyboard_id, row_id)
  SELECT 'storyboards', 'INSERT', c.user_id,
    NULL,
    json_object('id', NEW.id, 'user_id', NEW.user_id, 'project_id', NEW.project_id, 'title', NEW.title, 'brief', NEW.brief, 'reference_urls', json(NEW.reference_urls), 'total_scenes', NEW.total_scenes, 'total_duration', NEW.total_duration, 'pattern_source', NEW.pattern_source, 'status', NEW.status, 'error_message', NEW.error_message, 'generated_at', NEW.generated_at, 'updated_at', NEW.updated_at, 'generation_options', json(NEW.generation_options), 'is_main', json(CASE WHEN NEW.is_main THEN 'true' ELSE 'false' END), 'deleted_at', NEW.deleted_at, 'aspect_ratio', NEW.aspect_ratio, 'version', NEW.version, 'approval_state', NEW.approval_state),
    c.tx_id, NEW.project_id, NEW.id, NEW.id
  FROM audit_context c WHERE c.id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER audit_storyboards_update AFTER UPDATE ON storyboards
WHEN (SELECT bulk FROM audit_context WHERE id = 1) = 0
  AND (OLD.id IS NOT NEW.id OR OLD.user_id IS NOT NEW.user_id OR OLD.project_id IS NOT NEW.project_id OR OLD.title IS NOT NEW.title OR OLD.brief IS NOT NEW.brief OR OLD.reference_urls IS NOT NEW.reference_urls OR OLD.total_scenes IS NOT NEW.total_scenes OR OLD.total_duration IS NOT NEW.total_duration OR OLD.pattern_source IS NOT NEW.pattern_source OR OLD.status IS NOT NEW.status OR OLD.error_message IS NOT NEW.error_message OR OLD.generated_at IS NOT NEW.generated_at OR OLD.generation_options IS NOT NEW.generation_options OR OLD.is_main IS NOT NEW.is_main OR OLD.deleted_at IS NOT NEW.deleted_at OR OLD.aspect_ratio IS NOT NEW.aspect_ratio OR OLD.approval_state IS NOT NEW.approval_state)
BEGIN
  INSERT INTO audit_log (table_name, operation, user_id, old_values, new_values, tx_id, project_id, storyboard_id, row_id)
  SELECT 'storyboards', 'UPDATE', c.user_id,
    json_object('id', OLD.id, 'user_id', OLD.user_id, 'project_id', OLD.project_id, 'title', OLD.title, 'brief', OLD.brief, 'reference_urls', json(OLD.reference_urls), 'total_scenes', OLD.total_scenes, 'total_duration', OLD.total_duration, 'pattern_source', OLD.pattern_source, 'status', OLD.status, 'error_message', OLD.error_message, 'generated_at', OLD.generated_at, 'updated_at', OLD.updated_at, 'generation_options', json(OLD.generation_options), 'is_main', json(CASE WHEN OLD.is_main THEN 'true' ELSE 'false' END), 'deleted_at', OLD.deleted_at, 'aspect_ratio', OLD.aspect_ratio, 'version', OLD.version, 'approval_state', OLD.approval_state),
    json_object('id', NEW.id, 'user_id', NEW.user_id, 'project_id', NEW.project_id, 'title', NEW.title, 'brief', NEW.brief, 'reference_urls', json(NEW.reference_urls), 'total_scenes', NEW.total_scenes, 'total_duration', NEW.total_duration, 'pattern_source', NEW.pattern_source, 'status', NEW.status, 'error_message', NEW.error_message, 'generated_at', NEW.generated_at, 'updated_at', NEW.updated_at, 'generation_options', json(NEW.generation_options), 'is_main', json(CASE WHEN NEW.is_main THEN 'true' ELSE 'false' END), 'deleted_at', NEW.deleted_at, 'aspect_ratio', NEW.aspect_ratio, 'version', NEW.version, 'approval_state', NEW.approval_state),
    c.tx_id, NEW.project_id, NEW.id, NEW.id
  FROM audit_context c WHERE c.id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER audit_storyboards_delete AFTER DELETE ON storyboards
WHEN (SELECT bulk FROM audit_context WHERE id = 1) = 0
BEGIN
  INSERT INTO audit_log (table_name, operation, user_id, old_values, new_values, tx_id, project_id, storyboard_id, row_id)
  SELECT 'storyboards', 'DELETE', c.user_id,
    json_object('id', OLD.id, 'user_id', OLD.user_id, 'project_id', OLD.project_id, 'title', OLD.title, 'brief', OLD.brief, 'reference_urls', json(OLD.reference_urls), 'total_scenes', OLD.total_scenes, 'total_duration', OLD.total_duration, 'pattern_source', OLD.pattern_source, 'status', OLD.status, 'error_message', OLD.error_message, 'generated_at', OLD.generated_at, 'updated_at', OLD.updated_at, 'generation_options', json(OLD.generation_options), 'is_main', json(CASE WHEN OLD.is_main THEN 'true' ELSE 'false' END), 'deleted_at', OLD.deleted_at, 'aspect_ratio', OLD.aspect_ratio, 'version', OLD.version, 'approval_state', OLD.approval_state),
    NULL,
    c.tx_id, OLD.project_id, OLD.id, OLD.id
  FROM audit_context c WHERE c.id = 1;
END;
