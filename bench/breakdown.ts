// Where the gap between raw SQL and the use-case goes, for each hot path on PostgreSQL: the same
// statements measured in steps that add one layer at a time.
//   raw            the design's SQL as the owner, no transaction (bench/run.ts's raw level)
//   + transaction  the same inside BEGIN / set_config(app.current_user_id) / COMMIT
//   + RLS          the same as the app role, so the row level security policies apply
//   use-case       the use-case as the routes call it (node-side work on top: drizzle, mapping,
//                  validation, the storyboard checks, two transactions for generate)
// Usage: npx tsx bench/breakdown.ts [--users 1000 | --scale 100k] [--duration 3] [--clients 1,16]
// Needs the bench database loaded (npm run bench -- --keep, or bench/load-data.ts); it is kept.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { openBenchDatabase } from "./lib/database";
import { PATH_LABELS, PATHS, maxStoryboardId, removeGenerated, storeLevel, type PathId } from "./lib/levels";
import { closedLoop, type Cell } from "./lib/measure";
import { parseUsers, scaleLabel } from "./lib/options";
import { STATEMENTS } from "./lib/statements";
import { pick, sampleUsers } from "./lib/workload";

const { values } = parseArgs({
  options: { users: { type: "string" }, scale: { type: "string" }, duration: { type: "string", default: "3" }, clients: { type: "string", default: "1,16" } },
});
const users = parseUsers(values);
const seconds = Number(values.duration);
const clients = values.clients.split(",").map(Number);

const db = await openBenchDatabase("postgres", users, { reuse: true, keepAfter: true, log: console.log });
const sample = await sampleUsers(db);
const baseline = await maxStoryboardId(db);

type Mode = "owner" | "owner-tx" | "app-tx";
const statements = STATEMENTS;

async function sqlCell(mode: Mode, p: PathId, n: number): Promise<Cell> {
  const pool = new pg.Pool({ connectionString: db.ownerUrl, max: 16, ...(mode === "app-tx" && { options: "-c role=storyboard_app" }) });
  const write = p === "tick";
  try {
    return await closedLoop(n, seconds, 1, async () => {
      const u = pick(sample);
      const c = await pool.connect();
      try {
        if (mode !== "owner") {
          await c.query(write ? "BEGIN" : "BEGIN READ ONLY");
          await c.query({ name: "set_user", text: "SELECT set_config('app.current_user_id', $1, true)", values: [u.id] });
        }
        if (p !== "generate") for (const s of statements[p](u)) await c.query(s);
        if (mode !== "owner") await c.query("COMMIT");
      } finally {
        c.release();
      }
    });
  } finally {
    await pool.end();
  }
}

const rows: string[] = [
  "| path | clients | raw ops/s | + transaction | + RLS (app role) | use-case | p50 ms: raw / + tx / + RLS / use-case |",
  "|---|--:|--:|--:|--:|--:|--:|",
];
const store = await storeLevel(db, sample);
for (const p of PATHS) {
  for (const n of clients) {
    const steps = p === "generate" ? [] : [await sqlCell("owner", p, n), await sqlCell("owner-tx", p, n), await sqlCell("app-tx", p, n)];
    const uc = await closedLoop(n, seconds, 1, store.ops[p]);
    if (p === "generate") await removeGenerated(db, baseline);
    const pct = (c: Cell) => (steps[0] ? `${c.throughput.toFixed(0)} (${Math.round((100 * c.throughput) / steps[0].throughput)}%)` : c.throughput.toFixed(0));
    const line = `| ${PATH_LABELS[p]} | ${n} | ${steps[0]?.throughput.toFixed(0) ?? "–"} | ${steps[1] ? pct(steps[1]) : "–"} | ${steps[2] ? pct(steps[2]) : "–"} | ${pct(uc)} | ${[...steps, uc].map((c) => c.p50.toFixed(2)).join(" / ")} |`;
    rows.push(line);
    console.log(line);
  }
}
await store.close();
const out = `# Where the use-case/raw gap goes: PostgreSQL, ${scaleLabel(users)} users\n\n${seconds} s per cell, ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC. Tick's SQL steps are the store's two tick statements on PostgreSQL (the storyboard's lock, then the update, the touch and the progress in one).\n\n${rows.join("\n")}\n`;
fs.writeFileSync(path.join("bench", "results", `breakdown-postgres-${scaleLabel(users)}.md`), out);
console.log(`\n${out}`);
await db.close();
