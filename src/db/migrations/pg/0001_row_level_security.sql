-- squawk-ignore-file require-lock-timeout, require-statement-timeout
-- Exception (docs/operations.md, "Safe migrations"): written before squawk ran in lint and applied
-- on a database with no traffic yet; the migrator's own lock_timeout bounds its locks anyway.
-- Row level security (custom migration, run as the tables' owner).
-- The app works as the role storyboard_app: it owns nothing and has no BYPASSRLS, so the
-- policies below always apply to it. Every request sets app.current_user_id with
-- set_config(..., true) inside its transaction; a connection with no user sees no rows.
-- Child tables are checked through their parent's owner (no owner column is copied down):
-- see docs/schema.md for the measured cost of both options.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'storyboard_app') THEN
    CREATE ROLE storyboard_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END $$;
--> statement-breakpoint
DO $$
BEGIN
  -- Lets the migrating login (the owner) hand its connections to the app role with SET ROLE.
  IF NOT pg_has_role(current_user, 'storyboard_app', 'MEMBER') THEN
    EXECUTE format('GRANT storyboard_app TO %I', current_user);
  END IF;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO storyboard_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON users, accounts, sessions, verification_tokens, projects, storyboards, scenes, scene_tasks TO storyboard_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO storyboard_app;
--> statement-breakpoint
ALTER TABLE projects ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE projects FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE storyboards ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE storyboards FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE scenes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE scenes FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE scene_tasks ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE scene_tasks FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY projects_user_isolation ON projects FOR ALL TO storyboard_app
  USING (user_id = NULLIF(current_setting('app.current_user_id', true), ''))
  WITH CHECK (user_id = NULLIF(current_setting('app.current_user_id', true), ''));
--> statement-breakpoint
-- The subqueries are uncorrelated: PostgreSQL runs each once per statement (a hashed
-- subplan over the acting user's own rows, found through idx_projects_user_id).
CREATE POLICY storyboards_user_isolation ON storyboards FOR ALL TO storyboard_app
  USING (project_id IN (SELECT p.id FROM projects p WHERE p.user_id = NULLIF(current_setting('app.current_user_id', true), '')))
  WITH CHECK (project_id IN (SELECT p.id FROM projects p WHERE p.user_id = NULLIF(current_setting('app.current_user_id', true), '')));
--> statement-breakpoint
CREATE POLICY scenes_user_isolation ON scenes FOR ALL TO storyboard_app
  USING (storyboard_id IN (
    SELECT s.id FROM storyboards s JOIN projects p ON p.id = s.project_id
    WHERE p.user_id = NULLIF(current_setting('app.current_user_id', true), '')))
  WITH CHECK (storyboard_id IN (
    SELECT s.id FROM storyboards s JOIN projects p ON p.id = s.project_id
    WHERE p.user_id = NULLIF(current_setting('app.current_user_id', true), '')));
--> statement-breakpoint
CREATE POLICY scene_tasks_user_isolation ON scene_tasks FOR ALL TO storyboard_app
  USING (scene_id IN (
    SELECT sc.id FROM scenes sc JOIN storyboards s ON s.id = sc.storyboard_id JOIN projects p ON p.id = s.project_id
    WHERE p.user_id = NULLIF(current_setting('app.current_user_id', true), '')))
  WITH CHECK (scene_id IN (
    SELECT sc.id FROM scenes sc JOIN storyboards s ON s.id = sc.storyboard_id JOIN projects p ON p.id = s.project_id
    WHERE p.user_id = NULLIF(current_setting('app.current_user_id', true), '')));
--> statement-breakpoint
-- Generation jobs cut off by a restart: the recovery sweep (and only a transaction that sets
-- app.job_recovery) may see and fail storyboards still marked 'generating', of any user.
-- The SELECT policy admits 'error' too because an UPDATE's new row must stay visible.
CREATE POLICY storyboards_job_recovery_select ON storyboards FOR SELECT TO storyboard_app
  USING (status IN ('generating', 'error') AND current_setting('app.job_recovery', true) = 'on');
--> statement-breakpoint
CREATE POLICY storyboards_job_recovery_update ON storyboards FOR UPDATE TO storyboard_app
  USING (status = 'generating' AND current_setting('app.job_recovery', true) = 'on')
  WITH CHECK (status = 'error' AND current_setting('app.job_recovery', true) = 'on');
