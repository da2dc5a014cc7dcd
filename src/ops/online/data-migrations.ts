// Named data migrations an operator runs with `npx storyboard data-migrate <name>`: batched
// rewrites through the runner (progress, throttle, resume), recorded so a rerun resumes.
import { shardOf } from "../../db/shard";
import type { DataMigration } from "./runner";

export interface DataMigrationContext {
  shardCount: number;
}

export const DATA_MIGRATIONS: Record<string, { describe: string; build(ctx: DataMigrationContext): DataMigration }> = {
  "reshard-projects": {
    describe: "recompute projects.shard_id for DATABASE_SHARD_COUNT (after changing it)",
    build: ({ shardCount }) => ({
      // The count is part of the name: the same count again is a no-op, a new one a new run.
      name: `reshard-projects@${shardCount}`,
      spec: { table: "projects", key: "id", read: ["user_id"], write: [{ column: "shard_id", type: "integer" }] },
      transform: (rows) => rows.map((r) => ({ id: r.id, shard_id: shardOf(String(r.user_id), shardCount) })),
    }),
  },
};
