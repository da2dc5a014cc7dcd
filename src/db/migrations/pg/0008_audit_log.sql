-- Audit log (custom migration: drizzle-kit has no partitions or triggers; docs/schema.md).
-- It creates its own tables and adds triggers to the four audited ones (a SHARE ROW EXCLUSIVE
-- lock each, for a moment: writes wait, reads do not), under the usual short timeouts.
SET lock_timeout = '2s';
--> statement-breakpoint
SET statement_timeout = '60s';
--> statement-breakpoint
-- The design's audit_log, partitioned by month on created_at, filled by triggers on projects,
-- storyboards, scenes and scene_tasks: one row per changed row, with the whole old and new row
-- as JSON, the acting user (app.current_user_id), and tx_id, the transaction that wrote it, which
-- groups the rows of one change (an undo reverts a tx_id as a whole).
-- project_id / storyboard_id / row_id locate the change for the history panel; they are NULL
-- where the parent was deleted in the same statement (cascades): those rows share the tx_id of
-- the parent's own row, which carries them.
CREATE TABLE audit_log (
  id bigserial NOT NULL,
  table_name varchar(50) NOT NULL,
  operation varchar(10) NOT NULL,
  user_id varchar(255),
  old_values jsonb,
  new_values jsonb,
  created_at timestamp with time zone NOT NULL DEFAULT now(),
  tx_id bigint NOT NULL DEFAULT txid_current(),
  project_id integer,
  storyboard_id integer,
  row_id integer,
  CONSTRAINT audit_log_pkey PRIMARY KEY (id, created_at),
  CONSTRAINT audit_log_operation_check CHECK (operation IN ('INSERT', 'UPDATE', 'DELETE', 'ARCHIVE', 'RESTORE'))
) PARTITION BY RANGE (created_at);
--> statement-breakpoint
-- A write never fails for want of a partition: rows outside every month land here, and the
-- daily upkeep moves them into their month when it creates it.
CREATE TABLE audit_log_default PARTITION OF audit_log DEFAULT;
--> statement-breakpoint
CREATE INDEX idx_audit_log_project ON audit_log (project_id, id);
--> statement-breakpoint
CREATE INDEX idx_audit_log_storyboard ON audit_log (storyboard_id, id);
--> statement-breakpoint
CREATE INDEX idx_audit_log_tx ON audit_log (tx_id);
--> statement-breakpoint
-- Monthly partitions from this month to months_ahead months ahead (UTC months), idempotent.
-- Rows already in the default partition for a new month are moved into it in the same
-- transaction, so the new partition can be attached. Returns the number of partitions created.
CREATE FUNCTION audit_log_ensure_partitions(months_ahead integer DEFAULT 3) RETURNS integer
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
  month_start timestamptz := date_trunc('month', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
  next_start timestamptz;
  part text;
  created integer := 0;
BEGIN
  FOR i IN 0..months_ahead LOOP
    next_start := ((month_start AT TIME ZONE 'UTC') + interval '1 month') AT TIME ZONE 'UTC';
    part := 'audit_log_' || to_char(month_start AT TIME ZONE 'UTC', '"y"YYYY"m"MM');
    IF to_regclass(part) IS NULL THEN
      IF EXISTS (SELECT 1 FROM audit_log_default WHERE created_at >= month_start AND created_at < next_start) THEN
        EXECUTE format('CREATE TABLE %I (LIKE audit_log INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', part);
        EXECUTE format(
          'WITH moved AS (DELETE FROM audit_log_default WHERE created_at >= %L AND created_at < %L RETURNING *) INSERT INTO %I SELECT * FROM moved',
          month_start, next_start, part);
        EXECUTE format('ALTER TABLE audit_log ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', part, month_start, next_start);
      ELSE
        EXECUTE format('CREATE TABLE %I PARTITION OF audit_log FOR VALUES FROM (%L) TO (%L)', part, month_start, next_start);
      END IF;
      created := created + 1;
    END IF;
    month_start := next_start;
  END LOOP;
  RETURN created;
END $$;
--> statement-breakpoint
-- Retention: drops the monthly partitions that end before the first day of the month
-- retention_months ago (whole partitions: no row-by-row DELETE, no bloat), and deletes the
-- default partition's rows that old. Returns the number of partitions dropped.
CREATE FUNCTION audit_log_drop_partitions(retention_months integer) RETURNS integer
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
  cutoff timestamptz := (date_trunc('month', now() AT TIME ZONE 'UTC') - make_interval(months => retention_months)) AT TIME ZONE 'UTC';
  part record;
  dropped integer := 0;
BEGIN
  FOR part IN
    SELECT c.relname
    FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = 'audit_log'::regclass AND c.relname ~ '^audit_log_y[0-9]{4}m[0-9]{2}$'
      AND (to_date(substr(c.relname, 12, 4) || substr(c.relname, 17, 2), 'YYYYMM') + interval '1 month') AT TIME ZONE 'UTC' <= cutoff
    ORDER BY c.relname
  LOOP
    EXECUTE format('DROP TABLE %I', part.relname);
    dropped := dropped + 1;
  END LOOP;
  DELETE FROM audit_log_default WHERE created_at < cutoff;
  RETURN dropped;
END $$;
--> statement-breakpoint
SELECT audit_log_ensure_partitions(3);
--> statement-breakpoint
-- The triggers run as the invoking role: under row level security their parent lookups see what
-- the acting user sees, which is every parent of a row they may change. They are statement
-- triggers over transition tables (one INSERT … SELECT per statement, however many rows it
-- changed), and an UPDATE that only touched updated_at is not recorded (it changes nothing a
-- person or an undo cares about). Bulk moves by the maintenance role (archive, restore) are
-- recorded once per project by the move itself, not row by row.
CREATE FUNCTION audit_skip() RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT current_user = 'storyboard_maintenance' AND coalesce(current_setting('app.audit_bulk', true), '') = 'on'
$$;
--> statement-breakpoint
CREATE FUNCTION audit_actor() RETURNS varchar
LANGUAGE sql STABLE AS $$
  SELECT NULLIF(current_setting('app.current_user_id', true), '')::varchar
$$;
--> statement-breakpoint
CREATE FUNCTION audit_projects() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
  IF audit_skip() THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO audit_log (table_name, operation, user_id, new_values, project_id, row_id)
    SELECT 'projects', 'INSERT', audit_actor(), to_jsonb(n), n.id, n.id FROM new_rows n;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO audit_log (table_name, operation, user_id, old_values, new_values, project_id, row_id)
    SELECT 'projects', 'UPDATE', audit_actor(), to_jsonb(o), to_jsonb(n), n.id, n.id
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE to_jsonb(o) - 'updated_at' <> to_jsonb(n) - 'updated_at';
  ELSE
    INSERT INTO audit_log (table_name, operation, user_id, old_values, project_id, row_id)
    SELECT 'projects', 'DELETE', audit_actor(), to_jsonb(o), o.id, o.id FROM old_rows o;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION audit_storyboards() RETURNS trigger
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
    WHERE to_jsonb(o) - 'updated_at' <> to_jsonb(n) - 'updated_at';
  ELSE
    INSERT INTO audit_log (table_name, operation, user_id, old_values, project_id, storyboard_id, row_id)
    SELECT 'storyboards', 'DELETE', audit_actor(), to_jsonb(o), o.project_id, o.id, o.id FROM old_rows o;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION audit_scenes() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
  IF audit_skip() THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO audit_log (table_name, operation, user_id, new_values, project_id, storyboard_id, row_id)
    SELECT 'scenes', 'INSERT', audit_actor(), to_jsonb(n), s.project_id, n.storyboard_id, n.id
    FROM new_rows n LEFT JOIN storyboards s ON s.id = n.storyboard_id;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO audit_log (table_name, operation, user_id, old_values, new_values, project_id, storyboard_id, row_id)
    SELECT 'scenes', 'UPDATE', audit_actor(), to_jsonb(o), to_jsonb(n), s.project_id, n.storyboard_id, n.id
    FROM old_rows o JOIN new_rows n ON n.id = o.id LEFT JOIN storyboards s ON s.id = n.storyboard_id
    WHERE to_jsonb(o) - 'updated_at' <> to_jsonb(n) - 'updated_at';
  ELSE
    INSERT INTO audit_log (table_name, operation, user_id, old_values, project_id, storyboard_id, row_id)
    SELECT 'scenes', 'DELETE', audit_actor(), to_jsonb(o), s.project_id, o.storyboard_id, o.id
    FROM old_rows o LEFT JOIN storyboards s ON s.id = o.storyboard_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION audit_scene_tasks() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
  IF audit_skip() THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO audit_log (table_name, operation, user_id, new_values, project_id, storyboard_id, row_id)
    SELECT 'scene_tasks', 'INSERT', audit_actor(), to_jsonb(n), s.project_id, sc.storyboard_id, n.id
    FROM new_rows n LEFT JOIN scenes sc ON sc.id = n.scene_id LEFT JOIN storyboards s ON s.id = sc.storyboard_id;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO audit_log (table_name, operation, user_id, old_values, new_values, project_id, storyboard_id, row_id)
    SELECT 'scene_tasks', 'UPDATE', audit_actor(), to_jsonb(o), to_jsonb(n), s.project_id, sc.storyboard_id, n.id
    FROM old_rows o JOIN new_rows n ON n.id = o.id
      LEFT JOIN scenes sc ON sc.id = n.scene_id LEFT JOIN storyboards s ON s.id = sc.storyboard_id
    WHERE to_jsonb(o) - 'updated_at' <> to_jsonb(n) - 'updated_at';
  ELSE
    INSERT INTO audit_log (table_name, operation, user_id, old_values, project_id, storyboard_id, row_id)
    SELECT 'scene_tasks', 'DELETE', audit_actor(), to_jsonb(o), s.project_id, sc.storyboard_id, o.id
    FROM old_rows o LEFT JOIN scenes sc ON sc.id = o.scene_id LEFT JOIN storyboards s ON s.id = sc.storyboard_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_projects_insert AFTER INSERT ON projects REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_projects();
--> statement-breakpoint
CREATE TRIGGER audit_projects_update AFTER UPDATE ON projects REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_projects();
--> statement-breakpoint
CREATE TRIGGER audit_projects_delete AFTER DELETE ON projects REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_projects();
--> statement-breakpoint
CREATE TRIGGER audit_storyboards_insert AFTER INSERT ON storyboards REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_storyboards();
--> statement-breakpoint
CREATE TRIGGER audit_storyboards_update AFTER UPDATE ON storyboards REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_storyboards();
--> statement-breakpoint
CREATE TRIGGER audit_storyboards_delete AFTER DELETE ON storyboards REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_storyboards();
--> statement-breakpoint
CREATE TRIGGER audit_scenes_insert AFTER INSERT ON scenes REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_scenes();
--> statement-breakpoint
CREATE TRIGGER audit_scenes_update AFTER UPDATE ON scenes REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_scenes();
--> statement-breakpoint
CREATE TRIGGER audit_scenes_delete AFTER DELETE ON scenes REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_scenes();
--> statement-breakpoint
CREATE TRIGGER audit_scene_tasks_insert AFTER INSERT ON scene_tasks REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_scene_tasks();
--> statement-breakpoint
CREATE TRIGGER audit_scene_tasks_update AFTER UPDATE ON scene_tasks REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_scene_tasks();
--> statement-breakpoint
CREATE TRIGGER audit_scene_tasks_delete AFTER DELETE ON scene_tasks REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_scene_tasks();
--> statement-breakpoint
-- The app role reads only its own user's rows, and writes rows only from inside a trigger
-- (pg_trigger_depth() is 0 for a statement the app sends itself); it cannot update or delete.
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT ON audit_log TO storyboard_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE audit_log_id_seq TO storyboard_app;
--> statement-breakpoint
CREATE POLICY audit_log_read_own ON audit_log FOR SELECT TO storyboard_app
  USING (user_id = NULLIF(current_setting('app.current_user_id', true), ''));
--> statement-breakpoint
CREATE POLICY audit_log_insert_by_trigger ON audit_log FOR INSERT TO storyboard_app
  WITH CHECK (pg_trigger_depth() > 0);
