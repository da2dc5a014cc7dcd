// The online steps of the app's migrations: schema changes that cannot run inside drizzle's
// migration transaction or under a short lock (backfills, NOT NULL on a filled table, CREATE INDEX
// CONCURRENTLY). `runOnlineSteps` runs after the transactional migrations (npm run db:migrate, and
// the app at start); each step is recorded in the database, runs once, and resumes if cut off.
import type { OnlineDb } from "../../db/online/types";
import { shardOf } from "../../db/shard";
import { safeAddColumn, type SafeAddOptions } from "./safe-add-column";

export interface OnlineContext extends SafeAddOptions {
  shardCount: number;
}

export interface OnlineStep {
  name: string;
  /** The drizzle migration that prepares it (for the runbook). */
  after: string;
  run(db: OnlineDb, ctx: OnlineContext): Promise<void>;
}

export const ONLINE_STEPS: OnlineStep[] = [
  {
    // The design's sharding preparation. Migration 0011 (SQLite: 0008) adds the column nullable (both dialects;
    // on SQLite with its index); this fills it for existing projects, then makes it NOT NULL and
    // indexes it without blocking reads or writes (PostgreSQL).
    name: "projects_shard_id",
    after: "0011_projects_shard_id",
    run: (db, ctx) =>
      safeAddColumn(
        db,
        {
          name: "projects_shard_id",
          table: "projects",
          column: "shard_id",
          type: "integer",
          read: ["user_id"],
          compute: (row) => shardOf(String(row.user_id), ctx.shardCount),
          notNull: true,
          index: "idx_projects_shard_id",
        },
        ctx,
      ),
  },
  {
    // The design's indexes that a UNIQUE constraint already leads with, and a boolean index no plan
    // used: measured by bench/indexes.ts, dropped (docs/schema.md, "Indexes judged by numbers").
    // A DROP INDEX in drizzle's migration transaction would hold its table's ACCESS EXCLUSIVE lock
    // until every pending migration commits; CONCURRENTLY lets reads and writes go on. SQLite's
    // migration 0015 drops them itself (a file database has no concurrent sessions to spare).
    name: "drop_overlapping_indexes",
    after: "0023_drop_overlapping_indexes",
    run: async (db, ctx) => {
      const startedAt = new Date();
      for (const name of OVERLAPPING_INDEXES) await db.dropIndex(name);
      const n = OVERLAPPING_INDEXES.length;
      await db.saveRecord({ name: "drop_overlapping_indexes", phase: "done", cursor: null, doneRows: n, totalRows: n, startedAt, finishedAt: new Date() });
      ctx.log(`drop_overlapping_indexes: ${OVERLAPPING_INDEXES.join(", ")} dropped`);
    },
  },
];

/** Dropped by the step above (and by SQLite's migration 0015). */
export const OVERLAPPING_INDEXES = ["idx_users_email", "idx_scenes_storyboard_id", "idx_scenes_storyboard_scene_number", "idx_scene_tasks_scene_id", "idx_scene_tasks_completed"] as const;

export async function runOnlineSteps(db: OnlineDb, ctx: OnlineContext, steps: OnlineStep[] = ONLINE_STEPS): Promise<string[]> {
  await db.lock();
  try {
    const done = new Set(await db.finished());
    const ran: string[] = [];
    for (const step of steps) {
      if (done.has(step.name)) continue;
      ctx.log(`online step ${step.name} (after migration ${step.after})`);
      await step.run(db, ctx);
      ran.push(step.name);
    }
    return ran;
  } finally {
    await db.unlock();
  }
}
