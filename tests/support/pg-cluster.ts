// Throwaway PostgreSQL clusters for the operations drills (backup, point-in-time recovery, read
// replica, zero-downtime migration): initdb in a temp folder, its own port and socket folder,
// Debian's server binaries (scripts/ensure-test-tools.mjs installs them), never the machine's
// own server. Small and fast: fsync off (no drill depends on surviving an OS crash), 1 MB WAL
// segments (archived sooner), a few connections, 16 MB of shared buffers.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../setup/postgres-server";

export const PG_BIN = process.env.PG_BIN_DIR ?? `/usr/lib/postgresql/${process.env.PG_TOOLS_MAJOR ?? "15"}/bin`;

/** PostgreSQL (and pgBackRest) refuse to run as root: run them as the postgres system user then. */
export const osUser = (() => {
  if (process.getuid?.() !== 0) return null;
  const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
  return { name: "postgres", uid, gid };
})();

export function run(cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: opts.cwd ?? os.tmpdir(),
      env: { ...process.env, ...opts.env },
      stdio: ["ignore", "pipe", "pipe"],
      ...(osUser ? { uid: osUser.uid, gid: osUser.gid } : {}),
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d));
    child.stderr.on("data", (d: Buffer) => (err += d));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`${path.basename(cmd)} ${args.join(" ")} exited ${code}: ${(err || out).trim().slice(-2000)}`))));
  });
}

/** A folder the cluster's OS user owns. */
export function ownedTempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  if (osUser) fs.chownSync(dir, osUser.uid, osUser.gid);
  fs.chmodSync(dir, 0o700);
  return dir;
}

export interface Cluster {
  port: number;
  base: string;
  dataDir: string;
  socketDir: string;
  logFile: string;
  url(db?: string): string;
  start(): Promise<void>;
  stop(mode?: "fast" | "immediate"): Promise<void>;
  log(): string;
  /** Stops the server and deletes its folder. */
  destroy(): Promise<void>;
}

const DEFAULTS: Record<string, string> = {
  listen_addresses: "'127.0.0.1'",
  fsync: "off",
  shared_buffers: "'16MB'",
  max_connections: "40",
  wal_level: "replica",
  max_wal_senders: "4",
  TimeZone: "'UTC'",
  log_line_prefix: "'%m [%p] %a '",
};

/** A cluster on its own data folder (initdb unless `dataDir` already holds one, e.g. a restore). */
export async function createCluster(opts: { conf?: Record<string, string>; dataDir?: string; base?: string; initdb?: string[] } = {}): Promise<Cluster> {
  const base = opts.base ?? ownedTempDir("storyboard-cluster-");
  const dataDir = opts.dataDir ?? path.join(base, "data");
  const socketDir = base;
  const logFile = path.join(base, `postgres-${path.basename(dataDir)}.log`);
  const port = await freePort();
  if (!opts.dataDir) await run(`${PG_BIN}/initdb`, ["-D", dataDir, "-U", "postgres", "--auth=trust", "-N", "--wal-segsize=1", "-E", "UTF8", "--locale=C", ...(opts.initdb ?? [])]);
  const conf = { ...DEFAULTS, port: String(port), unix_socket_directories: `'${socketDir}'`, ...opts.conf };
  fs.appendFileSync(path.join(dataDir, "postgresql.conf"), `\n# drill settings\n${Object.entries(conf).map(([k, v]) => `${k} = ${v}`).join("\n")}\n`);
  const pgCtl = (...args: string[]) => run(`${PG_BIN}/pg_ctl`, ["-D", dataDir, ...args]);
  const cluster: Cluster = {
    port,
    base,
    dataDir,
    socketDir,
    logFile,
    url: (db = "postgres") => `postgres://postgres@127.0.0.1:${port}/${db}`,
    start: async () => {
      await pgCtl("-l", logFile, "-w", "-t", "60", "start");
      running.add(cluster);
    },
    stop: async (mode = "fast") => {
      await pgCtl("-m", mode, "-w", "stop").catch(() => undefined);
      running.delete(cluster);
    },
    log: () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8") : ""),
    destroy: async () => {
      await cluster.stop("immediate");
      if (!opts.base) fs.rmSync(base, { recursive: true, force: true });
    },
  };
  return cluster;
}

// A test process that ends without its afterAll (a crash, a timeout) must not leave servers behind.
const running = new Set<Cluster>();
process.once("exit", () => {
  for (const c of running) {
    try {
      execFileSync(`${PG_BIN}/pg_ctl`, ["-D", c.dataDir, "-m", "immediate", "stop"], { stdio: "ignore", ...(osUser ? { uid: osUser.uid, gid: osUser.gid } : {}) });
    } catch {
      // already stopped
    }
  }
});

export async function startCluster(opts: Parameters<typeof createCluster>[0] = {}): Promise<Cluster> {
  const cluster = await createCluster(opts);
  await cluster.start();
  return cluster;
}
