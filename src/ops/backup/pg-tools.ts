// pg_dump, pg_restore and friends: the client binaries of the server's major version (a pg_dump
// older than the server refuses to dump it), found in PG_BIN_DIR, Debian's
// /usr/lib/postgresql/<major>/bin, or on the PATH.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export class ToolError extends Error {}

function versionOf(bin: string): number | null {
  try {
    const out = execFileSync(bin, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    const m = /(\d+)(?:\.(\d+))?/.exec(out);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** The path of `tool` whose major version is at least the server's (the same major preferred). */
export function findPgTool(tool: string, serverMajor: number, binDir: string | null): string {
  const candidates = [
    ...(binDir ? [path.join(binDir, tool)] : []),
    `/usr/lib/postgresql/${serverMajor}/bin/${tool}`,
    ...(fs.existsSync("/usr/lib/postgresql")
      ? fs
          .readdirSync("/usr/lib/postgresql")
          .filter((v) => /^\d+$/.test(v) && Number(v) > serverMajor)
          .sort((a, b) => Number(a) - Number(b))
          .map((v) => `/usr/lib/postgresql/${v}/bin/${tool}`)
      : []),
    tool,
  ];
  const tried: string[] = [];
  for (const c of candidates) {
    if (c.includes("/") && !fs.existsSync(c)) continue;
    const major = versionOf(c);
    if (major !== null && major >= serverMajor) return c;
    tried.push(`${c} (${major ?? "not runnable"})`);
  }
  throw new ToolError(
    `no ${tool} of PostgreSQL ${serverMajor} or newer (tried ${tried.join(", ") || "nothing"}): install postgresql-client-${serverMajor} or set PG_BIN_DIR`,
  );
}

/** Runs a client tool; resolves with its stderr (the tools report there), rejects with its last lines. */
export function runTool(bin: string, args: string[], opts: { env?: Record<string, string>; onLine?: (line: string) => void } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { env: { ...process.env, ...opts.env }, stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    let pending = "";
    child.stdout.on("data", (d: Buffer) => (err += d));
    child.stderr.on("data", (d: Buffer) => {
      err += d;
      if (!opts.onLine) return;
      pending += d.toString();
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const l of lines) if (l.trim()) opts.onLine(l);
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(err);
      else reject(new ToolError(`${path.basename(bin)} exited with ${code}: ${err.trim().split("\n").slice(-12).join("\n")}`));
    });
  });
}

/** libpq takes the URL as the dbname argument; the password stays out of the process list. */
export function libpqArgs(url: string): { dbname: string; env: Record<string, string> } {
  const u = new URL(url);
  const env: Record<string, string> = {};
  if (u.password) {
    env.PGPASSWORD = decodeURIComponent(u.password);
    u.password = "";
  }
  return { dbname: u.toString(), env };
}
