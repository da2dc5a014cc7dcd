// A throwaway redis-server of the test's own on a free loopback port (never the machine's 6379),
// for the tests that kill or freeze Redis: no persistence, killed with the test run.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { freePort } from "../setup/postgres-server";

export interface OwnRedis {
  url: string;
  port: number;
  /** SIGKILL: the server is gone (connections refused) until start(). */
  kill(): Promise<void>;
  /** Starts it again on the same port (empty: nothing persisted). */
  start(): Promise<void>;
  /** SIGSTOP: connections stay open, nothing answers. */
  freeze(): void;
  /** SIGCONT */
  thaw(): void;
  stop(): Promise<void>;
}

const answers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect(port, "127.0.0.1");
    s.once("connect", () => (s.destroy(), resolve(true)));
    s.once("error", () => resolve(false));
  });

export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "no"], { stdio: "ignore" });
    for (let i = 0; i < 100 && !(await answers(port)); i++) await new Promise((r) => setTimeout(r, 50));
    if (!(await answers(port))) throw new Error(`redis-server did not start on port ${port}`);
  };
  const kill = async () => {
    const c = child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise((r) => c.once("exit", r));
    c.kill("SIGCONT");
    c.kill("SIGKILL");
    await exited;
    child = null;
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}/0`,
    port,
    kill,
    start,
    freeze: () => void child?.kill("SIGSTOP"),
    thaw: () => void child?.kill("SIGCONT"),
    stop: kill,
  };
}
