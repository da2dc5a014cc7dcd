// The archive on both databases: a batch moves completed, long-untouched projects with every row
// that hangs off them (ids kept, contents identical), one audit row per project; a batch killed at
// any statement (PostgreSQL: its backend terminated; SQLite: an error thrown inside it) leaves
// every project wholly live or wholly archived; restore brings one back exactly; another user
// sees and restores nothing.
import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ARCHIVED_TABLES } from "../../src/db/store/archive";
import type { Conn } from "../../src/db/store/driver";
import type { Store } from "../../src/db/store/types";
import type { Factories } from "../../src/db/seed/factories";
import { DIALECTS } from "../support/databases";
import type { Raw } from "../support/raw";
import { useStoreFixture } from "../support/store-fixture";

const DAY = 86_400_000;
const AFTER_DAYS = 730;

/** How each table's rows find their project (side: "" live, "_archive" archive). */
const ROWS: Record<string, (s: string) => string> = {
  projects: () => "id = $1",
  storyboards: () => "project_id = $1",
  scenes: (s) => `storyboard_id IN (SELECT id FROM storyboards${s} WHERE project_id = $1)`,
  scene_tasks: (s) => `scene_id IN (SELECT sc.id FROM scenes${s} sc JOIN storyboards${s} sb ON sb.id = sc.storyboard_id WHERE sb.project_id = $1)`,
  scene_images: (s) => `scene_id IN (SELECT sc.id FROM scenes${s} sc JOIN storyboards${s} sb ON sb.id = sc.storyboard_id WHERE sb.project_id = $1)`,
  storyboard_snapshots: (s) => `storyboard_id IN (SELECT id FROM storyboards${s} WHERE project_id = $1)`,
  share_links: (s) => `storyboard_id IN (SELECT id FROM storyboards${s} WHERE project_id = $1)`,
  scene_comments: (s) => `storyboard_id IN (SELECT id FROM storyboards${s} WHERE project_id = $1)`,
};

interface Contents {
  counts: Record<string, number>;
  checksum: string;
}

describe.each(DIALECTS)("archive on %s", (dialect) => {
  let store: Store;
  let raw: Raw;
  let f: Factories;
  useStoreFixture(dialect, (fx) => ({ store, raw, f } = fx));

  /** Every row of a project on one side, by table, in key order; and one checksum over them all. */
  async function contents(projectId: number, side: "" | "_archive", opts: { ignoreProjectUpdatedAt?: boolean } = {}): Promise<Contents> {
    const counts: Record<string, number> = {};
    const hash = createHash("sha256");
    for (const table of ARCHIVED_TABLES) {
      const key = table === "scene_images" ? "scene_id" : "id";
      const rows = await raw.query<Record<string, unknown>>(`SELECT * FROM ${table}${side} WHERE ${ROWS[table]!(side)} ORDER BY ${key}`, [projectId]);
      counts[table] = rows.length;
      for (const r of rows) {
        const { archived_at: _a, ...row } = r;
        if (table === "projects" && opts.ignoreProjectUpdatedAt) delete row.updated_at;
        const canonical = Object.keys(row)
          .sort()
          .map((k) => {
            const v = row[k];
            return `${k}=${Buffer.isBuffer(v) ? v.toString("hex") : v instanceof Date ? v.toISOString() : JSON.stringify(v)}`;
          });
        hash.update(`${table}|${canonical.join("|")}\n`);
      }
    }
    return { counts, checksum: hash.digest("hex") };
  }

  const empty = (c: Contents) => Object.values(c.counts).every((n) => n === 0);

  /** A completed project with two storyboards, a picture, a share link with two comments, a version and a review, made old. */
  async function oldProject(userId: string, status: "completed" | "active" = "completed", ageDays = AFTER_DAYS + 5) {
    const p = await f.project(userId, { status });
    const sb = await f.storyboard(userId, p.id, { sceneCount: 3 });
    await f.storyboard(userId, p.id, { sceneCount: 2 });
    await f.completeTasks(userId, sb, 0.5);
    await store.setSceneImage(userId, sb.scenes[0]!.id, { content_type: "image/png", width: 10, height: 20, data: new Uint8Array(randomBytes(64)) });
    const tokenHash = randomBytes(32).toString("hex");
    await store.createShareLink(userId, sb.id, { token_hash: tokenHash, allow_comments: true });
    await store.addSharedSceneComment(tokenHash, sb.scenes[1]!.id, { author_name: "Dana", body: "Shorter hook, please" });
    await store.addSceneComment(userId, sb.scenes[1]!.id, { body: "Will do" });
    await store.setApprovalState(userId, sb.id, { approval_state: "in_review" });
    await raw.query(
      "INSERT INTO storyboard_snapshots (storyboard_id, user_id, name, kind, created_by, scene_count, total_duration, snapshot) VALUES ($1, $2, 'v1', 'manual', $2, 3, 30, $3)",
      [sb.id, userId, JSON.stringify({ title: sb.title, scenes: [1, 2, 3] })],
    );
    const old = new Date(Date.now() - ageDays * DAY);
    await raw.query("UPDATE projects SET updated_at = $1 WHERE id = $2", [dialect === "sqlite" ? old.getTime() : old, p.id]);
    return p.id;
  }

  const cutoff = () => new Date(Date.now() - AFTER_DAYS * DAY);
  const auditRows = async (projectId: number) =>
    raw.query<{ operation: string; table_name: string; user_id: string | null }>("SELECT operation, table_name, user_id FROM audit_log WHERE project_id = $1 ORDER BY id", [projectId]);

  it("moves completed, long-untouched projects whole (ids and contents kept), records one audit row each, and restores one exactly", async () => {
    const u = await f.user();
    const other = await f.user();
    const due = await oldProject(u.id);
    const recent = await oldProject(u.id, "completed", AFTER_DAYS - 5);
    const active = await oldProject(u.id, "active");
    const before = await contents(due, "");
    expect(before.counts).toMatchObject({ projects: 1, storyboards: 2, scenes: 5, scene_tasks: 20, scene_images: 1, storyboard_snapshots: 1, share_links: 1, scene_comments: 2 });
    const beforeSansTouch = await contents(due, "", { ignoreProjectUpdatedAt: true });
    const auditBefore = (await auditRows(due)).length;

    let moved: number[] = [];
    for (;;) {
      const batch = await store.archiveBatch({ olderThan: cutoff(), limit: 2, afterDays: AFTER_DAYS });
      if (batch.projects.length === 0) break;
      moved = moved.concat(batch.projects);
    }
    expect(moved).toContain(due);
    expect(moved).not.toContain(recent);
    expect(moved).not.toContain(active);
    expect(empty(await contents(due, ""))).toBe(true);
    expect(await contents(due, "_archive")).toEqual(before);
    expect(empty(await contents(recent, "_archive"))).toBe(true);

    // One ARCHIVE row for the project, none for the rows it took along.
    const audit = (await auditRows(due)).slice(auditBefore);
    expect(audit).toEqual([{ operation: "ARCHIVE", table_name: "projects", user_id: u.id }]);
    const history = await raw.query<{ new_values: unknown }>("SELECT new_values FROM audit_log WHERE project_id = $1 AND operation = 'ARCHIVE'", [due]);
    const values = typeof history[0]!.new_values === "string" ? JSON.parse(history[0]!.new_values) : history[0]!.new_values;
    expect(values).toMatchObject({ after_days: AFTER_DAYS, counts: { storyboards: 2, scenes: 5, scene_tasks: 20 } });

    // The owner finds it, read-only; another user sees nothing and cannot restore it.
    const mine = await store.listArchivedProjects(u.id);
    expect(mine.map((p) => p.id)).toContain(due);
    expect(mine.find((p) => p.id === due)!.storyboards).toHaveLength(2);
    expect((await store.listProjects(u.id)).map((p) => p.id)).not.toContain(due);
    expect(await store.listArchivedProjects(other.id)).toEqual([]);
    await expect(store.restoreProject(other.id, due)).rejects.toMatchObject({ code: "not_found" });
    await expect(store.getProject(u.id, due)).rejects.toMatchObject({ code: "not_found" });

    const restored = await store.restoreProject(u.id, due);
    expect(restored.id).toBe(due);
    expect(Date.parse(restored.updated_at)).toBeGreaterThan(Date.now() - 60_000);
    expect(empty(await contents(due, "_archive"))).toBe(true);
    // The same rows as before the move, but for the restore's touch of projects.updated_at.
    expect(await contents(due, "", { ignoreProjectUpdatedAt: true })).toEqual(beforeSansTouch);
    expect((await auditRows(due)).slice(auditBefore).map((r) => r.operation)).toEqual(["ARCHIVE", "RESTORE"]);
    expect((await store.getProjectDetail(u.id, due)).storyboards).toHaveLength(2);
    // Restored and touched: not due again.
    const again = await store.archiveBatch({ olderThan: cutoff(), limit: 10, afterDays: AFTER_DAYS });
    expect(again.projects).not.toContain(due);
    await expect(store.restoreProject(u.id, due)).rejects.toMatchObject({ code: "not_found" });
  });

  it("leaves every project wholly live or wholly archived when a batch dies at any statement, and a rerun finishes the job", async () => {
    const u = await f.user();
    const ids: number[] = [];
    for (let i = 0; i < 8; i++) ids.push(await oldProject(u.id));
    // Rounds restore what they archived (which touches projects.updated_at): compare all else.
    const same = { ignoreProjectUpdatedAt: true };
    const original = new Map<number, Contents>();
    for (const id of ids) original.set(id, await contents(id, "", same));

    const check = async () => {
      for (const id of ids) {
        const live = await contents(id, "", same);
        const archived = await contents(id, "_archive", same);
        // Exactly one side holds it, and that side holds all of it, unchanged.
        expect(empty(live) !== empty(archived), `project ${id} is in exactly one place`).toBe(true);
        expect(empty(live) ? archived : live, `project ${id} is unchanged`).toEqual(original.get(id));
      }
    };

    const steps = ["select", ...(dialect === "postgres" ? ["lock"] : []), ...ARCHIVED_TABLES.map((t) => `copy ${t}`), "audit", "delete"];
    // Every statement once, in a random order, each in a random batch of the pass.
    const order = [...steps].sort(() => Math.random() - 0.5);
    for (const step of order) {
      const killInBatch = Math.floor(Math.random() * 2);
      let batchNo = 0;
      let killed = false;
      const afterStatement = async (at: string, c: Conn) => {
        if (at !== step || killed) return;
        if (batchNo++ !== killInBatch) return;
        killed = true;
        if (dialect === "postgres") {
          const [me] = await c.query("test_pid", "SELECT pg_backend_pid() AS pid", []);
          await raw.query("SELECT pg_terminate_backend($1)", [me!.pid]);
        } else {
          throw new Error(`interrupted after ${at}`);
        }
      };
      try {
        for (;;) {
          const batch = await store.archiveBatch({ olderThan: cutoff(), limit: 3, afterDays: AFTER_DAYS, afterStatement });
          if (batch.projects.length === 0 || killed) break;
        }
      } catch {
        // The interrupted batch: rolled back as a whole.
      }
      expect(killed, `a batch was interrupted after ${step}`).toBe(true);
      await check();
      // Put the moved ones back for the next round, so that every round has work.
      for (const id of ids) {
        if (empty(await contents(id, ""))) {
          await store.restoreProject(u.id, id);
          const old = new Date(Date.now() - (AFTER_DAYS + 5) * DAY);
          await raw.query("UPDATE projects SET updated_at = $1 WHERE id = $2", [dialect === "sqlite" ? old.getTime() : old, id]);
        }
      }
      await check();
    }

    // A clean pass moves them all exactly, and restore returns each exactly (but for its touch).
    const beforeLast = new Map<number, Contents>();
    for (const id of ids) beforeLast.set(id, await contents(id, ""));
    for (;;) if ((await store.archiveBatch({ olderThan: cutoff(), limit: 3, afterDays: AFTER_DAYS })).projects.length === 0) break;
    for (const id of ids) expect(await contents(id, "_archive")).toEqual(beforeLast.get(id));
    for (const id of ids) await store.restoreProject(u.id, id);
    for (const id of ids) {
      expect(empty(await contents(id, "_archive"))).toBe(true);
      expect(await contents(id, "", same)).toEqual(original.get(id));
    }
  });

  it.runIf(dialect === "postgres")("protects the archive tables with the same one-comparison row level security", async () => {
    const u = await f.user();
    const other = await f.user();
    const id = await oldProject(u.id);
    for (;;) if ((await store.archiveBatch({ olderThan: cutoff(), limit: 10, afterDays: AFTER_DAYS })).projects.length === 0) break;
    const asApp = async (userId: string, table: string) => {
      await raw.exec("BEGIN");
      try {
        await raw.exec("SET LOCAL ROLE storyboard_app");
        await raw.query("SELECT set_config('app.current_user_id', $1, true)", [userId]);
        return await raw.query<{ user_id: string }>(`SELECT user_id FROM ${table}`);
      } finally {
        await raw.exec("ROLLBACK");
      }
    };
    for (const table of ARCHIVED_TABLES) {
      const mine = await asApp(u.id, `${table}_archive`);
      expect(mine.length, `${table}_archive: own rows`).toBeGreaterThan(0);
      expect(mine.every((r) => r.user_id === u.id)).toBe(true);
      expect(await asApp(other.id, `${table}_archive`), `${table}_archive: another user's`).toEqual([]);
      expect(await asApp("", `${table}_archive`), `${table}_archive: no user`).toEqual([]);
    }
    // The app role cannot write the archive itself (only the maintenance role moves rows).
    await raw.exec("BEGIN");
    await raw.exec("SET LOCAL ROLE storyboard_app");
    await raw.query("SELECT set_config('app.current_user_id', $1, true)", [u.id]);
    await expect(raw.query("DELETE FROM projects_archive WHERE id = $1", [id])).rejects.toThrow(/permission denied/);
    await raw.exec("ROLLBACK");
    const policies = await raw.query<{ tablename: string; qual: string }>("SELECT tablename, qual FROM pg_policies WHERE policyname LIKE '%_archive_user_isolation'");
    expect(policies).toHaveLength(ARCHIVED_TABLES.length);
    for (const p of policies) expect(p.qual).toMatch(/^\(\(user_id\)::text = \( SELECT NULLIF\(current_setting\('app\.current_user_id'::text, true\), ''::text\) AS "nullif"\)\)$/);
  });

  it("keeps the archive tables' columns those of the live tables", async () => {
    const cols = async (table: string) =>
      dialect === "postgres"
        ? (await raw.query<{ name: string }>("SELECT column_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1", [table])).map((r) => r.name).sort()
        : (await raw.query<{ name: string }>(`SELECT name FROM pragma_table_info('${table}')`)).map((r) => r.name).sort();
    for (const t of ARCHIVED_TABLES) {
      const archive = (await cols(`${t}_archive`)).filter((c) => c !== "archived_at");
      expect(archive, t).toEqual(await cols(t));
    }
  });
});
