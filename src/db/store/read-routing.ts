// Reads on a streaming replica without showing a user the state before their own write.
// After a user's write commits, the primary's WAL position (LSN) is recorded for that user for a
// short time (DATABASE_READ_YOUR_WRITES_TTL_MS), in this process and, with REDIS_URL, in Redis so
// every instance knows it. A read of that user goes to the replica only if the replica has
// replayed past that LSN (checked in the read's own first statement, no extra round trip);
// otherwise to the primary. Everyone else's reads go to the replica. A replica that cannot be
// reached (refused, timed out, terminated) is left alone for DATABASE_READ_RETRY_MS while reads go
// to the primary; then it is tried again, and reads return to it.
import { Redis } from "ioredis";

/** "16/B374D848" to a comparable number. */
export function lsnValue(lsn: string): bigint {
  const [hi, lo] = lsn.split("/");
  return (BigInt(`0x${hi}`) << 32n) + BigInt(`0x${lo}`);
}

export interface WriteTracker {
  /** The user's last commit position, kept ttl milliseconds. */
  record(userId: string, lsn: string): Promise<void>;
  /** The last commit position of the user still within its ttl, or null. */
  pending(userId: string): Promise<string | null>;
  close(): Promise<void>;
}

export function memoryTracker(ttlMs: number): WriteTracker {
  const entries = new Map<string, { lsn: string; until: number }>();
  let sweeps = 0;
  return {
    async record(userId, lsn) {
      const prev = entries.get(userId);
      if (prev && prev.until > Date.now() && lsnValue(prev.lsn) > lsnValue(lsn)) lsn = prev.lsn;
      entries.set(userId, { lsn, until: Date.now() + ttlMs });
      // Expired entries go now and then, so the map stays as small as the set of recent writers.
      if (++sweeps % 1000 === 0) for (const [k, v] of entries) if (v.until <= Date.now()) entries.delete(k);
    },
    async pending(userId) {
      const e = entries.get(userId);
      if (!e) return null;
      if (e.until <= Date.now()) {
        entries.delete(userId);
        return null;
      }
      return e.lsn;
    },
    async close() {
      entries.clear();
    },
  };
}

/**
 * Shared through Redis (a key per user with the TTL), and kept in this process too: with Redis
 * down, this instance still routes its own users' reads right (others may show the old state
 * for up to the replica's lag, never an error).
 */
export function redisTracker(url: string, ttlMs: number, prefix = "storyboard:ryw:"): WriteTracker {
  const local = memoryTracker(ttlMs);
  // Bounded like the cache's client (src/server/cache.ts): a frozen Redis costs a read at most 200 ms.
  const redis = new Redis(url, { maxRetriesPerRequest: 0, enableOfflineQueue: false, connectTimeout: 200, commandTimeout: 200, lazyConnect: false, retryStrategy: (n) => Math.min(50 * 2 ** Math.min(n, 5), 1_000) });
  let warned = false;
  redis.on("error", (e: Error) => {
    if (!warned) console.error(`[db] Redis unavailable for read-your-writes (${e.message}); tracking in this process only`);
    warned = true;
  });
  const quietly = async <T>(p: Promise<T>): Promise<T | null> => {
    try {
      return await p;
    } catch {
      return null;
    }
  };
  return {
    async record(userId, lsn) {
      await local.record(userId, lsn);
      await quietly(redis.set(`${prefix}${userId}`, lsn, "PX", ttlMs));
    },
    async pending(userId) {
      const mine = await local.pending(userId);
      const shared = await quietly(redis.get(`${prefix}${userId}`));
      if (!shared) return mine;
      if (!mine) return shared;
      return lsnValue(shared) > lsnValue(mine) ? shared : mine;
    },
    async close() {
      await local.close();
      redis.disconnect();
    },
  };
}

export interface RoutingStats {
  replicaReads: number;
  /** Reads sent to the primary because the replica had not replayed the user's last write. */
  primaryReadsForOwnWrites: number;
  /** Reads sent to the primary because the replica was unreachable. */
  fallbackReads: number;
  replicaDownSince: Date | null;
}

/** Errors that mean "this server cannot serve now" (not "this query is wrong"): a read-only transaction is safely retried elsewhere. */
export function isUnavailable(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  if (err.code && ["57P01", "57P02", "57P03", "08000", "08001", "08003", "08004", "08006", "ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND"].includes(err.code)) return true;
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(err.message ?? "");
}

/** A standby cancelled the read because replay needed the rows it was reading (40001 on a replica). */
export const isRecoveryConflict = (e: unknown) => {
  const err = e as { code?: string; message?: string };
  return err.code === "40001" && /conflict with recovery/i.test(err.message ?? "");
};
