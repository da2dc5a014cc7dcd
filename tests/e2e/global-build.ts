// Builds the production bundle once for the end-to-end and API suites (E2E_SKIP_BUILD=1 reuses
// an existing .next build while iterating on tests).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./harness";

export function setup() {
  if (process.env.E2E_SKIP_BUILD === "1" && fs.existsSync(path.join(ROOT, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) return;
  console.log("[e2e] building the app (next build)…");
  execFileSync(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
}
