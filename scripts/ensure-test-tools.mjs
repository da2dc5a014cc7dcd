#!/usr/bin/env node
// Run before the test suite: the browser tests drive Debian's Chromium (never a downloaded
// browser build) and the export tests read PDFs back with poppler (pdfinfo, pdftotext,
// pdftoppm, pdffonts, pdfimages). Whatever is missing is installed from Debian's packages when we
// may (root with apt-get), in one apt-get run.
import { execSync } from "node:child_process";
import fs from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const needed = [
  [chromium, "chromium"],
  ["/usr/bin/pdftotext", "poppler-utils"],
].filter(([file]) => !fs.existsSync(file));
if (needed.length === 0) process.exit(0);
const packages = needed.map(([, pkg]) => pkg).join(" ");
const canApt = process.getuid?.() === 0 && fs.existsSync("/usr/bin/apt-get");
if (!canApt) {
  console.error(`Missing for the tests: ${needed.map(([file]) => file).join(", ")}. Install Debian's packages (sudo apt-get install -y ${packages})${needed.some(([, p]) => p === "chromium") ? " or set CHROMIUM_PATH" : ""}.`);
  process.exit(1);
}
console.log(`Installing Debian's ${packages} for the tests (apt-get)…`);
execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages}`, { stdio: "inherit" });
