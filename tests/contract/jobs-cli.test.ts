// `storyboard jobs`, `storyboard jobs run NAME` and `storyboard worker` through the bin shim, on
// both databases: progress and figures, a job without a handler refused, queued and failed jobs
// listed with their last error, and a worker process that generates a queued storyboard.
import { execFile, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDriver, openStore } from "../../src/db/client";
import { createFactories } from "../../src/db/seed/factories";
import type { Store } from "../../src/db/store/types";
import { createJobQueue, type JobQueue } from "../../src/server/jobs";
import type { Driver } from "../../src/db/store/driver";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../support/databases";
import { openRaw, type Raw } from "../support/raw";

const BIN = fileURLToPath(new URL("../../bin/storyboard.mjs", import.meta.url));
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

// Each case spawns the CLI (tsx compiles it at start) several times: on a loaded 2-core machine
// that alone can take most of the default 30 s, so the cases get a wider budget (not a speed check).
describe.each(DIALECTS)("storyboard jobs CLI on %s", { timeout: 120_000 }, (dialect) => {
  let db: TestDatabase;
  let env: NodeJS.ProcessEnv;
  let store: Store;
  let driver: Driver;
  let client: JobQueue;
  let raw: Raw;

  const run = (args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [BIN, ...args], { cwd: ROOT, env, timeout: 60_000 }, (err, stdout, stderr) => {
        resolve({ code: err ? Number((err as { code?: unknown }).code ?? 1) : 0, stdout, stderr });
      });
    });

  beforeAll(async () => {
    db = await createTestDatabase(dialect, inject("pgAdminUrl"));
    env = { ...process.env, DATABASE_URL: db.dialect === "sqlite" ? `file:${db.ownerUrl}` : db.ownerUrl, DATABASE_POOL_MAX: "3", DATABASE_POOL_MIN: "0", JOBS_POLL_SECONDS: "1" };
    for (const k of Object.keys(env)) if (k.startsWith("LLM_") || k === "REDIS_URL" || k.endsWith("_SCHEDULE")) delete env[k];
    store = await openStore(db.config);
    driver = await openDriver(db.config);
    client = createJobQueue(db.config, driver, { worker: false });
    raw = await openRaw(db);
  });

  afterAll(async () => {
    await client?.stop();
    await driver?.close();
    await store?.close();
    await raw?.close();
    await db?.drop();
  });

  it("jobs run NAME runs a maintenance job now with progress and figures, and refuses an unknown job or a bad payload", async () => {
    const r = await run(["jobs", "run", "audit-partitions"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/audit-partitions: \d+ partition\(s\) created, \d+ dropped, \d+ row\(s\) deleted in \d+ ms/);
    expect(r.stdout).toMatch(/audit-partitions: done in [\d.]+ s/);
    const stats = await run(["jobs", "run", "refresh-stats"]);
    expect(stats.code, stats.stderr).toBe(0);
    expect(stats.stdout).toMatch(/refresh-stats: user_project_stats: \d+ users in \d+ ms/);
    const archive = await run(["jobs", "run", "archive-projects", "--payload", '{"afterDays":0,"batchSize":10}']);
    expect(archive.code, archive.stderr).toBe(0);
    expect(archive.stdout).toMatch(/archive-projects: archive: 0 projects moved in 0 batches/);
    const bad = await run(["jobs", "run", "archive-projects", "--payload", '{"afterDays":"soon"}']);
    expect(bad.code).toBe(1);
    const unknown = await run(["jobs", "run", "nope"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No job named "nope"/);
  });

  it("jobs lists the schedules, queued and failed jobs with the last error", async () => {
    const queued = await client.enqueue("generate-storyboard", { userId: "nobody", storyboardId: 424242 }, { key: "424242" });
    const failed = await client.enqueue("generate-storyboard", { userId: "nobody", storyboardId: 434343 }, { key: "434343" });
    if (dialect === "sqlite") await raw.query("UPDATE jobs SET state = 'failed', attempts = 4, last_error = 'engine exploded' WHERE id = $1", [Number(failed)]);
    else await raw.query(`UPDATE pgboss.job SET state = 'failed', retry_count = 3, started_on = now(), output = '{"message":"engine exploded"}' WHERE id = $1`, [failed]);
    const r = await run(["jobs"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/audit-partitions\s+10 0 \* \* \*\s+\d{4}-\d\d-\d\dT00:10:00Z\s+yes/);
    expect(r.stdout).toMatch(/refresh-stats\s+20 3 \* \* \*\s+\d{4}-\d\d-\d\dT03:20:00Z\s+yes/);
    expect(r.stdout).toMatch(/archive-projects\s+40 2 \* \* \*\s+\d{4}-\d\d-\d\dT02:40:00Z\s+yes/);
    expect(r.stdout).toMatch(new RegExp(`${queued}\\s+generate-storyboard\\s+created\\s+0/4`));
    expect(r.stdout).toMatch(new RegExp(`${failed}\\s+generate-storyboard\\s+failed\\s+4/4\\s+.*engine exploded`));
    expect(r.stdout).toMatch(/1 queued, 0 retry, 0 running, 1 failed/);
    // Out of the way of the worker below.
    if (dialect === "sqlite") await raw.query("DELETE FROM jobs");
    else await raw.query("DELETE FROM pgboss.job WHERE name = 'generate-storyboard'");
  });

  it("worker works the queue in a process of its own: a queued generation completes, and SIGTERM stops it", async () => {
    const f = createFactories(store);
    const user = await f.user();
    const project = await f.project(user.id);
    const sb = await f.storyboard(user.id, project.id, { status: "generating", sceneCount: 0 });
    await client.enqueue("generate-storyboard", { userId: user.id, storyboardId: sb.id }, { key: String(sb.id) });
    const child = spawn(process.execPath, [BIN, "worker"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
    try {
      for (let i = 0; ; i++) {
        const now = await store.getStoryboard(user.id, sb.id);
        if (now.status !== "generating") {
          expect(now.status, now.error_message ?? "").toBe("completed");
          expect(now.scenes.length).toBeGreaterThan(0);
          break;
        }
        if (i > 300) throw new Error(`the worker did not generate the storyboard:\n${out}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
    expect(out).toMatch(/worker: working the job queues/);
    expect(out).toMatch(/worker: stopped/);
  }, 60_000);
});
