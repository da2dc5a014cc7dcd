// Benchmark of the pattern engine: storyboards per second, median and p99 time per storyboard,
// over a varied set of briefs (the fixtures, several durations, platforms and seeds).
// Run: npx tsx bench/engine.ts [iterations]
import { cpus, loadavg } from "node:os";
import { PLATFORMS } from "../src/domain/constants";
import { generateStoryboard, type EngineInput } from "../src/engine/index";
import { FIXTURE_BRIEFS } from "../src/engine/fixtures/briefs";

const iterations = Number(process.argv[2] ?? 20_000);
const durations = [undefined, 15, 30, 45, 60, 90];

const inputs: EngineInput[] = [];
FIXTURE_BRIEFS.forEach((f, i) => {
  durations.forEach((d, j) => {
    inputs.push({ ...f.input, duration: f.input.duration ?? d, platform: f.input.platform ?? (j % 2 ? PLATFORMS[(i + j) % PLATFORMS.length] : undefined), seed: i * 31 + j });
  });
});
// Facebook Reels caps at 90 s; the engine clamps with a warning, which is fine for the benchmark.

function percentile(sorted: number[], p: number): number {
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx]!;
}

// Warm-up (JIT), not measured.
for (let i = 0; i < 2_000; i++) generateStoryboard(inputs[i % inputs.length]!);

const times = new Float64Array(iterations);
let sink = 0;
const cpu0 = process.cpuUsage();
const start = performance.now();
for (let i = 0; i < iterations; i++) {
  const t0 = performance.now();
  const out = generateStoryboard(inputs[i % inputs.length]!);
  times[i] = performance.now() - t0;
  sink += out.total_scenes;
}
const elapsed = performance.now() - start;
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const sorted = Array.from(times).sort((a, b) => a - b);
const perSecond = iterations / (elapsed / 1000);

console.log(`pattern engine benchmark (${inputs.length} distinct inputs from ${FIXTURE_BRIEFS.length} briefs, ${iterations} storyboards, checks included)`);
console.log(`node ${process.version}, ${cpus()[0]?.model ?? "unknown CPU"}, single thread`);
console.log(`storyboards/second (wall clock): ${perSecond.toFixed(0)}`);
console.log(`storyboards/second (per CPU-second of this process, i.e. one core): ${(iterations / cpuSeconds).toFixed(0)}`);
console.log(`median ms/storyboard: ${percentile(sorted, 50).toFixed(3)}`);
console.log(`p99 ms/storyboard: ${percentile(sorted, 99).toFixed(3)}`);
console.log(`max ms/storyboard: ${sorted[sorted.length - 1]!.toFixed(3)}`);
console.log(`(average scenes per storyboard: ${(sink / iterations).toFixed(1)}; load average ${loadavg().map((l) => l.toFixed(2)).join(" ")} on ${cpus().length} cores)`);
