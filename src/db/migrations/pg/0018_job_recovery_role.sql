-- The recovery sweep (generations cut off by a restart) without a setting any app connection can
-- flip (custom migration, run as the tables' owner). Before: a transaction that set
-- app.job_recovery = 'on' could read every user's generating storyboards, briefs included.
-- Now the app role reaches other users' storyboards only through two SECURITY DEFINER functions
-- owned by storyboard_recovery, a NOLOGIN role that may read the id, status and updated_at
-- columns of storyboards (nothing else) and turn a stale 'generating' one into 'error':
--   interrupted_generations(before)           ids and statuses of stale 'generating' storyboards
--   fail_interrupted_generations(ids, before, message)   marks those still stale as 'error'
SET lock_timeout = '2s';
--> statement-breakpoint
SET statement_timeout = '60s';
--> statement-breakpoint
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'storyboard_recovery') THEN
    CREATE ROLE storyboard_recovery NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
END $$;
--> statement-breakpoint
DO $$
BEGIN
  -- The migrating login must be a member to hand the functions to the role (ALTER ... OWNER).
  IF NOT pg_has_role(current_user, 'storyboard_recovery', 'MEMBER') THEN
    EXECUTE format('GRANT storyboard_recovery TO %I', current_user);
  END IF;
END $$;
--> statement-breakpoint
DROP POLICY IF EXISTS storyboards_job_recovery_select ON storyboards;
--> statement-breakpoint
DROP POLICY IF EXISTS storyboards_job_recovery_update ON storyboards;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO storyboard_recovery;
--> statement-breakpoint
GRANT SELECT (id, status, updated_at) ON storyboards TO storyboard_recovery;
--> statement-breakpoint
GRANT UPDATE (status, error_message, updated_at) ON storyboards TO storyboard_recovery;
--> statement-breakpoint
CREATE POLICY storyboards_recovery_read ON storyboards FOR SELECT TO storyboard_recovery
  USING (status IN ('generating', 'error'));
--> statement-breakpoint
CREATE POLICY storyboards_recovery_fail ON storyboards FOR UPDATE TO storyboard_recovery
  USING (status = 'generating')
  WITH CHECK (status = 'error');
--> statement-breakpoint
-- The audit trigger on storyboards records the change as whoever runs the UPDATE.
GRANT INSERT ON audit_log TO storyboard_recovery;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE audit_log_id_seq TO storyboard_recovery;
--> statement-breakpoint
CREATE POLICY audit_log_insert_by_recovery ON audit_log FOR INSERT TO storyboard_recovery
  WITH CHECK (pg_trigger_depth() > 0);
--> statement-breakpoint
CREATE FUNCTION interrupted_generations(p_before timestamptz) RETURNS TABLE (id integer, status varchar)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
  SELECT s.id, s.status FROM storyboards s
  WHERE s.status = 'generating' AND s.updated_at < p_before
  ORDER BY s.id
$$;
--> statement-breakpoint
-- Only a storyboard still 'generating' and untouched since p_before: one that progressed or
-- finished meanwhile is left alone.
CREATE FUNCTION fail_interrupted_generations(p_ids integer[], p_before timestamptz, p_message text) RETURNS integer
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
DECLARE
  n integer;
BEGIN
  UPDATE storyboards s
     SET status = 'error', error_message = left(p_message, 2000), updated_at = now()
   WHERE s.id = ANY (p_ids) AND s.status = 'generating'
     AND s.updated_at < p_before;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END $$;
--> statement-breakpoint
ALTER FUNCTION interrupted_generations(timestamptz) OWNER TO storyboard_recovery;
--> statement-breakpoint
ALTER FUNCTION fail_interrupted_generations(integer[], timestamptz, text) OWNER TO storyboard_recovery;
--> statement-breakpoint
REVOKE ALL ON FUNCTION interrupted_generations(timestamptz) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION fail_interrupted_generations(integer[], timestamptz, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION interrupted_generations(timestamptz) TO storyboard_app;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION fail_interrupted_generations(integer[], timestamptz, text) TO storyboard_app;
