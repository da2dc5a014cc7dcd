// The CLI through its bin shim, as `npx storyboard` runs it.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { main } from "./storyboard";

const BIN = fileURLToPath(new URL("../../bin/storyboard.mjs", import.meta.url));
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BRIEF = "A 30-second TikTok for Brewly cold brew. Tired of bitter coffee? Brewly ships fresh concentrate every two weeks. Link in bio.";

function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith("LLM_")) delete env[k];
  return env;
}

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, env: cleanEnv(), timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === "number" ? (err as { code: number }).code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "storyboard-cli-"));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

// Each case spawns the CLI (tsx) once or more: under load that alone passed 30 s.
describe("storyboard CLI", { timeout: 120_000 }, () => {
  it("generate prints one storyboard as JSON", async () => {
    const r = await run(["generate", "--brief", BRIEF, "--seed", "2", "--url", "https://www.tiktok.com/@a/video/1"]);
    expect(r.code).toBe(0);
    const sb = JSON.parse(r.stdout);
    expect(sb).toMatchObject({ platform: "tiktok", requested_duration: 30, language: "en" });
    expect(sb.total_duration).toBeLessThanOrEqual(30);
    expect(sb.scenes.reduce((a: number, s: { duration: number }) => a + s.duration, 0)).toBe(sb.total_duration);
  });

  it("generate prints a readable markdown table", async () => {
    const r = await run(["generate", "--brief", BRIEF, "--format", "md", "--duration", "20", "--platform", "instagram_reels", "--pattern", "pas"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# /);
    expect(r.stdout).toContain("| # | Type | Beat | Time | Duration | Camera | Visual | Voice-over | On screen |");
    expect(r.stdout).toContain("instagram_reels");
    expect(r.stdout).toContain("problem-agitate-solve");
  });

  it("generate names a bad option and exits non-zero", async () => {
    const r = await run(["generate", "--brief", BRIEF, "--duration", "500"]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stderr).error.field).toBe("duration");
  });

  it("generate --in/--out runs a JSONL batch in order, with an error object for a bad line", async () => {
    const input = join(dir, "briefs.jsonl");
    const output = join(dir, "storyboards.jsonl");
    writeFileSync(
      input,
      [
        JSON.stringify({ brief: BRIEF, seed: 1, ignored_key: true }),
        "{not json",
        JSON.stringify({ brief: "Oat milk vs almond milk for lattes", duration: 4 }),
        "",
        JSON.stringify({ brief: "Vídeo de 15 segundos para TikTok de la panadería La Espiga. Pan de masa madre cada mañana.", reference_urls: ["bad url"] }),
      ].join("\n"),
    );
    const r = await run(["generate", "--in", input, "--out", output]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/2 storyboards, 2 errors/);
    const lines = readFileSync(output, "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0].requested_duration).toBe(30);
    expect(lines[1]).toMatchObject({ line: 2, error: { message: expect.stringMatching(/invalid JSON/) } });
    expect(lines[2]).toMatchObject({ line: 3, error: { field: "duration" } });
    expect(lines[3]).toMatchObject({ language: "es", requested_duration: 15 });
    expect(lines[3].warnings.join(" ")).toMatch(/reference_urls\[0\]/);
  });

  it("check prints the checks and exits non-zero on an error", async () => {
    const good = join(dir, "good.json");
    const bad = join(dir, "bad.json");
    const gen = await run(["generate", "--brief", BRIEF]);
    writeFileSync(good, gen.stdout);
    const sb = JSON.parse(gen.stdout);
    sb.scenes[0].duration += 4; // hook too long, sum off
    writeFileSync(bad, JSON.stringify(sb));
    const ok = await run(["check", good]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/0 errors/);
    const ko = await run(["check", bad]);
    expect(ko.code).toBe(1);
    expect(ko.stdout).toMatch(/FAIL\s+error\s+duration_sum/);
    expect(ko.stdout).toMatch(/FAIL\s+error\s+hook_duration/);
    const json = await run(["check", bad, "--format", "json"]);
    expect(JSON.parse(json.stdout).some((c: { id: string; ok: boolean }) => c.id === "hook_duration" && !c.ok)).toBe(true);
    const missing = await run(["check", join(dir, "nope.json")]);
    expect(missing.code).toBe(2);
  });

  it("main() works in-process and prints usage on unknown commands", async () => {
    let out = "";
    let err = "";
    const io = { stdout: (s: string) => (out += s), stderr: (s: string) => (err += s), env: {} };
    expect(await main(["--help"], io)).toBe(0);
    expect(out).toMatch(/Usage/);
    expect(await main(["frobnicate"], io)).toBe(2);
    expect(err).toMatch(/Usage/);
    expect(await main(["generate"], io)).toBe(2);
  });
});
