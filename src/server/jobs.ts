// Background jobs in the app process: a bounded queue so generation never blocks a request and
// never runs more than `concurrency` at once. Storyboards record their own state ('generating'),
// so a job lost with the process is found and failed by the recovery sweep (features/storyboards).
export interface JobQueue {
  enqueue(name: string, run: () => Promise<void>): void;
  /** Resolves when every queued and running job has finished (tests, graceful shutdown). */
  idle(): Promise<void>;
  readonly size: number;
}

export function createJobQueue(concurrency: number): JobQueue {
  const waiting: Array<{ name: string; run: () => Promise<void> }> = [];
  let running = 0;
  let waiters: Array<() => void> = [];

  const pump = () => {
    while (running < concurrency && waiting.length > 0) {
      const job = waiting.shift()!;
      running++;
      void job
        .run()
        .catch((e: unknown) => console.error(`[jobs] ${job.name} failed:`, e))
        .finally(() => {
          running--;
          pump();
          if (running === 0 && waiting.length === 0) {
            for (const w of waiters) w();
            waiters = [];
          }
        });
    }
  };

  return {
    enqueue(name, run) {
      waiting.push({ name, run });
      setImmediate(pump);
    },
    idle: () => (running === 0 && waiting.length === 0 ? Promise.resolve() : new Promise((r) => waiters.push(r))),
    get size() {
      return running + waiting.length;
    },
  };
}
