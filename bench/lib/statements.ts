// The statements each hot path sends on PostgreSQL, as the store sends them (bench/breakdown.ts
// and bench/flights.ts run them under the layers they measure). Generate is left out: its
// statements depend on the ids the inserts return.
import { HOT_SQL } from "../../src/db/store/hot-sql";
import type { PathId } from "./levels";
import { pick, type BenchUser } from "./workload";

export interface Statement {
  name: string;
  text: string;
  values: unknown[];
}

export const STATEMENTS: Record<Exclude<PathId, "generate">, (u: BenchUser) => Statement[]> = {
  dashboard: (u) => [{ name: "dashboard", text: HOT_SQL.dashboard, values: [u.id] }],
  project: (u) => {
    const id = pick(u.projects);
    return [
      { name: "project", text: HOT_SQL.project, values: [id, u.id] },
      { name: "project_storyboards", text: HOT_SQL.projectStoryboards, values: [id, u.id] },
      { name: "project_scenes", text: HOT_SQL.projectScenes, values: [id, u.id] },
    ];
  },
  storyboard: (u) => {
    const id = pick(u.storyboards);
    return [
      { name: "storyboard", text: HOT_SQL.storyboard, values: [id, u.id] },
      { name: "storyboard_scenes", text: HOT_SQL.storyboardScenes, values: [id, u.id] },
    ];
  },
  // The tick's two statements (the undo record's insert aside): the lock, then the update, the project's touch and the progress.
  tick: (u) => {
    const t = pick(u.tasks);
    t.completed = !t.completed;
    const now = new Date();
    return [
      { name: "tick_lock_storyboard", text: HOT_SQL.tickLockStoryboard, values: [t.id, u.id, now] },
      { name: "tick_with_progress", text: HOT_SQL.tickWithProgress, values: [t.id, t.completed, t.completed ? now : null, now, u.id, t.scene_id, t.storyboard_id, t.project_id] },
    ];
  },
};
