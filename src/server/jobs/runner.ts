// What both backends share: running one attempt of a job (payload validated, handler loaded),
// counting the attempts in flight for idle(), and the error text a failed attempt records.
import type { ConfiguredJob, JobContext } from "./types";
import { JobError } from "./types";

export const errorText = (e: unknown): string => (e instanceof Error ? e.message || e.name : String(e)).slice(0, 2000);

export function createRunner(jobs: ConfiguredJob[]) {
  const byName = new Map(jobs.map((j) => [j.def.name, j]));
  let inFlight = 0;
  let waiters: Array<() => void> = [];

  const job = (name: string): ConfiguredJob => {
    const j = byName.get(name);
    if (!j) throw new JobError(`No job named "${name}" (jobs: ${[...byName.keys()].join(", ")})`);
    return j;
  };

  return {
    jobs,
    job,
    /** Jobs this process can run: the ones with a handler. */
    runnable: () => jobs.filter((j) => j.handler !== null),
    async run(name: string, payload: unknown, ctx: JobContext): Promise<unknown> {
      const j = job(name);
      if (!j.handler) throw new JobError(`The job "${name}" has no handler yet`);
      inFlight++;
      try {
        const handler = await j.handler();
        return await handler(j.def.payload.parse(payload), ctx);
      } finally {
        inFlight--;
        if (inFlight === 0) {
          for (const w of waiters) w();
          waiters = [];
        }
      }
    },
    idle: () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((r) => waiters.push(r))),
  };
}

export type Runner = ReturnType<typeof createRunner>;

export const logProgress = (name: string, id: string) => (line: string) => console.log(`[jobs] ${name} ${id}: ${line}`);
