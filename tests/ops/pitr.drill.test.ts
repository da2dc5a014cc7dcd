// Drill: point-in-time recovery with pgBackRest. A throwaway cluster archives its WAL through
// `pgbackrest archive-push` into a repository in a temp folder; after a base backup the app writes,
// we note the time T and the state at T (row counts and checksums of every table), the app writes
// more and deletes a project; a restore to T into a new data folder must hold exactly the state at T
// and none of the later writes. Prints RPO (archive lag) and RTO (restore until open for writes).
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openStore, type Store } from "../../src/db/client";
import * as pgBackup from "../../src/db/backup/pg";
import { compareTables, type TablesFigures } from "../../src/ops/backup/manifest";
import { readOpsConfig } from "../../src/ops/config";
import { migrateDatabase } from "../../src/ops/migrate";
import { measureArchiveLag } from "../../src/ops/pitr/archive-lag";
import { backup, createStanza, restoreToTime, verify, type PitrDeps } from "../../src/ops/pitr/pgbackrest";
import { postgresConfig } from "../support/databases";
import { createCluster, ownedTempDir, osUser, run, type Cluster } from "../support/pg-cluster";

let primary: Cluster;
let restored: Cluster | undefined;
let work: string;
let deps: PitrDeps;
const lines: string[] = [];

async function figures(url: string): Promise<TablesFigures> {
  const c = await pgBackup.connect(url, "drill");
  try {
    await pgBackup.beginCanonical(c);
    const out: TablesFigures = {};
    for (const t of await pgBackup.listTables(c)) out[t] = await pgBackup.tableFigures(c, t);
    await c.query("COMMIT");
    return out;
  } finally {
    await c.end();
  }
}

async function one<T>(url: string, text: string): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text)).rows[0] as T;
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  work = ownedTempDir("storyboard-pitr-");
  const repo = path.join(work, "repo");
  for (const d of [repo, path.join(work, "log"), path.join(work, "lock"), path.join(work, "spool")]) {
    fs.mkdirSync(d);
    if (osUser) fs.chownSync(d, osUser.uid, osUser.gid);
  }
  const config = path.join(work, "pgbackrest.conf");
  const base = ownedTempDir("storyboard-pitr-primary-");
  primary = await createCluster({
    base,
    conf: { archive_mode: "on", archive_command: `'pgbackrest --config=${config} --stanza=drill archive-push %p'`, archive_timeout: "'60s'" },
  });
  fs.writeFileSync(
    config,
    [
      "[global]",
      `repo1-path=${repo}`,
      "repo1-retention-full=2",
      "compress-type=lz4",
      `log-path=${path.join(work, "log")}`,
      `lock-path=${path.join(work, "lock")}`,
      `spool-path=${path.join(work, "spool")}`,
      "log-level-console=warn",
      "log-level-file=info",
      "",
      "[drill]",
      `pg1-path=${primary.dataDir}`,
      `pg1-port=${primary.port}`,
      `pg1-socket-path=${primary.socketDir}`,
      "pg1-user=postgres",
      "",
    ].join("\n"),
  );
  fs.chmodSync(config, 0o644);
  await primary.start();
  deps = { pitr: readOpsConfig({ PGBACKREST_CONFIG: config, PGBACKREST_STANZA: "drill" }).pitr, exec: (cmd, args) => run(cmd, args), log: (l) => lines.push(l) };
  await one(primary.url(), "CREATE DATABASE app");
  await migrateDatabase(postgresConfig(primary.url("app")), readOpsConfig({}), { log: () => undefined });
}, 120_000);

afterAll(async () => {
  console.log(lines.map((l) => `[drill] ${l}`).join("\n"));
  await restored?.destroy();
  await primary?.destroy();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

it("recovers to a point in time: exactly the state at T, none of the later writes", async () => {
  const url = primary.url("app");
  const store: Store = await openStore({ ...postgresConfig(url), autoMigrate: false });
  let keep: { id: number };
  let doomed: { id: number };
  let userA: string;
  try {
    await createStanza(deps);
    const a = await store.upsertUserByEmail({ email: "pitr-a@drill.test" });
    const b = await store.upsertUserByEmail({ email: "pitr-b@drill.test" });
    userA = a.id;
    keep = await store.createProject(a.id, { title: "before the base backup" });
    await backup(deps, "full");
    // pgBackRest records a backup's stop time in whole seconds and picks the backup for a target
    // time by it: a target within the same second as the end of the backup would find none.
    await new Promise((r) => setTimeout(r, 1_100));

    // Writes after the base backup: only the WAL archive has them.
    doomed = await store.createProject(b.id, { title: "deleted after T" });
    await store.createStoryboard(b.id, { project_id: doomed.id, title: "board", brief: "brief", scenes: [{ visual_description: "v", duration: 3, scene_type: "hook" }] });
    await store.updateProject(a.id, keep.id, { title: "renamed before T" });
  } finally {
    await store.close();
  }
  const atT = await figures(url);
  const T = (await one<{ t: Date }>(url, "SELECT clock_timestamp() AS t")).t;
  await new Promise((r) => setTimeout(r, 20));

  // After T: a new project, a rename, and the deletion of a whole project (cascading to its storyboards).
  const later: Store = await openStore({ ...postgresConfig(url), autoMigrate: false });
  try {
    await later.createProject(userA, { title: "written after T" });
    await later.updateProject(userA, keep.id, { title: "renamed after T" });
    await later.deleteProject((await one<{ user_id: string }>(url, `SELECT user_id FROM projects WHERE id = ${doomed.id}`)).user_id, doomed.id);
  } finally {
    await later.close();
  }
  expect(compareTables(atT, await figures(url)).some((c) => !c.ok)).toBe(true);

  // RPO: how long a closed segment takes to reach the archive (the later writes are in it then).
  const lag = await measureArchiveLag(url);
  lines.push(`RPO: a closed WAL segment reached the archive in ${lag.pushSeconds.toFixed(2)} s; worst case for a commit = archive_timeout ${lag.archiveTimeoutSeconds} s + that = ${lag.rpoSeconds.toFixed(1)} s`);
  await verify(deps);

  // Restore to T into a new data folder, start it, wait until it is open for writes: the RTO.
  const dataDir = path.join(ownedTempDir("storyboard-pitr-restore-"), "data");
  const t0 = performance.now();
  const restore = await restoreToTime(deps, T, dataDir);
  restored = await createCluster({ dataDir, base: path.dirname(dataDir) });
  await restored.start();
  const deadline = Date.now() + 60_000;
  while ((await one<{ r: boolean }>(restored.url(), "SELECT pg_is_in_recovery() AS r")).r) {
    if (Date.now() > deadline) throw new Error(`still in recovery after 60 s:\n${restored.log().slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const rto = (performance.now() - t0) / 1000;
  lines.push(`RTO: restore to T ${rto.toFixed(2)} s (pgbackrest restore ${restore.seconds.toFixed(2)} s, then WAL replay and promotion)`);

  const restoredUrl = restored.url("app");
  const checks = compareTables(atT, await figures(restoredUrl));
  expect(checks.filter((c) => !c.ok)).toEqual([]);
  const c = new pg.Client({ connectionString: restoredUrl });
  await c.connect();
  try {
    const rows = (await c.query<{ id: number; title: string }>("SELECT id, title FROM projects ORDER BY id")).rows;
    expect(rows.map((r) => r.title)).toEqual(["renamed before T", "deleted after T"]);
    expect(rows.some((r) => r.title === "written after T")).toBe(false);
    expect((await c.query("SELECT count(*)::int AS n FROM storyboards WHERE project_id = $1", [doomed.id])).rows[0].n).toBe(1);
  } finally {
    await c.end();
  }
  expect(restored.log()).toMatch(/recovery stopping before commit|recovery stopping after commit|recovery target/i);
}, 120_000);
