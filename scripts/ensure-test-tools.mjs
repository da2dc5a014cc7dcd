#!/usr/bin/env node
// Run before the test suite: the browser tests drive Debian's Chromium (never a downloaded
// browser build), the export tests read PDFs back with poppler (pdfinfo, pdftotext, pdftoppm,
// pdffonts, pdfimages), and the database drills start their own throwaway clusters with Debian's
// PostgreSQL server binaries (initdb, pg_ctl, pg_dump, pg_restore, pg_basebackup) and archive with
// pgBackRest. Whatever is missing is installed from Debian's packages when we may (root with
// apt-get), in one apt-get run, without letting the PostgreSQL package create or start a cluster
// of its own (the drills never use the machine's server).
import { execSync } from "node:child_process";
import fs from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const pgMajor = process.env.PG_TOOLS_MAJOR ?? "15";
const pgBin = process.env.PG_BIN_DIR ?? `/usr/lib/postgresql/${pgMajor}/bin`;
const needed = [
  [chromium, "chromium"],
  ["/usr/bin/pdftotext", "poppler-utils"],
  ...["initdb", "pg_ctl", "postgres", "pg_dump", "pg_restore", "pg_basebackup"].map((b) => [`${pgBin}/${b}`, `postgresql-${pgMajor}`]),
  ["/usr/bin/pgbackrest", "pgbackrest"],
].filter(([file]) => !fs.existsSync(file));
if (needed.length === 0) process.exit(0);
const packages = [...new Set(needed.map(([, pkg]) => pkg))].join(" ");
const canApt = process.getuid?.() === 0 && fs.existsSync("/usr/bin/apt-get");
if (!canApt) {
  const hints = [needed.some(([, p]) => p === "chromium") && "CHROMIUM_PATH", needed.some(([, p]) => p.startsWith("postgresql")) && "PG_BIN_DIR"].filter(Boolean);
  console.error(`Missing for the tests: ${needed.map(([file]) => file).join(", ")}. Install Debian's packages (sudo apt-get install -y ${packages})${hints.length ? ` or set ${hints.join(" / ")}` : ""}.`);
  process.exit(1);
}
console.log(`Installing Debian's ${packages} for the tests (apt-get)…`);
const apt = "DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o Dpkg::Options::=--force-confold";
execSync("apt-get update -qq", { stdio: "inherit" });
if (packages.includes("postgresql-")) {
  execSync(`${apt} postgresql-common`, { stdio: "inherit" });
  const conf = "/etc/postgresql-common/createcluster.conf";
  if (fs.existsSync(conf)) fs.writeFileSync(conf, fs.readFileSync(conf, "utf8").replace(/^#?\s*create_main_cluster\s*=.*$/m, "create_main_cluster = false"));
}
execSync(`${apt} ${packages}`, { stdio: "inherit" });
