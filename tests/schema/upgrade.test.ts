// A database with data, migrated from before the owner column, keeps every row: user_id is filled
// from each row's project, the owner keys hold, and SQLite's table rebuilds cascade-delete nothing.
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle as drizzleSqlite } from "drizzle-orm/better-sqlite3";
import { migrate as migrateSqliteDb } from "drizzle-orm/better-sqlite3/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePgDb } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { migratePostgres, migrateSqlite, migrationsFolder } from "../../src/db/migrate";
import { openSqlite } from "../../src/db/store/sqlite";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../support/databases";
import { openRaw } from "../support/raw";

const BEFORE = "owner_column";

/** A copy of the dialect's migrations that stops just before the first migration tagged `tag`. */
function migrationsBefore(dialect: "pg" | "sqlite", tag: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `migrations-${dialect}-`));
  fs.cpSync(migrationsFolder(dialect), dir, { recursive: true });
  const journalFile = path.join(dir, "meta", "_journal.json");
  const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: Array<{ tag: string }> };
  const cut = journal.entries.findIndex((e) => e.tag.endsWith(`_${tag}`));
  if (cut < 0) throw new Error(`no migration tagged ${tag}`);
  journal.entries = journal.entries.slice(0, cut);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

// The old shape: no user_id on the child tables.
const SEED = [
  "INSERT INTO users (id, email) VALUES ('ua', 'a@upgrade.test'), ('ub', 'b@upgrade.test')",
  "INSERT INTO projects (id, user_id, title) VALUES (1, 'ua', 'A'), (2, 'ub', 'B')",
  "INSERT INTO storyboards (id, project_id, title, brief, status) VALUES (1, 1, 'A1', 'b', 'completed'), (2, 2, 'B1', 'b', 'completed'), (3, 1, 'A2', 'b', 'completed')",
  "INSERT INTO scenes (id, storyboard_id, scene_number, visual_description) VALUES (1, 1, 1, 'v'), (2, 1, 2, 'v'), (3, 2, 1, 'v'), (4, 3, 1, 'v')",
  "INSERT INTO scene_tasks (id, scene_id, task_type) VALUES (1, 1, 'edited'), (2, 2, 'edited'), (3, 3, 'edited'), (4, 4, 'edited'), (5, 4, 'script_written')",
  "INSERT INTO storyboard_snapshots (id, storyboard_id, name, snapshot) VALUES (1, 2, 'v1', '{}'), (2, 3, 'v1', '{}')",
  "INSERT INTO share_links (id, storyboard_id, token_hash) VALUES (1, 3, 'h1'), (2, 2, 'h2')",
];
const OWNERS = {
  storyboards: [["1", "ua"], ["2", "ub"], ["3", "ua"]],
  scenes: [["1", "ua"], ["2", "ua"], ["3", "ub"], ["4", "ua"]],
  scene_tasks: [["1", "ua"], ["2", "ua"], ["3", "ub"], ["4", "ua"], ["5", "ua"]],
  storyboard_snapshots: [["1", "ub"], ["2", "ua"]],
  share_links: [["1", "ua"], ["2", "ub"]],
};

describe.each(DIALECTS)("upgrading a %s database with data to the owner column", (dialect) => {
  let db: TestDatabase | undefined;
  const dirs: string[] = [];
  afterAll(async () => {
    await db?.drop();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it("fills user_id from each row's project and loses no row", async () => {
    db = await createTestDatabase(dialect, inject("pgAdminUrl"));
    const old = migrationsBefore(dialect === "postgres" ? "pg" : "sqlite", BEFORE);
    dirs.push(old);
    if (dialect === "postgres") {
      const c = new pg.Client({ connectionString: db.ownerUrl });
      await c.connect();
      try {
        await migratePgDb(drizzlePg({ client: c }), { migrationsFolder: old });
        for (const s of SEED) await c.query(s);
      } finally {
        await c.end();
      }
      await migratePostgres(db.ownerUrl);
    } else {
      const sqlite = new Database(db.ownerUrl);
      sqlite.pragma("foreign_keys = ON"); // as the app opens it: the rebuilds must not cascade
      migrateSqliteDb(drizzleSqlite({ client: sqlite }), { migrationsFolder: old });
      for (const s of SEED) sqlite.exec(s);
      sqlite.close();
      const reopened = openSqlite(db.ownerUrl);
      migrateSqlite(reopened);
      expect(reopened.pragma("foreign_keys", { simple: true })).toBe(1);
      reopened.close();
    }
    const raw = await openRaw(db);
    try {
      for (const [table, expected] of Object.entries(OWNERS)) {
        const rows = await raw.query<{ id: number; user_id: string }>(`SELECT id, user_id FROM ${table} ORDER BY id`);
        expect(rows.map((r) => [String(r.id), r.user_id]), table).toEqual(expected);
      }
      await expect(raw.query("INSERT INTO scenes (id, storyboard_id, user_id, scene_number, visual_description) VALUES (100, 1, 'ub', 9, 'v')")).rejects.toThrow(/foreign key/i);
      // The audit triggers survive (SQLite rebuilt the tables) and the backfill wrote no audit rows.
      const triggers = await raw.query<{ n: number }>(
        dialect === "sqlite"
          ? "SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit_%' AND tbl_name IN ('projects', 'storyboards', 'scenes', 'scene_tasks')"
          : "SELECT count(*) AS n FROM pg_trigger WHERE tgname LIKE 'audit_%' AND tgenabled = 'O'",
      );
      expect(Number(triggers[0]?.n)).toBe(12);
      expect(Number((await raw.query<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE operation <> 'INSERT'"))[0]?.n)).toBe(0);
      await raw.query("UPDATE scene_tasks SET completed = true WHERE id = 1");
      expect(Number((await raw.query<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE table_name = 'scene_tasks' AND operation = 'UPDATE'"))[0]?.n)).toBe(1);
    } finally {
      await raw.close();
    }
  });
});

describe.each(DIALECTS)("upgrading a %s database with scene pictures to undoable pictures", (dialect) => {
  let db: TestDatabase | undefined;
  const dirs: string[] = [];
  afterAll(async () => {
    await db?.drop();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it("gives every stored picture its SHA-256 and one copy per content in scene_image_blobs", async () => {
    db = await createTestDatabase(dialect, inject("pgAdminUrl"));
    const old = migrationsBefore(dialect === "postgres" ? "pg" : "sqlite", "scene_image_blobs");
    dirs.push(old);
    const seed = [
      ["INSERT INTO users (id, email) VALUES ('ua', 'a@upgrade.test')", []],
      ["INSERT INTO projects (id, user_id, title) VALUES (1, 'ua', 'A'), (2, 'ua', 'Archived')", []],
      ["INSERT INTO storyboards (id, project_id, user_id, title, brief, status) VALUES (1, 1, 'ua', 'A1', 'b', 'completed')", []],
      ["INSERT INTO scenes (id, storyboard_id, user_id, scene_number, visual_description) VALUES (1, 1, 'ua', 1, 'v'), (2, 1, 'ua', 2, 'v')", []],
      ["INSERT INTO scene_images (scene_id, user_id, content_type, width, height, byte_size, data) VALUES (1, 'ua', 'image/png', 4, 3, 3, $1), (2, 'ua', 'image/png', 4, 3, 3, $1)", [Buffer.from("one")]],
    ] as const;
    if (dialect === "postgres") {
      const c = new pg.Client({ connectionString: db.ownerUrl });
      await c.connect();
      try {
        await migratePgDb(drizzlePg({ client: c }), { migrationsFolder: old });
        for (const [text, params] of seed) await c.query(text, [...params]);
      } finally {
        await c.end();
      }
      await migratePostgres(db.ownerUrl);
    } else {
      const sqlite = new Database(db.ownerUrl);
      sqlite.pragma("foreign_keys = OFF"); // as migrateSqlite runs them (table rebuilds)
      migrateSqliteDb(drizzleSqlite({ client: sqlite }), { migrationsFolder: old });
      sqlite.pragma("foreign_keys = ON");
      for (const [text, params] of seed) sqlite.prepare(text.replaceAll("$1", "?")).run(...(text.includes("$1") ? [params[0], params[0]] : []));
      sqlite.close();
      const reopened = openSqlite(db.ownerUrl);
      migrateSqlite(reopened);
      reopened.close();
    }
    const raw = await openRaw(db);
    try {
      const hash = createHash("sha256").update("one").digest("hex");
      expect((await raw.query<{ sha256: string }>("SELECT sha256 FROM scene_images ORDER BY scene_id")).map((r) => r.sha256)).toEqual([hash, hash]);
      const blobs = await raw.query<{ user_id: string; sha256: string; byte_size: number; data: Uint8Array }>("SELECT user_id, sha256, byte_size, data FROM scene_image_blobs");
      expect(blobs.map((b) => [b.user_id, b.sha256, Number(b.byte_size), Buffer.from(b.data).toString()])).toEqual([["ua", hash, 3, "one"]]);
    } finally {
      await raw.close();
    }
  });
});
