// Two engines back to back in one process, on the same inputs, in alternating rounds: the way to
// compare them on a shared, loaded machine (both see the same load). The other engine is a copy
// of src/engine from an older commit:
//   mkdir -p .old && git archive <commit> src/engine src/domain | tar -x -C .old  (inside the repository, so that it finds zod)
//   npx tsx bench/engine-compare.ts $PWD/.old [rounds] [per-round]
// With --parse, only the reading of the brief is compared: parseBrief(brief) (analyzeBrief, then
// parseBrief given that analysis, as generation does) on the same inputs' briefs.
import { loadavg } from "node:os";
import { PLATFORMS } from "../src/domain/constants";
import { FIXTURE_BRIEFS } from "../src/engine/fixtures/briefs";
import { generateStoryboard, type EngineInput } from "../src/engine/index";
import { median } from "./lib/measure";

const parseOnly = process.argv.includes("--parse");
const args = process.argv.slice(2).filter((a) => a !== "--parse");
const oldDir = args[0];
if (!oldDir) throw new Error("usage: npx tsx bench/engine-compare.ts OLD_DIR [rounds] [per-round] [--parse]");
const rounds = Number(args[1] ?? 10);
const perRound = Number(args[2] ?? 1_000);
type Model = { spans: unknown[] };
const parsers = async (dir: string) => {
  const m = (await import(`${dir}/src/engine/brief/model.ts`)) as { parseBrief: (brief: string) => Model };
  return (i: EngineInput) => ({ total_scenes: m.parseBrief(i.brief).spans.length });
};
const old = parseOnly
  ? { generateStoryboard: await parsers(oldDir) }
  : ((await import(`${oldDir}/src/engine/index.ts`)) as { generateStoryboard: (i: EngineInput) => { total_scenes: number } });
const current = parseOnly ? await parsers(new URL("..", import.meta.url).pathname) : generateStoryboard;

const durations = [undefined, 15, 30, 45, 60, 90];
const inputs: EngineInput[] = [];
FIXTURE_BRIEFS.forEach((f, i) => {
  durations.forEach((d, j) => {
    inputs.push({ ...f.input, duration: f.input.duration ?? d, platform: f.input.platform ?? (j % 2 ? PLATFORMS[(i + j) % PLATFORMS.length] : undefined), seed: i * 31 + j });
  });
});

type Gen = (i: EngineInput) => { total_scenes: number };
const engines: [string, Gen][] = [["old", old.generateStoryboard], ["new", current]];
const times: Record<string, number[]> = { old: [], new: [] };
const cpu: Record<string, number> = { old: 0, new: 0 };
/** CPU ms per storyboard in each round: the best round is the least disturbed by other processes. */
const rounds_: Record<string, number[]> = { old: [], new: [] };
for (const [, gen] of engines) for (let i = 0; i < 1_000; i++) gen(inputs[i % inputs.length]!); // warm-up
let sink = 0;
for (let r = 0; r < rounds; r++) {
  for (const [name, gen] of r % 2 ? [...engines].reverse() : engines) {
    const c0 = process.cpuUsage();
    for (let i = 0; i < perRound; i++) {
      const t0 = performance.now();
      sink += gen(inputs[(r * perRound + i) % inputs.length]!).total_scenes;
      times[name]!.push(performance.now() - t0);
    }
    const c = process.cpuUsage(c0);
    cpu[name]! += (c.user + c.system) / 1e6;
    rounds_[name]!.push((c.user + c.system) / 1e3 / perRound);
  }
}
for (const [name] of engines) {
  const n = times[name]!.length;
  console.log(`${name}: ${n} ${parseOnly ? "briefs read" : "storyboards"}, median ${median(times[name]!).toFixed(3)} ms, ${(n / cpu[name]!).toFixed(0)} per CPU-second, best round ${Math.min(...rounds_[name]!).toFixed(3)} CPU ms per ${parseOnly ? "brief" : "storyboard"}`);
}
console.log(`new/old median: ${(median(times.new!) / median(times.old!)).toFixed(2)}×; load average ${loadavg().map((l) => l.toFixed(2)).join(" ")} (sink ${sink})`);
