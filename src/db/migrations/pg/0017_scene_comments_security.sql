-- Row level security for scene comments, and the one narrow path by which a reviewer writes one
-- (custom migration, run as the tables' owner; the pattern of 0007 and 0010), and the archive's
-- access to them (the pattern of 0012 and 0014).
--
-- 1. The app role sees the comments of its own storyboards only: the one-comparison policy on the
--    owner column every user-owned table has (0010).
-- 2. A reviewer comments through add_shared_scene_comment(), a SECURITY DEFINER function owned by
--    the share role. It finds the token's live link (share_link_for of 0007), refuses unless the
--    link allows comments and the scene is in the link's storyboard, and only then sets
--    app.share_link_id: the share role's INSERT policy admits a reviewer's comment on the shared
--    storyboard through that link and nothing else. The owner's user id is never set on the
--    connection; the comment's user_id is copied from its scene row, and the composite foreign
--    keys hold it equal to the scene's and the storyboard's.
-- 3. shared_storyboard() also returns the storyboard's approval state, and its comments when the
--    link allows comments.
-- 4. The archive moves comments with their project as storyboard_maintenance (0012), and the app
--    role reads its own archived comments by the same one comparison (0014).
SET lock_timeout = '2s';
--> statement-breakpoint
SET statement_timeout = '60s';
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON scene_comments TO storyboard_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON SEQUENCE scene_comments_id_seq TO storyboard_app;
--> statement-breakpoint
ALTER TABLE scene_comments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE scene_comments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY scene_comments_user_isolation ON scene_comments FOR ALL TO storyboard_app
  USING (user_id = (SELECT NULLIF(current_setting('app.current_user_id', true), '')))
  WITH CHECK (user_id = (SELECT NULLIF(current_setting('app.current_user_id', true), '')));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON scene_comments TO storyboard_maintenance;
--> statement-breakpoint
CREATE POLICY scene_comments_maintenance ON scene_comments FOR ALL TO storyboard_maintenance USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT ON scene_comments_archive TO storyboard_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON scene_comments_archive TO storyboard_maintenance;
--> statement-breakpoint
ALTER TABLE scene_comments_archive ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE scene_comments_archive FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY scene_comments_archive_user_isolation ON scene_comments_archive FOR ALL TO storyboard_app
  USING (user_id = (SELECT NULLIF(current_setting('app.current_user_id', true), '')))
  WITH CHECK (user_id = (SELECT NULLIF(current_setting('app.current_user_id', true), '')));
--> statement-breakpoint
CREATE POLICY scene_comments_archive_maintenance ON scene_comments_archive FOR ALL TO storyboard_maintenance USING (true) WITH CHECK (true);
--> statement-breakpoint
-- The share role: no user_id or link id to read back, and it writes only a new comment's columns.
GRANT SELECT (id, scene_id, storyboard_id, author, author_name, body, resolved, resolved_at, created_at) ON scene_comments TO storyboard_share;
--> statement-breakpoint
GRANT INSERT (scene_id, storyboard_id, user_id, author, author_name, share_link_id, body) ON scene_comments TO storyboard_share;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE scene_comments_id_seq TO storyboard_share;
--> statement-breakpoint
GRANT SELECT (approval_state) ON storyboards TO storyboard_share;
--> statement-breakpoint
CREATE POLICY scene_comments_share_read ON scene_comments FOR SELECT TO storyboard_share
  USING (storyboard_id = NULLIF(current_setting('app.share_storyboard_id', true), '')::integer);
--> statement-breakpoint
CREATE POLICY scene_comments_share_insert ON scene_comments FOR INSERT TO storyboard_share
  WITH CHECK (
    author = 'reviewer'
    AND storyboard_id = NULLIF(current_setting('app.share_storyboard_id', true), '')::integer
    AND share_link_id = NULLIF(current_setting('app.share_link_id', true), '')::integer);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION shared_storyboard(p_token_hash text) RETURNS json
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
        'generated_at', s.generated_at, 'updated_at', s.updated_at, 'approval_state', s.approval_state),
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
        FROM scenes sc WHERE sc.storyboard_id = s.id), '[]'::json),
      -- Reviewers read the comments only through a link that lets them comment.
      'comments', CASE WHEN v_link.allow_comments THEN COALESCE((
        SELECT json_agg(json_build_object(
            'id', c.id, 'scene_id', c.scene_id, 'storyboard_id', c.storyboard_id, 'author', c.author,
            'author_name', c.author_name, 'body', c.body, 'resolved', c.resolved, 'resolved_at', c.resolved_at,
            'created_at', c.created_at) ORDER BY c.created_at, c.id)
        FROM scene_comments c WHERE c.storyboard_id = s.id), '[]'::json) ELSE '[]'::json END)
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
-- A reviewer's comment on a scene of a share link's storyboard. Returns {"comment": {...}} or
-- {"error": "not_found" | "comments_off" | "scene_not_found" | "invalid" | "too_many"}: an unknown
-- or revoked token and a deleted storyboard are not_found; a link without comments is
-- comments_off; a scene of another storyboard is scene_not_found. The app validates the name and
-- text first (Zod); the checks here hold for any caller of the function.
CREATE FUNCTION add_shared_scene_comment(p_token_hash text, p_scene_id integer, p_author_name text, p_body text) RETURNS json
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
DECLARE
  v_link record;
  v_scene record;
  v_comment json;
  v_error text;
BEGIN
  SELECT * INTO v_link FROM share_link_for(p_token_hash);
  IF v_link.link_id IS NULL THEN
    RETURN json_build_object('error', 'not_found');
  END IF;
  IF NOT EXISTS (
    SELECT 1 FROM storyboards s JOIN projects p ON p.id = s.project_id
    WHERE s.id = v_link.storyboard_id AND s.deleted_at IS NULL AND p.deleted_at IS NULL
  ) THEN
    v_error := 'not_found';
  ELSIF NOT v_link.allow_comments THEN
    v_error := 'comments_off';
  ELSIF p_author_name IS NULL OR p_body IS NULL
    OR char_length(btrim(p_author_name)) NOT BETWEEN 1 AND 80 OR char_length(btrim(p_body)) NOT BETWEEN 1 AND 2000
    OR p_author_name ~ '[\x01-\x1f\x7f]' OR p_body ~ '[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]' THEN
    v_error := 'invalid';
  ELSE
    SELECT sc.id, sc.storyboard_id, sc.user_id INTO v_scene
      FROM scenes sc WHERE sc.id = p_scene_id AND sc.storyboard_id = v_link.storyboard_id;
    IF v_scene.id IS NULL THEN
      v_error := 'scene_not_found';
    ELSIF (SELECT count(*) FROM scene_comments c WHERE c.scene_id = v_scene.id) >= 200 THEN
      v_error := 'too_many';
    END IF;
  END IF;
  IF v_error IS NULL THEN
    PERFORM set_config('app.share_link_id', v_link.link_id::text, true);
    INSERT INTO scene_comments (scene_id, storyboard_id, user_id, author, author_name, share_link_id, body)
      VALUES (v_scene.id, v_scene.storyboard_id, v_scene.user_id, 'reviewer', btrim(p_author_name), v_link.link_id, btrim(p_body))
      RETURNING json_build_object('id', id, 'scene_id', scene_id, 'storyboard_id', storyboard_id, 'author', author,
        'author_name', author_name, 'body', body, 'resolved', resolved, 'resolved_at', resolved_at, 'created_at', created_at)
      INTO v_comment;
  END IF;
  PERFORM set_config('app.share_link_id', '', true);
  PERFORM set_config('app.share_storyboard_id', '', true);
  PERFORM set_config('app.share_token_hash', '', true);
  IF v_error IS NOT NULL THEN
    RETURN json_build_object('error', v_error);
  END IF;
  RETURN json_build_object('comment', v_comment);
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION add_shared_scene_comment(text, integer, text, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION add_shared_scene_comment(text, integer, text, text) TO storyboard_app;
--> statement-breakpoint
-- ALTER ... OWNER needs the new owner to hold CREATE on the schema at that moment (as in 0007).
GRANT CREATE ON SCHEMA public TO storyboard_share;
--> statement-breakpoint
ALTER FUNCTION add_shared_scene_comment(text, integer, text, text) OWNER TO storyboard_share;
--> statement-breakpoint
REVOKE CREATE ON SCHEMA public FROM storyboard_share;
