// The archive: completed projects untouched for long move, with everything that hangs off them,
// into the *_archive tables (same columns, ids kept), and back on restore. Each move is one
// transaction: the copy into the other side, the delete (the live side's ON DELETE CASCADE, or
// the archive's, takes the children) and one audit row for the project. So a project is, at every
// instant, in exactly one place. Both run as the maintenance role with the bulk flag set, which the
// audit triggers honour (0008 audit_skip, SQLite's audit_context.bulk): the log gets one ARCHIVE or
// RESTORE row per project instead of one row per moved row.
import { getTableColumns, type Table } from "drizzle-orm";
import { notFound } from "../../domain/errors";
import type { ArchiveBatchResult, ArchivedProject, Project } from "../../domain/types";
import { iso, num, toProject } from "./rows";
import type { Conn, Row } from "./driver";
import { checkId, type StoreContext } from "./context";
import type { Store } from "./types";

/** Every table that hangs off a project, parents first, and how its rows find their project. */
const MOVED = [
  { table: "projects", key: "projects", project: (ids: string) => `id IN (${ids})` },
  { table: "storyboards", key: "storyboards", project: (ids: string) => `project_id IN (${ids})` },
  { table: "scenes", key: "scenes", project: (ids: string, s: string) => `storyboard_id IN (SELECT id FROM storyboards${s} WHERE project_id IN (${ids}))` },
  {
    table: "scene_tasks",
    key: "sceneTasks",
    project: (ids: string, s: string) => `scene_id IN (SELECT sc.id FROM scenes${s} sc JOIN storyboards${s} sb ON sb.id = sc.storyboard_id WHERE sb.project_id IN (${ids}))`,
  },
  {
    table: "scene_images",
    key: "sceneImages",
    project: (ids: string, s: string) => `scene_id IN (SELECT sc.id FROM scenes${s} sc JOIN storyboards${s} sb ON sb.id = sc.storyboard_id WHERE sb.project_id IN (${ids}))`,
  },
  { table: "storyboard_snapshots", key: "storyboardSnapshots", project: (ids: string, s: string) => `storyboard_id IN (SELECT id FROM storyboards${s} WHERE project_id IN (${ids}))` },
  { table: "share_links", key: "shareLinks", project: (ids: string, s: string) => `storyboard_id IN (SELECT id FROM storyboards${s} WHERE project_id IN (${ids}))` },
  // After share_links: a reviewer's comment names the link it came through.
  { table: "scene_comments", key: "sceneComments", project: (ids: string, s: string) => `storyboard_id IN (SELECT id FROM storyboards${s} WHERE project_id IN (${ids}))` },
] as const;

export const ARCHIVED_TABLES = MOVED.map((m) => m.table);

/** `$from, …, $from+n-1`: a statement per batch size, so each stays a cached prepared statement. */
const placeholders = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `$${i + from}`).join(", ");

export interface ArchiveBatchOptions {
  /** Completed projects whose updated_at is older than this move. */
  olderThan: Date;
  /** Projects per batch (one transaction). */
  limit: number;
  /** ARCHIVE_AFTER_DAYS, recorded in each project's audit row. */
  afterDays: number;
  /** Fault injection for tests: called after each statement of the batch's transaction. */
  afterStatement?: (step: string, c: Conn) => Promise<void>;
}

export function archiveStore(ctx: StoreContext): Pick<Store, "archiveBatch" | "restoreProject" | "listArchivedProjects" | "countArchive"> {
  const { driver, read } = ctx;
  const pg = driver.dialect === "postgres";
  const columns = Object.fromEntries(
    MOVED.map((m) => [m.table, Object.values(getTableColumns(ctx.tables[m.key] as Table)).map((c) => `"${c.name}"`).join(", ")]),
  ) as Record<(typeof MOVED)[number]["table"], string>;

  /** Copies a project set's rows from one side to the other, parents first; rows per table. */
  async function copy(c: Conn, direction: "archive" | "restore", ids: number[], userId: string | null, after: (step: string) => Promise<void>) {
    const from = direction === "archive" ? "" : "_archive";
    const to = direction === "archive" ? "_archive" : "";
    const idList = placeholders(ids.length);
    const owner = userId === null ? "" : ` AND user_id = $${ids.length + 1}`;
    const params = userId === null ? ids : [...ids, userId];
    const rows: Record<string, number> = {};
    for (const m of MOVED) {
      const text = `INSERT INTO ${m.table}${to} (${columns[m.table]}) SELECT ${columns[m.table]} FROM ${m.table}${from} WHERE ${m.project(idList, from)}${owner} RETURNING 1 AS one`;
      rows[m.table] = (await c.query(`${direction}_${m.table}_${ids.length}_${userId === null ? "all" : "own"}`, text, params)).length;
      await after(`copy ${m.table}`);
    }
    return rows;
  }

  /** One ARCHIVE/RESTORE audit row per project: the project as it was and the rows it took along. */
  async function auditMove(c: Conn, operation: "ARCHIVE" | "RESTORE", ids: number[], afterDays: number | null) {
    const side = operation === "ARCHIVE" ? "" : "_archive";
    const count = (table: string, where: string) => `(SELECT count(*) FROM ${table}${side} x WHERE ${where})`;
    const counts = (obj: (pairs: string) => string) =>
      obj(
        [
          `'storyboards', ${count("storyboards", "x.project_id = p.id")}`,
          `'scenes', ${count("scenes", `x.storyboard_id IN (SELECT id FROM storyboards${side} WHERE project_id = p.id)`)}`,
          `'scene_tasks', ${count("scene_tasks", `x.scene_id IN (SELECT sc.id FROM scenes${side} sc JOIN storyboards${side} sb ON sb.id = sc.storyboard_id WHERE sb.project_id = p.id)`)}`,
        ].join(", "),
      );
    const n = ids.length;
    const text = pg
      ? `INSERT INTO audit_log (table_name, operation, user_id, old_values, new_values, project_id, row_id)
         SELECT 'projects', '${operation}', p.user_id, to_jsonb(p), jsonb_build_object('after_days', $${n + 1}::integer, 'counts', ${counts((x) => `jsonb_build_object(${x})`)}), p.id, p.id
         FROM projects${side} p WHERE p.id IN (${placeholders(n)})`
      : `INSERT INTO audit_log (table_name, operation, user_id, old_values, new_values, tx_id, project_id, row_id)
         SELECT 'projects', '${operation}', p.user_id,
           json_object('id', p.id, 'user_id', p.user_id, 'title', p.title, 'description', p.description, 'status', p.status, 'created_at', p.created_at, 'updated_at', p.updated_at, 'deleted_at', p.deleted_at),
           json_object('after_days', $${n + 1}, 'counts', ${counts((x) => `json_object(${x})`)}),
           (SELECT tx_id FROM audit_context WHERE id = 1), p.id, p.id
         FROM projects${side} p WHERE p.id IN (${placeholders(n)})`;
    await c.query(`audit_${operation}_${n}`, text, [...ids, afterDays]);
  }

  const toArchived = (r: Row, boards: Row[]): ArchivedProject => ({
    ...toProject(r),
    archived_at: iso(r.archived_at),
    storyboards: boards.map((b) => ({ id: num(b.id), title: String(b.title), total_scenes: num(b.total_scenes), total_duration: num(b.total_duration) })),
  });

  return {
    async archiveBatch({ olderThan, limit, afterDays, afterStatement }) {
      return driver.adminTx(
        "maintenance",
        async (c): Promise<ArchiveBatchResult> => {
          const after = async (step: string) => afterStatement?.(step, c);
          // SKIP LOCKED: a project a user is changing right now waits for the next run, and two
          // runs at once take different projects. FOR UPDATE re-checks the conditions on a row
          // changed meanwhile (it is skipped if it is no longer completed and old).
          const found = await c.query(
            "archive_candidates",
            `SELECT id, user_id FROM projects WHERE status = 'completed' AND updated_at < $1 AND deleted_at IS NULL ORDER BY id LIMIT $2${pg ? " FOR UPDATE SKIP LOCKED" : ""}`,
            [olderThan, limit],
          );
          const ids = found.map((r) => num(r.id));
          await after("select");
          const users = [...new Set(found.map((r) => String(r.user_id)))];
          if (ids.length === 0) return { projects: [], users, rows: {} };
          if (pg) {
            // Children are inserted under a lock on their direct parent only (the foreign key's
            // KEY SHARE): lock the storyboards and scenes too, so none appears between the copy
            // and the delete.
            const list = placeholders(ids.length);
            await c.query(`archive_lock_storyboards_${ids.length}`, `SELECT id FROM storyboards WHERE project_id IN (${list}) FOR UPDATE`, ids);
            await c.query(
              `archive_lock_scenes_${ids.length}`,
              `SELECT sc.id FROM scenes sc JOIN storyboards sb ON sb.id = sc.storyboard_id WHERE sb.project_id IN (${list}) FOR UPDATE OF sc`,
              ids,
            );
            await after("lock");
          }
          const rows = await copy(c, "archive", ids, null, after);
          await auditMove(c, "ARCHIVE", ids, afterDays);
          await after("audit");
          await c.query(`archive_delete_${ids.length}`, `DELETE FROM projects WHERE id IN (${placeholders(ids.length)})`, ids);
          await after("delete");
          return { projects: ids, users, rows };
        },
        { bulk: true },
      );
    },

    async restoreProject(userId, id): Promise<Project> {
      checkId(id, "Project");
      return driver.adminTx(
        "maintenance",
        async (c) => {
          // The owner is in every statement's WHERE: this runs outside the user's row level security.
          const [archived] = await c.query("restore_find", `SELECT id FROM projects_archive WHERE id = $1 AND user_id = $2${pg ? " FOR UPDATE" : ""}`, [id, userId]);
          if (!archived) throw notFound("Archived project");
          await copy(c, "restore", [id], userId, async () => undefined);
          await auditMove(c, "RESTORE", [id], null);
          await c.query("restore_delete", "DELETE FROM projects_archive WHERE id = $1 AND user_id = $2", [id, userId]);
          // Restoring is using it: without this the next nightly run would archive it again.
          const [row] = await c.query(
            "restore_touch",
            "UPDATE projects SET updated_at = $3 WHERE id = $1 AND user_id = $2 RETURNING id, user_id, title, description, status, created_at, updated_at",
            [id, userId, new Date()],
          );
          return toProject(row!);
        },
        { bulk: true },
      );
    },

    listArchivedProjects: (userId) =>
      read(userId, async (c) => {
        const projects = await c.query(
          "archived_projects",
          "SELECT id, user_id, title, description, status, created_at, updated_at, archived_at FROM projects_archive WHERE user_id = $1 AND deleted_at IS NULL ORDER BY archived_at DESC, id DESC",
          [userId],
        );
        const boards = await c.query(
          "archived_storyboards",
          "SELECT id, project_id, title, total_scenes, total_duration FROM storyboards_archive WHERE user_id = $1 AND deleted_at IS NULL ORDER BY id",
          [userId],
        );
        return projects.map((p) => toArchived(p, boards.filter((b) => num(b.project_id) === num(p.id))));
      }),

    countArchive: (olderThan) =>
      driver.adminTx("maintenance", async (c) => {
        const [due] = await c.query(
          "archive_due",
          "SELECT count(*) AS n FROM projects WHERE status = 'completed' AND updated_at < $1 AND deleted_at IS NULL",
          [olderThan],
        );
        const [archived] = await c.query("archive_total", "SELECT count(*) AS n FROM projects_archive", []);
        return { due: num(due?.n), archived: num(archived?.n) };
      }),
  };
}
