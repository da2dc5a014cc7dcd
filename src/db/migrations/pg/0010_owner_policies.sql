-- Row level security on the owner column: every user-owned table's policy is one comparison, of
-- the same shape for every table (new tables follow it; tests/schema/design.test.ts checks it).
-- The setting sits in a scalar subquery so PostgreSQL evaluates it once per statement (an
-- InitPlan) instead of once per row. The composite foreign keys of 0009_owner_column keep each
-- child's user_id equal to its parent's, so nothing is lost against the parent-chain subqueries
-- these replace, and an UPDATE no longer walks projects -> storyboards -> scenes twice. (The share
-- role's policies of 0007 read one shared storyboard by id and stay as they are; audit_log's
-- user_id is the acting user, read with the same comparison, and its insert policy is the
-- trigger's.)
SET lock_timeout = '2s';
--> statement-breakpoint
SET statement_timeout = '60s';
--> statement-breakpoint
ALTER POLICY projects_user_isolation ON projects
  USING (user_id = (SELECT NULLIF(current_setting('app.current_user_id', true), '')))
  WITH CHECK (user_id = (SELECT NULLIF(current_setting('app.current_user_id', true), '')));
--> statement-breakpoint
ALTER POLICY storyboards_user_isolation ON storyboards
  USING (user_id = (SELECT NULLIF(current_setting('app.current_user_id', true), '')))
  WITH CHECK (user_id = (SELECT NULLIF(current_setting('app.current_user_id', true), '')));
--> statement-breakpoint
ALTER POLICY scenes_user_isolation ON scenes
  USING (user_id = (SELECT NULLIF(current_setting('app.current_user_id', true), '')))
  WITH CHECK (user_id = (SELECT NULLIF(current_setting('app.current_user_id', true), '')));
--> statement-breakpoint
ALTER POLICY scene_tasks_user_isolation ON scene_tasks
  USING (user_id = (SELECT NULLIF(current_setting('app.current_user_id', true), '')))
  WITH CHECK (user_id = (SELECT NULLIF(current_setting('app.current_user_id', true), '')));
--> statement-breakpoint
ALTER POLICY storyboard_snapshots_user_isolation ON storyboard_snapshots
  USING (user_id = (SELECT NULLIF(current_setting('app.current_user_id', true), '')))
  WITH CHECK (user_id = (SELECT NULLIF(current_setting('app.current_user_id', true), '')));
--> statement-breakpoint
ALTER POLICY scene_images_user_isolation ON scene_images
  USING (user_id = (SELECT NULLIF(current_setting('app.current_user_id', true), '')))
  WITH CHECK (user_id = (SELECT NULLIF(current_setting('app.current_user_id', true), '')));
--> statement-breakpoint
ALTER POLICY share_links_user_isolation ON share_links
  USING (user_id = (SELECT NULLIF(current_setting('app.current_user_id', true), '')))
  WITH CHECK (user_id = (SELECT NULLIF(current_setting('app.current_user_id', true), '')));
--> statement-breakpoint
ALTER POLICY audit_log_read_own ON audit_log
  USING (user_id = (SELECT NULLIF(current_setting('app.current_user_id', true), '')));
