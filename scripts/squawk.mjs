// Runs squawk (the PostgreSQL migration linter) from its platform package. The `squawk-cli`
// wrapper lists every platform's binary as an optional dependency, and the registry this project
// installs from serves only linux-x64, which leaves a lock file that `npm ci` refuses; so the
// project depends on the platform package directly and this script finds it (or a `squawk` on PATH).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const exe = process.platform === "win32" ? "squawk.exe" : "squawk";
let binary;
try {
  binary = require.resolve(`@squawk-cli/${process.platform}-${process.arch}/bin/${exe}`);
} catch {
  binary = exe; // e.g. installed with `cargo install squawk-cli` or Homebrew
}
const run = spawnSync(binary, process.argv.slice(2), { stdio: "inherit" });
if (run.error) {
  console.error(
    `squawk is not available for ${process.platform}-${process.arch}: install @squawk-cli/${process.platform}-${process.arch} ` +
      "or put squawk on PATH (https://squawkhq.com) to lint the PostgreSQL migrations.",
  );
  process.exit(1);
}
process.exit(run.status ?? 1);
