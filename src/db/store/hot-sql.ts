// The hot reads as SQL text, run as prepared statements on both dialects (the SQLite driver
// rewrites $n to ?). Kept to the subset both engines run the same way: FILTER on aggregates,
// GROUP BY a primary key, no casts. Each is the design's query plus task progress. Every table a
// statement reads or writes is filtered by its owner column too (user_id, the acting user): on
// SQLite that is the isolation itself, on PostgreSQL it states what row level security enforces.
// The tick's two statements (tickLockStoryboard, tickWithProgress) are PostgreSQL's alone.

const PROJECT = "p.id, p.user_id, p.title, p.description, p.status, p.created_at, p.updated_at";
const STORYBOARD =
  "s.id, s.project_id, s.title, s.brief, s.reference_urls, s.total_scenes, s.total_duration, s.pattern_source, s.status, s.error_message, s.generation_options, s.aspect_ratio, s.approval_state, s.is_main, s.generated_at, s.updated_at, s.version";
const SCENE =
  "sc.id, sc.storyboard_id, sc.scene_number, sc.duration, sc.scene_type, sc.visual_description, sc.script, sc.text_overlay, sc.camera_angle, sc.beat, sc.needs_input, sc.edited_fields, sc.created_at, sc.updated_at";
/** A storyboard (alias s) neither deleted nor in a deleted project: soft-deleted rows are hidden from every read until Undo or the purge. */
const LIVE_STORYBOARD = (user: string) => `s.deleted_at IS NULL AND EXISTS (SELECT 1 FROM projects lp WHERE lp.id = s.project_id AND lp.user_id = ${user} AND lp.deleted_at IS NULL)`;
const PROGRESS = "COUNT(t.id) AS total_tasks, COUNT(t.id) FILTER (WHERE t.completed) AS completed_tasks";

/** A storyboard row `s` that is its project's live main one: only its tasks are the project's progress. */
const MAIN = "s.is_main AND s.deleted_at IS NULL";
/** Whether task `t` is done, the task being ticked ($1) counted with its new value ($2): the tick's counts (PostgreSQL). */
const TICKED = "CASE WHEN t.id = $1 THEN $2::boolean ELSE t.completed END";

const dashboard = (statusFilter: string) => `
SELECT ${PROJECT}, COUNT(DISTINCT s.id) AS storyboard_count, ${PROGRESS},
  MAX(CASE WHEN ${MAIN} THEN s.approval_state END) AS approval_state
FROM projects p
LEFT JOIN storyboards s ON s.project_id = p.id AND s.user_id = $1 AND s.deleted_at IS NULL
LEFT JOIN scenes sc ON sc.storyboard_id = s.id AND sc.user_id = $1 AND ${MAIN}
LEFT JOIN scene_tasks t ON t.scene_id = sc.id AND t.user_id = $1
WHERE p.user_id = $1 AND p.deleted_at IS NULL${statusFilter}
GROUP BY p.id
ORDER BY p.updated_at DESC, p.id DESC`;

export const HOT_SQL = {
  /** Dashboard: a user's projects with storyboard counts and their main storyboard's progress, newest first. */
  dashboard: dashboard(""),
  dashboardByStatus: dashboard(" AND p.status = $2"),

  /** One project of one user (the ownership check of every project read). */
  project: `SELECT ${PROJECT} FROM projects p WHERE p.id = $1 AND p.user_id = $2 AND p.deleted_at IS NULL`,
  /** The same row, locked until the transaction ends (PostgreSQL; SQLite's writes are serialized already). */
  projectForUpdate: `SELECT ${PROJECT} FROM projects p WHERE p.id = $1 AND p.user_id = $2 AND p.deleted_at IS NULL FOR UPDATE`,

  /** A project's storyboards with scene counts and progress. */
  projectStoryboards: `
SELECT ${STORYBOARD}, COUNT(DISTINCT sc.id) AS scene_count, ${PROGRESS}
FROM storyboards s
LEFT JOIN scenes sc ON sc.storyboard_id = s.id AND sc.user_id = $2
LEFT JOIN scene_tasks t ON t.scene_id = sc.id AND t.user_id = $2
WHERE s.project_id = $1 AND s.user_id = $2 AND s.deleted_at IS NULL
GROUP BY s.id
ORDER BY s.generated_at DESC, s.id DESC`,

  /** Every scene of a project's storyboards with its task counts (the hierarchy's last level). */
  projectScenes: `
SELECT ${SCENE}, ${PROGRESS}
FROM storyboards s
JOIN scenes sc ON sc.storyboard_id = s.id AND sc.user_id = $2
LEFT JOIN scene_tasks t ON t.scene_id = sc.id AND t.user_id = $2
WHERE s.project_id = $1 AND s.user_id = $2 AND s.deleted_at IS NULL
GROUP BY sc.id
ORDER BY sc.storyboard_id, sc.scene_number`,

  /** Storyboard view, part 1: the storyboard, if the user owns it. */
  storyboard: `
SELECT ${STORYBOARD}
FROM storyboards s
WHERE s.id = $1 AND s.user_id = $2 AND ${LIVE_STORYBOARD("$2")}`,

  /** Storyboard view, part 2: its scenes in order, each with its tasks (one row per task) and its image's metadata. */
  storyboardScenes: `
SELECT ${SCENE}, t.id AS task_id, t.task_type, t.completed, t.completed_at, t.updated_at AS task_updated_at,
  si.content_type AS image_content_type, si.width AS image_width, si.height AS image_height, si.byte_size AS image_byte_size, si.updated_at AS image_updated_at
FROM scenes sc LEFT JOIN scene_tasks t ON t.scene_id = sc.id AND t.user_id = $2 LEFT JOIN scene_images si ON si.scene_id = sc.id AND si.user_id = $2
WHERE sc.storyboard_id = $1 AND sc.user_id = $2
ORDER BY sc.scene_number, t.id`,

  /** Task progress of one scene, its storyboard and its project (the main storyboard's tasks), in one statement. */
  progressForScene: `
SELECT
  (SELECT COUNT(*) FROM scene_tasks t WHERE t.scene_id = $1 AND t.user_id = $4) AS scene_total,
  (SELECT COUNT(*) FROM scene_tasks t WHERE t.scene_id = $1 AND t.user_id = $4 AND t.completed) AS scene_done,
  (SELECT COUNT(t.id) FROM scenes sc JOIN scene_tasks t ON t.scene_id = sc.id AND t.user_id = $4 WHERE sc.storyboard_id = $2 AND sc.user_id = $4) AS storyboard_total,
  (SELECT COUNT(t.id) FROM scenes sc JOIN scene_tasks t ON t.scene_id = sc.id AND t.user_id = $4 WHERE sc.storyboard_id = $2 AND sc.user_id = $4 AND t.completed) AS storyboard_done,
  (SELECT COUNT(t.id) FROM storyboards s JOIN scenes sc ON sc.storyboard_id = s.id AND sc.user_id = $4 JOIN scene_tasks t ON t.scene_id = sc.id AND t.user_id = $4 WHERE s.project_id = $3 AND s.user_id = $4 AND ${MAIN}) AS project_total,
  (SELECT COUNT(t.id) FROM storyboards s JOIN scenes sc ON sc.storyboard_id = s.id AND sc.user_id = $4 JOIN scene_tasks t ON t.scene_id = sc.id AND t.user_id = $4 WHERE s.project_id = $3 AND s.user_id = $4 AND ${MAIN} AND t.completed) AS project_done`,

  /** A scene with its storyboard and project, if the user owns it. */
  sceneOwner: `
SELECT sc.id, sc.storyboard_id, sc.scene_number, s.project_id, s.status
FROM scenes sc JOIN storyboards s ON s.id = sc.storyboard_id AND s.user_id = $2
WHERE sc.id = $1 AND sc.user_id = $2 AND ${LIVE_STORYBOARD("$2")}`,

  /** The hot writes, prepared too: under row level security planning a statement costs more than running it. */
  tickTask: `
UPDATE scene_tasks SET completed = $2, completed_at = $3, updated_at = $4 WHERE id = $1 AND user_id = $5
RETURNING id, scene_id, task_type, completed, completed_at, updated_at`,
  touchStoryboard: "UPDATE storyboards SET updated_at = $2 WHERE id = $1 AND user_id = $3",
  /**
   * The first statement of every change to a storyboard or its scenes: locks the storyboard's row
   * (so concurrent edits of one storyboard queue here, in one order, instead of deadlocking on its
   * scenes) and counts the change in its version.
   */
  lockStoryboard: `UPDATE storyboards AS s SET version = version + 1 WHERE s.id = $1 AND s.user_id = $2 AND ${LIVE_STORYBOARD("$2")} RETURNING ${STORYBOARD.replaceAll("s.", "")}`,
  touchProject: "UPDATE projects SET updated_at = $2 WHERE id = $1 AND user_id = $3",

  /**
   * Tick, PostgreSQL, statement 1: the task's storyboard locked and touched (the first lock of
   * every storyboard write, context.ts lockStoryboard), if the user owns the task. Its own
   * statement: the next one's snapshot must be taken once the lock is held, or it could read the
   * task and the counts as they were before a tick that held the lock.
   */
  tickLockStoryboard: `
UPDATE storyboards AS s SET updated_at = $3
FROM scene_tasks t JOIN scenes sc ON sc.id = t.scene_id AND sc.user_id = $2
WHERE t.id = $1 AND t.user_id = $2 AND s.id = sc.storyboard_id AND s.user_id = $2 AND ${LIVE_STORYBOARD("$2")}
RETURNING s.id AS storyboard_id, s.project_id, t.scene_id`,
  /**
   * Tick, PostgreSQL, statement 2 (a data-modifying CTE): the task's row before and after the
   * update, the project touched, the scene's number, and the progress of the scene, storyboard and
   * project. One snapshot serves the whole statement, so the counts read the ticked task with its
   * new value ($2) instead of the row they cannot see yet. $1 task, $2 completed, $3 completed_at,
   * $4 now, $5 user, $6 scene, $7 storyboard, $8 project.
   */
  tickWithProgress: `
WITH old AS (
  SELECT t.id, t.completed, t.completed_at, sc.scene_number
  FROM scene_tasks t JOIN scenes sc ON sc.id = t.scene_id AND sc.user_id = $5
  WHERE t.id = $1 AND t.user_id = $5
), tick AS (
  UPDATE scene_tasks t SET completed = $2, completed_at = $3, updated_at = $4
  FROM old WHERE t.id = old.id AND t.user_id = $5
  RETURNING t.id, t.scene_id, t.task_type, t.completed, t.completed_at, t.updated_at
), touch AS (
  UPDATE projects SET updated_at = $4 WHERE id = $8 AND user_id = $5 AND EXISTS (SELECT 1 FROM tick)
)
SELECT tick.*, old.completed AS old_completed, old.completed_at AS old_completed_at, old.scene_number,
  (SELECT COUNT(*) FROM scene_tasks t WHERE t.scene_id = $6 AND t.user_id = $5) AS scene_total,
  (SELECT COUNT(*) FROM scene_tasks t WHERE t.scene_id = $6 AND t.user_id = $5 AND ${TICKED}) AS scene_done,
  (SELECT COUNT(t.id) FROM scenes sc JOIN scene_tasks t ON t.scene_id = sc.id AND t.user_id = $5 WHERE sc.storyboard_id = $7 AND sc.user_id = $5) AS storyboard_total,
  (SELECT COUNT(t.id) FROM scenes sc JOIN scene_tasks t ON t.scene_id = sc.id AND t.user_id = $5 WHERE sc.storyboard_id = $7 AND sc.user_id = $5 AND ${TICKED}) AS storyboard_done,
  (SELECT COUNT(t.id) FROM storyboards s JOIN scenes sc ON sc.storyboard_id = s.id AND sc.user_id = $5 JOIN scene_tasks t ON t.scene_id = sc.id AND t.user_id = $5 WHERE s.project_id = $8 AND s.user_id = $5 AND ${MAIN}) AS project_total,
  (SELECT COUNT(t.id) FROM storyboards s JOIN scenes sc ON sc.storyboard_id = s.id AND sc.user_id = $5 JOIN scene_tasks t ON t.scene_id = sc.id AND t.user_id = $5 WHERE s.project_id = $8 AND s.user_id = $5 AND ${MAIN} AND ${TICKED}) AS project_done
FROM tick JOIN old ON old.id = tick.id`,

  /** A task with its scene, storyboard and project, if the user owns it. */
  taskOwner: `
SELECT t.id, t.scene_id, t.task_type, sc.storyboard_id, s.project_id
FROM scene_tasks t JOIN scenes sc ON sc.id = t.scene_id AND sc.user_id = $2 JOIN storyboards s ON s.id = sc.storyboard_id AND s.user_id = $2
WHERE t.id = $1 AND t.user_id = $2 AND ${LIVE_STORYBOARD("$2")}`,
} as const;
