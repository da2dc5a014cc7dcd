// The audit log on both databases: what the triggers record for each write of the store, how
// the rows of one transaction are grouped, who may read and write them, and (PostgreSQL) the
// monthly partitions and their retention.
import { describe, expect, it } from "vitest";
import { AppError } from "../../src/domain/errors";
import type { Store } from "../../src/db/store/types";
import type { AuditChange } from "../../src/domain/types";
import { sceneInputs, type Factories } from "../../src/db/seed/factories";
import { DIALECTS, type TestDatabase } from "../support/databases";
import type { Raw } from "../support/raw";
import { useStoreFixture } from "../support/store-fixture";

const summary = (c: AuditChange) => c.rows.map((r) => `${r.table_name}:${r.operation}`).sort();

describe.each(DIALECTS)("audit log on %s", (dialect) => {
  let db: TestDatabase;
  let store: Store;
  let raw: Raw;
  let f: Factories;
  useStoreFixture(dialect, (fx) => ({ db, store, raw, f } = fx));

  const latest = async (userId: string, projectId: number) => (await store.listAuditChanges(userId, { project_id: projectId }, { limit: 1 })).changes[0]!;

  it("records each write as one change: the whole old and new rows, the acting user, one transaction id", async () => {
    const u = await f.user();
    const p = await f.project(u.id, { title: "Launch" });
    const created = await latest(u.id, p.id);
    expect(summary(created)).toEqual(["projects:INSERT"]);
    expect(created.user_id).toBe(u.id);
    expect(created.rows[0]).toMatchObject({ row_id: p.id, project_id: p.id, old_values: null, new_values: { ...p } });

    const sb = await f.storyboard(u.id, p.id, { sceneCount: 3 });
    const generated = await latest(u.id, p.id);
    expect(summary(generated)).toEqual(["scene_tasks:INSERT", ...Array(11).fill("scene_tasks:INSERT"), "scenes:INSERT", "scenes:INSERT", "scenes:INSERT", "storyboards:INSERT"].sort());
    expect(generated.tx_id).not.toBe(created.tx_id);
    for (const r of generated.rows) expect(r).toMatchObject({ project_id: p.id, storyboard_id: sb.id });
    // The row as stored (an absent generation_options is NULL in the table, {} in the domain type).
    const { scenes: _s, total_tasks: _t, completed_tasks: _c, generation_options: _g, ...storyboardRow } = sb;
    expect(generated.rows.find((r) => r.table_name === "storyboards")!.new_values).toMatchObject({ ...storyboardRow, generation_options: null });

    // A tick changes one task; the storyboard's and project's updated_at touches are not changes.
    const task = sb.scenes[1]!.tasks[0]!;
    const ticked = await store.setTaskCompleted(u.id, task.id, true);
    const tick = await latest(u.id, p.id);
    expect(summary(tick)).toEqual(["scene_tasks:UPDATE"]);
    expect(tick.rows[0]).toMatchObject({ row_id: task.id, storyboard_id: sb.id, old_values: { ...task }, new_values: { ...ticked.task } });
    expect(tick.rows[0]!.new_values).toMatchObject({ completed: true });

    const scene = sb.scenes[0]!;
    const edited = await store.updateScene(u.id, scene.id, { script: "A new opening line." });
    const edit = await latest(u.id, p.id);
    expect(summary(edit)).toEqual(["scenes:UPDATE"]);
    expect(edit.rows[0]!.old_values).toMatchObject({ id: scene.id, script: scene.script });
    expect(edit.rows[0]!.new_values).toMatchObject({ id: scene.id, script: edited.script });

    await store.deleteStoryboard(u.id, sb.id);
    const deleted = await latest(u.id, p.id);
    // The cascade's rows travel with the storyboard's own row, in the same transaction.
    expect(summary(deleted)).toEqual([...Array(12).fill("scene_tasks:DELETE"), ...Array(3).fill("scenes:DELETE"), "storyboards:DELETE"].sort());
    expect(deleted.rows.find((r) => r.table_name === "storyboards")!.old_values).toMatchObject({ id: sb.id, title: sb.title });
  });

  it("records every column of each audited table (a column added later must reach the triggers too)", async () => {
    const u = await f.user();
    const p = await f.project(u.id);
    await f.storyboard(u.id, p.id, { sceneCount: 1 });
    const change = await latest(u.id, p.id);
    const projectRow = (await store.listAuditChanges(u.id, { project_id: p.id })).changes.at(-1)!.rows[0]!;
    const rows = { projects: projectRow, ...Object.fromEntries(["storyboards", "scenes", "scene_tasks"].map((t) => [t, change.rows.find((r) => r.table_name === t)!])) };
    for (const [table, row] of Object.entries(rows)) {
      expect(Object.keys(row.new_values!).sort(), table).toEqual(
        (await raw.query<{ name: string }>(
          dialect === "sqlite" ? `SELECT name FROM pragma_table_info('${table}')` : `SELECT column_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '${table}'`,
        ))
          .map((c) => c.name)
          .sort(),
      );
    }
  });

  it("pages through a project's changes newest first, every change exactly once", async () => {
    const u = await f.user();
    const p = await f.project(u.id);
    const sb = await f.storyboard(u.id, p.id, { sceneCount: 2 });
    const tasks = sb.scenes.flatMap((s) => s.tasks);
    for (const t of tasks) await store.setTaskCompleted(u.id, t.id, true);
    const seen: number[] = [];
    let before: number | undefined;
    const sizes: number[] = [];
    for (;;) {
      const page = await store.listAuditChanges(u.id, { project_id: p.id }, { limit: 4, ...(before !== undefined && { before }) });
      sizes.push(page.changes.length);
      seen.push(...page.changes.map((c) => c.tx_id));
      if (page.next_before === null) break;
      before = page.next_before;
    }
    // project created, storyboard created, 8 ticks
    expect(sizes).toEqual([4, 4, 2]);
    expect(new Set(seen).size).toBe(10);
    const times = seen.length;
    expect(times).toBe(10);
    const firstPage = await store.listAuditChanges(u.id, { project_id: p.id }, { limit: 1 });
    expect(firstPage.changes[0]!.rows[0]).toMatchObject({ table_name: "scene_tasks", row_id: tasks[tasks.length - 1]!.id });
  });

  it("scopes a page to one storyboard", async () => {
    const u = await f.user();
    const p = await f.project(u.id);
    const a = await f.storyboard(u.id, p.id, { sceneCount: 1 });
    const b = await f.storyboard(u.id, p.id, { sceneCount: 1 });
    await store.updateScene(u.id, b.scenes[0]!.id, { duration: 7 });
    const page = await store.listAuditChanges(u.id, { storyboard_id: a.id });
    expect(page.changes).toHaveLength(1);
    expect(page.changes[0]!.rows.every((r) => r.storyboard_id === a.id)).toBe(true);
  });

  it("records nothing for a transaction that fails", async () => {
    const u = await f.user();
    const p = await f.project(u.id);
    const before = await store.listAuditChanges(u.id, { project_id: p.id });
    const bad = sceneInputs(2);
    await expect(
      store.createStoryboard(u.id, { project_id: p.id, title: "x", brief: "b", reference_urls: [], scenes: [bad[0]!, { ...bad[1]!, text_overlay: "x".repeat(501) }] }),
    ).rejects.toBeInstanceOf(AppError);
    expect((await store.listAuditChanges(u.id, { project_id: p.id })).changes.map((c) => c.tx_id)).toEqual(before.changes.map((c) => c.tx_id));
  });

  it("shows a user only their own projects' history", async () => {
    const a = await f.user();
    const b = await f.user();
    const p = await f.project(a.id);
    await expect(store.listAuditChanges(b.id, { project_id: p.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(store.listAuditChanges(a.id, { project_id: p.id }, { limit: 0 })).rejects.toMatchObject({ code: "validation", fields: { limit: expect.any(String) } });
  });

  it("groups the rows of one transaction under one id, distinct per transaction", async () => {
    const u = await f.user();
    const p = await f.project(u.id);
    const sb = await f.storyboard(u.id, p.id, { sceneCount: 2 });
    await store.moveScene(u.id, sb.scenes[0]!.id, 2);
    const move = await latest(u.id, p.id);
    // Renumbering goes through negative numbers inside the transaction: every step is recorded
    // under the one id, and the first old / last new values per row give the net change.
    expect(move.rows.every((r) => r.table_name === "scenes" && r.operation === "UPDATE")).toBe(true);
    const first = new Map<number, unknown>();
    const last = new Map<number, unknown>();
    for (const r of move.rows) {
      if (!first.has(r.row_id!)) first.set(r.row_id!, r.old_values!.scene_number);
      last.set(r.row_id!, r.new_values!.scene_number);
    }
    expect(first.get(sb.scenes[0]!.id)).toBe(1);
    expect(last.get(sb.scenes[0]!.id)).toBe(2);
    expect(last.get(sb.scenes[1]!.id)).toBe(1);
  });

  if (dialect === "postgres") {
    describe("on PostgreSQL", () => {
      it("is partitioned by month, with this month and three ahead and a default partition", async () => {
        const parts = await raw.query<{ relname: string }>("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'audit_log'::regclass ORDER BY 1");
        const month = (offset: number) => {
          const d = new Date();
          const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1));
          return `audit_log_y${m.getUTCFullYear()}m${String(m.getUTCMonth() + 1).padStart(2, "0")}`;
        };
        expect(parts.map((p) => p.relname)).toEqual(expect.arrayContaining(["audit_log_default", month(0), month(1), month(2), month(3)]));
        const [kind] = await raw.query<{ partstrat: string }>("SELECT partstrat FROM pg_partitioned_table WHERE partrelid = 'audit_log'::regclass");
        expect(kind!.partstrat).toBe("r");
      });

      it("moves rows from the default partition into a month created later, and drops months past retention", async () => {
        // A row dated 7 months ahead lands in the default partition (no partition exists yet).
        const ahead = new Date();
        ahead.setUTCMonth(ahead.getUTCMonth() + 7, 15);
        await raw.query("INSERT INTO audit_log (table_name, operation, created_at, project_id) VALUES ('projects', 'INSERT', $1, -1)", [ahead]);
        expect(Number((await raw.query<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log_default WHERE project_id = -1"))[0]!.n)).toBe(1);
        const [created] = await raw.query<{ n: number }>("SELECT audit_log_ensure_partitions(8) AS n");
        expect(Number(created!.n)).toBe(5);
        expect(Number((await raw.query<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log_default WHERE project_id = -1"))[0]!.n)).toBe(0);
        expect(Number((await raw.query<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log WHERE project_id = -1"))[0]!.n)).toBe(1);
        expect(Number((await raw.query<{ n: number }>("SELECT audit_log_ensure_partitions(8) AS n"))[0]!.n)).toBe(0);

        // Retention: a partition 30 months old goes, a 2-month-old one stays.
        await raw.exec("CREATE TABLE audit_log_y2001m01 PARTITION OF audit_log FOR VALUES FROM ('2001-01-01 00:00+00') TO ('2001-02-01 00:00+00')");
        await raw.query("INSERT INTO audit_log (table_name, operation, created_at) VALUES ('projects', 'INSERT', '2001-01-10 00:00+00')");
        const [dropped] = await raw.query<{ n: number }>("SELECT audit_log_drop_partitions(24) AS n");
        expect(Number(dropped!.n)).toBe(1);
        expect(await raw.query("SELECT 1 FROM pg_class WHERE relname = 'audit_log_y2001m01'")).toHaveLength(0);
        const parts = await raw.query<{ n: number }>("SELECT COUNT(*) AS n FROM pg_inherits WHERE inhparent = 'audit_log'::regclass");
        expect(Number(parts[0]!.n)).toBeGreaterThanOrEqual(10);
        await raw.query("DELETE FROM audit_log WHERE project_id = -1");
      });

      it("lets the app role read only its user's rows and write them only through the triggers", async () => {
        const a = await f.user();
        const b = await f.user();
        const pa = await f.project(a.id);
        await f.project(b.id);
        const pg = await import("pg");
        const app = new pg.default.Client({ connectionString: db.ownerUrl, options: "-c role=storyboard_app" });
        await app.connect();
        try {
          expect((await app.query("SELECT COUNT(*)::int AS n FROM audit_log")).rows[0].n).toBe(0);
          await app.query("BEGIN");
          await app.query("SELECT set_config('app.current_user_id', $1, true)", [a.id]);
          const mine = (await app.query("SELECT DISTINCT user_id FROM audit_log")).rows.map((r: { user_id: string }) => r.user_id);
          expect(mine).toEqual([a.id]);
          await expect(app.query("INSERT INTO audit_log (table_name, operation, user_id, project_id) VALUES ('projects', 'DELETE', $1, $2)", [a.id, pa.id])).rejects.toThrow(/row-level security/);
          await app.query("ROLLBACK");
          await app.query("BEGIN");
          await app.query("SELECT set_config('app.current_user_id', $1, true)", [a.id]);
          await expect(app.query("UPDATE audit_log SET user_id = NULL WHERE project_id = $1", [pa.id])).rejects.toThrow(/permission denied/);
          await app.query("ROLLBACK");
          await app.query("BEGIN");
          await expect(app.query("DELETE FROM audit_log")).rejects.toThrow(/permission denied/);
          await app.query("ROLLBACK");
          await expect(app.query("SELECT 1 FROM audit_log_default")).rejects.toThrow(/permission denied/);
        } finally {
          await app.end();
        }
      });
    });
  }
});
