// `storyboard jobs` (list), `storyboard jobs run NAME` (run one now, with progress) and
// `storyboard worker` (work the queues in this process alone), on the database DATABASE_URL names.
import { parseArgs } from "node:util";
import type { CliIo } from "./storyboard";

const when = (d: Date | null) => (d ? d.toISOString().replace(/\.\d+Z$/, "Z") : "");

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join("  ").trimEnd()).join("\n");
}

async function openServices(worker: boolean) {
  const { setJobWorker } = await import("../server/jobs");
  setJobWorker(worker);
  const { services } = await import("../server/services");
  const s = await services();
  return {
    s,
    close: async () => {
      await s.jobs.stop();
      await s.store.close();
      await s.cache.close();
    },
  };
}

async function list(io: CliIo): Promise<number> {
  const { configureJobs } = await import("../server/jobs/catalog");
  const { jobSettings } = await import("../server/jobs/settings");
  const { s, close } = await openServices(false);
  try {
    const { jobs, schedules } = await s.jobs.list(100);
    const catalog = configureJobs(jobSettings());
    io.stdout(`Jobs (${s.jobs.backend}):\n`);
    io.stdout(
      `${table([
        ["NAME", "SCHEDULE (UTC)", "NEXT RUN", "HANDLER"],
        ...catalog.map((j) => {
          const sch = schedules.find((x) => x.name === j.def.name);
          return [j.def.name, j.cron ?? "-", sch ? when(sch.nextRunAt) : j.cron && !j.handler ? "not scheduled" : "-", j.handler ? "yes" : "not yet written"];
        }),
      ])}\n\n`,
    );
    if (jobs.length === 0) io.stdout("No queued, running or failed jobs.\n");
    else {
      io.stdout(
        `${table([
          ["ID", "NAME", "STATE", "ATTEMPT", "CREATED", "STARTED / RUNS AFTER", "LAST ERROR"],
          ...jobs.map((j) => [j.id, j.name, j.state, `${j.attempts}/${j.maxAttempts}`, when(j.createdAt), when(j.startedAt ?? j.runAfter), (j.lastError ?? "").replace(/\s+/g, " ").slice(0, 120)]),
        ])}\n`,
      );
      const counts = ["created", "retry", "active", "failed"].map((st) => `${jobs.filter((j) => j.state === st).length} ${st === "created" ? "queued" : st === "active" ? "running" : st}`);
      io.stdout(`\n${counts.join(", ")}\n`);
    }
    return 0;
  } finally {
    await close();
  }
}

async function runNow(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { payload: { type: "string", default: "{}" } }, allowPositionals: true });
  const name = positionals[0];
  if (!name) {
    io.stderr("jobs run needs a job name (see `storyboard jobs`).\n");
    return 2;
  }
  let payload: unknown;
  try {
    payload = JSON.parse(values.payload);
  } catch (e) {
    io.stderr(`--payload is not JSON: ${(e as Error).message}\n`);
    return 2;
  }
  const { s, close } = await openServices(false);
  const started = performance.now();
  try {
    io.stdout(`${name}: starting (${s.jobs.backend})\n`);
    const out = await s.jobs.runNow(name, payload, (line) => io.stdout(`${name}: ${line}\n`));
    io.stdout(`${name}: done in ${((performance.now() - started) / 1000).toFixed(1)} s${out === undefined ? "" : `: ${JSON.stringify(out)}`}\n`);
    return 0;
  } catch (e) {
    io.stderr(`${name}: failed after ${((performance.now() - started) / 1000).toFixed(1)} s: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  } finally {
    await close();
  }
}

async function jobsCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === "list") return list(io);
  if (sub === "run") return runNow(rest, io);
  io.stderr(`jobs: unknown subcommand "${sub}" (storyboard jobs | storyboard jobs run NAME [--payload JSON])\n`);
  return 2;
}

/** Works every queue in this process until SIGINT/SIGTERM; the web server can then run with JOBS_IN_WEB=0. */
async function worker(_args: string[], io: CliIo): Promise<number> {
  const { s, close } = await openServices(true);
  const { recoverInterruptedGenerations } = await import("../features/storyboards/recover-interrupted-generations");
  await s.jobs.start();
  await s.jobs.work();
  io.stdout(`worker: working the job queues (${s.jobs.backend}, database ${s.store.dialect}); Ctrl-C stops after the running jobs\n`);
  const sweep = setInterval(() => void recoverInterruptedGenerations().catch((e: unknown) => io.stderr(`worker: recovery sweep failed: ${String(e)}\n`)), 30_000);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  clearInterval(sweep);
  io.stdout("worker: stopping…\n");
  await close();
  io.stdout("worker: stopped\n");
  return 0;
}

export const JOB_COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = { jobs: jobsCommand, worker };
