// A/B of the use-case level in one run: each variant (a checkout of the app and the environment it
// runs with) and raw SQL are measured in turn, round after round, with the order of the variants
// rotated every round, so that a busy shared machine weighs on every side alike. Each cell is one
// child process (bench/ab-cell.ts). Prints and writes the medians with their ratios to raw SQL.
//   npx tsx bench/ab.ts --name lever2 --paths dashboard,project,storyboard,tick \
//     --variant "pipeline off=.:DATABASE_PIPELINE=0" --variant "pipeline on=." [--users 1000]
//     [--clients 1,16] [--rounds 3] [--duration 3]
// A variant is "label=checkout[:VAR=value,...]"; the checkout shares this one's bench database
// (bench_<users>, loaded with bench/load-data.ts). Results: bench/results/ab-<name>.{json,md}.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs, promisify } from "node:util";
import { median } from "./lib/measure";

const run = promisify(execFile);
const { values } = parseArgs({
  options: {
    name: { type: "string" },
    users: { type: "string", default: "1000" },
    paths: { type: "string", default: "dashboard,project,storyboard,tick" },
    clients: { type: "string", default: "1,16" },
    rounds: { type: "string", default: "3" },
    duration: { type: "string", default: "3" },
    variant: { type: "string", multiple: true, default: [] },
  },
});
if (!values.name || !/^[a-z0-9-]+$/.test(values.name)) throw new Error("--name must be given, in lowercase letters, digits and -");
if (values.variant.length === 0) throw new Error('give at least one --variant "label=checkout[:VAR=value,...]"');

interface Cell {
  throughput: number;
  p50: number;
  p99: number;
}
interface Variant {
  label: string;
  dir: string;
  env: Record<string, string>;
  level: "raw" | "store";
}
const variants: Variant[] = [
  { label: "raw SQL", dir: ".", env: {}, level: "raw" },
  ...values.variant.map((v): Variant => {
    const m = /^([^=]+)=([^:]+)(?::(.*))?$/.exec(v);
    if (!m) throw new Error(`--variant "${v}": expected label=checkout[:VAR=value,...]`);
    const env = Object.fromEntries((m[3] ?? "").split(",").filter(Boolean).map((kv) => kv.split("=", 2) as [string, string]));
    return { label: m[1]!, dir: path.resolve(m[2]!), env, level: "store" };
  }),
];
const rounds = Number(values.rounds);
const keys = values.paths.split(",").flatMap((p) => values.clients.split(",").map((n) => `${p}@${n}`));
const samples: Record<string, Record<string, Cell[]>> = Object.fromEntries(variants.map((v) => [v.label, Object.fromEntries(keys.map((k) => [k, []]))]));
const loads: number[] = [];
const log = (m: string) => console.error(`[bench:ab] ${m}`);
const self = path.resolve("bench", "ab-cell.ts");

for (let r = 0; r < rounds; r++) {
  const order = variants.map((_, i) => variants[(i + r) % variants.length]!);
  for (const v of order) {
    loads.push(os.loadavg()[0]!);
    const args = ["tsx", self, "--src", v.dir, "--users", values.users, "--paths", values.paths, "--clients", values.clients, "--duration", values.duration, "--level", v.level];
    const { stdout } = await run("npx", args, { cwd: v.dir, env: { ...process.env, ...v.env }, maxBuffer: 1 << 20 });
    const cells = JSON.parse(stdout.trim().split("\n").pop()!) as Record<string, Cell>;
    for (const k of keys) samples[v.label]![k]!.push(cells[k]!);
    log(`round ${r + 1}/${rounds} ${v.label}: ${keys.map((k) => `${k} ${cells[k]!.throughput.toFixed(0)}/s`).join(", ")}`);
  }
}

const med = (label: string, k: string) => {
  const cells = samples[label]![k]!;
  return { throughput: median(cells.map((c) => c.throughput)), p50: median(cells.map((c) => c.p50)), p99: median(cells.map((c) => c.p99)) };
};
const stores = variants.filter((v) => v.level === "store");
const f = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(2));
const header = `| path | clients | raw SQL ops/s (p50 / p99 ms) | ${stores.map((v) => `${v.label}: ops/s (p50 / p99 ms), / raw`).join(" | ")} |${stores.length === 2 ? ` ${stores[1]!.label} / ${stores[0]!.label} |` : ""}`;
const rows = keys.map((k) => {
  const [p, n] = k.split("@");
  const raw = med("raw SQL", k);
  const cols = stores.map((v) => {
    const c = med(v.label, k);
    return `${c.throughput.toFixed(0)} (${f(c.p50)} / ${f(c.p99)}), ${Math.round((100 * c.throughput) / raw.throughput)}%`;
  });
  const gain = stores.length === 2 ? ` ${((100 * med(stores[1]!.label, k).throughput) / med(stores[0]!.label, k).throughput).toFixed(0)}% |` : "";
  return `| ${p} | ${n} | ${raw.throughput.toFixed(0)} (${f(raw.p50)} / ${f(raw.p99)}) | ${cols.join(" | ")} |${gain}`;
});
const when = new Date().toISOString().slice(0, 16).replace("T", " ");
const md = [
  `# A/B ${values.name}: PostgreSQL, ${Number(values.users).toLocaleString("en")} users`,
  "",
  `${when} UTC, ${os.cpus()[0]?.model ?? "cpu"} ×${os.cpus().length}, ${values.duration} s cells after 1 s of warm-up, median of ${rounds} rounds alternating ` +
    `raw SQL and ${stores.map((v) => `"${v.label}"`).join(", ")} (order rotated each round); load average (1 min) ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} during the run.`,
  "",
  header,
  `|---|--:|--:|${stores.map(() => "--:|").join("")}${stores.length === 2 ? "--:|" : ""}`,
  ...rows,
  "",
  ...stores.map((v) => `- "${v.label}": ${path.relative(process.cwd(), v.dir) || "this checkout"}${Object.keys(v.env).length ? `, ${Object.entries(v.env).map(([k, x]) => `${k}=${x}`).join(" ")}` : ""}`),
].join("\n");
fs.mkdirSync(path.join("bench", "results"), { recursive: true });
fs.writeFileSync(path.join("bench", "results", `ab-${values.name}.md`), `${md}\n`);
fs.writeFileSync(path.join("bench", "results", `ab-${values.name}.json`), `${JSON.stringify({ name: values.name, users: Number(values.users), when, loads, variants, samples }, null, 2)}\n`);
console.log(md);
