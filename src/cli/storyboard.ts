// The `storyboard` command line: generate one storyboard, a JSONL batch, or check a storyboard.
// Runs through bin/storyboard.mjs (tsx at runtime), so only relative imports are used here.
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import {
  EngineValidationError,
  checkStoryboard,
  generateWithProvider,
  type Check,
  type EngineInput,
  type EngineOutput,
} from "../engine/index";
import { toMarkdown } from "../render/markdown";

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: Record<string, string | undefined>;
}

const defaultIo: CliIo = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  env: process.env,
};

const OPS_COMMAND_NAMES = ["data-migrate", "backup", "restore", "pitr"];
const LIFECYCLE_COMMAND_NAMES = ["stats", "archive"];
const JOB_COMMAND_NAMES = ["jobs", "worker"];

const USAGE = `Usage:
  storyboard generate --brief "..." [--url U ...] [--duration N] [--platform P] [--pattern ID] [--seed N] [--format json|md]
  storyboard generate --in briefs.jsonl [--out storyboards.jsonl]
  storyboard check storyboard.json [--brief "..."] [--format text|json]
  storyboard export STORYBOARD_ID --user OWNER_EMAIL [--format pdf|csv|json|md] [--out FILE|-]
                   [--layout 1|2|3|6] [--orientation portrait|landscape] [--paper a4|letter]
                   [--fields visual,voiceover,overlay,camera,tasks]

Operations, on the database DATABASE_URL names (docs/operations.md):
  storyboard data-migrate reshard-projects [--batch-size N] [--throttle-ms N] [--restart]
  storyboard stats [--refresh] [--days N] [--users N]   user_project_stats and user_engagement_metrics
  storyboard archive [--after-days N] [--batch-size N]  move completed, long-untouched projects to the archive
  storyboard backup [--dir BACKUP_DIR] [--compression 0-9] [--keep N]
  storyboard restore BACKUP_FILE --to postgres://…/new_database|file:PATH [--force]
  storyboard pitr stanza|backup [--type full|diff|incr]|verify [--lag]|info
  storyboard pitr restore --to "YYYY-MM-DD HH:MM:SS+00" --data-dir /new/empty/folder
  storyboard db queries [--by total|mean|calls|rows] [--limit N]   top statements (pg_stat_statements)
  storyboard db indexes                          index usage, unused and duplicate indexes, table sizes

Jobs (README, "Jobs"):
  storyboard jobs                               queued, running, failed and scheduled jobs, with the last error
  storyboard jobs run NAME [--payload JSON]     run a job now (e.g. audit-partitions), with progress
  storyboard worker                             work the job queues in this process (web server: JOBS_IN_WEB=0)

Platforms: tiktok, youtube_shorts, instagram_reels, facebook_reels, youtube, generic.
With LLM_BASE_URL, LLM_API_KEY and LLM_MODEL set, generation uses the LLM (falling back to the pattern engine).
export reads the database of DATABASE_URL (as the app does) and writes the file named after the storyboard unless --out says otherwise.
`;

/** Converts a CLI string to a number when it is one; otherwise passes it on so validation names the option. */
function numeric(v: string | undefined): number | string | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  return v.trim() !== "" && Number.isFinite(n) ? n : v;
}

function errorObject(e: unknown, line?: number): Record<string, unknown> {
  const base: Record<string, unknown> = line === undefined ? {} : { line };
  if (e instanceof EngineValidationError) return { ...base, error: { field: e.field, message: e.message } };
  return { ...base, error: { message: e instanceof Error ? e.message : String(e) } };
}

const INPUT_KEYS = ["brief", "reference_urls", "duration", "platform", "pattern", "seed"] as const;

function pickInput(obj: Record<string, unknown>): EngineInput {
  const out: Record<string, unknown> = {};
  for (const k of INPUT_KEYS) if (k in obj) out[k] = obj[k];
  return out as unknown as EngineInput;
}

async function generate(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      brief: { type: "string" },
      url: { type: "string", multiple: true },
      duration: { type: "string" },
      platform: { type: "string" },
      pattern: { type: "string" },
      seed: { type: "string" },
      format: { type: "string", default: "json" },
      in: { type: "string" },
      out: { type: "string" },
    },
    allowPositionals: false,
  });
  if (values.in) {
    const text = readFileSync(values.in, "utf8");
    const lines = text.split(/\r?\n/);
    const results: string[] = [];
    let ok = 0;
    let failed = 0;
    for (let i = 0; i < lines.length; i++) {
      const raw = lines[i]!.trim();
      if (!raw) continue;
      let obj: unknown;
      try {
        obj = JSON.parse(raw);
      } catch (e) {
        results.push(JSON.stringify({ line: i + 1, error: { message: `invalid JSON: ${(e as Error).message}` } }));
        failed++;
        continue;
      }
      if (obj === null || typeof obj !== "object" || Array.isArray(obj)) {
        results.push(JSON.stringify({ line: i + 1, error: { message: "each line must be a JSON object" } }));
        failed++;
        continue;
      }
      try {
        const sb = await generateWithProvider(pickInput(obj as Record<string, unknown>), { env: io.env });
        results.push(JSON.stringify(sb));
        ok++;
      } catch (e) {
        results.push(JSON.stringify(errorObject(e, i + 1)));
        failed++;
      }
    }
    const body = results.length ? `${results.join("\n")}\n` : "";
    if (values.out) writeFileSync(values.out, body);
    else io.stdout(body);
    io.stderr(`${ok} storyboard${ok === 1 ? "" : "s"}, ${failed} error${failed === 1 ? "" : "s"}${values.out ? ` -> ${values.out}` : ""}\n`);
    return failed ? 1 : 0;
  }
  if (values.brief === undefined) {
    io.stderr(`generate needs --brief or --in.\n\n${USAGE}`);
    return 2;
  }
  const input: Record<string, unknown> = { brief: values.brief };
  if (values.url) input.reference_urls = values.url;
  if (values.duration !== undefined) input.duration = numeric(values.duration);
  if (values.platform !== undefined) input.platform = values.platform;
  if (values.pattern !== undefined) input.pattern = values.pattern;
  if (values.seed !== undefined) input.seed = numeric(values.seed);
  let sb: EngineOutput;
  try {
    sb = await generateWithProvider(input as unknown as EngineInput, { env: io.env });
  } catch (e) {
    io.stderr(`${JSON.stringify(errorObject(e))}\n`);
    return 2;
  }
  if (values.format === "md") io.stdout(`${toMarkdown(sb)}\n`);
  else if (values.format === "json") io.stdout(`${JSON.stringify(sb, null, 2)}\n`);
  else {
    io.stderr(`--format must be json or md.\n`);
    return 2;
  }
  return 0;
}

function formatChecks(checks: Check[]): string {
  const rows = checks.map((c) => `${c.ok ? "PASS" : "FAIL"}  ${c.severity.padEnd(7)}  ${c.id.padEnd(22)} ${c.scene_number ? `scene ${String(c.scene_number).padEnd(3)} ` : "          "}${c.message}`);
  const errors = checks.filter((c) => !c.ok && c.severity === "error").length;
  const warnings = checks.filter((c) => !c.ok && c.severity === "warning").length;
  return `${rows.join("\n")}\n\n${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}\n`;
}

async function check(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { brief: { type: "string" }, format: { type: "string", default: "text" } },
    allowPositionals: true,
  });
  const file = positionals[0];
  if (!file) {
    io.stderr(`check needs a storyboard JSON file.\n\n${USAGE}`);
    return 2;
  }
  let sb: unknown;
  try {
    sb = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    io.stderr(`cannot read ${file}: ${(e as Error).message}\n`);
    return 2;
  }
  if (!sb || typeof sb !== "object" || !Array.isArray((sb as { scenes?: unknown }).scenes)) {
    io.stderr(`${file} has no "scenes" array.\n`);
    return 2;
  }
  const obj = sb as Record<string, unknown>;
  const checks = checkStoryboard({
    scenes: obj.scenes as never,
    platform: typeof obj.platform === "string" ? obj.platform : undefined,
    total_duration: typeof obj.total_duration === "number" ? obj.total_duration : undefined,
    language: typeof obj.language === "string" ? obj.language : undefined,
    brief: values.brief ?? (typeof obj.brief === "string" ? obj.brief : undefined),
  });
  if (values.format === "json") io.stdout(`${JSON.stringify(checks, null, 2)}\n`);
  else io.stdout(formatChecks(checks));
  return checks.some((c) => !c.ok && c.severity === "error") ? 1 : 0;
}

/** `storyboard export ID --user EMAIL --format pdf|csv|json|md [--out FILE] [PDF options]`: a stored storyboard as a file. */
async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      user: { type: "string" },
      format: { type: "string", default: "pdf" },
      out: { type: "string", short: "o" },
      layout: { type: "string" },
      orientation: { type: "string" },
      paper: { type: "string" },
      fields: { type: "string" },
    },
    allowPositionals: true,
  });
  const id = Number(positionals[0]);
  if (!positionals[0] || !Number.isSafeInteger(id) || id < 1 || !values.user) {
    io.stderr(`export needs a storyboard id and --user (the owner's email).\n\n${USAGE}`);
    return 2;
  }
  // Loaded here, not at the top: generate and check run without a database.
  const { services } = await import("../server/services");
  const { exportStoryboard } = await import("../features/exports/export-storyboard");
  const s = await services();
  try {
    const user = await s.store.findUserByEmail(values.user);
    if (!user) {
      io.stderr(`No user with the email ${values.user}.\n`);
      return 1;
    }
    const query = Object.fromEntries(Object.entries({ format: values.format, layout: values.layout, orientation: values.orientation, paper: values.paper, fields: values.fields }).filter(([, v]) => v !== undefined));
    const started = performance.now();
    const file = await exportStoryboard(user.id, id, query);
    const out = values.out ?? file.filename;
    if (out === "-") io.stdout(Buffer.from(file.body).toString("utf8"));
    else writeFileSync(out, file.body);
    io.stderr(`${file.filename}: ${file.body.byteLength} bytes in ${Math.round(performance.now() - started)} ms${out === "-" ? "" : ` -> ${out}`}\n`);
    return 0;
  } catch (e) {
    const err = e as { message?: string; fields?: Record<string, string> };
    io.stderr(`${err.fields ? JSON.stringify({ error: { message: err.message, fields: err.fields } }) : (err.message ?? String(e))}\n`);
    return 1;
  } finally {
    await s.store.close();
    await s.cache.close();
  }
}

/** Runs the CLI; resolves to the exit code. */
export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    if (cmd === "generate") return await generate(rest, io);
    if (cmd === "check") return await check(rest, io);
    if (cmd === "export") return await exportCommand(rest, io);
    // Loaded only when asked for: the engine commands need no database driver.
    if (cmd && LIFECYCLE_COMMAND_NAMES.includes(cmd)) {
      const run = (await import("./lifecycle")).LIFECYCLE_COMMANDS[cmd];
      if (run) return await run(rest, io);
    }
    if (cmd && OPS_COMMAND_NAMES.includes(cmd)) return await (await import("./ops")).OPS_COMMANDS[cmd]!(rest, io);
    if (cmd && JOB_COMMAND_NAMES.includes(cmd)) return await (await import("./jobs")).JOB_COMMANDS[cmd]!(rest, io);
    if (cmd === "db") return await (await import("./db")).dbCommand(rest, io);
    if (cmd === "--help" || cmd === "-h" || cmd === "help") {
      io.stdout(USAGE);
      return 0;
    }
    io.stderr(USAGE);
    return 2;
  } catch (e) {
    io.stderr(`${e instanceof Error ? e.message : String(e)}\n\n${USAGE}`);
    return 2;
  }
}
