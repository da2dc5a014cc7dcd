// Idempotency keys: a create request's key, claimed once per user and route, with the first
// result kept for its repeats (src/server/idempotency.ts runs the protocol; docs/api.md).
import { and, eq, isNull, lt, or } from "drizzle-orm";
import { APPLIED } from "./idempotency-scope";
import { num } from "./rows";
import type { Row } from "./driver";
import type { StoreContext } from "./context";
import type { IdempotencyRecord, Store } from "./types";

export function idempotencyStore(ctx: StoreContext): Pick<Store, "claimIdempotencyKey" | "getIdempotencyKey" | "saveIdempotentResponse" | "releaseIdempotencyKey" | "renewIdempotencyClaim" | "purgeIdempotencyKeys"> {
  const { read, write, driver } = ctx;
  const { idempotencyKeys: k } = ctx.tables;
  const one = (userId: string, route: string, key: string) => and(eq(k.userId, userId), eq(k.route, route), eq(k.key, key));
  const toRecord = (r: Row): IdempotencyRecord => ({
    fingerprint: String(r.fingerprint),
    status: r.status === null || r.status === undefined ? null : num(r.status),
    body: r.body === null || r.body === undefined ? null : String(r.body),
    claimedAt: r.claimedAt instanceof Date ? r.claimedAt : new Date(r.claimedAt as string | number),
  });
  const columns = { fingerprint: k.fingerprint, status: k.responseStatus, body: k.responseBody, claimedAt: k.createdAt };

  return {
    claimIdempotencyKey: (userId, route, key, fingerprint, abandonedBefore) =>
      write(userId, async (c) => {
        const now = new Date();
        // A new key is ours; so is one whose first request stopped renewing its claim (its process
        // died) before its work committed (an applied key, status 0, is never taken over).
        const [claimed] = await c.db
          .insert(k)
          .values({ userId, route, key, fingerprint, createdAt: now })
          .onConflictDoUpdate({
            target: [k.userId, k.route, k.key],
            set: { fingerprint, createdAt: now, responseStatus: null, responseBody: null },
            setWhere: and(isNull(k.responseStatus), lt(k.createdAt, abandonedBefore)),
          })
          .returning(columns);
        if (claimed) return { claimed: true };
        const [row] = await c.db.select(columns).from(k).where(one(userId, route, key));
        return row ? { claimed: false, record: toRecord(row as Row) } : { claimed: false, record: null };
      }),

    getIdempotencyKey: (userId, route, key) =>
      read(userId, async (c) => {
        const [row] = await c.db.select(columns).from(k).where(one(userId, route, key));
        return row ? toRecord(row as Row) : null;
      }),

    saveIdempotentResponse: (userId, route, key, status, body) =>
      write(userId, async (c) => {
        await c.db.update(k).set({ responseStatus: status, responseBody: body }).where(one(userId, route, key));
      }),

    releaseIdempotencyKey: (userId, route, key) =>
      write(userId, async (c) => {
        await c.db.delete(k).where(and(one(userId, route, key), isNull(k.responseStatus)));
      }),

    renewIdempotencyClaim: (userId, route, key) =>
      write(userId, async (c) => {
        // Running: not answered yet (null), or its work committed and the answer is pending (APPLIED).
        await c.db
          .update(k)
          .set({ createdAt: new Date() })
          .where(and(one(userId, route, key), or(isNull(k.responseStatus), eq(k.responseStatus, APPLIED))));
      }),

    purgeIdempotencyKeys: (before) =>
      driver.adminTx("maintenance", async (c) => (await c.db.delete(k).where(lt(k.createdAt, before)).returning({ key: k.key })).length),
  };
}
