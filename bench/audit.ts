// `npx tsx bench/audit.ts`: what the audit log's triggers cost on the write paths (generate a
// storyboard, tick a task), on PostgreSQL, in one run: the use-case level with the audit triggers
// on and off (ALTER TABLE … DISABLE TRIGGER between cells, as the owner of the bench database),
// alternating over several rounds so that a busy machine weighs on both alike, next to raw SQL.
// Results: bench/results/audit.md and the table on stdout.
//
//   npx tsx bench/audit.ts [--users 1000] [--duration 3] [--rounds 3] [--clients 16] [--keep]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { openBenchDatabase } from "./lib/database";
import { rawPostgres, removeGenerated, maxStoryboardId, storeLevel, type PathId } from "./lib/levels";
import { closedLoop } from "./lib/measure";
import { sampleUsers } from "./lib/workload";

const { values } = parseArgs({
  options: {
    users: { type: "string", default: "1000" },
    duration: { type: "string", default: "3" },
    rounds: { type: "string", default: "3" },
    clients: { type: "string", default: "16" },
    keep: { type: "boolean", default: false },
  },
});
const users = Number(values.users);
const seconds = Number(values.duration);
const rounds = Number(values.rounds);
const clients = Number(values.clients);
const log = (m: string) => console.error(`[bench:audit] ${m}`);

const AUDITED = ["projects", "storyboards", "scenes", "scene_tasks"] as const;
const OPS = ["insert", "update", "delete"] as const;
const PATHS: PathId[] = ["generate", "tick"];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const db = await openBenchDatabase("postgres", users, { reuse: values.keep, keepAfter: values.keep, log });
const owner = new pg.Client({ connectionString: db.ownerUrl });
await owner.connect();
const setAudit = async (on: boolean) => {
  for (const t of AUDITED) for (const op of OPS) await owner.query(`ALTER TABLE ${t} ${on ? "ENABLE" : "DISABLE"} TRIGGER audit_${t}_${op}`);
};
const firstStoryboard = await maxStoryboardId(db);
const sample = await sampleUsers(db);
const raw = rawPostgres(db, sample);
const store = await storeLevel(db, sample);

type Mode = "raw" | "audit on" | "audit off";
const results: Record<PathId, Record<Mode, number[]>> = {} as never;
const p99s: Record<PathId, Record<Mode, number[]>> = {} as never;
for (const p of PATHS) {
  results[p] = { raw: [], "audit on": [], "audit off": [] };
  p99s[p] = { raw: [], "audit on": [], "audit off": [] };
}
try {
  for (let r = 1; r <= rounds; r++) {
    for (const mode of ["raw", "audit on", "audit off"] as Mode[]) {
      await setAudit(mode === "audit on");
      for (const p of PATHS) {
        const level = mode === "raw" ? raw : store;
        const cell = await closedLoop(clients, seconds, 1, level.ops[p]);
        if (cell.errors > 0) throw new Error(`${mode} ${p}: ${cell.errors} errors (${cell.firstError})`);
        results[p][mode].push(cell.throughput);
        p99s[p][mode].push(cell.p99);
        log(`round ${r}/${rounds} ${mode.padEnd(9)} ${p.padEnd(8)} ${cell.throughput.toFixed(0)} ops/s, p99 ${cell.p99.toFixed(1)} ms`);
      }
    }
  }
} finally {
  await setAudit(true);
  await store.close();
  await raw.close();
  await removeGenerated(db, firstStoryboard);
  await owner.end();
  await db.close();
}

const lines = [
  "# Audit log cost on the write paths",
  "",
  `PostgreSQL, ${users.toLocaleString("en")} users, ${clients} clients, ${seconds} s cells, median of ${rounds} alternating rounds; ` +
    `${os.cpus()[0]?.model ?? "cpu"} ×${os.cpus().length}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}, node ${process.version}, ${new Date().toISOString().slice(0, 16)}Z.`,
  "",
  "| path | raw SQL ops/s | use-case, audit off ops/s (p99 ms) | use-case, audit on ops/s (p99 ms) | audit on / off | audit on / raw |",
  "|---|--:|--:|--:|--:|--:|",
  ...PATHS.map((p) => {
    const [rawOps, off, on] = [median(results[p].raw), median(results[p]["audit off"]), median(results[p]["audit on"])];
    return `| ${p} | ${rawOps.toFixed(0)} | ${off.toFixed(0)} (${median(p99s[p]["audit off"]).toFixed(1)}) | ${on.toFixed(0)} (${median(p99s[p]["audit on"]).toFixed(1)}) | ${((on / off) * 100).toFixed(0)}% | ${((on / rawOps) * 100).toFixed(0)}% |`;
  }),
  "",
  "Raw SQL is the design's statements as the owner with the audit triggers off (the ceiling). " +
    "\"audit on / off\" is the throughput the audit log leaves to the use-case: 100% would be free.",
];
const out = lines.join("\n") + "\n";
fs.mkdirSync(path.join("bench", "results"), { recursive: true });
fs.writeFileSync(path.join("bench", "results", "audit.md"), out);
console.log(out);
