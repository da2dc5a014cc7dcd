// Maintenance across users: the sweep that fails generations whose job is gone.
import { and, eq, inArray, lt } from "drizzle-orm";
import { num } from "./rows";
import type { StoreContext } from "./context";
import type { Store } from "./types";

export function maintenanceStore(ctx: StoreContext): Pick<Store, "failInterruptedGenerations"> {
  const { driver } = ctx;
  const { storyboards } = ctx.tables;
  return {
    async failInterruptedGenerations(before, message, isLive) {
      const stale = and(eq(storyboards.status, "generating"), lt(storyboards.updatedAt, before));
      const candidates = await driver.tx(
        "read",
        null,
        async (c) => (await c.db.select({ id: storyboards.id }).from(storyboards).where(stale)).map((r) => num(r.id)),
        { jobRecovery: true },
      );
      if (candidates.length === 0) return 0;
      const live = isLive ? await isLive(candidates) : new Set<number>();
      const ids = candidates.filter((id) => !live.has(id));
      if (ids.length === 0) return 0;
      return driver.tx(
        "write",
        null,
        async (c) =>
          (
            await c.db
              .update(storyboards)
              .set({ status: "error", errorMessage: message, updatedAt: new Date() })
              .where(and(inArray(storyboards.id, ids), stale))
              .returning({ id: storyboards.id })
          ).length,
        { jobRecovery: true },
      );
    },
  };
}
