// The kill test (issue 8): the production server is SIGKILLed while generations are running (the
// LLM, a loopback stand-in, holds every request), then started again on the same database. Every
// storyboard must end 'completed' (the durable queue retried it) or 'error' with a reason; none
// stays 'generating'; none has duplicated scenes. Both dialects.
import http from "node:http";
import type net from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../support/databases";
import { openRaw } from "../support/raw";
import { freePort, Session, startServer, uniqueEmail, type RunningApp } from "./harness";

interface Board {
  id: number;
  status: string;
  error_message: string | null;
  total_scenes: number;
  scenes: Array<{ scene_number: number }>;
}

/** An OpenAI-compatible endpoint that holds requests while `holding`, else answers at once (unusable output: the pattern engine's storyboard is kept). */
async function startStandInLlm() {
  const port = await freePort();
  const held: http.ServerResponse[] = [];
  const sockets = new Set<net.Socket>();
  let received = 0;
  let holding = true;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      received++;
      if (holding) held.push(res);
      else res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ choices: [{ message: { content: "not a storyboard" } }] }));
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${port}/v1`,
    received: () => received,
    answerFromNowOn() {
      holding = false;
      for (const res of held.splice(0)) res.destroy();
    },
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}

const processGone = (pid: number) => {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
};

describe.each(DIALECTS)("generations cut off by a SIGKILL on %s", (dialect) => {
  let db: TestDatabase;
  let llm: Awaited<ReturnType<typeof startStandInLlm>>;
  let app: RunningApp | undefined;
  const boards: number[] = [];
  let firstLogs = "";

  beforeAll(async () => {
    db = await createTestDatabase(dialect, inject("pgAdminUrl"));
    llm = await startStandInLlm();
  });

  afterAll(async () => {
    await app?.kill();
    await llm?.close();
    await db?.drop();
  });

  const env = () => ({
    LLM_BASE_URL: llm.url,
    LLM_API_KEY: "test-key",
    LLM_MODEL: "test-model",
    LLM_TIMEOUT_MS: "60000",
    GENERATION_CONCURRENCY: "2",
    GENERATION_RATE_LIMIT: "1000",
    GENERATION_JOB_TIMEOUT_SECONDS: "5",
    GENERATION_JOB_RETRY_DELAY_SECONDS: "1",
    JOBS_SUPERVISE_SECONDS: "1",
    JOBS_POLL_SECONDS: "1",
  });

  it("retries every interrupted generation after the restart: each ends completed or failed with a reason, scenes never doubled", async () => {
    app = await startServer(db, env());
    const email = uniqueEmail("kill");
    let session = await new Session(app.baseUrl).signIn(email);
    const project = (await (await session.fetch("/api/v1/projects", { method: "POST", json: { title: "Kill test" } })).json()) as { id: number };
    for (let i = 0; i < 5; i++) {
      const res = await session.fetch(`/api/v1/projects/${project.id}/storyboards`, { method: "POST", json: { brief: `Kill test ${i}: three tips for better phone photos, for TikTok`, seed: i } });
      expect(res.status, await res.clone().text()).toBe(202);
      boards.push(((await res.json()) as { id: number }).id);
    }
    // Two generations are inside the LLM call (GENERATION_CONCURRENCY=2), three wait in the queue.
    for (let waited = 0; llm.received() < 2; waited += 100) {
      if (waited > 30_000) throw new Error(`the LLM stand-in received ${llm.received()} request(s):\n${app.logs.join("")}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const pid = app.pid!;
    process.kill(pid, "SIGKILL");
    while (!processGone(pid)) await new Promise((r) => setTimeout(r, 50));
    firstLogs = app.logs.join("");
    llm.answerFromNowOn();

    const raw = await openRaw(db);
    try {
      const generating = await raw.query<{ n: number }>("SELECT count(*) AS n FROM storyboards WHERE status = 'generating'");
      expect(Number(generating[0]!.n), "the kill left generations running").toBe(5);
    } finally {
      await raw.close();
    }

    app = await startServer(db, env());
    session = await new Session(app.baseUrl).signIn(email); // the same creator, on the restarted server's port
    const final: Board[] = [];
    for (const id of boards) {
      const start = Date.now();
      for (;;) {
        const r = await session.fetch(`/api/v1/storyboards/${id}`);
        expect(r.status).toBe(200);
        const b = (await r.json()) as Board;
        if (b.status !== "generating") {
          final.push(b);
          break;
        }
        if (Date.now() - start > 90_000) throw new Error(`storyboard ${id} still generating after the restart:\n${app.logs.join("")}`);
        await new Promise((res) => setTimeout(res, 250));
      }
    }
    for (const b of final) {
      expect(["completed", "error"]).toContain(b.status);
      if (b.status === "error") expect(b.error_message).toBeTruthy();
      else {
        expect(b.scenes.length).toBeGreaterThan(0);
        expect(b.scenes.map((s) => s.scene_number)).toEqual(b.scenes.map((_, i) => i + 1));
        expect(b.total_scenes).toBe(b.scenes.length);
      }
    }
    // With retries left, the queue finishes every one of them.
    expect(final.map((b) => b.status)).toEqual(boards.map(() => "completed"));
    const rawAfter = await openRaw(db);
    try {
      const doubled = await rawAfter.query("SELECT storyboard_id, scene_number, count(*) AS n FROM scenes GROUP BY storyboard_id, scene_number HAVING count(*) > 1");
      expect(doubled).toEqual([]);
    } finally {
      await rawAfter.close();
    }
    expect(firstLogs).toContain("[storyboard] jobs:");
  }, 240_000);
});
