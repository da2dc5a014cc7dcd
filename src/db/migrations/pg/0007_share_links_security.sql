-- Row level security for scene images and share links, and the one narrow path by which a share
-- link is read without a signed-in user (custom migration, run as the tables' owner).
--
-- 1. The app role sees images and share links of its own storyboards only (parent chain, like
--    scenes and tasks in 0001).
-- 2. A share link is opened through two SECURITY DEFINER functions owned by storyboard_share, a
--    NOLOGIN role that can read nothing unless the function itself, after finding the token's
--    live link, has set app.share_storyboard_id inside the transaction. So the functions can
--    return exactly that one storyboard, and the app never acts as the owner's user id.
SET lock_timeout = '2s';
--> statement-breakpoint
SET statement_timeout = '60s';
--> statement-breakpoint
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'storyboard_share') THEN
    CREATE ROLE storyboard_share NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
END $$;
--> statement-breakpoint
DO $$
BEGIN
  -- The migrating login must be a member to hand the functions to the role (ALTER ... OWNER).
  IF NOT pg_has_role(current_user, 'storyboard_share', 'MEMBER') THEN
    EXECUTE format('GRANT storyboard_share TO %I', current_user);
  END IF;
END $$;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON scene_images, share_links TO storyboard_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON SEQUENCE share_links_id_seq TO storyboard_app;
--> statement-breakpoint
ALTER TABLE scene_images ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE scene_images FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE share_links ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE share_links FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY scene_images_user_isolation ON scene_images FOR ALL TO storyboard_app
  USING (scene_id IN (
    SELECT sc.id FROM scenes sc JOIN storyboards s ON s.id = sc.storyboard_id JOIN projects p ON p.id = s.project_id
    WHERE p.user_id = NULLIF(current_setting('app.current_user_id', true), '')))
  WITH CHECK (scene_id IN (
    SELECT sc.id FROM scenes sc JOIN storyboards s ON s.id = sc.storyboard_id JOIN projects p ON p.id = s.project_id
    WHERE p.user_id = NULLIF(current_setting('app.current_user_id', true), '')));
--> statement-breakpoint
CREATE POLICY share_links_user_isolation ON share_links FOR ALL TO storyboard_app
  USING (storyboard_id IN (
    SELECT s.id FROM storyboards s JOIN projects p ON p.id = s.project_id
    WHERE p.user_id = NULLIF(current_setting('app.current_user_id', true), '')))
  WITH CHECK (storyboard_id IN (
    SELECT s.id FROM storyboards s JOIN projects p ON p.id = s.project_id
    WHERE p.user_id = NULLIF(current_setting('app.current_user_id', true), '')));
--> statement-breakpoint
-- What the share role may touch at all (column lists keep owners' names, briefs and ids of
-- other rows out of its reach even through a mistake in a function body).
GRANT USAGE ON SCHEMA public TO storyboard_share;
--> statement-breakpoint
GRANT SELECT (id, title, deleted_at) ON projects TO storyboard_share;
--> statement-breakpoint
GRANT SELECT (id, project_id, title, total_scenes, total_duration, status, generation_options, aspect_ratio, generated_at, updated_at, deleted_at) ON storyboards TO storyboard_share;
--> statement-breakpoint
GRANT SELECT ON scenes, scene_tasks, scene_images TO storyboard_share;
--> statement-breakpoint
GRANT SELECT (id, storyboard_id, token_hash, allow_comments, revoked_at, last_opened_at) ON share_links TO storyboard_share;
--> statement-breakpoint
GRANT UPDATE (last_opened_at) ON share_links TO storyboard_share;
--> statement-breakpoint
CREATE POLICY share_links_share_read ON share_links FOR SELECT TO storyboard_share
  USING (token_hash = NULLIF(current_setting('app.share_token_hash', true), ''));
--> statement-breakpoint
CREATE POLICY share_links_share_opened ON share_links FOR UPDATE TO storyboard_share
  USING (token_hash = NULLIF(current_setting('app.share_token_hash', true), '') AND revoked_at IS NULL)
  WITH CHECK (token_hash = NULLIF(current_setting('app.share_token_hash', true), ''));
--> statement-breakpoint
CREATE POLICY storyboards_share_read ON storyboards FOR SELECT TO storyboard_share
  USING (id = NULLIF(current_setting('app.share_storyboard_id', true), '')::integer);
--> statement-breakpoint
CREATE POLICY projects_share_read ON projects FOR SELECT TO storyboard_share
  USING (id IN (SELECT s.project_id FROM storyboards s WHERE s.id = NULLIF(current_setting('app.share_storyboard_id', true), '')::integer));
--> statement-breakpoint
CREATE POLICY scenes_share_read ON scenes FOR SELECT TO storyboard_share
  USING (storyboard_id = NULLIF(current_setting('app.share_storyboard_id', true), '')::integer);
--> statement-breakpoint
CREATE POLICY scene_tasks_share_read ON scene_tasks FOR SELECT TO storyboard_share
  USING (scene_id IN (SELECT sc.id FROM scenes sc WHERE sc.storyboard_id = NULLIF(current_setting('app.share_storyboard_id', true), '')::integer));
--> statement-breakpoint
CREATE POLICY scene_images_share_read ON scene_images FOR SELECT TO storyboard_share
  USING (scene_id IN (SELECT sc.id FROM scenes sc WHERE sc.storyboard_id = NULLIF(current_setting('app.share_storyboard_id', true), '')::integer));
--> statement-breakpoint
-- The live link of a token hash, or nothing. Sets the settings the share role's policies read;
-- callers clear them before they return.
CREATE FUNCTION share_link_for(p_token_hash text, OUT link_id integer, OUT storyboard_id integer, OUT allow_comments boolean)
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
BEGIN
  IF p_token_hash IS NULL OR p_token_hash !~ '^[0-9a-f]{64}$' THEN
    RETURN;
  END IF;
  PERFORM set_config('app.share_token_hash', p_token_hash, true);
  SELECT l.id, l.storyboard_id, l.allow_comments INTO link_id, storyboard_id, allow_comments
    FROM share_links l WHERE l.token_hash = p_token_hash AND l.revoked_at IS NULL;
  IF link_id IS NULL THEN
    PERFORM set_config('app.share_token_hash', '', true);
    RETURN;
  END IF;
  PERFORM set_config('app.share_storyboard_id', storyboard_id::text, true);
END $$;
--> statement-breakpoint
-- A share link's storyboard as JSON (link, project title, storyboard, scenes with tasks and image
-- metadata), or NULL for an unknown or revoked token or a deleted storyboard (or project). Records
-- the opening at most once a minute.
-- A scene's needs_input (the creator's own to-do) is not shared.
CREATE FUNCTION shared_storyboard(p_token_hash text) RETURNS json
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
DECLARE
  v_link record;
  v_result json;
BEGIN
  SELECT * INTO v_link FROM share_link_for(p_token_hash);
  IF v_link.link_id IS NULL THEN
    RETURN NULL;
  END IF;
  SELECT json_build_object(
      'link', json_build_object('id', v_link.link_id, 'allow_comments', v_link.allow_comments),
      'project_title', p.title,
      'storyboard', json_build_object(
        'id', s.id, 'title', s.title, 'total_scenes', s.total_scenes, 'total_duration', s.total_duration,
        'status', s.status, 'platform', s.generation_options ->> 'platform', 'aspect_ratio', s.aspect_ratio,
        'generated_at', s.generated_at, 'updated_at', s.updated_at),
      'scenes', COALESCE((
        SELECT json_agg(json_build_object(
            'id', sc.id, 'storyboard_id', sc.storyboard_id, 'scene_number', sc.scene_number, 'duration', sc.duration,
            'scene_type', sc.scene_type, 'visual_description', sc.visual_description, 'script', sc.script,
            'text_overlay', sc.text_overlay, 'camera_angle', sc.camera_angle, 'beat', sc.beat,
            'created_at', sc.created_at, 'updated_at', sc.updated_at,
            'tasks', COALESCE((
              SELECT json_agg(json_build_object(
                  'id', t.id, 'scene_id', t.scene_id, 'task_type', t.task_type, 'completed', t.completed,
                  'completed_at', t.completed_at, 'updated_at', t.updated_at) ORDER BY t.id)
              FROM scene_tasks t WHERE t.scene_id = sc.id), '[]'::json),
            'image', (
              SELECT json_build_object('content_type', i.content_type, 'width', i.width, 'height', i.height,
                  'byte_size', i.byte_size, 'updated_at', i.updated_at)
              FROM scene_images i WHERE i.scene_id = sc.id))
          ORDER BY sc.scene_number)
        FROM scenes sc WHERE sc.storyboard_id = s.id), '[]'::json))
    INTO v_result
    FROM storyboards s JOIN projects p ON p.id = s.project_id
    WHERE s.id = v_link.storyboard_id AND s.deleted_at IS NULL AND p.deleted_at IS NULL;
  IF v_result IS NOT NULL THEN
    UPDATE share_links SET last_opened_at = now()
      WHERE id = v_link.link_id AND (last_opened_at IS NULL OR last_opened_at < now() - interval '1 minute');
  END IF;
  PERFORM set_config('app.share_storyboard_id', '', true);
  PERFORM set_config('app.share_token_hash', '', true);
  RETURN v_result;
END $$;
--> statement-breakpoint
-- The images of a share link's storyboard (all of them, or one scene's), nothing for an unknown
-- or revoked token or a scene of another storyboard.
CREATE FUNCTION shared_scene_images(p_token_hash text, p_scene_id integer DEFAULT NULL)
  RETURNS TABLE (scene_id integer, content_type varchar, width integer, height integer, byte_size integer, data bytea, updated_at timestamptz)
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
DECLARE
  v_link record;
BEGIN
  SELECT * INTO v_link FROM share_link_for(p_token_hash);
  IF v_link.link_id IS NULL THEN
    RETURN;
  END IF;
  RETURN QUERY
    SELECT i.scene_id, i.content_type, i.width, i.height, i.byte_size, i.data, i.updated_at
    FROM scene_images i JOIN scenes sc ON sc.id = i.scene_id
      JOIN storyboards s ON s.id = sc.storyboard_id JOIN projects p ON p.id = s.project_id
    WHERE sc.storyboard_id = v_link.storyboard_id AND (p_scene_id IS NULL OR i.scene_id = p_scene_id)
      AND s.deleted_at IS NULL AND p.deleted_at IS NULL
    ORDER BY sc.scene_number;
  PERFORM set_config('app.share_storyboard_id', '', true);
  PERFORM set_config('app.share_token_hash', '', true);
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION share_link_for(text) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION shared_storyboard(text) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION shared_scene_images(text, integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION shared_storyboard(text), shared_scene_images(text, integer) TO storyboard_app;
--> statement-breakpoint
-- ALTER ... OWNER needs the new owner to hold CREATE on the schema at that moment; it keeps no
-- such right afterwards.
GRANT CREATE ON SCHEMA public TO storyboard_share;
--> statement-breakpoint
ALTER FUNCTION share_link_for(text) OWNER TO storyboard_share;
--> statement-breakpoint
ALTER FUNCTION shared_storyboard(text) OWNER TO storyboard_share;
--> statement-breakpoint
ALTER FUNCTION shared_scene_images(text, integer) OWNER TO storyboard_share;
--> statement-breakpoint
REVOKE CREATE ON SCHEMA public FROM storyboard_share;
