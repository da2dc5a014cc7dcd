// Does a change to the engine keep its output? Runs two engines (this checkout's and a copy of
// src/engine from another commit) on the fixture sets (src/engine/fixtures: the benchmark's briefs,
// the craft set and the thin briefs) × 8 lengths × 3 seeds, plus "We read" (understandBrief) on
// each brief, and lists the inputs whose output differs. The other engine:
//   mkdir -p bench/data/base && git archive <commit> src/engine src/domain | tar -x -C bench/data/base
//   npx tsx bench/engine-same.ts $PWD/bench/data/base
import { createHash } from "node:crypto";
import { FIXTURE_BRIEFS } from "../src/engine/fixtures/briefs";
import { CRAFT_BRIEFS, THIN_BRIEFS } from "../src/engine/fixtures/craft";
import { generateStoryboard, understandBrief, type EngineInput } from "../src/engine/index";

const baseDir = process.argv[2];
if (!baseDir) throw new Error("usage: npx tsx bench/engine-same.ts BASE_DIR");
const base = (await import(`${baseDir}/src/engine/index.ts`)) as {
  generateStoryboard: (i: EngineInput) => unknown;
  understandBrief: (brief: string) => unknown;
};

const digest = (x: unknown) => createHash("sha256").update(JSON.stringify(x)).digest("hex");
const briefs = [...FIXTURE_BRIEFS, ...CRAFT_BRIEFS, ...THIN_BRIEFS];
const lengths = [undefined, 10, 15, 30, 45, 60, 90, 180];
let same = 0;
const differ = new Set<string>();
for (const f of briefs) {
  for (const duration of lengths) {
    for (const seed of [1, 7, 42]) {
      const input: EngineInput = { ...f.input, duration: f.input.duration ?? duration, seed };
      if (digest(base.generateStoryboard(input)) === digest(generateStoryboard(input))) same++;
      else differ.add(`${f.id} (length ${duration ?? "inferred"})`);
    }
  }
  if (digest(base.understandBrief(f.input.brief)) === digest(understandBrief(f.input.brief))) same++;
  else differ.add(`${f.id} (We read)`);
}
console.log(`${briefs.length} briefs: ${same} outputs identical, ${briefs.length * (lengths.length * 3 + 1) - same} differ`);
for (const d of differ) console.log(`  differs: ${d}`);
