// Model test of the dashboard cache under concurrency (issue 10, failure 7): readers and writers
// of one user's data interleaved by fast-check's scheduler, every cache operation and database
// access a separate step whose request and reply can be delayed arbitrarily, plus evictions
// (TTL or memory pressure) at any point. The production code under test is versionedRead and
// the bump that memoryCache/redisCache run; the store is an atomic key-value map like Redis.
//
// Properties, over thousands of interleavings:
// - a read that starts after a write finished never returns data older than that write;
// - once everything settles, a read returns what the database holds (no stale value left behind).
// The naive scheme the app used before (get, miss → query → set; writers delete the key) is run
// through the same model, and fast-check must find the stale fill that the issue measured.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { newVersion, versionedRead, type VersionedKv } from "../../src/server/cache";

type Op = { kind: "read" } | { kind: "write" } | { kind: "evict"; key: "version" | "entry" };

const ops = fc.array(
  fc.oneof(
    { weight: 4, arbitrary: fc.constant<Op>({ kind: "read" }) },
    { weight: 3, arbitrary: fc.constant<Op>({ kind: "write" }) },
    { weight: 1, arbitrary: fc.constantFrom<Op>({ kind: "evict", key: "version" }, { kind: "evict", key: "entry" }) },
  ),
  { minLength: 2, maxLength: 7 },
);

const KEY = "user:1:projects";
const VERSION_KEY = "user:1:version";

interface Scheme {
  read(kv: ModelKv, load: () => Promise<number>): Promise<number>;
  write(kv: ModelKv, commit: () => Promise<void>): Promise<void>;
}

/** An atomic key-value store whose every operation is a scheduled step (request and reply). */
class ModelKv implements VersionedKv {
  readonly map = new Map<string, string>();
  constructor(private readonly step: () => Promise<unknown>) {}
  private async atomic<T>(op: () => T): Promise<T> {
    await this.step(); // the request travels
    const result = op();
    await this.step(); // the reply travels
    return result;
  }
  getPair = (versionKey: string, key: string) => this.atomic((): [string | null, string | null] => [this.map.get(versionKey) ?? null, this.map.get(key) ?? null]);
  initVersion = (versionKey: string, version: string) =>
    this.atomic(() => {
      if (!this.map.has(versionKey)) this.map.set(versionKey, version);
      return this.map.get(versionKey) ?? null;
    });
  setVersion = (versionKey: string, version: string) => this.atomic(() => void this.map.set(versionKey, version));
  setEntry = (key: string, raw: string) => this.atomic(() => void this.map.set(key, raw));
  get = (key: string) => this.atomic(() => this.map.get(key) ?? null);
  del = (key: string) => this.atomic(() => void this.map.delete(key));
}

const versioned: Scheme = {
  read: (kv, load) => versionedRead(kv, KEY, VERSION_KEY, 300, load),
  // what invalidateUser → cache.bump does after the write's commit
  write: async (kv, commit) => {
    await commit();
    await kv.setVersion(VERSION_KEY, newVersion());
  },
};

const naive: Scheme = {
  read: async (kv, load) => {
    const raw = await kv.get(KEY);
    if (raw !== null) return JSON.parse(raw) as number;
    const value = await load();
    await kv.setEntry(KEY, JSON.stringify(value));
    return value;
  },
  write: async (kv, commit) => {
    await commit();
    await kv.del(KEY);
  },
};

function property(scheme: Scheme) {
  return fc.asyncProperty(fc.scheduler(), ops, async (s, plan) => {
    const step = () => s.schedule(Promise.resolve());
    const kv = new ModelKv(step);
    let db = 0; // the title's revision in the database; each commit makes it the next one
    let finished = 0; // the newest revision whose write (commit and invalidation) has finished
    const load = async () => {
      await step();
      const value = db; // the query's snapshot
      await step();
      return value;
    };
    const commit = async () => {
      await step();
      db += 1;
      await step();
    };
    const read = async () => {
      const floor = finished;
      const value = await scheme.read(kv, load);
      if (value < floor) throw new Error(`read revision ${value} after the write of revision ${floor} had finished`);
    };
    const actors = plan.map(async (op) => {
      if (op.kind === "read") return read();
      if (op.kind === "write") {
        await scheme.write(kv, commit);
        finished = Math.max(finished, db);
        return;
      }
      await step();
      kv.map.delete(op.key === "version" ? VERSION_KEY : KEY);
    });
    await s.waitIdle();
    await Promise.all(actors);
    // Quiescent: the cache must now agree with the database.
    const last = scheme.read(kv, load);
    await s.waitIdle();
    expect(await last).toBe(db);
  });
}

describe("dashboard cache model (fast-check scheduler)", () => {
  it("versioned reads: no interleaving of reads, writes and evictions leaves or serves a stale dashboard", async () => {
    await fc.assert(property(versioned), { numRuns: 5_000 });
  });

  it("the naive get/query/set with delete-on-write does (the issue's 62 of 1,000): the model finds it", async () => {
    const found = await fc.check(property(naive), { numRuns: 5_000, endOnFailure: true });
    expect(found.failed).toBe(true);
    console.log(`[cache-model] naive scheme: stale dashboard found after ${found.numRuns} interleavings: ${String((found.errorInstance as Error | undefined)?.message ?? "")}`);
  });
});
