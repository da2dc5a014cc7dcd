// Drill: backups proven by restoring them. On a throwaway cluster (Debian's PostgreSQL server, its
// own port): a backup of a database with several users' rows under row level security, taken while
// the app keeps writing, restored into a second, new cluster (which has none of the app's roles),
// verified against its manifest, and used by the app afterwards (policies, share functions, audit
// triggers). Also: why the backup login must read every row, the empty search_path a restore runs
// with, refusing a non-empty target, and the same for the SQLite file.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type Store } from "../../src/db/client";
import type { DbConfig } from "../../src/db/config";
import { readOpsConfig } from "../../src/ops/config";
import { BackupError, createBackup } from "../../src/ops/backup/create-backup";
import { listBackups } from "../../src/ops/backup/prune-backups";
import { readManifest, writeManifest } from "../../src/ops/backup/manifest";
import { RestoreRefused, restoreBackup } from "../../src/ops/backup/restore-backup";
import { backupSchedule, runScheduledBackup } from "../../src/ops/backup/run-scheduled-backup";
import { migrateDatabase } from "../../src/ops/migrate";
import { configureJobs } from "../../src/server/jobs/catalog";
import { readJobSettings } from "../../src/server/jobs/settings";
import { postgresConfig } from "../support/databases";
import { PG_BIN, run, startCluster, type Cluster } from "../support/pg-cluster";

const quiet = { log: () => undefined };
let source: Cluster;
let target: Cluster;
let dir: string;
const lines: string[] = [];
const log = (l: string) => lines.push(l);

async function sql(url: string, text: string, params: unknown[] = []) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text, params)).rows;
  } finally {
    await c.end();
  }
}

const opsFor = (extra: Record<string, string> = {}) => readOpsConfig({ BACKUP_DIR: dir, BACKUP_KEEP: "10", PG_BIN_DIR: PG_BIN, ...extra });
const appConfig = (url: string): DbConfig => ({ ...postgresConfig(url), autoMigrate: false });

async function seed(store: Store, n: number) {
  const users = [];
  for (let i = 0; i < n; i++) {
    const u = await store.upsertUserByEmail({ email: `backup-${i}@drill.test` });
    const p = await store.createProject(u.id, { title: `Project ${i}`, description: "ünïcödé, 'quotes', \\ and\nnewlines" });
    const sb = await store.createStoryboard(u.id, {
      project_id: p.id,
      title: `Board ${i}`,
      brief: "A thirty second launch video for a coffee grinder. ".repeat(20),
      scenes: [
        { visual_description: "Close-up of beans", duration: 3, scene_type: "hook" },
        { visual_description: "The grinder at work", duration: 5, scene_type: "content", script: "Fresh every morning" },
      ],
    });
    const task = sb.scenes[0]!.tasks[0]!;
    await store.setTaskCompleted(u.id, task.id, true);
    await store.setSceneImage(u.id, sb.scenes[1]!.id, { content_type: "image/png", width: 10, height: 10, data: new Uint8Array(Buffer.from(`png bytes ${i}`)) });
    users.push({ user: u, project: p, storyboard: sb });
  }
  return users;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "storyboard-backups-"));
  [source, target] = await Promise.all([startCluster(), startCluster()]);
  await sql(source.url(), "CREATE DATABASE app");
  await migrateDatabase(postgresConfig(source.url("app")), opsFor(), { log: () => undefined });
}, 120_000);

afterAll(async () => {
  console.log(lines.map((l) => `[drill] ${l}`).join("\n"));
  await Promise.all([source?.destroy(), target?.destroy()]);
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe("PostgreSQL", () => {
  let store: Store;
  let seeded: Awaited<ReturnType<typeof seed>>;
  const token = "ab".repeat(32);

  beforeAll(async () => {
    store = await openStore(appConfig(source.url("app")));
    seeded = await seed(store, 3);
    await store.createShareLink(seeded[0]!.user.id, seeded[0]!.storyboard.id, { token_hash: token });
  });
  afterAll(async () => {
    await store?.close();
  });

  it("a login under row level security cannot back up: pg_dump fails or loses rows, and the backup refuses it", async () => {
    await sql(source.url("app"), "CREATE ROLE app_login LOGIN IN ROLE storyboard_app");
    const appLogin = `postgres://app_login@127.0.0.1:${source.port}/app`;
    // pg_dump's default (row_security off) makes a dump that policies would filter fail…
    await expect(run(`${PG_BIN}/pg_dump`, ["--data-only", "--table=public.projects", `--dbname=${appLogin}`])).rejects.toThrow(/row-level security/);
    // …and with row security on it "succeeds" with no project at all: 3 rows silently lost.
    const filtered = await run(`${PG_BIN}/pg_dump`, ["--data-only", "--enable-row-security", "--table=public.projects", `--dbname=${appLogin}`]);
    expect(filtered).toMatch(/COPY public\.projects/);
    expect(filtered.split("COPY public.projects")[1]!.split("\n\\.")[0]!.trim().split("\n")).toHaveLength(1); // the COPY line only
    // The backup checks the login before dumping.
    await expect(createBackup(appConfig(source.url("app")), opsFor({ BACKUP_DATABASE_URL: appLogin }), quiet)).rejects.toThrow(BackupError);
    await expect(createBackup(appConfig(source.url("app")), opsFor({ BACKUP_DATABASE_URL: appLogin }), quiet)).rejects.toThrow(/row level security/);
  });

  it("backs up every row as a BYPASSRLS reader while the app writes, in one snapshot, and restores it verified into a new cluster", async () => {
    // The recommended backup login: reads everything (pg_read_all_data), bypasses the policies, writes nothing.
    await sql(source.url("app"), "CREATE ROLE backup_login LOGIN BYPASSRLS IN ROLE pg_read_all_data");
    const backupUrl = `postgres://backup_login@127.0.0.1:${source.port}/app`;
    const truth = await sql(source.url("app"), "SELECT (SELECT count(*) FROM projects)::int AS projects, (SELECT count(*) FROM scenes)::int AS scenes");
    // The app keeps writing during the backup: rows committed after the snapshot are in neither
    // the dump nor the manifest, so the restore still matches the manifest exactly.
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await store.createProject(seeded[1]!.user.id, { title: `during backup ${written++}` });
      }
    })();
    await new Promise((r) => setTimeout(r, 50));
    const result = await createBackup(appConfig(source.url("app")), opsFor({ BACKUP_DATABASE_URL: backupUrl }), { log });
    writing = false;
    await writer;
    expect(path.basename(result.file)).toMatch(/^backup_\d{8}_\d{6}(_\d+)?\.dump$/);
    expect(fs.existsSync(result.manifestFile)).toBe(true);
    const m = result.manifest;
    expect(m.tables["public.projects"]!.rows).toBeGreaterThanOrEqual(truth[0].projects);
    expect(m.tables["public.scenes"]!.rows).toBe(truth[0].scenes);
    expect(m.tables["public.scene_images"]!.rows).toBe(3);
    expect(m.tables["public.share_links"]!.rows).toBe(1);
    expect(m.migration.last).toMatch(/^\d{4}_/);
    expect(m.roles.map((r) => r.name)).toEqual(expect.arrayContaining(["storyboard_app", "storyboard_share"]));
    expect(written).toBeGreaterThan(0);

    // Restore into a new cluster that has none of the app's roles.
    await sql(target.url(), "CREATE DATABASE restored");
    const restoredUrl = target.url("restored");
    const report = await restoreBackup(result.file, restoredUrl, opsFor(), { log });
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.createdRoles).toEqual(expect.arrayContaining(["storyboard_app", "storyboard_share"]));
    lines.push(`restore of ${m.file}: ${report.restoreSeconds.toFixed(2)} s, verify ${report.verifySeconds.toFixed(2)} s`);

    // The app works on the restored database, under its policies, with its functions and triggers.
    const restored = await openStore(appConfig(restoredUrl));
    try {
      const [a, b] = seeded;
      expect((await restored.listProjects(a!.user.id)).map((p) => p.title)).toEqual(["Project 0"]);
      await expect(restored.getProject(b!.user.id, a!.project.id)).rejects.toMatchObject({ code: "not_found" });
      const shared = await restored.openSharedStoryboard(token);
      expect(shared?.storyboard.title).toBe("Board 0");
      expect(Buffer.from((await restored.getSceneImage(a!.user.id, a!.storyboard.scenes[1]!.id)).data).toString()).toBe("png bytes 0");
      const before = (await sql(restoredUrl, "SELECT count(*)::int AS n FROM audit_log"))[0].n;
      await restored.updateProject(a!.user.id, a!.project.id, { title: "Renamed after restore" });
      expect((await sql(restoredUrl, "SELECT count(*)::int AS n FROM audit_log"))[0].n).toBe(before + 1);
    } finally {
      await restored.close();
    }

    // A non-empty target is refused, then replaced with --force (and verified again).
    await expect(restoreBackup(result.file, restoredUrl, opsFor(), quiet)).rejects.toThrow(RestoreRefused);
    const forced = await restoreBackup(result.file, restoredUrl, opsFor(), { force: true, ...quiet });
    expect(forced.ok).toBe(true);

    // A manifest that does not describe the data gives a failed verdict, not a silent pass.
    const { manifest } = readManifest(result.file);
    const projects = manifest.tables["public.projects"]!;
    writeManifest(result.manifestFile, { ...manifest, tables: { ...manifest.tables, "public.projects": { ...projects, rows: projects.rows + 1 } } });
    const wrong = await restoreBackup(result.file, restoredUrl, opsFor(), { force: true, ...quiet });
    expect(wrong.ok).toBe(false);
    expect(wrong.checks.filter((c) => !c.ok).map((c) => c.table)).toEqual(["public.projects"]);
    writeManifest(result.manifestFile, manifest);
  }, 60_000);

  it("a restore runs with an empty search_path: a function with unqualified names fails it (and the target stays empty) until it pins its search_path", async () => {
    await sql(source.url(), "CREATE DATABASE probe");
    const probe = source.url("probe");
    await sql(
      probe,
      `CREATE TABLE allowed (code text PRIMARY KEY);
       INSERT INTO allowed VALUES ('a'), ('b');
       CREATE FUNCTION is_allowed(c text) RETURNS boolean LANGUAGE sql STABLE AS 'SELECT EXISTS (SELECT 1 FROM allowed WHERE code = c)';
       CREATE TABLE items (id int PRIMARY KEY, code text CHECK (is_allowed(code)));
       INSERT INTO items VALUES (1, 'a'), (2, 'b');`,
    );
    const cfg = { ...postgresConfig(probe), autoMigrate: false };
    const bad = await createBackup(cfg, opsFor(), quiet);
    await sql(target.url(), "CREATE DATABASE probe_restored");
    await expect(restoreBackup(bad.file, target.url("probe_restored"), opsFor(), quiet)).rejects.toThrow(/relation "allowed" does not exist/);
    expect((await sql(target.url("probe_restored"), "SELECT count(*)::int AS n FROM pg_class WHERE relname IN ('allowed', 'items')"))[0].n).toBe(0);
    await sql(probe, "ALTER FUNCTION is_allowed(text) SET search_path = public, pg_temp");
    const good = await createBackup(cfg, opsFor(), quiet);
    expect((await restoreBackup(good.file, target.url("probe_restored"), opsFor(), quiet)).ok).toBe(true);
  });

  it("every function of the app's schema that names a table pins its search_path", async () => {
    const tables = (await sql(source.url("app"), "SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm')")).map((r) => r.relname as string);
    const fns = await sql(
      source.url("app"),
      `SELECT p.proname AS name, p.prosrc AS src, coalesce(array_to_string(p.proconfig, ','), '') AS config
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'`,
    );
    const unpinned = fns.filter((f) => !/search_path=/.test(f.config) && tables.some((t) => new RegExp(`\\b${t}\\b`).test(f.src))).map((f) => f.name);
    expect(unpinned).toEqual([]);
  });
});

describe("compression", () => {
  it("the long values compress with lz4 (migration 0015), audit partitions made later too", async () => {
    const url = source.url("app");
    const q = `SELECT c.relname || '.' || a.attname AS col, a.attcompression AS m FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
               WHERE c.relname IN ('storyboards', 'storyboard_snapshots', 'audit_log', 'audit_log_probe') AND a.attname IN ('brief', 'snapshot', 'old_values', 'new_values') ORDER BY 1`;
    await sql(url, "CREATE TABLE audit_log_probe PARTITION OF audit_log FOR VALUES FROM ('2031-01-01') TO ('2031-02-01')");
    try {
      expect(await sql(url, q)).toEqual(
        ["audit_log.new_values", "audit_log.old_values", "audit_log_probe.new_values", "audit_log_probe.old_values", "storyboard_snapshots.snapshot", "storyboards.brief"].map((col) => ({ col, m: "l" })),
      );
    } finally {
      await sql(url, "DROP TABLE audit_log_probe");
    }
  });
});

describe("SQLite", () => {
  let file: string;
  let store: Store;

  beforeAll(async () => {
    file = path.join(dir, "app.db");
    store = await openStore({ dialect: "sqlite", file, autoMigrate: true });
    await seed(store, 3);
  });
  afterAll(async () => {
    await store?.close();
  });

  it("backs up with the online backup API while the app writes, restores verified, refuses a non-empty target", async () => {
    const cfg: DbConfig = { dialect: "sqlite", file, autoMigrate: true };
    const u = await store.upsertUserByEmail({ email: "backup-0@drill.test" });
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        await store.createProject(u.id, { title: `during ${i}` });
        await new Promise((r) => setImmediate(r));
      }
    })();
    const result = await createBackup(cfg, opsFor(), { log });
    writing = false;
    await writer;
    expect(path.basename(result.file)).toMatch(/^backup_\d{8}_\d{6}(_\d+)?\.db$/);
    expect(result.manifest.tables.scenes!.rows).toBe(6);
    const to = `file:${path.join(dir, "restored.db")}`;
    const report = await restoreBackup(result.file, to, opsFor(), { log });
    expect(report.ok).toBe(true);
    await expect(restoreBackup(result.file, to, opsFor(), quiet)).rejects.toThrow(RestoreRefused);
    expect((await restoreBackup(result.file, to, opsFor(), { force: true, ...quiet })).ok).toBe(true);
  });

  it("keeps the newest BACKUP_KEEP backups (with their manifests) and nothing else", async () => {
    const keepDir = path.join(dir, "keep");
    const cfg: DbConfig = { dialect: "sqlite", file, autoMigrate: true };
    const ops = readOpsConfig({ BACKUP_DIR: keepDir, BACKUP_KEEP: "2" });
    fs.mkdirSync(keepDir, { recursive: true });
    fs.writeFileSync(path.join(keepDir, "notes.txt"), "not a backup");
    const made = [];
    for (const day of [1, 2, 3, 4]) made.push((await createBackup(cfg, ops, { now: new Date(Date.UTC(2026, 0, day, 3)) })).file);
    expect(listBackups(keepDir)).toEqual([made[3], made[2]]);
    expect(fs.readdirSync(keepDir).sort()).toEqual(
      ["backup_20260103_030000.db", "backup_20260103_030000.manifest.json", "backup_20260104_030000.db", "backup_20260104_030000.manifest.json", "notes.txt"].sort(),
    );
  });
});

describe("scheduled backup", () => {
  it("runs once per tick: a second run for the same tick does nothing", async () => {
    const file = path.join(dir, "scheduled.db");
    const store = await openStore({ dialect: "sqlite", file, autoMigrate: true });
    await store.close();
    const ops = readOpsConfig({ BACKUP_DIR: path.join(dir, "scheduled"), BACKUP_SCHEDULE: "0 3 * * *" });
    expect(backupSchedule(ops)).toEqual({ name: "database-backup", schedule: "0 3 * * *" });
    // The job queue schedules it only when BACKUP_SCHEDULE is set.
    const job = (env: Record<string, string>) => configureJobs(readJobSettings(env)).find((j) => j.def.name === "database-backup")!;
    expect(job({}).cron).toBeNull();
    expect(job({ BACKUP_SCHEDULE: "off" }).cron).toBeNull();
    expect(readOpsConfig({ BACKUP_SCHEDULE: "off" }).backup.schedule).toBeNull();
    expect(job({ BACKUP_SCHEDULE: "0 3 * * *" })).toMatchObject({ cron: "0 3 * * *", def: { singleton: true } });
    const tick = new Date(Date.now() - 1_000);
    const deps = { db: { dialect: "sqlite", file, autoMigrate: false } as DbConfig, ops, log: () => undefined };
    expect(await runScheduledBackup(tick, deps)).not.toBeNull();
    expect(await runScheduledBackup(tick, deps)).toBeNull();
    expect(listBackups(ops.backup.dir)).toHaveLength(1);
  });
});
