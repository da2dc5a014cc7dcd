// Re-renders a results file's markdown with its targets checked again, e.g. after a newer 1K run
// (the baseline of the "cost does not grow with the data" target):
//   npx tsx bench/report.ts bench/results/postgres-100k.json
import fs from "node:fs";
import path from "node:path";
import { scaleLabel } from "./lib/options";
import { checkTargets, toMarkdown, type Results } from "./lib/report";

const file = process.argv[2];
if (!file || !fs.existsSync(file)) throw new Error("give a results file, e.g. bench/results/postgres-100k.json");
const results = JSON.parse(fs.readFileSync(file, "utf8")) as Results;
const baselineFile = path.join(path.dirname(file), `${results.meta.dialect}-1k.json`);
const baseline = results.meta.users !== 1_000 && fs.existsSync(baselineFile) ? (JSON.parse(fs.readFileSync(baselineFile, "utf8")) as Results) : null;
results.targets = checkTargets(results, baseline);
fs.writeFileSync(file, JSON.stringify(results, null, 2) + "\n");
const markdown = toMarkdown(results);
const title = `# Benchmark: ${results.meta.dialect === "postgres" ? "PostgreSQL" : "SQLite"}, ${scaleLabel(results.meta.users)} users\n\n`;
fs.writeFileSync(file.replace(/\.json$/, ".md"), title + markdown);
console.log(markdown);
