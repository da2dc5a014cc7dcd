// Production tasks: ticking one returns the progress of its scene, storyboard and project.
import { notFound, validationError } from "../../domain/errors";
import { HOT_SQL } from "./hot-sql";
import { num, toTask } from "./rows";
import { checkId, type StoreContext } from "./context";
import type { Store } from "./types";

export function tasksStore(ctx: StoreContext): Pick<Store, "setTaskCompleted"> {
  const { write, touchProject } = ctx;
  return {
    async setTaskCompleted(userId, taskId, completed) {
      if (typeof completed !== "boolean") throw validationError({ completed: "Completed must be true or false" });
      return write(userId, async (c) => {
        const [o] = await c.query("task_owner", HOT_SQL.taskOwner, [checkId(taskId, "Task"), userId]);
        if (!o) throw notFound("Task");
        const ids = { scene_id: num(o.scene_id), storyboard_id: num(o.storyboard_id), project_id: num(o.project_id) };
        const now = new Date();
        // The storyboard's row first, as every scene write takes it (context.ts, lockStoryboard): a
        // tick racing a scene delete then waits for it instead of deadlocking on the task row.
        await c.query("touch_storyboard", HOT_SQL.touchStoryboard, [ids.storyboard_id, now, userId]);
        const [row] = await c.query("tick_task", HOT_SQL.tickTask, [taskId, completed, completed ? now : null, now, userId]);
        await touchProject(c, userId, ids.project_id, now);
        const [p] = await c.query("progress_for_scene", HOT_SQL.progressForScene, [ids.scene_id, ids.storyboard_id, ids.project_id, userId]);
        return {
          task: toTask(row!),
          scene: { total_tasks: num(p?.scene_total), completed_tasks: num(p?.scene_done) },
          storyboard: { total_tasks: num(p?.storyboard_total), completed_tasks: num(p?.storyboard_done) },
          project: { total_tasks: num(p?.project_total), completed_tasks: num(p?.project_done) },
          ...ids,
        };
      });
    },
  };
}
