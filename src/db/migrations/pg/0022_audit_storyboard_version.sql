-- storyboards.version (0021) is bumped by every change to a storyboard or its scenes, under the
-- storyboard's row lock: a change of the version alone (with updated_at) is not a change of the
-- storyboard and writes no audit row; the row images keep the column (to_jsonb). The SQLite twin
-- is 0014.
SET lock_timeout = '2s';
--> statement-breakpoint
SET statement_timeout = '60s';
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_storyboards() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
  IF audit_skip() THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO audit_log (table_name, operation, user_id, new_values, project_id, storyboard_id, row_id)
    SELECT 'storyboards', 'INSERT', audit_actor(), to_jsonb(n), n.project_id, n.id, n.id FROM new_rows n;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO audit_log (table_name, operation, user_id, old_values, new_values, project_id, storyboard_id, row_id)
    SELECT 'storyboards', 'UPDATE', audit_actor(), to_jsonb(o), to_jsonb(n), n.project_id, n.id, n.id
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE to_jsonb(o) - 'updated_at' - 'version' <> to_jsonb(n) - 'updated_at' - 'version';
  ELSE
    INSERT INTO audit_log (table_name, operation, user_id, old_values, project_id, storyboard_id, row_id)
    SELECT 'storyboards', 'DELETE', audit_actor(), to_jsonb(o), o.project_id, o.id, o.id FROM old_rows o;
  END IF;
  RETURN NULL;
END $$;
