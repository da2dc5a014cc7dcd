// Lever 2 of issue 11 at the SQL level: what the network flights of the request transaction cost,
// on PostgreSQL, in one run with alternating rounds. The same statements (bench/lib/statements.ts)
//   raw            as the owner, no transaction (the ceiling)
//   one at a time  as the app role: BEGIN, set_config(app.current_user_id, $1), the statements,
//                  COMMIT, each sent after the previous one's answer (DATABASE_PIPELINE=0)
//   pipelined      the same on a pipeline-mode connection: BEGIN, set_config and the first
//                  statement in one flight, then the rest and COMMIT (the driver's default)
// (One simple-query string "BEGIN; SELECT set_config(...)" would also be one flight, but the
// simple protocol has no parameters: the user id would be built into the SQL text. Not measured,
// not an option.) Needs the bench database (bench/load-data.ts). Results: bench/results/flights.{md,json}.
//   npx tsx bench/flights.ts [--users 1000] [--duration 3] [--rounds 3] [--clients 1,16]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { openBenchDatabase } from "./lib/database";
import { closedLoop, median, type Cell } from "./lib/measure";
import { STATEMENTS } from "./lib/statements";
import { pick, sampleUsers } from "./lib/workload";

const { values } = parseArgs({
  options: {
    users: { type: "string", default: "1000" },
    duration: { type: "string", default: "3" },
    rounds: { type: "string", default: "3" },
    clients: { type: "string", default: "1,16" },
    paths: { type: "string", default: "dashboard,project,storyboard,tick" },
  },
});
const users = Number(values.users);
const seconds = Number(values.duration);
const rounds = Number(values.rounds);
const clients = values.clients.split(",").map(Number);
const paths = values.paths.split(",") as Array<keyof typeof STATEMENTS>;
const log = (m: string) => console.error(`[bench:flights] ${m}`);

const db = await openBenchDatabase("postgres", users, { reuse: true, keepAfter: true, log });
const sample = await sampleUsers(db);
const MODES = ["raw", "one at a time", "pipelined"] as const;
type Mode = (typeof MODES)[number];
const pools: Record<Mode, pg.Pool> = {
  raw: new pg.Pool({ connectionString: db.ownerUrl, max: 16 }),
  "one at a time": new pg.Pool({ connectionString: db.ownerUrl, max: 16, options: "-c role=storyboard_app" }),
  pipelined: new pg.Pool({ connectionString: db.ownerUrl, max: 16, options: "-c role=storyboard_app", pipeline: true } as pg.PoolConfig),
};
const SET_USER = "SELECT set_config('app.current_user_id', $1, true)";

async function once(mode: Mode, p: keyof typeof STATEMENTS) {
  const u = pick(sample);
  const [first, ...rest] = STATEMENTS[p](u);
  const begin = p === "tick" ? "BEGIN" : "BEGIN READ ONLY";
  const c = await pools[mode].connect();
  try {
    if (mode === "raw") {
      for (const s of [first!, ...rest]) await c.query(s);
    } else if (mode === "one at a time") {
      await c.query(begin);
      await c.query({ name: "set_user", text: SET_USER, values: [u.id] });
      for (const s of [first!, ...rest]) await c.query(s);
      await c.query("COMMIT");
    } else {
      await Promise.all([c.query(begin), c.query({ name: "set_user", text: SET_USER, values: [u.id] }), c.query(first!)]);
      for (const s of rest) await c.query(s);
      await c.query("COMMIT");
    }
  } catch (e) {
    if (mode !== "raw") await c.query("ROLLBACK").catch(() => undefined);
    throw e;
  } finally {
    c.release();
  }
}

// Each cell is cut into short slices and the modes take turns slice by slice (the order rotated
// every slice), so that the load of a busy shared machine, which swings within seconds, weighs on
// every mode alike. A mode's cell is its slices put together: operations over time, the median of
// the slices' p50 and p99.
const SLICE_S = 0.5;
const cells: Record<string, Record<Mode, Cell[]>> = {};
const loads: number[] = [];
for (let r = 0; r < rounds; r++) {
  for (const p of paths) {
    for (const n of clients) {
      const key = `${p}@${n}`;
      cells[key] ??= { raw: [], "one at a time": [], pipelined: [] };
      const slices: Record<Mode, Cell[]> = { raw: [], "one at a time": [], pipelined: [] };
      for (let i = 0; i < Math.round(seconds / SLICE_S); i++) {
        for (const mode of MODES.map((_, k) => MODES[(k + i + r) % MODES.length]!)) {
          loads.push(os.loadavg()[0]!);
          const cell = await closedLoop(n, SLICE_S, 0.1, () => once(mode, p));
          if (cell.errors > 0) throw new Error(`${mode} ${key}: ${cell.errors} errors (${cell.firstError})`);
          slices[mode].push(cell);
        }
      }
      for (const mode of MODES) {
        const list = slices[mode];
        const ops = list.reduce((a, c) => a + c.ops, 0);
        cells[key][mode].push({ ...list[0]!, ops, seconds: list.length * SLICE_S, throughput: ops / (list.length * SLICE_S), p50: median(list.map((c) => c.p50)), p99: median(list.map((c) => c.p99)) });
      }
      log(`round ${r + 1}/${rounds} ${key}: ${MODES.map((m) => `${m} ${cells[key]![m].at(-1)!.throughput.toFixed(0)}/s`).join(", ")}`);
    }
  }
}
for (const pool of Object.values(pools)) await pool.end();
await db.close();

const med = (key: string, m: Mode) => ({
  throughput: median(cells[key]![m].map((c) => c.throughput)),
  p50: median(cells[key]![m].map((c) => c.p50)),
  p99: median(cells[key]![m].map((c) => c.p99)),
});
const f = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(2));
const when = new Date().toISOString().slice(0, 16).replace("T", " ");
const md = [
  `# Network flights of the request transaction: PostgreSQL, ${users.toLocaleString("en")} users`,
  "",
  `${when} UTC, ${os.cpus()[0]?.model ?? "cpu"} ×${os.cpus().length}, ${seconds} s per mode and cell in slices of ${SLICE_S} s (0.1 s warm-up each) taken in turn by the three modes, median of ${rounds} rounds; ` +
    `load average (1 min) ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}. Same statements in every mode; "one at a time" and "pipelined" run as the app role under row level security.`,
  "",
  "| path | clients | raw ops/s (p50 / p99 ms) | one at a time ops/s (p50 / p99 ms), / raw | pipelined ops/s (p50 / p99 ms), / raw | pipelined / one at a time |",
  "|---|--:|--:|--:|--:|--:|",
  ...Object.keys(cells).map((key) => {
    const [p, n] = key.split("@");
    const [raw, seq, pipe] = MODES.map((m) => med(key, m));
    const col = (c: typeof raw) => `${c!.throughput.toFixed(0)} (${f(c!.p50)} / ${f(c!.p99)})`;
    return `| ${p} | ${n} | ${col(raw)} | ${col(seq)}, ${Math.round((100 * seq!.throughput) / raw!.throughput)}% | ${col(pipe)}, ${Math.round((100 * pipe!.throughput) / raw!.throughput)}% | ${Math.round((100 * pipe!.throughput) / seq!.throughput)}% |`;
  }),
].join("\n");
fs.mkdirSync(path.join("bench", "results"), { recursive: true });
fs.writeFileSync(path.join("bench", "results", "flights.md"), `${md}\n`);
fs.writeFileSync(path.join("bench", "results", "flights.json"), `${JSON.stringify({ users, when, seconds, rounds, loads, cells }, null, 2)}\n`);
console.log(md);
