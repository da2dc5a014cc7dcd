// `npx tsx bench/audit.ts`: what the audit log's triggers cost on the write paths (generate a
// storyboard, tick a task), on PostgreSQL, in one run: the use-case level with the audit triggers
// on and off (ALTER TABLE … DISABLE TRIGGER between cells, as the owner of the bench database),
// alternating over several rounds so that a busy machine weighs on both alike, next to raw SQL.
// Results: bench/results/audit.md and the table on stdout.
//
//   npx tsx bench/audit.ts [--users 1000] [--duration 3] [--rounds 3] [--clients 16] [--keep]
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { openBenchDatabase } from "./lib/database";
import { machineLine } from "./lib/measure";
import { rawPostgres, removeGenerated, maxStoryboardId, storeLevel, type PathId } from "./lib/levels";
import { alternate, alternationArgs } from "./lib/alternate";
import { sampleUsers } from "./lib/workload";

const { users, seconds, rounds, clients, keep } = alternationArgs();
const log = (m: string) => console.error(`[bench:audit] ${m}`);

const AUDITED = ["projects", "storyboards", "scenes", "scene_tasks"] as const;
const OPS = ["insert", "update", "delete"] as const;
const PATHS: PathId[] = ["generate", "tick"];

const db = await openBenchDatabase("postgres", users, { reuse: keep, keepAfter: keep, log, tag: "audit" });
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
let figures: Awaited<ReturnType<typeof alternate<Mode>>>;
try {
  figures = await alternate<Mode>({
    modes: ["raw", "audit on", "audit off"],
    paths: PATHS,
    rounds,
    clients,
    seconds,
    enter: (mode) => setAudit(mode === "audit on"),
    level: (mode) => (mode === "raw" ? raw : store),
    log,
  });
} finally {
  await setAudit(true);
  await store.close();
  await raw.close();
  await removeGenerated(db, firstStoryboard);
  await owner.end();
  await db.close();
}
const fig = (mode: Mode, p: PathId) => figures.get(mode)!.get(p)!;

const lines = [
  "# Audit log cost on the write paths",
  "",
  `PostgreSQL, ${users.toLocaleString("en")} users, ${clients} clients, ${seconds} s cells, median of ${rounds} alternating rounds; ` +
    machineLine(),
  "",
  "| path | raw SQL ops/s | use-case, audit off ops/s (p99 ms) | use-case, audit on ops/s (p99 ms) | audit on / off | audit on / raw |",
  "|---|--:|--:|--:|--:|--:|",
  ...PATHS.map((p) => {
    const [rawOps, off, on] = [fig("raw", p).ops, fig("audit off", p).ops, fig("audit on", p).ops];
    return `| ${p} | ${rawOps.toFixed(0)} | ${off.toFixed(0)} (${fig("audit off", p).p99.toFixed(1)}) | ${on.toFixed(0)} (${fig("audit on", p).p99.toFixed(1)}) | ${((on / off) * 100).toFixed(0)}% | ${((on / rawOps) * 100).toFixed(0)}% |`;
  }),
  "",
  "Raw SQL is the design's statements as the owner with the audit triggers off (the ceiling). " +
    "\"audit on / off\" is the throughput the audit log leaves to the use-case: 100% would be free.",
];
const out = lines.join("\n") + "\n";
fs.mkdirSync(path.join("bench", "results"), { recursive: true });
fs.writeFileSync(path.join("bench", "results", "audit.md"), out);
console.log(out);
