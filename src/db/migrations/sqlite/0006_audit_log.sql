-- Audit log (custom migration; the PostgreSQL version is partitioned, see docs/schema.md).
-- The same columns and meaning as on PostgreSQL. SQLite has no session variables, so the driver
-- writes the acting user and a change id into the one row of audit_context at the start of every
-- write transaction (and clears the user at its end); the triggers read them from there. One
-- writer at a time holds SQLite's write lock, so the row always belongs to the running transaction.
CREATE TABLE audit_context (
  id integer PRIMARY KEY CHECK (id = 1),
  user_id text,
  tx_id integer NOT NULL DEFAULT 0,
  bulk integer NOT NULL DEFAULT 0
);
--> statement-breakpoint
INSERT INTO audit_context (id) VALUES (1);
--> statement-breakpoint
CREATE TABLE audit_log (
  id integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  table_name text NOT NULL CHECK (length(table_name) <= 50),
  operation text NOT NULL CHECK (operation IN ('INSERT', 'UPDATE', 'DELETE', 'ARCHIVE', 'RESTORE')),
  user_id text CHECK (length(user_id) <= 255),
  old_values text,
  new_values text,
  created_at integer NOT NULL DEFAULT (cast(unixepoch('subsec') * 1000 as integer)),
  tx_id integer NOT NULL,
  project_id integer,
  storyboard_id integer,
  row_id integer
);
--> statement-breakpoint
CREATE INDEX idx_audit_log_project ON audit_log (project_id, id);
--> statement-breakpoint
CREATE INDEX idx_audit_log_storyboard ON audit_log (storyboard_id, id);
--> statement-breakpoint
CREATE INDEX idx_audit_log_tx ON audit_log (tx_id);
--> statement-breakpoint
CREATE INDEX idx_audit_log_created_at ON audit_log (created_at);
--> statement-breakpoint
CREATE TRIGGER audit_projects_insert AFTER INSERT ON projects
WHEN (SELECT bulk FROM audit_context WHERE id = 1) = 0
BEGIN
  INSERT INTO audit_log (table_name, operation, user_id, old_values, new_values, tx_id, project_id, storyboard_id, row_id)
  SELECT 'projects', 'INSERT', c.user_id,
    NULL,
    json_object('id', NEW.id, 'user_id', NEW.user_id, 'title', NEW.title, 'description', NEW.description, 'status', NEW.status, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'deleted_at', NEW.deleted_at),
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
    json_object('id', OLD.id, 'user_id', OLD.user_id, 'title', OLD.title, 'description', OLD.description, 'status', OLD.status, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'deleted_at', OLD.deleted_at),
    json_object('id', NEW.id, 'user_id', NEW.user_id, 'title', NEW.title, 'description', NEW.description, 'status', NEW.status, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'deleted_at', NEW.deleted_at),
    c.tx_id, NEW.id, NULL, NEW.id
  FROM audit_context c WHERE c.id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER audit_projects_delete AFTER DELETE ON projects
WHEN (SELECT bulk FROM audit_context WHERE id = 1) = 0
BEGIN
  INSERT INTO audit_log (table_name, operation, user_id, old_values, new_values, tx_id, project_id, storyboard_id, row_id)
  SELECT 'projects', 'DELETE', c.user_id,
    json_object('id', OLD.id, 'user_id', OLD.user_id, 'title', OLD.title, 'description', OLD.description, 'status', OLD.status, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'deleted_at', OLD.deleted_at),
    NULL,
    c.tx_id, OLD.id, NULL, OLD.id
  FROM audit_context c WHERE c.id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER audit_storyboards_insert AFTER INSERT ON storyboards
WHEN (SELECT bulk FROM audit_context WHERE id = 1) = 0
BEGIN
  INSERT INTO audit_log (table_name, operation, user_id, old_values, new_values, tx_id, project_id, storyboard_id, row_id)
  SELECT 'storyboards', 'INSERT', c.user_id,
    NULL,
    json_object('id', NEW.id, 'project_id', NEW.project_id, 'title', NEW.title, 'brief', NEW.brief, 'reference_urls', json(NEW.reference_urls), 'total_scenes', NEW.total_scenes, 'total_duration', NEW.total_duration, 'pattern_source', NEW.pattern_source, 'status', NEW.status, 'error_message', NEW.error_message, 'generated_at', NEW.generated_at, 'updated_at', NEW.updated_at, 'generation_options', json(NEW.generation_options), 'is_main', json(CASE WHEN NEW.is_main THEN 'true' ELSE 'false' END), 'deleted_at', NEW.deleted_at, 'aspect_ratio', NEW.aspect_ratio),
    c.tx_id, NEW.project_id, NEW.id, NEW.id
  FROM audit_context c WHERE c.id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER audit_storyboards_update AFTER UPDATE ON storyboards
WHEN (SELECT bulk FROM audit_context WHERE id = 1) = 0
  AND (OLD.id IS NOT NEW.id OR OLD.project_id IS NOT NEW.project_id OR OLD.title IS NOT NEW.title OR OLD.brief IS NOT NEW.brief OR OLD.reference_urls IS NOT NEW.reference_urls OR OLD.total_scenes IS NOT NEW.total_scenes OR OLD.total_duration IS NOT NEW.total_duration OR OLD.pattern_source IS NOT NEW.pattern_source OR OLD.status IS NOT NEW.status OR OLD.error_message IS NOT NEW.error_message OR OLD.generated_at IS NOT NEW.generated_at OR OLD.generation_options IS NOT NEW.generation_options OR OLD.is_main IS NOT NEW.is_main OR OLD.deleted_at IS NOT NEW.deleted_at OR OLD.aspect_ratio IS NOT NEW.aspect_ratio)
BEGIN
  INSERT INTO audit_log (table_name, operation, user_id, old_values, new_values, tx_id, project_id, storyboard_id, row_id)
  SELECT 'storyboards', 'UPDATE', c.user_id,
    json_object('id', OLD.id, 'project_id', OLD.project_id, 'title', OLD.title, 'brief', OLD.brief, 'reference_urls', json(OLD.reference_urls), 'total_scenes', OLD.total_scenes, 'total_duration', OLD.total_duration, 'pattern_source', OLD.pattern_source, 'status', OLD.status, 'error_message', OLD.error_message, 'generated_at', OLD.generated_at, 'updated_at', OLD.updated_at, 'generation_options', json(OLD.generation_options), 'is_main', json(CASE WHEN OLD.is_main THEN 'true' ELSE 'false' END), 'deleted_at', OLD.deleted_at, 'aspect_ratio', OLD.aspect_ratio),
    json_object('id', NEW.id, 'project_id', NEW.project_id, 'title', NEW.title, 'brief', NEW.brief, 'reference_urls', json(NEW.reference_urls), 'total_scenes', NEW.total_scenes, 'total_duration', NEW.total_duration, 'pattern_source', NEW.pattern_source, 'status', NEW.status, 'error_message', NEW.error_message, 'generated_at', NEW.generated_at, 'updated_at', NEW.updated_at, 'generation_options', json(NEW.generation_options), 'is_main', json(CASE WHEN NEW.is_main THEN 'true' ELSE 'false' END), 'deleted_at', NEW.deleted_at, 'aspect_ratio', NEW.aspect_ratio),
    c.tx_id, NEW.project_id, NEW.id, NEW.id
  FROM audit_context c WHERE c.id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER audit_storyboards_delete AFTER DELETE ON storyboards
WHEN (SELECT bulk FROM audit_context WHERE id = 1) = 0
BEGIN
  INSERT INTO audit_log (table_name, operation, user_id, old_values, new_values, tx_id, project_id, storyboard_id, row_id)
  SELECT 'storyboards', 'DELETE', c.user_id,
    json_object('id', OLD.id, 'project_id', OLD.project_id, 'title', OLD.title, 'brief', OLD.brief, 'reference_urls', json(OLD.reference_urls), 'total_scenes', OLD.total_scenes, 'total_duration', OLD.total_duration, 'pattern_source', OLD.pattern_source, 'status', OLD.status, 'error_message', OLD.error_message, 'generated_at', OLD.generated_at, 'updated_at', OLD.updated_at, 'generation_options', json(OLD.generation_options), 'is_main', json(CASE WHEN OLD.is_main THEN 'true' ELSE 'false' END), 'deleted_at', OLD.deleted_at, 'aspect_ratio', OLD.aspect_ratio),
    NULL,
    c.tx_id, OLD.project_id, OLD.id, OLD.id
  FROM audit_context c WHERE c.id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER audit_scenes_insert AFTER INSERT ON scenes
WHEN (SELECT bulk FROM audit_context WHERE id = 1) = 0
BEGIN
  INSERT INTO audit_log (table_name, operation, user_id, old_values, new_values, tx_id, project_id, storyboard_id, row_id)
  SELECT 'scenes', 'INSERT', c.user_id,
    NULL,
    json_object('id', NEW.id, 'storyboard_id', NEW.storyboard_id, 'scene_number', NEW.scene_number, 'duration', NEW.duration, 'scene_type', NEW.scene_type, 'visual_description', NEW.visual_description, 'script', NEW.script, 'text_overlay', NEW.text_overlay, 'camera_angle', NEW.camera_angle, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'beat', NEW.beat, 'needs_input', NEW.needs_input, 'edited_fields', NEW.edited_fields),
    c.tx_id, (SELECT s.project_id FROM storyboards s WHERE s.id = NEW.storyboard_id), NEW.storyboard_id, NEW.id
  FROM audit_context c WHERE c.id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER audit_scenes_update AFTER UPDATE ON scenes
WHEN (SELECT bulk FROM audit_context WHERE id = 1) = 0
  AND (OLD.id IS NOT NEW.id OR OLD.storyboard_id IS NOT NEW.storyboard_id OR OLD.scene_number IS NOT NEW.scene_number OR OLD.duration IS NOT NEW.duration OR OLD.scene_type IS NOT NEW.scene_type OR OLD.visual_description IS NOT NEW.visual_description OR OLD.script IS NOT NEW.script OR OLD.text_overlay IS NOT NEW.text_overlay OR OLD.camera_angle IS NOT NEW.camera_angle OR OLD.created_at IS NOT NEW.created_at OR OLD.beat IS NOT NEW.beat OR OLD.needs_input IS NOT NEW.needs_input OR OLD.edited_fields IS NOT NEW.edited_fields)
BEGIN
  INSERT INTO audit_log (table_name, operation, user_id, old_values, new_values, tx_id, project_id, storyboard_id, row_id)
  SELECT 'scenes', 'UPDATE', c.user_id,
    json_object('id', OLD.id, 'storyboard_id', OLD.storyboard_id, 'scene_number', OLD.scene_number, 'duration', OLD.duration, 'scene_type', OLD.scene_type, 'visual_description', OLD.visual_description, 'script', OLD.script, 'text_overlay', OLD.text_overlay, 'camera_angle', OLD.camera_angle, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'beat', OLD.beat, 'needs_input', OLD.needs_input, 'edited_fields', OLD.edited_fields),
    json_object('id', NEW.id, 'storyboard_id', NEW.storyboard_id, 'scene_number', NEW.scene_number, 'duration', NEW.duration, 'scene_type', NEW.scene_type, 'visual_description', NEW.visual_description, 'script', NEW.script, 'text_overlay', NEW.text_overlay, 'camera_angle', NEW.camera_angle, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at, 'beat', NEW.beat, 'needs_input', NEW.needs_input, 'edited_fields', NEW.edited_fields),
    c.tx_id, (SELECT s.project_id FROM storyboards s WHERE s.id = NEW.storyboard_id), NEW.storyboard_id, NEW.id
  FROM audit_context c WHERE c.id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER audit_scenes_delete AFTER DELETE ON scenes
WHEN (SELECT bulk FROM audit_context WHERE id = 1) = 0
BEGIN
  INSERT INTO audit_log (table_name, operation, user_id, old_values, new_values, tx_id, project_id, storyboard_id, row_id)
  SELECT 'scenes', 'DELETE', c.user_id,
    json_object('id', OLD.id, 'storyboard_id', OLD.storyboard_id, 'scene_number', OLD.scene_number, 'duration', OLD.duration, 'scene_type', OLD.scene_type, 'visual_description', OLD.visual_description, 'script', OLD.script, 'text_overlay', OLD.text_overlay, 'camera_angle', OLD.camera_angle, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at, 'beat', OLD.beat, 'needs_input', OLD.needs_input, 'edited_fields', OLD.edited_fields),
    NULL,
    c.tx_id, (SELECT s.project_id FROM storyboards s WHERE s.id = OLD.storyboard_id), OLD.storyboard_id, OLD.id
  FROM audit_context c WHERE c.id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER audit_scene_tasks_insert AFTER INSERT ON scene_tasks
WHEN (SELECT bulk FROM audit_context WHERE id = 1) = 0
BEGIN
  INSERT INTO audit_log (table_name, operation, user_id, old_values, new_values, tx_id, project_id, storyboard_id, row_id)
  SELECT 'scene_tasks', 'INSERT', c.user_id,
    NULL,
    json_object('id', NEW.id, 'scene_id', NEW.scene_id, 'task_type', NEW.task_type, 'completed', json(CASE WHEN NEW.completed THEN 'true' ELSE 'false' END), 'completed_at', NEW.completed_at, 'updated_at', NEW.updated_at),
    c.tx_id, (SELECT s.project_id FROM scenes sc JOIN storyboards s ON s.id = sc.storyboard_id WHERE sc.id = NEW.scene_id), (SELECT sc.storyboard_id FROM scenes sc WHERE sc.id = NEW.scene_id), NEW.id
  FROM audit_context c WHERE c.id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER audit_scene_tasks_update AFTER UPDATE ON scene_tasks
WHEN (SELECT bulk FROM audit_context WHERE id = 1) = 0
  AND (OLD.id IS NOT NEW.id OR OLD.scene_id IS NOT NEW.scene_id OR OLD.task_type IS NOT NEW.task_type OR OLD.completed IS NOT NEW.completed OR OLD.completed_at IS NOT NEW.completed_at)
BEGIN
  INSERT INTO audit_log (table_name, operation, user_id, old_values, new_values, tx_id, project_id, storyboard_id, row_id)
  SELECT 'scene_tasks', 'UPDATE', c.user_id,
    json_object('id', OLD.id, 'scene_id', OLD.scene_id, 'task_type', OLD.task_type, 'completed', json(CASE WHEN OLD.completed THEN 'true' ELSE 'false' END), 'completed_at', OLD.completed_at, 'updated_at', OLD.updated_at),
    json_object('id', NEW.id, 'scene_id', NEW.scene_id, 'task_type', NEW.task_type, 'completed', json(CASE WHEN NEW.completed THEN 'true' ELSE 'false' END), 'completed_at', NEW.completed_at, 'updated_at', NEW.updated_at),
    c.tx_id, (SELECT s.project_id FROM scenes sc JOIN storyboards s ON s.id = sc.storyboard_id WHERE sc.id = NEW.scene_id), (SELECT sc.storyboard_id FROM scenes sc WHERE sc.id = NEW.scene_id), NEW.id
  FROM audit_context c WHERE c.id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER audit_scene_tasks_delete AFTER DELETE ON scene_tasks
WHEN (SELECT bulk FROM audit_context WHERE id = 1) = 0
BEGIN
  INSERT INTO audit_log (table_name, operation, user_id, old_values, new_values, tx_id, project_id, storyboard_id, row_id)
  SELECT 'scene_tasks', 'DELETE', c.user_id,
    json_object('id', OLD.id, 'scene_id', OLD.scene_id, 'task_type', OLD.task_type, 'completed', json(CASE WHEN OLD.completed THEN 'true' ELSE 'false' END), 'completed_at', OLD.completed_at, 'updated_at', OLD.updated_at),
    NULL,
    c.tx_id, (SELECT s.project_id FROM scenes sc JOIN storyboards s ON s.id = sc.storyboard_id WHERE sc.id = OLD.scene_id), (SELECT sc.storyboard_id FROM scenes sc WHERE sc.id = OLD.scene_id), OLD.id
  FROM audit_context c WHERE c.id = 1;
END;
