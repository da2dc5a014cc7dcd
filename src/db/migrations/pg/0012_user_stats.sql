-- Statistics and the maintenance role (custom migration: drizzle-kit has no materialized views,
-- roles or policies; docs/schema.md, "Statistics").
--
-- 1. storyboard_maintenance: a NOLOGIN role for the jobs that work across users (statistics, the
--    archive). The tables' owner cannot read them (FORCE ROW LEVEL SECURITY binds it, with no
--    policy for it); this role has its own policies, one per table, that admit every row, and the
--    owner's connections become it with SET LOCAL ROLE (src/db/store/pg.ts, adminTx). The app role
--    is not a member: a request can never act as it. The audit triggers skip the rows of a bulk
--    move only for this role (0008, audit_skip), which records one row per project instead.
-- 2. user_project_stats, the design's materialized view (refreshed daily by refresh_user_stats(),
--    CONCURRENTLY thanks to its unique index), owned by that role so that it is computed over
--    every user's projects. A materialized view has no row level security: the app role gets no
--    privilege on it and reads its own row through current_user_project_stats(), a SECURITY
--    DEFINER function that returns the row of app.current_user_id only.
-- 3. user_engagement_metrics, the business metrics view, with the design's invalid
--    AVG(SELECT …) rewritten (docs/schema.md); for operators (the maintenance role), not the app.
SET lock_timeout = '2s';
--> statement-breakpoint
SET statement_timeout = '60s';
--> statement-breakpoint
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'storyboard_maintenance') THEN
    CREATE ROLE storyboard_maintenance NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
END $$;
--> statement-breakpoint
DO $$
BEGIN
  -- The migrating login (the owner) hands its maintenance connections to the role with SET ROLE,
  -- and hands it the view and functions below (ALTER ... OWNER needs membership).
  IF NOT pg_has_role(current_user, 'storyboard_maintenance', 'MEMBER') THEN
    EXECUTE format('GRANT storyboard_maintenance TO %I', current_user);
  END IF;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO storyboard_maintenance;
--> statement-breakpoint
GRANT SELECT ON users TO storyboard_maintenance;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON projects, storyboards, scenes, scene_tasks, storyboard_snapshots, scene_images, share_links TO storyboard_maintenance;
--> statement-breakpoint
GRANT SELECT, INSERT ON audit_log TO storyboard_maintenance;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE audit_log_id_seq TO storyboard_maintenance;
--> statement-breakpoint
CREATE POLICY projects_maintenance ON projects FOR ALL TO storyboard_maintenance USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY storyboards_maintenance ON storyboards FOR ALL TO storyboard_maintenance USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY scenes_maintenance ON scenes FOR ALL TO storyboard_maintenance USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY scene_tasks_maintenance ON scene_tasks FOR ALL TO storyboard_maintenance USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY storyboard_snapshots_maintenance ON storyboard_snapshots FOR ALL TO storyboard_maintenance USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY scene_images_maintenance ON scene_images FOR ALL TO storyboard_maintenance USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY share_links_maintenance ON share_links FOR ALL TO storyboard_maintenance USING (true) WITH CHECK (true);
--> statement-breakpoint
-- It reads the log (daily active users) and writes only the one-per-project rows of a move.
CREATE POLICY audit_log_maintenance_read ON audit_log FOR SELECT TO storyboard_maintenance USING (true);
--> statement-breakpoint
CREATE POLICY audit_log_maintenance_moves ON audit_log FOR INSERT TO storyboard_maintenance
  WITH CHECK (operation IN ('ARCHIVE', 'RESTORE'));
--> statement-breakpoint
-- The design's view; soft-deleted projects are gone for their user and are not counted.
-- refreshed_at says how old the figures are (the dashboard shows it).
CREATE MATERIALIZED VIEW user_project_stats AS
SELECT
  user_id,
  count(*)::integer AS total_projects,
  (count(*) FILTER (WHERE status = 'active'))::integer AS active_projects,
  max(updated_at) AS last_activity,
  now() AS refreshed_at
FROM projects
WHERE deleted_at IS NULL
GROUP BY user_id
WITH NO DATA;
--> statement-breakpoint
-- REFRESH ... CONCURRENTLY needs a unique index over all rows, without WHERE.
-- squawk-ignore require-concurrent-index-creation
CREATE UNIQUE INDEX user_project_stats_user_id ON user_project_stats (user_id);
--> statement-breakpoint
GRANT CREATE ON SCHEMA public TO storyboard_maintenance;
--> statement-breakpoint
ALTER MATERIALIZED VIEW user_project_stats OWNER TO storyboard_maintenance;
--> statement-breakpoint
-- Filled as its new owner (a refresh runs the query as the view's owner); an empty projects
-- table makes this instant, a large one takes one scan.
REFRESH MATERIALIZED VIEW user_project_stats;
--> statement-breakpoint
-- The design's function. CONCURRENTLY: the dashboard keeps reading the old figures while the new
-- ones are computed. Runs as the view's owner, so the maintenance jobs and the owner may call it.
CREATE FUNCTION refresh_user_stats() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
  REFRESH MATERIALIZED VIEW CONCURRENTLY user_project_stats;
END $$;
--> statement-breakpoint
-- The acting user's own row (none before their first refresh). The only way the app role reads
-- the view: it is never granted the view itself, which has no row level security.
CREATE FUNCTION current_user_project_stats()
RETURNS TABLE (total_projects integer, active_projects integer, last_activity timestamptz, refreshed_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT s.total_projects, s.active_projects, s.last_activity, s.refreshed_at
  FROM user_project_stats s
  WHERE s.user_id = NULLIF(current_setting('app.current_user_id', true), '')
$$;
--> statement-breakpoint
-- Daily figures (UTC days), newest first:
--   projects_created            projects created that day (soft-deleted ones too: they were made);
--   daily_active_users          distinct users who changed something that day, from the audit log
--                               (every write of a project, storyboard, scene or task is a row;
--                               an archive move is the system's, not the user's, and is left out);
--   avg_storyboards_per_project live storyboards per project, over the projects created that day.
-- The design's AVG(SELECT …) is not SQL (an aggregate over a subquery needs the subquery to be a
-- relation); the per-project counts are a grouped subquery joined in instead.
CREATE VIEW user_engagement_metrics AS
WITH created AS (
  SELECT (p.created_at AT TIME ZONE 'UTC')::date AS date,
    count(*)::integer AS projects_created,
    round(avg(coalesce(sb.n, 0)), 2)::float8 AS avg_storyboards_per_project
  FROM projects p
  LEFT JOIN (SELECT project_id, count(*) AS n FROM storyboards WHERE deleted_at IS NULL GROUP BY project_id) sb ON sb.project_id = p.id
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
--> statement-breakpoint
ALTER VIEW user_engagement_metrics OWNER TO storyboard_maintenance;
--> statement-breakpoint
REVOKE ALL ON FUNCTION refresh_user_stats() FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION current_user_project_stats() FROM PUBLIC;
--> statement-breakpoint
ALTER FUNCTION refresh_user_stats() OWNER TO storyboard_maintenance;
--> statement-breakpoint
ALTER FUNCTION current_user_project_stats() OWNER TO storyboard_maintenance;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION current_user_project_stats() TO storyboard_app;
--> statement-breakpoint
REVOKE CREATE ON SCHEMA public FROM storyboard_maintenance;
