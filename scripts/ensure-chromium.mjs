#!/usr/bin/env node
// Run before the test suite: the browser tests drive Debian's Chromium (never a downloaded
// browser build). If it is missing and we may install packages (root with apt-get), install it.
import { execSync } from "node:child_process";
import fs from "node:fs";

const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (fs.existsSync(path)) process.exit(0);
const canApt = process.getuid?.() === 0 && fs.existsSync("/usr/bin/apt-get");
if (!canApt) {
  console.error(`Chromium not found at ${path}. Install Debian's package (sudo apt-get install -y chromium) or set CHROMIUM_PATH.`);
  process.exit(1);
}
console.log("Installing Debian's chromium for the browser tests (apt-get)…");
execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium", { stdio: "inherit" });
