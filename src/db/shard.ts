// Where a user's data would live once the database is split (the design's sharding preparation):
// shard_id = the first 32 bits of md5(user_id), read as an unsigned big-endian integer, modulo the
// shard count (DATABASE_SHARD_COUNT). md5 is in every language and in PostgreSQL itself, so the
// value can be recomputed anywhere; the app computes it for every new project, and the backfill
// and the reshard data migration compute it the same way. See docs/schema.md.
import { createHash } from "node:crypto";

export const DEFAULT_SHARD_COUNT = 4;

export function shardOf(userId: string, shardCount: number): number {
  const head = createHash("md5").update(userId, "utf8").digest().readUInt32BE(0);
  return head % shardCount;
}

/** The same function in PostgreSQL, for set-based loads (benchmark data): `expr` is SQL text. */
export const shardSql = (expr: string, shardCount: number) =>
  `(('x' || substr(md5(${expr}), 1, 8))::bit(32)::bigint % ${Math.trunc(shardCount)})::integer`;
