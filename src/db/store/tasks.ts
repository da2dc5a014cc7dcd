// Production tasks: ticking one returns the progress of its scene, storyboard and project.
import { notFound, validationError } from "../../domain/errors";
import { TASK_NAMES } from "../../domain/history";
import type { Store, TaskUpdate } from "./types";
import { HOT_SQL } from "./hot-sql";
import { iso, num, toTask } from "./rows";
import { diffImages, type Image } from "./changes";
import { checkId, type StoreContext } from "./context";
import type { Conn, Row } from "./driver";

const label = (completed: boolean, taskType: unknown, sceneNumber: unknown) =>
  `${completed ? "Tick" : "Untick"} “${TASK_NAMES[String(taskType) as keyof typeof TASK_NAMES] ?? String(taskType)}” on scene ${num(sceneNumber)}`;

type Ids = Pick<TaskUpdate, "scene_id" | "storyboard_id" | "project_id">;

const update = (row: Row, p: Row | undefined, ids: Ids): TaskUpdate => ({
  task: toTask(row),
  scene: { total_tasks: num(p?.scene_total), completed_tasks: num(p?.scene_done) },
  storyboard: { total_tasks: num(p?.storyboard_total), completed_tasks: num(p?.storyboard_done) },
  project: { total_tasks: num(p?.project_total), completed_tasks: num(p?.project_done) },
  ...ids,
});

export function tasksStore(ctx: StoreContext): Pick<Store, "setTaskCompleted"> {
  const { write, touchProject, changes } = ctx;

  /**
   * PostgreSQL: two statements (tickLockStoryboard, then tickWithProgress: the update, the
   * project's touch and the progress in one) and the undo record built from the row images the
   * second returns, the same images changes.record would read before and after.
   */
  async function tickPostgres(c: Conn, userId: string, taskId: number, completed: boolean): Promise<TaskUpdate> {
    const now = new Date();
    const [o] = await c.query("tick_lock_storyboard", HOT_SQL.tickLockStoryboard, [taskId, userId, now]);
    if (!o) throw notFound("Task");
    const ids = { scene_id: num(o.scene_id), storyboard_id: num(o.storyboard_id), project_id: num(o.project_id) };
    const [r] = await c.query("tick_with_progress", HOT_SQL.tickWithProgress, [taskId, completed, completed ? now : null, now, userId, ids.scene_id, ids.storyboard_id, ids.project_id]);
    if (!r) throw notFound("Task");
    const image = (done: unknown, at: unknown): Image => ({
      tasks: { [taskId]: { scene_id: ids.scene_id, task_type: String(r.task_type), completed: done === true, completed_at: at === null || at === undefined ? null : iso(at) } },
    });
    const d = diffImages(image(r.old_completed, r.old_completed_at), image(r.completed, r.completed_at));
    if (d) await changes.pushChange(c, userId, { project_id: ids.project_id, storyboard_id: ids.storyboard_id }, label(completed, r.task_type, r.scene_number), d);
    return update(r, r, ids);
  }

  /** SQLite: the statements one by one (each is a function call into the same file). */
  async function tickSqlite(c: Conn, userId: string, taskId: number, completed: boolean): Promise<TaskUpdate> {
    const [o] = await c.query("task_owner", HOT_SQL.taskOwner, [taskId, userId]);
    if (!o) throw notFound("Task");
    const ids = { scene_id: num(o.scene_id), storyboard_id: num(o.storyboard_id), project_id: num(o.project_id) };
    const now = new Date();
    // The storyboard's row first, as every scene write takes it (context.ts, lockStoryboard).
    await c.query("touch_storyboard", HOT_SQL.touchStoryboard, [ids.storyboard_id, now, userId]);
    const [o2] = await c.query("scene_owner", HOT_SQL.sceneOwner, [ids.scene_id, userId]);
    const { result: row } = await changes.record(
      c,
      userId,
      { project_id: ids.project_id, storyboard_id: ids.storyboard_id },
      label(completed, o.task_type, o2?.scene_number),
      () => changes.readRows(c, userId, { tasks: [taskId] }),
      async () => (await c.query("tick_task", HOT_SQL.tickTask, [taskId, completed, completed ? now : null, now, userId]))[0],
    );
    await touchProject(c, userId, ids.project_id, now);
    const [p] = await c.query("progress_for_scene", HOT_SQL.progressForScene, [ids.scene_id, ids.storyboard_id, ids.project_id, userId]);
    return update(row!, p, ids);
  }

  return {
    async setTaskCompleted(userId, taskId, completed) {
      if (typeof completed !== "boolean") throw validationError({ completed: "Completed must be true or false" });
      const id = checkId(taskId, "Task");
      const tick = ctx.driver.dialect === "postgres" ? tickPostgres : tickSqlite;
      return write(userId, (c) => tick(c, userId, id, completed));
    },
  };
}
