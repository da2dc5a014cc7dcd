// Maintenance across users: the sweep that fails generations cut off by a restart.
import { and, eq, inArray, lt } from "drizzle-orm";
import { num } from "./rows";
import type { StoreContext } from "./context";
import type { Store } from "./types";

export function maintenanceStore(ctx: StoreContext): Pick<Store, "failInterruptedGenerations"> {
  const { driver } = ctx;
  const { storyboards } = ctx.tables;
  return {
    failInterruptedGenerations(before, message) {
      return driver.tx(
        "write",
        null,
        async (c) => {
          const stuck = await c.db
            .select({ id: storyboards.id })
            .from(storyboards)
            .where(and(eq(storyboards.status, "generating"), lt(storyboards.updatedAt, before)));
          const ids = stuck.map((r) => num(r.id));
          if (ids.length > 0) {
            await c.db
              .update(storyboards)
              .set({ status: "error", errorMessage: message, updatedAt: new Date() })
              .where(and(inArray(storyboards.id, ids), eq(storyboards.status, "generating")));
          }
          return ids.length;
        },
        { jobRecovery: true },
      );
    },
  };
}
