-- Safe-migration settings (docs/operations.md): every lock waits at most 2 s, every statement 60 s.
SET lock_timeout = '2s';
--> statement-breakpoint
SET statement_timeout = '60s';
--> statement-breakpoint
-- The main storyboard of every existing project is its first one (the rule new projects follow).
-- Run as the owner, which FORCE ROW LEVEL SECURITY also binds (with no policy for it): the
-- backfill lifts the force for its own statement only, inside this migration's transaction.
-- Exception (docs/operations.md): a backfill inside the migration, one UPDATE of one row per project.
ALTER TABLE storyboards NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
UPDATE storyboards SET is_main = true
WHERE id IN (SELECT min(id) FROM storyboards WHERE deleted_at IS NULL GROUP BY project_id);
--> statement-breakpoint
ALTER TABLE storyboards FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON storyboard_snapshots TO storyboard_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON SEQUENCE storyboard_snapshots_id_seq TO storyboard_app;
--> statement-breakpoint
ALTER TABLE storyboard_snapshots ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE storyboard_snapshots FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Versions belong to their storyboard: scoped through the parent chain like scenes.
CREATE POLICY storyboard_snapshots_user_isolation ON storyboard_snapshots FOR ALL TO storyboard_app
  USING (storyboard_id IN (
    SELECT s.id FROM storyboards s JOIN projects p ON p.id = s.project_id
    WHERE p.user_id = NULLIF(current_setting('app.current_user_id', true), '')))
  WITH CHECK (storyboard_id IN (
    SELECT s.id FROM storyboards s JOIN projects p ON p.id = s.project_id
    WHERE p.user_id = NULLIF(current_setting('app.current_user_id', true), '')));
