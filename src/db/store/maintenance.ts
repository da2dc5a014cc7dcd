// Maintenance across users: the sweep that fails generations whose job is gone. On PostgreSQL it
// reaches other users' storyboards only through two SECURITY DEFINER functions that see ids and
// statuses, never briefs (migration 0018, role storyboard_recovery); SQLite has no row level
// security, so the same two steps run as plain statements there.
import { and, eq, inArray, lt } from "drizzle-orm";
import { num } from "./rows";
import type { StoreContext } from "./context";
import type { Store } from "./types";

export function maintenanceStore(ctx: StoreContext): Pick<Store, "failInterruptedGenerations"> {
  const { driver } = ctx;
  const { storyboards } = ctx.tables;
  const viaFunctions = driver.dialect === "postgres";
  const stale = (before: Date) => and(eq(storyboards.status, "generating"), lt(storyboards.updatedAt, before));

  const interrupted = (before: Date) =>
    driver.tx("read", null, async (c) =>
      viaFunctions
        ? (await c.query("interrupted_generations", "SELECT id FROM interrupted_generations($1)", [before])).map((r) => num(r.id))
        : (await c.db.select({ id: storyboards.id }).from(storyboards).where(stale(before))).map((r) => num(r.id)),
    );

  const fail = (ids: number[], before: Date, message: string) =>
    driver.tx("write", null, async (c) => {
      if (viaFunctions) {
        const [row] = await c.query("fail_interrupted_generations", "SELECT fail_interrupted_generations($1, $2, $3) AS n", [ids, before, message]);
        return num(row?.n ?? 0);
      }
      return (
        await c.db
          .update(storyboards)
          .set({ status: "error", errorMessage: message, updatedAt: new Date() })
          .where(and(inArray(storyboards.id, ids), stale(before)))
          .returning({ id: storyboards.id })
      ).length;
    });

  return {
    async failInterruptedGenerations(before, message, isLive) {
      const candidates = await interrupted(before);
      if (candidates.length === 0) return 0;
      const live = isLive ? await isLive(candidates) : new Set<number>();
      const ids = candidates.filter((id) => !live.has(id));
      if (ids.length === 0) return 0;
      return fail(ids, before, message);
    },
  };
}
