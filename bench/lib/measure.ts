// A closed-loop load generator for in-process levels (raw SQL, store / use-case): `concurrency`
// workers each run the operation back to back; only operations that start after the warm-up
// and finish before the deadline count, so throughput is measured over a steady window.
import os from "node:os";

export interface Cell {
  /** Completed operations per second in the measured window. */
  throughput: number;
  p50: number;
  p99: number;
  mean: number;
  ops: number;
  seconds: number;
  errors: number;
  firstError?: string;
}

/** The middle value (the upper one of an even count): what the alternating-rounds benches report. */
/** "AMD EPYC ×2, load average 1.0 2.0 3.0, node v20…, 2026-12-01T10:00Z.": the conditions a result was measured in. */
export function machineLine(): string {
  const cpus = os.cpus();
  return `${cpus[0]?.model ?? "cpu"} ×${cpus.length}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}, node ${process.version}, ${new Date().toISOString().slice(0, 16)}Z.`;
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export function summarize(latencies: number[], seconds: number, errors: number, firstError?: string): Cell {
  const sorted = Float64Array.from(latencies).sort();
  const at = (q: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!);
  const mean = sorted.length === 0 ? NaN : sorted.reduce((a, b) => a + b, 0) / sorted.length;
  return {
    throughput: sorted.length / seconds,
    p50: at(0.5),
    p99: at(0.99),
    mean,
    ops: sorted.length,
    seconds,
    errors,
    ...(firstError !== undefined && { firstError }),
  };
}

export async function closedLoop(concurrency: number, seconds: number, warmupSeconds: number, op: () => Promise<unknown>): Promise<Cell> {
  const start = performance.now();
  const measureFrom = start + warmupSeconds * 1000;
  const deadline = measureFrom + seconds * 1000;
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const worker = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      try {
        await op();
      } catch (e) {
        errors++;
        firstError ??= e instanceof Error ? `${e.name}: ${e.message}` : String(e);
        continue;
      }
      const t1 = performance.now();
      if (t0 >= measureFrom && t1 <= deadline) latencies.push(t1 - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return summarize(latencies, seconds, errors, firstError);
}
