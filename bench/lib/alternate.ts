// Modes compared in one run on a shared machine: every round measures every mode once, in turn,
// so a load that comes and goes weighs on all of them alike, and each figure is the median of the
// rounds. Each round starts one mode later than the one before, so no mode always runs in the same
// place (right after a rebuild, say). Used where a bench switches something in the database between cells (audit triggers on
// and off, indexes dropped and rebuilt).
import { parseArgs } from "node:util";
import type { Level, PathId } from "./levels";
import { closedLoop, median } from "./measure";

/** The command line of an alternating bench: [--users 1000] [--duration 3] [--rounds 3] [--clients 16] [--keep]. */
export function alternationArgs() {
  const { values } = parseArgs({
    options: {
      users: { type: "string", default: "1000" },
      duration: { type: "string", default: "3" },
      rounds: { type: "string", default: "3" },
      clients: { type: "string", default: "16" },
      keep: { type: "boolean", default: false },
    },
  });
  return { users: Number(values.users), seconds: Number(values.duration), rounds: Number(values.rounds), clients: Number(values.clients), keep: values.keep };
}

export interface Alternation<M extends string> {
  modes: readonly M[];
  /** The paths measured in a mode (all of them unless given). */
  paths: readonly PathId[] | ((mode: M) => readonly PathId[]);
  rounds: number;
  clients: number;
  seconds: number;
  /** Puts the database in a mode before its cells. */
  enter(mode: M): Promise<void>;
  level(mode: M): Level;
  log(message: string): void;
  /** Called after each cell (e.g. to read statistics the cell left behind). */
  after?(mode: M, path: PathId): Promise<void>;
}

export interface Figures {
  /** Median throughput of the rounds, operations per second. */
  ops: number;
  /** Median p99 of the rounds, ms. */
  p99: number;
}

export async function alternate<M extends string>(a: Alternation<M>): Promise<Map<M, Map<PathId, Figures>>> {
  const runs = new Map<M, Map<PathId, { ops: number[]; p99: number[] }>>();
  for (let r = 1; r <= a.rounds; r++) {
    const order = a.modes.map((_, i) => a.modes[(i + r - 1) % a.modes.length]!);
    for (const mode of order) {
      await a.enter(mode);
      const paths = typeof a.paths === "function" ? a.paths(mode) : a.paths;
      for (const p of paths) {
        const cell = await closedLoop(a.clients, a.seconds, 1, a.level(mode).ops[p]);
        if (cell.errors > 0) throw new Error(`${mode} ${p}: ${cell.errors} errors (${cell.firstError})`);
        const byPath = runs.get(mode) ?? new Map();
        runs.set(mode, byPath);
        const got = byPath.get(p) ?? { ops: [], p99: [] };
        byPath.set(p, got);
        got.ops.push(cell.throughput);
        got.p99.push(cell.p99);
        a.log(`round ${r}/${a.rounds} ${mode.padEnd(12)} ${p.padEnd(10)} ${cell.throughput.toFixed(0)} ops/s, p99 ${cell.p99.toFixed(1)} ms`);
        await a.after?.(mode, p);
      }
    }
  }
  return new Map([...runs].map(([mode, byPath]) => [mode, new Map([...byPath].map(([p, f]) => [p, { ops: median(f.ops), p99: median(f.p99) }]))]));
}
