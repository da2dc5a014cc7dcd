// Two instances starting at the same moment on a new PostgreSQL database set the job queue up
// together (pg-boss's schema, every queue, the schedules). pg-boss 10 creates queues without a
// lock of its own, and this deadlocked at boot in 2 of 3 tries (issue 10, failure 14); the
// queue's start now holds an advisory lock. Several rounds, each on a fresh database.
import { describe, expect, inject, it } from "vitest";
import { configureJobs } from "../../src/server/jobs/catalog";
import { createPgBossQueue } from "../../src/server/jobs/pgboss-queue";
import { readJobSettings } from "../../src/server/jobs/settings";
import { createTestDatabase } from "../support/databases";

const ROUNDS = 3;

describe("job queue start-up on PostgreSQL", () => {
  it(`two instances starting at once on a new database both start (${ROUNDS} rounds)`, { timeout: 120_000 }, async () => {
    const jobs = configureJobs(readJobSettings({ STATS_SCHEDULE: "* * * * *" }));
    for (let round = 0; round < ROUNDS; round++) {
      const db = await createTestDatabase("postgres", inject("pgAdminUrl"));
      const queues = [0, 1].map(() => createPgBossQueue(jobs, { ownerUrl: db.ownerUrl, pollSeconds: 1, superviseSeconds: 30, worker: true, poolMax: 2 }));
      try {
        const outcomes = await Promise.allSettled(queues.map((q) => q.start()));
        expect(outcomes.map((o) => (o.status === "fulfilled" ? "started" : String((o.reason as Error).message)))).toEqual(["started", "started"]);
        expect((await queues[0]!.list()).schedules.map((s) => s.name)).toContain("refresh-stats");
      } finally {
        await Promise.all(queues.map((q) => q.stop().catch(() => undefined)));
        await db.drop();
      }
    }
  });
});
