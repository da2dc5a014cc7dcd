#!/usr/bin/env node
// Fails when a Drizzle schema and its committed migrations disagree: drizzle-kit generate, run
// against a copy of the migrations, must say "No schema changes" and write nothing, per dialect.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);
const work = ".migrations-check"; // relative: drizzle-kit resolves `out` against the working directory
const problems = [];

for (const [dialect, name] of [["postgresql", "pg"], ["sqlite", "sqlite"]]) {
  const out = `${work}/${name}`;
  fs.rmSync(out, { recursive: true, force: true });
  fs.cpSync(`src/db/migrations/${name}`, out, { recursive: true });
  const before = fs.readdirSync(out).sort().join(",");
  const config = `${work}/drizzle.${name}.config.mjs`;
  fs.writeFileSync(config, `export default ${JSON.stringify({ dialect, schema: `./src/db/schema/${name}.ts`, out: `./${out}` })};\n`);
  const r = spawnSync(process.execPath, ["node_modules/drizzle-kit/bin.cjs", "generate", "--config", config], { encoding: "utf8" });
  const output = `${r.stdout}${r.stderr}`;
  const after = fs.readdirSync(out).sort().join(",");
  if (r.status !== 0 || /error/i.test(r.stderr)) problems.push(`${name}: drizzle-kit generate failed:\n${output}`);
  else if (after !== before || !/No schema changes/i.test(output)) problems.push(`${name}: the schema has changes with no migration:\n${output}`);
}
fs.rmSync(work, { recursive: true, force: true });

if (problems.length) {
  console.error(`Schema and migrations disagree. Run \`npm run db:generate\` and commit the result.\n\n${problems.join("\n\n")}`);
  process.exit(1);
}
console.log("Schemas and migrations agree: drizzle-kit generate produces nothing new for pg and sqlite.");
