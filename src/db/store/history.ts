// Undo, redo, soft delete and named versions (docs/schema.md, "Undo and history"). Every change
// is recorded by the operation that makes it (changes.ts); here it is walked back and forth.
import { and, asc, desc, eq, isNotNull, lt, sql } from "drizzle-orm";
import { conflict, notFound, validationError } from "../../domain/errors";
import { diffScenes, type VersionScene } from "../../domain/history";
import type { ChangeSummary, UndoResult, UndoState, VersionDetail, VersionSummary } from "../../domain/types";
import type { Conn, Row } from "./driver";
import { checkId, type StoreContext } from "./context";
import type { Fields, Image, Scope } from "./changes";
import { iso, num } from "./rows";
import { REGENERATE_LABEL } from "./storyboards";
import type { HistoryScope, Store, WriteCondition } from "./types";

/** The newest changes an editor lists. */
const LISTED = 50;

export function historyStore(
  ctx: StoreContext,
): Pick<Store, "softDeleteProject" | "softDeleteStoryboard" | "listChanges" | "undo" | "redo" | "createVersion" | "listVersions" | "getVersion" | "restoreVersion" | "purgeDeleted"> {
  const { driver, read, write, writeStoryboard, ownProject, ownStoryboard, lockStoryboard, editable, touchProject, ensureMain, sceneCount, changes: kit } = ctx;
  const { projects, storyboards, storyboardChanges: changes, storyboardSnapshots: snapshots, users } = ctx.tables;

  const toChange = (r: Row): ChangeSummary => ({ id: num(r.id), label: String(r.label), undone: r.undone === true || r.undone === 1, created_at: iso(r.created_at) });
  const changeCols = { id: changes.id, label: changes.label, undone: changes.undone, created_at: changes.createdAt, before: changes.before, after: changes.after };
  const image = (v: unknown): Image => (typeof v === "string" ? (JSON.parse(v) as Image) : (v as Image));

  /** The project of a scope (a deleted one too: undoing its delete is how it comes back). */
  async function projectOf(c: Conn, userId: string, projectId: number) {
    const [row] = await c.db
      .select({ id: projects.id })
      .from(projects)
      .where(and(eq(projects.id, checkId(projectId, "Project")), eq(projects.userId, userId)));
    return row;
  }

  /** Resolves an API scope into the stack's scope, checking ownership (soft-deleted rows are found: they can be undone). */
  async function scopeOf(c: Conn, userId: string, scope: HistoryScope): Promise<Scope> {
    if ("storyboard_id" in scope) {
      const sb = await ownStoryboard(c, userId, scope.storyboard_id);
      return { project_id: sb.project_id, storyboard_id: sb.id };
    }
    const p = await projectOf(c, userId, scope.project_id);
    if (!p) throw notFound("Project");
    return { project_id: num(p.id), storyboard_id: null };
  }

  /** Undo (the newest change not undone) or redo (the oldest undone one), refusing when its rows moved on. */
  async function step(userId: string, scope: HistoryScope, dir: "undo" | "redo", opts: { change_id?: number | undefined; cond?: WriteCondition | undefined } = {}): Promise<UndoResult> {
    const run = async (c: Conn): Promise<UndoResult> => {
      let s: Scope;
      let failed = false;
      if ("storyboard_id" in scope) {
        const sb = editable(await lockStoryboard(c, userId, scope.storyboard_id, opts.cond));
        s = { project_id: sb.project_id, storyboard_id: sb.id };
        failed = sb.status === "error";
      } else {
        const p = await projectOf(c, userId, scope.project_id);
        if (!p) throw notFound("Project");
        s = { project_id: num(p.id), storyboard_id: null };
      }
      const [row] = await c.db
        .select(changeCols)
        .from(changes)
        .where(and(kit.scopeWhere(userId, s), eq(changes.undone, dir === "redo")))
        .orderBy(dir === "undo" ? desc(changes.id) : asc(changes.id))
        .limit(1);
      if (!row) throw conflict(dir === "undo" ? "Nothing to undo" : "Nothing to redo");
      const ch = toChange(row as Row);
      if (opts.change_id !== undefined && opts.change_id !== ch.id) {
        throw conflict(`That change is no longer the last one to ${dir}: ${dir} “${ch.label}” first`);
      }
      const [from, to] = dir === "undo" ? [image(row.after), image(row.before)] : [image(row.before), image(row.after)];
      const moved = await kit.drift(c, userId, from);
      if (moved.length > 0) {
        throw conflict(`Cannot ${dir} “${ch.label}”: ${moved.join(", ")} changed since. Nothing was ${dir === "undo" ? "undone" : "redone"}.`);
      }
      const now = new Date();
      await kit.applyImage(c, userId, to, now);
      await c.db.update(changes).set({ undone: dir === "undo" }).where(and(eq(changes.id, ch.id), eq(changes.userId, userId)));
      // A regenerate whose generation failed left the scenes as they were and the storyboard 'error':
      // undoing it brings back the storyboard as it was before, so Ready again (when it has scenes).
      if (dir === "undo" && failed && ch.label === REGENERATE_LABEL && s.storyboard_id !== null && (await sceneCount(c, userId, s.storyboard_id)) > 0) {
        await c.db
          .update(storyboards)
          .set({ status: "completed", errorMessage: null, updatedAt: now })
          .where(and(eq(storyboards.id, s.storyboard_id), eq(storyboards.userId, userId)));
      }
      if (s.storyboard_id === null && (to.boards || from.boards)) await ensureMain(c, userId, s.project_id);
      if (!(to.projects?.[s.project_id] && to.projects[s.project_id]!.deleted_at)) await touchProject(c, userId, s.project_id, now);
      return { change: { ...ch, undone: dir === "undo" }, project_id: s.project_id, storyboard_id: s.storyboard_id };
    };
    return "storyboard_id" in scope ? writeStoryboard(userId, scope.storyboard_id, run) : write(userId, run);
  }

  const toVersion = (r: Row): VersionSummary => ({
    id: num(r.id),
    storyboard_id: num(r.storyboard_id),
    name: String(r.name),
    kind: String(r.kind) as VersionSummary["kind"],
    author: r.author === null || r.author === undefined ? null : String(r.author),
    created_at: iso(r.created_at),
    scene_count: num(r.scene_count),
    total_duration: num(r.total_duration),
  });
  const versionCols = {
    id: snapshots.id,
    storyboard_id: snapshots.storyboardId,
    name: snapshots.name,
    kind: snapshots.kind,
    author: sql<string | null>`coalesce(${users.name}, ${users.email})`,
    created_at: snapshots.createdAt,
    scene_count: snapshots.sceneCount,
    total_duration: snapshots.totalDuration,
  };

  /** A storyboard image as the scenes a version shows, in order. */
  function versionScenes(img: Image): VersionScene[] {
    const done = new Map<number, string[]>();
    for (const t of Object.values(img.tasks ?? {})) {
      if (t?.completed) done.set(num(t.scene_id), [...(done.get(num(t.scene_id)) ?? []), String(t.task_type)].sort());
    }
    return Object.entries(img.scenes ?? {})
      .filter((e): e is [string, Fields] => e[1] !== null)
      .map(([id, s]) => ({
        id: Number(id),
        scene_number: num(s.scene_number),
        duration: num(s.duration),
        scene_type: String(s.scene_type),
        visual_description: String(s.visual_description),
        script: (s.script ?? null) as string | null,
        text_overlay: (s.text_overlay ?? null) as string | null,
        camera_angle: (s.camera_angle ?? null) as string | null,
        tasks_done: done.get(Number(id)) ?? [],
      }))
      .sort((a, b) => a.scene_number - b.scene_number);
  }

  const parseName = (v: unknown) => {
    const name = typeof v === "string" ? v.trim() : "";
    if (name === "") throw validationError({ name: "Name the version" });
    if (name.length > 255) throw validationError({ name: "A version name is at most 255 characters" });
    return name;
  };

  async function versionRow(c: Conn, userId: string, versionId: number) {
    const [row] = await c.db
      .select({ ...versionCols, snapshot: snapshots.snapshot })
      .from(snapshots)
      .leftJoin(users, eq(users.id, snapshots.createdBy))
      .where(and(eq(snapshots.id, checkId(versionId, "Version")), eq(snapshots.userId, userId)));
    if (!row) throw notFound("Version");
    await ownStoryboard(c, userId, num(row.storyboard_id));
    return { summary: toVersion(row as Row), img: image(row.snapshot) };
  }

  return {
    softDeleteProject: (userId, id) =>
      write(userId, async (c) => {
        const p = await ownProject(c, userId, id, { lock: true });
        const { change_id } = await kit.record(c, userId, { project_id: p.id, storyboard_id: null }, `Delete project “${p.title}”`, () => kit.readRows(c, userId, { projects: [p.id] }), async () => {
          await c.db
            .update(projects)
            .set({ deletedAt: new Date() })
            .where(and(eq(projects.id, p.id), eq(projects.userId, userId)));
        });
        return { change_id: change_id! };
      }),

    softDeleteStoryboard: (userId, id) =>
      writeStoryboard(userId, id, async (c) => {
        const sb = await ownStoryboard(c, userId, id);
        await ownProject(c, userId, sb.project_id, { lock: true });
        const { change_id } = await kit.record(c, userId, { project_id: sb.project_id, storyboard_id: null }, `Delete storyboard “${sb.title}”`, () => kit.boardsImage(c, userId, sb.project_id), async () => {
          await c.db
            .update(storyboards)
            .set({ deletedAt: new Date() })
            .where(and(eq(storyboards.id, id), eq(storyboards.userId, userId)));
          await ensureMain(c, userId, sb.project_id);
        });
        await touchProject(c, userId, sb.project_id);
        return { project_id: sb.project_id, change_id: change_id! };
      }),

    listChanges: (userId, scope) =>
      read(userId, async (c): Promise<UndoState> => {
        const s = await scopeOf(c, userId, scope);
        const rows = (
          await c.db
            .select({ id: changes.id, label: changes.label, undone: changes.undone, created_at: changes.createdAt })
            .from(changes)
            .where(kit.scopeWhere(userId, s))
            .orderBy(desc(changes.id))
            .limit(LISTED)
        ).map((r) => toChange(r as Row));
        return { undo: rows.find((r) => !r.undone) ?? null, redo: [...rows].reverse().find((r) => r.undone) ?? null, changes: rows };
      }),

    undo: (userId, scope, opts) => step(userId, scope, "undo", opts),
    redo: (userId, scope, opts) => step(userId, scope, "redo", opts),

    async createVersion(userId, storyboardId, input) {
      const name = parseName(input?.name);
      return writeStoryboard(userId, storyboardId, async (c) => {
        await ownStoryboard(c, userId, storyboardId);
        const id = await kit.takeVersion(c, userId, storyboardId, name, "manual");
        return (await versionRow(c, userId, id)).summary;
      });
    },

    listVersions: (userId, storyboardId) =>
      read(userId, async (c) => {
        await ownStoryboard(c, userId, storyboardId);
        const rows = await c.db
          .select(versionCols)
          .from(snapshots)
          .leftJoin(users, eq(users.id, snapshots.createdBy))
          .where(and(eq(snapshots.storyboardId, storyboardId), eq(snapshots.userId, userId)))
          .orderBy(desc(snapshots.id));
        return rows.map((r) => toVersion(r as Row));
      }),

    getVersion: (userId, versionId) =>
      read(userId, async (c): Promise<VersionDetail> => {
        const { summary, img } = await versionRow(c, userId, versionId);
        const scenes = versionScenes(img);
        const current = versionScenes(await kit.storyboardImage(c, userId, summary.storyboard_id));
        const title = String(Object.values(img.storyboards ?? {})[0]?.title ?? "");
        return { ...summary, title, scenes, diff: diffScenes(scenes, current) };
      }),

    restoreVersion: (userId, versionId, cond) =>
      write(userId, async (c) => {
        const [v] = await c.db
          .select({ storyboard_id: snapshots.storyboardId })
          .from(snapshots)
          .where(and(eq(snapshots.id, checkId(versionId, "Version")), eq(snapshots.userId, userId)));
        if (!v) throw notFound("Version");
        return num(v.storyboard_id);
      }).then((storyboardId) =>
        writeStoryboard(userId, storyboardId, async (c) => {
          const sb = editable(await lockStoryboard(c, userId, storyboardId, cond));
          const { summary, img } = await versionRow(c, userId, versionId);
          await kit.takeVersion(c, userId, storyboardId, `Before restoring “${summary.name}”`.slice(0, 255), "auto");
          const { change_id } = await kit.recordStoryboard(c, userId, sb, `Restore version “${summary.name}”`, async (now) => {
            // The version's rows, and every scene and task made since it gone (null).
            const target: Image = { storyboards: { [storyboardId]: img.storyboards?.[storyboardId] ?? Object.values(img.storyboards ?? {})[0] ?? null }, scenes: {}, tasks: {} };
            for (const id of Object.keys(now.scenes ?? {})) target.scenes![id] = null;
            for (const id of Object.keys(now.tasks ?? {})) target.tasks![id] = null;
            Object.assign(target.scenes!, img.scenes ?? {});
            Object.assign(target.tasks!, img.tasks ?? {});
            // Versions taken before pictures were on the stack name none: those leave the pictures as they are.
            if (img.pictures) {
              target.pictures = Object.fromEntries(Object.keys(now.pictures ?? {}).map((id) => [id, null]));
              Object.assign(target.pictures, img.pictures);
            }
            for (const [id, s] of Object.entries(target.scenes!)) if (s) target.scenes![id] = { ...s, storyboard_id: storyboardId };
            await kit.applyImage(c, userId, target);
          });
          await touchProject(c, userId, sb.project_id);
          const [row] = change_id === null ? [] : await c.db.select(changeCols).from(changes).where(eq(changes.id, change_id));
          const change = row ? toChange(row as Row) : { id: 0, label: `Restore version “${summary.name}”`, undone: false, created_at: new Date().toISOString() };
          return { change, project_id: sb.project_id, storyboard_id: storyboardId };
        }),
      ),

    purgeDeleted: (before) =>
      driver.adminTx("maintenance", async (c) => {
        const sbs = await c.db
          .delete(storyboards)
          .where(and(isNotNull(storyboards.deletedAt), lt(storyboards.deletedAt, before)))
          .returning({ id: storyboards.id });
        const ps = await c.db
          .delete(projects)
          .where(and(isNotNull(projects.deletedAt), lt(projects.deletedAt, before)))
          .returning({ id: projects.id });
        return { projects: ps.length, storyboards: sbs.length };
        // Bulk: the audit log has the user's delete already (deleted_at set); the purge adds no rows.
      }, { bulk: true }),
  };
}

export type { Scope };
