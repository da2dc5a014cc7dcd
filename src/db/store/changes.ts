// The undo stack's machinery (docs/schema.md, "Undo and history"): what a change touched, as row
// images, recorded in the transaction that made it; applying an image back; refusing when the
// rows moved on since. The operations (undo, redo, versions, purge) are in history.ts.
//
// An image names rows by kind and id with the fields an undo restores (never timestamps of the
// edit itself): a scene or a task that did not exist is null (undo deletes it, redo inserts it
// again with the same id). A change stores only the rows that differ between before and after.
// A scene's picture is named by its SHA-256 and size, never its bytes: the bytes are kept once in
// scene_image_blobs (every upload puts them there), from where an undo or a restore copies them back.
import { and, asc, desc, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import { conflict } from "../../domain/errors";
import type { Conn, Row } from "./driver";
import { iso, num } from "./rows";
import type { BaseContext } from "./context";

export type Fields = Record<string, unknown>;
export type Kind = "projects" | "boards" | "storyboards" | "scenes" | "tasks" | "pictures";
/** Every kind, in the order an image is applied (a scene before its tasks and its picture). */
const KIND_ORDER: readonly Kind[] = ["projects", "boards", "storyboards", "scenes", "tasks", "pictures"];
export type Image = Partial<Record<Kind, Record<string, Fields | null>>>;
/** A storyboard's own stack, or a project's (project edits, deleting the project or one of its storyboards). */
export type Scope = { project_id: number; storyboard_id: number | null };

/** At least the last 50 changes per storyboard can be undone; older ones are dropped as new ones come. */
export const UNDO_DEPTH = 100;

/** Compares images whatever order JSON keys came back in (jsonb sorts them). */
export function canon(v: unknown): string {
  if (v === undefined) return "null";
  if (Array.isArray(v)) return `[${v.map(canon).join(",")}]`;
  if (v && typeof v === "object") {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canon((v as Fields)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v);
}

/** The rows that differ between two images: each one's before and after (null: absent). */
export function diffImages(before: Image, after: Image): { before: Image; after: Image } | null {
  const b: Image = {};
  const a: Image = {};
  let any = false;
  for (const kind of KIND_ORDER) {
    const x = before[kind] ?? {};
    const y = after[kind] ?? {};
    for (const id of new Set([...Object.keys(x), ...Object.keys(y)])) {
      const bx = x[id] ?? null;
      const ay = y[id] ?? null;
      if (canon(bx) === canon(ay)) continue;
      (b[kind] ??= {})[id] = bx;
      (a[kind] ??= {})[id] = ay;
      any = true;
    }
  }
  return any ? { before: b, after: a } : null;
}

const json = (v: unknown) => (typeof v === "string" && v !== "" ? (JSON.parse(v) as unknown) : (v ?? null));
const bool = (v: unknown) => v === true || v === 1 || v === "1" || v === "t";
const date = (v: unknown) => (v === null || v === undefined ? null : iso(v));
const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

export function changeKit(ctx: BaseContext) {
  const { projects, storyboards, scenes, sceneTasks, sceneImages, sceneImageBlobs: blobs, storyboardChanges: changes } = ctx.tables;
  const { created_at: _created, updated_at: _updated, ...sceneCols } = ctx.cols.scene;

  // Per kind: the table, how a row reads into an image and how an image writes back.
  const KINDS = {
    projects: {
      table: projects,
      cols: { id: projects.id, title: projects.title, description: projects.description, status: projects.status, deleted_at: projects.deletedAt },
      read: (r: Row): Fields => ({ title: String(r.title), description: text(r.description), status: String(r.status), deleted_at: date(r.deleted_at) }),
      write: (f: Fields) => ({ title: f.title as string, description: f.description as string | null, status: f.status as string, deletedAt: f.deleted_at ? new Date(String(f.deleted_at)) : null }),
    },
    boards: {
      table: storyboards,
      cols: { id: storyboards.id, is_main: storyboards.isMain, deleted_at: storyboards.deletedAt },
      read: (r: Row): Fields => ({ is_main: bool(r.is_main), deleted_at: date(r.deleted_at) }),
      write: (f: Fields) => ({ isMain: f.is_main === true, deletedAt: f.deleted_at ? new Date(String(f.deleted_at)) : null }),
    },
    storyboards: {
      table: storyboards,
      cols: {
        id: storyboards.id,
        title: storyboards.title,
        brief: storyboards.brief,
        reference_urls: storyboards.referenceUrls,
        aspect_ratio: storyboards.aspectRatio,
        pattern_source: storyboards.patternSource,
        generation_options: storyboards.generationOptions,
      },
      read: (r: Row): Fields => ({
        title: String(r.title),
        brief: String(r.brief),
        reference_urls: json(r.reference_urls),
        aspect_ratio: String(r.aspect_ratio),
        pattern_source: text(r.pattern_source),
        generation_options: json(r.generation_options),
      }),
      write: (f: Fields) => ({
        title: f.title as string,
        brief: f.brief as string,
        referenceUrls: f.reference_urls as string[] | null,
        aspectRatio: f.aspect_ratio as string,
        patternSource: f.pattern_source as string | null,
        generationOptions: f.generation_options as Record<string, unknown> | null,
      }),
    },
    scenes: {
      table: scenes,
      // The scene columns of the store, but its own timestamps (an undo restores content, not edit times).
      cols: sceneCols,
      read: (r: Row): Fields => ({
        storyboard_id: num(r.storyboard_id),
        scene_number: num(r.scene_number),
        duration: num(r.duration),
        scene_type: String(r.scene_type),
        visual_description: String(r.visual_description),
        script: text(r.script),
        text_overlay: text(r.text_overlay),
        camera_angle: text(r.camera_angle),
        beat: text(r.beat),
        needs_input: text(r.needs_input),
        edited_fields: text(r.edited_fields),
      }),
      write: (f: Fields) => ({
        storyboardId: f.storyboard_id as number,
        sceneNumber: f.scene_number as number,
        duration: f.duration as number,
        sceneType: f.scene_type as string,
        visualDescription: f.visual_description as string,
        script: f.script as string | null,
        textOverlay: f.text_overlay as string | null,
        cameraAngle: f.camera_angle as string | null,
        beat: f.beat as string | null,
        needsInput: f.needs_input as string | null,
        editedFields: f.edited_fields as string | null,
      }),
    },
    tasks: {
      table: sceneTasks,
      cols: { id: sceneTasks.id, scene_id: sceneTasks.sceneId, task_type: sceneTasks.taskType, completed: sceneTasks.completed, completed_at: sceneTasks.completedAt },
      read: (r: Row): Fields => ({ scene_id: num(r.scene_id), task_type: String(r.task_type), completed: bool(r.completed), completed_at: date(r.completed_at) }),
      write: (f: Fields) => ({ sceneId: f.scene_id as number, taskType: f.task_type as string, completed: f.completed === true, completedAt: f.completed_at ? new Date(String(f.completed_at)) : null }),
    },
  } as const;

  // A scene's picture, keyed by the scene's id (scene_images has no id of its own).
  const pictureCols = { id: sceneImages.sceneId, sha256: sceneImages.sha256, content_type: sceneImages.contentType, width: sceneImages.width, height: sceneImages.height, byte_size: sceneImages.byteSize };
  const readPicture = (r: Row): Fields => ({ sha256: text(r.sha256), content_type: String(r.content_type), width: num(r.width), height: num(r.height), byte_size: num(r.byte_size) });

  /** The rows of each kind with these ids as they are now (null: gone). */
  async function readRows(c: Conn, userId: string, ids: Partial<Record<Kind, number[]>>): Promise<Image> {
    const out: Image = {};
    for (const kind of Object.keys(ids) as Kind[]) {
      const list = ids[kind] ?? [];
      const found = new Map<number, Fields>();
      if (kind === "pictures") {
        if (list.length > 0) {
          const rows = await c.db
            .select(pictureCols)
            .from(sceneImages)
            .where(and(inArray(sceneImages.sceneId, list), eq(sceneImages.userId, userId)));
          for (const r of rows) found.set(num(r.id), readPicture(r as Row));
        }
        out[kind] = Object.fromEntries(list.map((id) => [String(id), found.get(id) ?? null]));
        continue;
      }
      const k = KINDS[kind];
      if (list.length > 0) {
        const rows = await c.db
          .select(k.cols)
          .from(k.table)
          .where(and(inArray(k.table.id, list), eq(k.table.userId, userId)));
        for (const r of rows) found.set(num((r as Row).id), k.read(r as Row));
      }
      out[kind] = Object.fromEntries(list.map((id) => [String(id), found.get(id) ?? null]));
    }
    return out;
  }

  /** A storyboard's whole editable state: its fields, every scene, every task and every scene's picture. */
  async function storyboardImage(c: Conn, userId: string, storyboardId: number): Promise<Image> {
    const sceneRows = await c.db
      .select(KINDS.scenes.cols)
      .from(scenes)
      .where(and(eq(scenes.storyboardId, storyboardId), eq(scenes.userId, userId)))
      .orderBy(asc(scenes.sceneNumber));
    const sceneIds = sceneRows.map((r) => num(r.id));
    const taskRows =
      sceneIds.length === 0
        ? []
        : await c.db
            .select(KINDS.tasks.cols)
            .from(sceneTasks)
            .where(and(inArray(sceneTasks.sceneId, sceneIds), eq(sceneTasks.userId, userId)))
            .orderBy(asc(sceneTasks.id));
    const pictureRows =
      sceneIds.length === 0
        ? []
        : await c.db
            .select(pictureCols)
            .from(sceneImages)
            .where(and(inArray(sceneImages.sceneId, sceneIds), eq(sceneImages.userId, userId)))
            .orderBy(asc(sceneImages.sceneId));
    const [sb] = await c.db
      .select(KINDS.storyboards.cols)
      .from(storyboards)
      .where(and(eq(storyboards.id, storyboardId), eq(storyboards.userId, userId)));
    return {
      storyboards: { [storyboardId]: sb ? KINDS.storyboards.read(sb as Row) : null },
      scenes: Object.fromEntries(sceneRows.map((r) => [String(r.id), KINDS.scenes.read(r as Row)])),
      tasks: Object.fromEntries(taskRows.map((r) => [String(r.id), KINDS.tasks.read(r as Row)])),
      pictures: Object.fromEntries(pictureRows.map((r) => [String(r.id), readPicture(r as Row)])),
    };
  }

  /** Every storyboard of a project (deleted ones too) as the project stack sees them: main flag and deletion. */
  async function boardsImage(c: Conn, userId: string, projectId: number): Promise<Image> {
    const ids = await c.db
      .select({ id: storyboards.id })
      .from(storyboards)
      .where(and(eq(storyboards.projectId, projectId), eq(storyboards.userId, userId)));
    return readRows(c, userId, { boards: ids.map((r) => num(r.id)) });
  }

  const idsOf = (image: Image): Partial<Record<Kind, number[]>> =>
    Object.fromEntries(Object.entries(image).map(([kind, rows]) => [kind, Object.keys(rows ?? {}).map(Number)]));

  /** Writes an image back: the rows it names take its values; null scenes and tasks are deleted, missing ones inserted with their ids. */
  async function applyImage(c: Conn, userId: string, image: Image, now = new Date()) {
    const own = (table: { id: unknown; userId: unknown }, id: number) => and(eq(table.id as never, id), eq(table.userId as never, userId));
    for (const [id, f] of Object.entries(image.projects ?? {})) {
      if (f) await c.db.update(projects).set({ ...KINDS.projects.write(f), updatedAt: now }).where(own(projects, Number(id)));
    }
    // Main flags taken away first: one live main per project holds after every statement.
    const boards = Object.entries(image.boards ?? {}).sort(([, a], [, b]) => Number(a?.is_main === true) - Number(b?.is_main === true));
    for (const [id, f] of boards) {
      if (f) await c.db.update(storyboards).set(KINDS.boards.write(f)).where(own(storyboards, Number(id)));
    }
    const touched = new Set<number>();
    for (const [id, f] of Object.entries(image.storyboards ?? {})) {
      if (f) await c.db.update(storyboards).set({ ...KINDS.storyboards.write(f), updatedAt: now }).where(own(storyboards, Number(id)));
      touched.add(Number(id));
    }
    const sceneEntries = Object.entries(image.scenes ?? {}).map(([id, f]) => [Number(id), f] as const);
    if (sceneEntries.length > 0) {
      const existing = await c.db
        .select({ id: scenes.id, storyboard_id: scenes.storyboardId })
        .from(scenes)
        .where(and(inArray(scenes.id, sceneEntries.map(([id]) => id)), eq(scenes.userId, userId)));
      const has = new Map(existing.map((r) => [num(r.id), num(r.storyboard_id)]));
      const boardsOfScenes = new Set([...has.values(), ...sceneEntries.flatMap(([, f]) => (f ? [num(f.storyboard_id)] : []))]);
      // Numbers parked below zero while scenes come and go (UNIQUE(storyboard_id, scene_number) is checked row by row).
      for (const sb of boardsOfScenes) {
        await c.db
          .update(scenes)
          .set({ sceneNumber: sql`0 - ${scenes.sceneNumber}` })
          .where(and(eq(scenes.storyboardId, sb), eq(scenes.userId, userId), sql`${scenes.sceneNumber} > 0`));
        touched.add(sb);
      }
      const gone = sceneEntries.filter(([id, f]) => f === null && has.has(id)).map(([id]) => id);
      if (gone.length > 0) await c.db.delete(scenes).where(and(inArray(scenes.id, gone), eq(scenes.userId, userId)));
      for (const [id, f] of sceneEntries) {
        if (!f) continue;
        if (has.has(id)) await c.db.update(scenes).set({ ...KINDS.scenes.write(f), updatedAt: now }).where(own(scenes, id));
        else await c.db.insert(scenes).values({ id, userId, ...KINDS.scenes.write(f), updatedAt: now });
      }
      for (const sb of boardsOfScenes) {
        await c.db
          .update(scenes)
          .set({ sceneNumber: sql`0 - ${scenes.sceneNumber}` })
          .where(and(eq(scenes.storyboardId, sb), eq(scenes.userId, userId), lt(scenes.sceneNumber, 0)));
      }
    }
    const taskEntries = Object.entries(image.tasks ?? {}).map(([id, f]) => [Number(id), f] as const);
    if (taskEntries.length > 0) {
      const existing = new Set(
        (
          await c.db
            .select({ id: sceneTasks.id })
            .from(sceneTasks)
            .where(and(inArray(sceneTasks.id, taskEntries.map(([id]) => id)), eq(sceneTasks.userId, userId)))
        ).map((r) => num(r.id)),
      );
      const gone = taskEntries.filter(([id, f]) => f === null && existing.has(id)).map(([id]) => id);
      if (gone.length > 0) await c.db.delete(sceneTasks).where(and(inArray(sceneTasks.id, gone), eq(sceneTasks.userId, userId)));
      for (const [id, f] of taskEntries) {
        if (!f) continue;
        if (existing.has(id)) await c.db.update(sceneTasks).set({ ...KINDS.tasks.write(f), updatedAt: now }).where(own(sceneTasks, id));
        else await c.db.insert(sceneTasks).values({ id, userId, ...KINDS.tasks.write(f), updatedAt: now });
      }
    }
    // Pictures after their scenes (a restored scene exists again); a null one is removed, the others copied from their blob.
    for (const [id, f] of Object.entries(image.pictures ?? {})) {
      const sceneId = Number(id);
      if (!f) {
        await c.db.delete(sceneImages).where(and(eq(sceneImages.sceneId, sceneId), eq(sceneImages.userId, userId)));
        continue;
      }
      const [blob] = await c.db
        .select({ content_type: blobs.contentType, width: blobs.width, height: blobs.height, byte_size: blobs.byteSize, data: blobs.data })
        .from(blobs)
        .where(and(eq(blobs.userId, userId), eq(blobs.sha256, String(f.sha256))));
      if (!blob) throw conflict("A scene's picture is no longer stored, so it cannot be brought back. Nothing was changed.");
      const values = { contentType: String(blob.content_type), width: num(blob.width), height: num(blob.height), byteSize: num(blob.byte_size), data: blob.data as Buffer, sha256: String(f.sha256), updatedAt: now };
      await c.db
        .insert(sceneImages)
        .values({ sceneId, userId, ...values, createdAt: now })
        .onConflictDoUpdate({ target: sceneImages.sceneId, set: values });
    }
    for (const sb of touched) await ctx.syncTotals(c, userId, sb, now);
  }

  /** What moved on since a change, in words ("scene 3, a task of scene 2"); [] when nothing did. */
  async function drift(c: Conn, userId: string, expected: Image): Promise<string[]> {
    const now = await readRows(c, userId, idsOf(expected));
    const out: string[] = [];
    for (const kind of Object.keys(expected) as Kind[]) {
      for (const [id, want] of Object.entries(expected[kind] ?? {})) {
        const have = now[kind]?.[id] ?? null;
        if (canon(have) === canon(want)) continue;
        const row = have ?? want;
        if (kind === "scenes") out.push(`scene ${num(row?.scene_number)}`);
        else if (kind === "tasks") out.push("a production task");
        else if (kind === "pictures") out.push("a scene's picture");
        else if (kind === "projects") out.push("the project");
        else out.push("the storyboard");
      }
    }
    return [...new Set(out)];
  }

  const scopeWhere = (userId: string, scope: Scope) =>
    and(
      eq(changes.userId, userId),
      eq(changes.projectId, scope.project_id),
      scope.storyboard_id === null ? isNull(changes.storyboardId) : eq(changes.storyboardId, scope.storyboard_id),
    );

  /** Records a change: the redo branch is dropped (a new edit after undo) and the stack kept to UNDO_DEPTH. Returns its id. */
  async function pushChange(c: Conn, userId: string, scope: Scope, label: string, d: { before: Image; after: Image }): Promise<number> {
    await c.db.delete(changes).where(and(scopeWhere(userId, scope), eq(changes.undone, true)));
    const [row] = await c.db
      .insert(changes)
      .values({ projectId: scope.project_id, storyboardId: scope.storyboard_id, userId, label: label.slice(0, 255), before: d.before, after: d.after })
      .returning({ id: changes.id });
    const [edge] = await c.db.select({ id: changes.id }).from(changes).where(scopeWhere(userId, scope)).orderBy(desc(changes.id)).limit(1).offset(UNDO_DEPTH);
    if (edge) await c.db.delete(changes).where(and(scopeWhere(userId, scope), sql`${changes.id} <= ${num(edge.id)}`));
    return num(row?.id);
  }

  /**
   * Runs `fn` (the change itself, in the caller's transaction) between two captures of what it may
   * touch, and records the rows that differ as one undoable change. Nothing differs: nothing recorded.
   */
  async function record<T>(c: Conn, userId: string, scope: Scope, label: string | ((result: T) => string), capture: () => Promise<Image>, fn: (before: Image) => Promise<T>): Promise<{ result: T; change_id: number | null }> {
    const before = await capture();
    const result = await fn(before);
    const d = diffImages(before, await capture());
    const change_id = d ? await pushChange(c, userId, scope, typeof label === "function" ? label(result) : label, d) : null;
    return { result, change_id };
  }

  /** The same for a change to one storyboard's content (fields, scenes, tasks). */
  const recordStoryboard = <T>(c: Conn, userId: string, sb: { id: number; project_id: number }, label: string | ((result: T) => string), fn: (before: Image) => Promise<T>) =>
    record(c, userId, { project_id: sb.project_id, storyboard_id: sb.id }, label, () => storyboardImage(c, userId, sb.id), fn);

  /** The scope's newest change if it is not undone and carries this label (a change still being completed), else null. */
  async function openChange(c: Conn, userId: string, scope: Scope, label: string): Promise<{ id: number; before: Image; after: Image } | null> {
    const [row] = await c.db
      .select({ id: changes.id, label: changes.label, undone: changes.undone, before: changes.before, after: changes.after })
      .from(changes)
      .where(scopeWhere(userId, scope))
      .orderBy(desc(changes.id))
      .limit(1);
    if (!row || bool(row.undone) || row.label !== label) return null;
    const image = (v: unknown) => (typeof v === "string" ? (JSON.parse(v) as Image) : (v as Image));
    return { id: num(row.id), before: image(row.before), after: image(row.after) };
  }

  /**
   * Folds a later difference into an open change, so that one undo takes both back: for each row,
   * the change's `before` is kept (the older state) and the later `after` wins.
   */
  async function extendChange(c: Conn, userId: string, open: { id: number; before: Image; after: Image }, later: { before: Image; after: Image } | null) {
    if (!later) return;
    const before: Image = {};
    const after: Image = {};
    for (const kind of KIND_ORDER) {
      const b = { ...later.before[kind], ...open.before[kind] };
      const a = { ...open.after[kind], ...later.after[kind] };
      if (Object.keys(b).length > 0) before[kind] = b;
      if (Object.keys(a).length > 0) after[kind] = a;
    }
    const d = diffImages(before, after) ?? { before: {}, after: {} };
    await c.db.update(changes).set({ before: d.before, after: d.after }).where(and(eq(changes.id, open.id), eq(changes.userId, userId)));
  }

  /** A named version of a storyboard as it is now, in the caller's transaction (before a regenerate, a restore, or on demand). */
  async function takeVersion(c: Conn, userId: string, storyboardId: number, name: string, kind: "manual" | "auto"): Promise<number> {
    const img = await storyboardImage(c, userId, storyboardId);
    const list = Object.values(img.scenes ?? {}).filter((s): s is Fields => s !== null);
    const [row] = await c.db
      .insert(ctx.tables.storyboardSnapshots)
      .values({ storyboardId, userId, name: name.slice(0, 255), kind, createdBy: userId, sceneCount: list.length, totalDuration: list.reduce((a, s) => a + num(s.duration), 0), snapshot: img as Record<string, unknown> })
      .returning({ id: ctx.tables.storyboardSnapshots.id });
    return num(row?.id);
  }

  return { takeVersion, readRows, storyboardImage, boardsImage, applyImage, drift, scopeWhere, pushChange, record, recordStoryboard, openChange, extendChange, idsOf };
}

export type ChangeKit = ReturnType<typeof changeKit>;
