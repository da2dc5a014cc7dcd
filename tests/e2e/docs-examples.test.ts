// Every shell example of docs/api.md, run verbatim with bash and curl against the production build
// on a fresh database of each dialect: the document's sign-in, then each block in the order it
// appears, the blocks that delete something last (newest first) so that the ids the examples name
// still exist. Only `B=…` is taken from the test (the app's address); a curl wrapper records each
// call's status on stderr, and every call must succeed unless the document says otherwise.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DIALECTS } from "../support/databases";
import { ROOT, startApp, type RunningApp } from "./harness";

const run = promisify(execFile);

interface Block {
  line: number;
  code: string;
}

/** The ```sh blocks of a Markdown file, with the line each starts on. */
export function shellBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() !== "```sh") continue;
    const start = i + 1;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i]!.trim() !== "```"; i++) body.push(lines[i]!);
    blocks.push({ line: start, code: body.join("\n") });
  }
  return blocks;
}

/** Calls whose documented answer is not a success, with the answer the document gives. */
const DOCUMENTED_REFUSALS: Array<{ url: RegExp; status: number; why: string }> = [
  { url: /\/storyboards\/\d+\/retry$/, status: 409, why: "retry is for a storyboard in error; the example's storyboard completed (documented 409)" },
  { url: /^\/s\/[^/]+\/scenes\/\d+\/comments$/, status: 404, why: "the example's token (Xq3…) stands for a real one: an unknown link is the documented 404" },
  { url: /\/projects\/\d+\/restore$/, status: 404, why: "nothing is archived in a fresh database (the nightly job archives after ARCHIVE_AFTER_DAYS); documented 404 when not in your archive" },
];

// `-w` given last wins over an example's own; %{stderr} keeps the example's stdout untouched.
const PRELUDE = `set -euo pipefail
curl() { command curl "$@" -w '%{stderr}@@ %{http_code} %{method} %{url_effective}\\n'; }
`;

describe.each(DIALECTS)("docs/api.md examples, verbatim (%s)", (dialect) => {
  let app: RunningApp;
  let dir: string;
  const doc = fs.readFileSync(path.join(ROOT, "docs/api.md"), "utf8");
  const blocks = shellBlocks(doc);

  beforeAll(async () => {
    app = await startApp(dialect, inject("pgAdminUrl"));
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "storyboard-docs-"));
  });

  afterAll(async () => {
    await app?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("finds the sign-in and at least one example per route", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(25);
    expect(blocks[0]!.code).toMatch(/^B=http:\/\/localhost:3000$/m);
  });

  it("runs every example; each call succeeds or answers as documented", async () => {
    const signIn = blocks[0]!;
    const rest = blocks.slice(1);
    const deleting = (b: Block) => /-X DELETE/.test(b.code);
    const ordered = [signIn, ...rest.filter((b) => !deleting(b)), ...rest.filter(deleting).reverse()];
    const calls: Array<{ line: number; status: number; method: string; url: string }> = [];
    for (const block of ordered) {
      const code = block === signIn ? block.code.replace(/^B=http:\/\/localhost:3000$/m, "") : block.code;
      const script = `${PRELUDE}\n${code}\n`;
      let stderr = "";
      try {
        const out = await run("bash", ["-c", script], {
          cwd: dir,
          env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: dir, B: app.baseUrl, J: "Content-Type: application/json", NODE_ENV: "test" },
          timeout: 60_000,
        });
        stderr = out.stderr;
      } catch (e) {
        throw new Error(`docs/api.md line ${block.line} failed:\n${block.code}\n${(e as { stderr?: string }).stderr ?? e}`);
      }
      for (const m of stderr.matchAll(/^@@ (\d{3}) (\S+) (\S+)$/gm)) calls.push({ line: block.line, status: Number(m[1]), method: m[2]!, url: m[3]! });
    }
    expect(calls.length).toBeGreaterThanOrEqual(35);
    for (const call of calls) {
      const documented = DOCUMENTED_REFUSALS.find((r) => r.url.test(new URL(call.url).pathname));
      const context = `docs/api.md line ${call.line}: ${call.method} ${call.url}`;
      if (documented) expect(call.status, `${context} (${documented.why})`).toBe(documented.status);
      else expect(call.status, context).toBeLessThan(400);
    }
    // The session the sign-in example set up is the one every other call used.
    expect(fs.readFileSync(path.join(dir, "jar.txt"), "utf8")).toContain("authjs.session-token");
    expect(app.logs.join("")).not.toMatch(/\[error\]/);
  });
});
