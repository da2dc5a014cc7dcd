// One side of an A/B (bench/ab.ts): the use-case level of a checkout of the app (--src, default
// this one) measured on the kept bench database, every path at every concurrency, as JSON on
// stdout. Its bench libraries and its src/ come from that checkout, so one run can compare the
// code on main with a branch. Settings come from the environment bench/ab.ts gives it.
//   npx tsx bench/ab-cell.ts --src /path/to/checkout --users 1000 --paths tick --clients 1,16 --duration 3
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    src: { type: "string", default: "." },
    users: { type: "string", default: "1000" },
    paths: { type: "string", default: "dashboard,project,storyboard,tick" },
    clients: { type: "string", default: "1,16" },
    duration: { type: "string", default: "3" },
    level: { type: "string", default: "store" },
  },
});
const src = path.resolve(values.src);
const lib = (name: string) => import(path.join(src, "bench", "lib", `${name}.ts`));

const { openBenchDatabase } = await lib("database");
const { storeLevel, rawPostgres, maxStoryboardId, removeGenerated } = await lib("levels");
const { closedLoop } = await lib("measure");
const { sampleUsers } = await lib("workload");

const quiet = () => undefined;
const db = await openBenchDatabase("postgres", Number(values.users), { reuse: true, keepAfter: true, log: quiet });
const sample = await sampleUsers(db);
const level = values.level === "raw" ? rawPostgres(db, sample) : await storeLevel(db, sample);
const baseline: number = await maxStoryboardId(db);
const cells: Record<string, unknown> = {};
try {
  for (const p of values.paths.split(",")) {
    for (const n of values.clients.split(",").map(Number)) {
      const cell = await closedLoop(n, Number(values.duration), 1, level.ops[p]);
      if (cell.errors > 0) throw new Error(`${p} at ${n} clients: ${cell.errors} errors (${cell.firstError})`);
      cells[`${p}@${n}`] = cell;
    }
    if (p === "generate") await removeGenerated(db, baseline);
  }
} finally {
  await level.close();
  await db.close();
}
process.stdout.write(`${JSON.stringify(cells)}\n`);
