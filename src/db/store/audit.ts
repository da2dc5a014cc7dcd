// The audit log, read back: the changes (transactions) that touched a project or a storyboard,
// newest first, a page at a time. The triggers of the migrations write it; nothing here does.
import { inArray } from "drizzle-orm";
import { validationError } from "../../domain/errors";
import type { AuditChange, AuditPage, AuditRow, AuditedTable, AuditOperation } from "../../domain/types";
import { iso, num } from "./rows";
import type { Conn, Row } from "./driver";
import type { StoreContext } from "./context";
import type { Store } from "./types";

export const AUDIT_PAGE_MAX = 100;

const COLUMNS = "id, table_name, operation, user_id, old_values, new_values, created_at, tx_id, project_id, storyboard_id, row_id";

/** A change's key is its last row id: keyset pagination over changes, newest first. */
const pageSql = (scope: "project_id" | "storyboard_id") => `
SELECT tx_id, MAX(id) AS last_id FROM audit_log
WHERE ${scope} = $1 AND user_id = $2
GROUP BY tx_id HAVING MAX(id) < $3
ORDER BY last_id DESC LIMIT $4`;

/**
 * The rows of those changes: the scoped ones, and the ones of the same transaction whose parent
 * was deleted with them (their scope columns are NULL, see the migration).
 */
const rowsSql = (scope: "project_id" | "storyboard_id", n: number) => `
SELECT ${COLUMNS} FROM audit_log
WHERE user_id = $1 AND (${scope} = $2 OR ${scope} IS NULL)
  AND tx_id IN (${Array.from({ length: n }, (_, i) => `$${i + 3}`).join(", ")})
ORDER BY id`;

/** JSON text (SQLite) or parsed jsonb (PostgreSQL) to one shape: *_at as ISO strings. */
function values(v: unknown): Record<string, unknown> | null {
  if (v === null || v === undefined) return null;
  const obj = (typeof v === "string" ? JSON.parse(v) : v) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(obj)) out[k] = k.endsWith("_at") && val !== null && val !== undefined ? iso(val) : val;
  return out;
}

const orNull = (v: unknown) => (v === null || v === undefined ? null : num(v));

export function toAuditRow(r: Row): AuditRow {
  return {
    id: num(r.id),
    table_name: String(r.table_name) as AuditedTable,
    operation: String(r.operation) as AuditOperation,
    row_id: orNull(r.row_id),
    project_id: orNull(r.project_id),
    storyboard_id: orNull(r.storyboard_id),
    old_values: values(r.old_values),
    new_values: values(r.new_values),
  };
}

/** Current storyboard titles and scene numbers, falling back to the last ones the log saw. */
async function labelsOf(ctx: StoreContext, c: Conn, changes: AuditChange[]): Promise<AuditPage["labels"]> {
  const { storyboards, scenes } = ctx.tables;
  const labels: AuditPage["labels"] = { storyboards: {}, scenes: {} };
  const sbIds = new Set<number>();
  const sceneIds = new Set<number>();
  for (const row of changes.flatMap((ch) => ch.rows)) {
    const v = row.new_values ?? row.old_values ?? {};
    if (row.storyboard_id !== null) sbIds.add(row.storyboard_id);
    if (row.table_name === "storyboards" && typeof v.title === "string") labels.storyboards[num(v.id)] = v.title;
    if (row.table_name === "scenes" && row.row_id !== null) {
      sceneIds.add(row.row_id);
      labels.scenes[row.row_id] = num((row.old_values ?? row.new_values)?.scene_number);
    }
    if (row.table_name === "scene_tasks" && v.scene_id !== undefined) sceneIds.add(num(v.scene_id));
  }
  if (sbIds.size > 0) {
    for (const r of await c.db.select({ id: storyboards.id, title: storyboards.title }).from(storyboards).where(inArray(storyboards.id, [...sbIds]))) {
      labels.storyboards[num(r.id)] = String(r.title);
    }
  }
  if (sceneIds.size > 0) {
    for (const r of await c.db.select({ id: scenes.id, n: scenes.sceneNumber }).from(scenes).where(inArray(scenes.id, [...sceneIds]))) {
      labels.scenes[num(r.id)] = num(r.n);
    }
  }
  return labels;
}

async function changesIn(ctx: StoreContext, c: Conn, scope: "project_id" | "storyboard_id", id: number, userId: string, before: number, limit: number): Promise<AuditPage> {
  const keys = await c.query(`audit_page_${scope}`, pageSql(scope), [id, userId, before, limit + 1]);
  const more = keys.length > limit;
  const page = keys.slice(0, limit);
  if (page.length === 0) return { changes: [], next_before: null, labels: { storyboards: {}, scenes: {} } };
  const txIds = page.map((k) => num(k.tx_id));
  const rows = await c.query(`audit_rows_${scope}_${txIds.length}`, rowsSql(scope, txIds.length), [userId, id, ...txIds]);
  const byTx = new Map<number, AuditChange>();
  for (const r of rows) {
    const tx = num(r.tx_id);
    let change = byTx.get(tx);
    if (!change) {
      change = { tx_id: tx, user_id: r.user_id === null ? null : String(r.user_id), created_at: iso(r.created_at), rows: [] };
      byTx.set(tx, change);
    }
    change.rows.push(toAuditRow(r));
  }
  const changes = txIds.map((tx) => byTx.get(tx)).filter((x): x is AuditChange => x !== undefined);
  return { changes, next_before: more ? num(page[page.length - 1]!.last_id) : null, labels: await labelsOf(ctx, c, changes) };
}

export function auditStore(ctx: StoreContext): Pick<Store, "listAuditChanges" | "maintainAuditLog"> {
  const { read, ownProject, ownStoryboard, driver } = ctx;
  return {
    // PostgreSQL: the partition functions of the migration, as the tables' owner (DDL), each in
    // its own transaction with a short lock timeout (creating or dropping a partition briefly
    // locks audit_log; better to fail and retry than to queue every write behind it).
    // SQLite: one table, so retention deletes the old rows.
    async maintainAuditLog({ monthsAhead, retentionMonths }) {
      if (driver.dialect === "sqlite") {
        const now = new Date();
        const cutoff = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - retentionMonths, 1);
        const deleted = await driver.adminTx("owner", (c) => c.query("audit_retention", "DELETE FROM audit_log WHERE created_at < $1 RETURNING id", [cutoff]));
        return { partitions_created: 0, partitions_dropped: 0, rows_deleted: deleted.length };
      }
      const lockTimeout = (c: Conn) => c.query("audit_lock_timeout", "SET LOCAL lock_timeout = '5s'", []);
      const [created] = await driver.adminTx("owner", async (c) => (await lockTimeout(c), c.query("audit_ensure", "SELECT audit_log_ensure_partitions($1) AS n", [monthsAhead])));
      const [dropped] = await driver.adminTx("owner", async (c) => (await lockTimeout(c), c.query("audit_drop", "SELECT audit_log_drop_partitions($1) AS n", [retentionMonths])));
      return { partitions_created: num(created?.n), partitions_dropped: num(dropped?.n), rows_deleted: 0 };
    },

    async listAuditChanges(userId, scope, page = {}) {
      const limit = page.limit ?? 20;
      const before = page.before ?? Number.MAX_SAFE_INTEGER;
      if (!Number.isInteger(limit) || limit < 1 || limit > AUDIT_PAGE_MAX) throw validationError({ limit: `Limit must be a whole number from 1 to ${AUDIT_PAGE_MAX}` });
      if (!Number.isSafeInteger(before) || before < 1) throw validationError({ before: "Before must be a positive whole number (the next_before of the previous page)" });
      return read(userId, async (c) => {
        if ("project_id" in scope) {
          await ownProject(c, userId, scope.project_id);
          return changesIn(ctx, c, "project_id", scope.project_id, userId, before, limit);
        }
        await ownStoryboard(c, userId, scope.storyboard_id);
        return changesIn(ctx, c, "storyboard_id", scope.storyboard_id, userId, before, limit);
      });
    },
  };
}
