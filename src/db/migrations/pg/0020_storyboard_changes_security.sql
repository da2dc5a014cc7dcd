-- Row level security for the undo stack (0019), the pattern of 0017: the app role sees only its
-- own changes, by one comparison on the owner column; the maintenance role (0012), which purges
-- deleted projects and storyboards after their grace period, sees every row.
SET lock_timeout = '2s';
--> statement-breakpoint
SET statement_timeout = '60s';
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON storyboard_changes TO storyboard_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON SEQUENCE storyboard_changes_id_seq TO storyboard_app;
--> statement-breakpoint
ALTER TABLE storyboard_changes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE storyboard_changes FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY storyboard_changes_user_isolation ON storyboard_changes FOR ALL TO storyboard_app
  USING (user_id = (SELECT NULLIF(current_setting('app.current_user_id', true), '')))
  WITH CHECK (user_id = (SELECT NULLIF(current_setting('app.current_user_id', true), '')));
--> statement-breakpoint
GRANT SELECT, DELETE ON storyboard_changes TO storyboard_maintenance;
--> statement-breakpoint
CREATE POLICY storyboard_changes_maintenance ON storyboard_changes FOR ALL TO storyboard_maintenance USING (true) WITH CHECK (true);
