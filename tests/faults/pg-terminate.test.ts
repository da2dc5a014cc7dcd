// Fault: PostgreSQL backends terminated under load (issue 10, failure 10). The production build
// runs on a PostgreSQL cluster of its own (initdb in a temp folder, its own port: never the
// machine's server); ten clients read and write through the API while every backend of the app's
// database is killed with pg_terminate_backend, three times. Before the fix the in-flight requests
// answered 500. Now: a read is retried once on a fresh connection, what cannot be retried answers
// 503 with Retry-After, nothing acknowledged is lost or written twice, and the pool recovers by
// itself. Prints the error counts, p99 before, during and after, and the recovery time.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Project } from "../../src/domain/types";
import { createTestDatabase, type TestDatabase } from "../support/databases";
import { startCluster, type Cluster } from "../support/pg-cluster";
import { Session, startServer, uniqueEmail, type RunningApp } from "../e2e/harness";
import { p99, sleep } from "./figures";

interface Sample {
  at: number;
  ms: number;
  status: number; // 0: no HTTP answer at all
  kind: "read" | "write";
  retryAfter: string | null;
  title?: string;
}

const CLIENTS = 10;

describe("PostgreSQL backends terminated under load", () => {
  let cluster: Cluster;
  let db: TestDatabase;
  let app: RunningApp;

  beforeAll(async () => {
    cluster = await startCluster();
    db = await createTestDatabase("postgres", cluster.url());
    app = await startServer(db, { REDIS_URL: "", DATABASE_POOL_MAX: "10", GENERATION_RATE_LIMIT: "1000" });
  });
  afterAll(async () => {
    await app?.kill();
    await cluster?.destroy();
  });

  it("answers 503 with Retry-After (never 500), loses and duplicates nothing, and recovers within 10 s", async () => {
    const email = uniqueEmail("fault");
    const s = await new Session(app.baseUrl).signIn(email);
    const cookie = s.cookieHeader();
    const seed = (await (await s.fetch("/api/v1/projects", { method: "POST", json: { title: "Read target" } })).json()) as Project;

    const samples: Sample[] = [];
    const t0 = Date.now();
    let seq = 0;
    let stop = false;
    const once = async (kind: "read" | "write") => {
      const title = kind === "write" ? `fault-write-${++seq}` : undefined;
      const start = performance.now();
      let status = 0;
      let retryAfter: string | null = null;
      try {
        const res =
          kind === "read"
            ? await fetch(`${app.baseUrl}/api/v1/projects/${seed.id}`, { headers: { cookie } })
            : await fetch(`${app.baseUrl}/api/v1/projects`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify({ title }) });
        status = res.status;
        retryAfter = res.headers.get("retry-after");
        await res.arrayBuffer();
      } catch {
        status = 0;
      }
      samples.push({ at: Date.now() - t0, ms: performance.now() - start, status, kind, retryAfter, title });
    };
    const worker = async (i: number) => {
      for (let n = 0; !stop; n++) await once((n + i) % 3 === 0 ? "write" : "read");
    };

    const admin = new pg.Client({ connectionString: cluster.url() });
    await admin.connect();
    const dbName = new URL(db.ownerUrl).pathname.slice(1);
    const kills: { at: number; killed: number }[] = [];
    const terminate = async () => {
      const r = await admin.query<{ n: number }>("SELECT count(*)::int AS n FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()) t", [dbName]);
      kills.push({ at: Date.now() - t0, killed: r.rows[0]!.n });
    };

    const workers = Array.from({ length: CLIENTS }, (_, i) => worker(i));
    await sleep(4_000);
    for (let k = 0; k < 3; k++) {
      await terminate();
      await sleep(700);
    }
    const lastKill = kills.at(-1)!.at;
    await sleep(8_000);
    stop = true;
    await Promise.all(workers);

    // Recovery, per termination: until the first request sent after it succeeds (every request
    // reads the session row, so a success means the pool has a working connection again); the
    // figure is the worst of the three. The fault lasts from the first termination until then.
    const failed = samples.filter((x) => x.status < 200 || x.status >= 300);
    const ok = samples.filter((x) => x.status >= 200 && x.status < 300);
    const recoveries = kills.map((k) => Math.min(...ok.filter((x) => x.at - x.ms >= k.at).map((x) => x.at)) - k.at);
    const recoveryMs = Math.max(...recoveries);
    const firstKill = kills[0]!.at;
    const faultEnd = Math.max(lastKill + recoveries.at(-1)!, ...failed.map((x) => x.at));
    const before = samples.filter((x) => x.at < firstKill);
    const during = samples.filter((x) => x.at >= firstKill && x.at <= faultEnd);
    const after = samples.filter((x) => x.at > faultEnd);
    const count = (xs: Sample[], f: (x: Sample) => boolean) => xs.filter(f).length;

    // Data: every acknowledged write exists exactly once; none exists twice.
    await admin.end();
    const owner = new pg.Client({ connectionString: db.ownerUrl });
    await owner.connect();
    const rows = await owner.query<{ title: string; n: number }>("SELECT title, count(*)::int AS n FROM projects GROUP BY title").finally(() => owner.end());
    const stored = new Map(rows.rows.map((r) => [r.title, r.n]));
    const writes = samples.filter((x) => x.kind === "write");
    const acked = writes.filter((x) => x.status === 201);
    const lost = acked.filter((x) => stored.get(x.title!) !== 1);
    const duplicated = [...stored].filter(([, n]) => n > 1);
    const unacknowledgedButStored = writes.filter((x) => x.status !== 201 && stored.has(x.title!)).length;

    const report = {
      requests: samples.length,
      kills: kills.map((k) => `${k.killed} backends at ${k.at} ms`),
      status: Object.fromEntries([...new Set(samples.map((x) => x.status))].sort().map((st) => [st, count(samples, (x) => x.status === st)])),
      "503 reads / writes": `${count(failed, (x) => x.status === 503 && x.kind === "read")} / ${count(failed, (x) => x.status === 503 && x.kind === "write")}`,
      "p99 ms before / during / after": `${p99(before.map((x) => x.ms))} / ${p99(during.map((x) => x.ms))} / ${p99(after.map((x) => x.ms))}`,
      "recovery ms (per termination)": recoveries.map((r) => Math.round(r)),
      "writes acknowledged / lost / duplicated / refused but stored": `${acked.length} / ${lost.length} / ${duplicated.length} / ${unacknowledgedButStored}`,
    };
    console.log(`[fault pg-terminate] ${JSON.stringify(report, null, 1)}`);

    expect(kills.reduce((n, k) => n + k.killed, 0)).toBeGreaterThan(0);
    expect(count(samples, (x) => x.status >= 500 && x.status !== 503), "no 500s").toBe(0);
    expect(count(samples, (x) => x.status === 0), "every request answered").toBe(0);
    expect(failed.every((x) => x.status === 503 && Number(x.retryAfter) > 0), "failures are 503 with Retry-After").toBe(true);
    expect(lost, "acknowledged writes are stored exactly once").toEqual([]);
    expect(duplicated, "no write is stored twice").toEqual([]);
    expect(Number.isFinite(recoveryMs)).toBe(true);
    expect(recoveryMs).toBeLessThanOrEqual(10_000);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((x) => x.status >= 200 && x.status < 300)).toBe(true);
  });
});
