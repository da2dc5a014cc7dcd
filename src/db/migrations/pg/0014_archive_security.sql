-- Row level security on the archive tables, and the maintenance role's access (custom migration;
-- docs/schema.md, "Archive").
-- The app role reads its own archived rows (the dashboard's Archived filter) by the same one
-- comparison on the owner column as the live tables (0010), and may not write them: the archive
-- job and a restore move rows as storyboard_maintenance (0012), whose policies admit every row.
SET lock_timeout = '2s';
--> statement-breakpoint
SET statement_timeout = '60s';
--> statement-breakpoint
GRANT SELECT ON projects_archive, storyboards_archive, scenes_archive, scene_tasks_archive, storyboard_snapshots_archive, scene_images_archive, share_links_archive TO storyboard_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON projects_archive, storyboards_archive, scenes_archive, scene_tasks_archive, storyboard_snapshots_archive, scene_images_archive, share_links_archive TO storyboard_maintenance;
--> statement-breakpoint
ALTER TABLE projects_archive ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE projects_archive FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE storyboards_archive ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE storyboards_archive FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE scenes_archive ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE scenes_archive FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE scene_tasks_archive ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE scene_tasks_archive FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE storyboard_snapshots_archive ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE storyboard_snapshots_archive FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE scene_images_archive ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE scene_images_archive FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE share_links_archive ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE share_links_archive FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY projects_archive_user_isolation ON projects_archive FOR ALL TO storyboard_app
  USING (user_id = (SELECT NULLIF(current_setting('app.current_user_id', true), '')))
  WITH CHECK (user_id = (SELECT NULLIF(current_setting('app.current_user_id', true), '')));
--> statement-breakpoint
CREATE POLICY storyboards_archive_user_isolation ON storyboards_archive FOR ALL TO storyboard_app
  USING (user_id = (SELECT NULLIF(current_setting('app.current_user_id', true), '')))
  WITH CHECK (user_id = (SELECT NULLIF(current_setting('app.current_user_id', true), '')));
--> statement-breakpoint
CREATE POLICY scenes_archive_user_isolation ON scenes_archive FOR ALL TO storyboard_app
  USING (user_id = (SELECT NULLIF(current_setting('app.current_user_id', true), '')))
  WITH CHECK (user_id = (SELECT NULLIF(current_setting('app.current_user_id', true), '')));
--> statement-breakpoint
CREATE POLICY scene_tasks_archive_user_isolation ON scene_tasks_archive FOR ALL TO storyboard_app
  USING (user_id = (SELECT NULLIF(current_setting('app.current_user_id', true), '')))
  WITH CHECK (user_id = (SELECT NULLIF(current_setting('app.current_user_id', true), '')));
--> statement-breakpoint
CREATE POLICY storyboard_snapshots_archive_user_isolation ON storyboard_snapshots_archive FOR ALL TO storyboard_app
  USING (user_id = (SELECT NULLIF(current_setting('app.current_user_id', true), '')))
  WITH CHECK (user_id = (SELECT NULLIF(current_setting('app.current_user_id', true), '')));
--> statement-breakpoint
CREATE POLICY scene_images_archive_user_isolation ON scene_images_archive FOR ALL TO storyboard_app
  USING (user_id = (SELECT NULLIF(current_setting('app.current_user_id', true), '')))
  WITH CHECK (user_id = (SELECT NULLIF(current_setting('app.current_user_id', true), '')));
--> statement-breakpoint
CREATE POLICY share_links_archive_user_isolation ON share_links_archive FOR ALL TO storyboard_app
  USING (user_id = (SELECT NULLIF(current_setting('app.current_user_id', true), '')))
  WITH CHECK (user_id = (SELECT NULLIF(current_setting('app.current_user_id', true), '')));
--> statement-breakpoint
CREATE POLICY projects_archive_maintenance ON projects_archive FOR ALL TO storyboard_maintenance USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY storyboards_archive_maintenance ON storyboards_archive FOR ALL TO storyboard_maintenance USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY scenes_archive_maintenance ON scenes_archive FOR ALL TO storyboard_maintenance USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY scene_tasks_archive_maintenance ON scene_tasks_archive FOR ALL TO storyboard_maintenance USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY storyboard_snapshots_archive_maintenance ON storyboard_snapshots_archive FOR ALL TO storyboard_maintenance USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY scene_images_archive_maintenance ON scene_images_archive FOR ALL TO storyboard_maintenance USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY share_links_archive_maintenance ON share_links_archive FOR ALL TO storyboard_maintenance USING (true) WITH CHECK (true);
--> statement-breakpoint
-- The business metrics count archived projects too: they were created, and their storyboards
-- were made (same columns as in 0012; the view stays the maintenance role's).
CREATE OR REPLACE VIEW user_engagement_metrics AS
WITH all_projects AS (
  SELECT id, created_at FROM projects UNION ALL SELECT id, created_at FROM projects_archive
), all_storyboards AS (
  SELECT project_id FROM storyboards WHERE deleted_at IS NULL
  UNION ALL SELECT project_id FROM storyboards_archive WHERE deleted_at IS NULL
), created AS (
  SELECT (p.created_at AT TIME ZONE 'UTC')::date AS date,
    count(*)::integer AS projects_created,
    round(avg(coalesce(sb.n, 0)), 2)::float8 AS avg_storyboards_per_project
  FROM all_projects p
  LEFT JOIN (SELECT project_id, count(*) AS n FROM all_storyboards GROUP BY project_id) sb ON sb.project_id = p.id
  GROUP BY 1
), active AS (
  SELECT (created_at AT TIME ZONE 'UTC')::date AS date, count(DISTINCT user_id)::integer AS daily_active_users
  FROM audit_log
  WHERE user_id IS NOT NULL AND operation <> 'ARCHIVE'
  GROUP BY 1
)
SELECT date,
  coalesce(c.projects_created, 0) AS projects_created,
  coalesce(a.daily_active_users, 0) AS daily_active_users,
  c.avg_storyboards_per_project
FROM created c FULL JOIN active a USING (date)
ORDER BY date DESC;
