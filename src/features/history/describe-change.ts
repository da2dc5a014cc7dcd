// One change of the audit log (the rows of one transaction) as a line a creator reads in the
// history panel: "Scene 3 script edited", "Task “Scene filmed” ticked", "Storyboard generated".
import type { AuditChange, AuditPage, AuditRow } from "../../domain/types";

export interface HistoryEntry {
  /** The change's transaction id: stable, unique, what an undo would revert. */
  id: string;
  at: string;
  user_id: string | null;
  summary: string;
  /** Where it happened, for a link; null for project-level changes. */
  storyboard_id: number | null;
}

const TASKS: Record<string, string> = {
  script_written: "Script written",
  scene_filmed: "Scene filmed",
  audio_recorded: "Audio recorded",
  edited: "Edited",
};

const SCENE_FIELDS: Record<string, string> = {
  script: "script",
  visual_description: "visual description",
  text_overlay: "on-screen text",
  camera_angle: "camera",
  duration: "duration",
  scene_type: "type",
};

const APPROVAL_CHANGES: Record<string, string> = {
  draft: "moved back to draft",
  in_review: "sent for review",
  approved: "approved",
  changes_requested: "marked “changes requested”",
};

const STATUS_LABELS: Record<string, string> = { draft: "Draft", active: "Active", completed: "Completed", archived: "Archived" };

/** "a", "a and b", "a, b and c". */
const list = (items: string[]) => (items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`);
const quoted = (s: unknown) => `“${String(s)}”`;

function changedKeys(row: AuditRow, keys: string[]): string[] {
  return keys.filter((k) => JSON.stringify(row.old_values?.[k]) !== JSON.stringify(row.new_values?.[k]));
}

function storyboardName(labels: AuditPage["labels"], id: number | null, row?: AuditRow) {
  const title = (id !== null && labels.storyboards[id]) || row?.new_values?.title || row?.old_values?.title;
  return title ? `storyboard ${quoted(title)}` : "a storyboard";
}

function describeProject(row: AuditRow, change: AuditChange): string {
  const v = row.new_values ?? {};
  switch (row.operation) {
    case "INSERT":
      return `Project ${quoted(v.title)} created`;
    case "DELETE":
      return `Project ${quoted(row.old_values?.title)} deleted`;
    case "ARCHIVE":
      return `Project moved to the archive (${String((v.counts as Record<string, number> | undefined)?.storyboards ?? 0)} storyboards) after ${String(v.after_days ?? "long")} days without changes`;
    case "RESTORE":
      return "Project restored from the archive";
    default: {
      if (changedKeys(row, ["deleted_at"]).length) return `Project ${quoted(v.title)} ${v.deleted_at ? "deleted" : "restored"}`;
      const keys = changedKeys(row, ["title", "description", "status"]);
      const parts: string[] = [];
      if (keys.includes("title")) parts.push(`renamed to ${quoted(v.title)}`);
      if (keys.includes("status")) parts.push(`marked ${STATUS_LABELS[String(v.status)] ?? String(v.status)}`);
      if (keys.includes("description")) parts.push("description edited");
      return parts.length ? `Project ${list(parts)}` : change.rows.length > 1 ? "Project changed" : "Project updated";
    }
  }
}

function describeStoryboard(row: AuditRow, change: AuditChange, labels: AuditPage["labels"]): string {
  const name = storyboardName(labels, row.row_id, row);
  const o = row.old_values ?? {};
  const n = row.new_values ?? {};
  if (row.operation === "INSERT") {
    return n.status === "generating" ? `Generation of ${name} started` : `${cap(name)} created with ${n.total_scenes} scenes`;
  }
  if (row.operation === "DELETE") return `${cap(name)} deleted`;
  if (changedKeys(row, ["deleted_at"]).length) return `${cap(name)} ${n.deleted_at ? "deleted" : "restored"}`;
  if (o.status !== n.status) {
    if (n.status === "completed" && o.status === "generating") {
      const scenes = change.rows.filter((r) => r.table_name === "scenes" && r.operation === "INSERT").length;
      return `${cap(name)} generated (${scenes} scenes)`;
    }
    if (n.status === "error") return `Generation of ${name} failed: ${String(n.error_message ?? "no reason given")}`;
    if (n.status === "generating") return `Generation of ${name} retried`;
  }
  if (changedKeys(row, ["approval_state"]).length && n.approval_state) {
    return `${cap(name)} ${APPROVAL_CHANGES[String(n.approval_state)] ?? `moved to ${String(n.approval_state)}`}`;
  }
  const keys = changedKeys(row, ["title", "brief", "reference_urls"]);
  const parts: string[] = [];
  if (keys.includes("title")) parts.push(`renamed from ${quoted(o.title)} to ${quoted(n.title)}`);
  if (keys.includes("brief")) parts.push("brief edited");
  if (keys.includes("reference_urls")) parts.push("reference videos changed");
  if (parts.length) return `Storyboard ${list(parts)}`;
  if (n.is_main && !o.is_main) return `${cap(name)} made the main storyboard`;
  return `${cap(name)} updated`;
}

function describeScenes(rows: AuditRow[], labels: AuditPage["labels"]): string {
  const where = ` in ${storyboardName(labels, rows[0]!.storyboard_id)}`;
  const inserted = rows.filter((r) => r.operation === "INSERT");
  const deleted = rows.filter((r) => r.operation === "DELETE");
  if (inserted.length === 1) return `Scene ${inserted[0]!.new_values?.scene_number} added${where}`;
  if (deleted.length === 1) return `Scene ${deleted[0]!.old_values?.scene_number} deleted${where}`;
  if (inserted.length || deleted.length) return `${inserted.length} scenes added, ${deleted.length} deleted${where}`;
  // Updates: net change per scene (renumbering passes through negative numbers).
  const net = new Map<number, { old: AuditRow["old_values"]; new: AuditRow["new_values"] }>();
  for (const r of rows) {
    const prev = net.get(r.row_id!);
    net.set(r.row_id!, { old: prev ? prev.old : r.old_values, new: r.new_values });
  }
  const moved = [...net.values()].filter((x) => x.old?.scene_number !== x.new?.scene_number);
  const edited = [...net.values()].filter((x) => Object.keys(SCENE_FIELDS).some((k) => JSON.stringify(x.old?.[k]) !== JSON.stringify(x.new?.[k])));
  if (edited.length === 1 && moved.length === 0) {
    const x = edited[0]!;
    const fields = Object.keys(SCENE_FIELDS).filter((k) => JSON.stringify(x.old?.[k]) !== JSON.stringify(x.new?.[k]));
    return `Scene ${x.new?.scene_number} ${list(fields.map((k) => SCENE_FIELDS[k]!))} edited${where}`;
  }
  if (edited.length > 1) return `${edited.length} scenes edited${where}`;
  if (moved.length > 0) {
    // A move shifts its neighbours by one; the scene that moved most is the one the user moved.
    const main = moved.reduce((a, b) => (Math.abs(Number(b.new?.scene_number) - Number(b.old?.scene_number)) > Math.abs(Number(a.new?.scene_number) - Number(a.old?.scene_number)) ? b : a));
    return moved.length <= 2 || Math.abs(Number(main.new?.scene_number) - Number(main.old?.scene_number)) === moved.length - 1
      ? `Scene ${main.old?.scene_number} moved to position ${main.new?.scene_number}${where}`
      : `Scenes reordered${where}`;
  }
  return `Scenes updated${where}`;
}

function describeTasks(rows: AuditRow[], labels: AuditPage["labels"]): string {
  const updates = rows.filter((r) => r.operation === "UPDATE");
  if (updates.length === 1) {
    const r = updates[0]!;
    const n = r.new_values ?? {};
    const scene = labels.scenes[Number(n.scene_id)];
    const label = TASKS[String(n.task_type)] ?? String(n.task_type);
    return `Task ${quoted(label)} ${n.completed ? "ticked" : "unticked"}${scene ? ` on scene ${scene}` : ""} in ${storyboardName(labels, r.storyboard_id)}`;
  }
  const ticked = updates.filter((r) => r.new_values?.completed && !r.old_values?.completed).length;
  return `${ticked} tasks ticked, ${updates.length - ticked} unticked in ${storyboardName(labels, rows[0]!.storyboard_id)}`;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function describeChange(change: AuditChange, labels: AuditPage["labels"]): HistoryEntry {
  const rows = change.rows;
  const of = (table: string) => rows.filter((r) => r.table_name === table);
  const project = of("projects")[0];
  // Of several storyboard rows (a new main one demotes the old), the one that says most.
  const boards = of("storyboards");
  const storyboard =
    boards.find((r) => r.operation !== "UPDATE") ??
    boards.find((r) => changedKeys(r, ["status", "deleted_at"]).length > 0) ??
    boards.find((r) => r.new_values?.is_main && !r.old_values?.is_main) ??
    boards[0];
  let summary: string;
  if (project) summary = describeProject(project, change);
  else if (storyboard) summary = describeStoryboard(storyboard, change, labels);
  else if (of("scenes").length) summary = describeScenes(of("scenes"), labels);
  else if (of("scene_tasks").length) summary = describeTasks(of("scene_tasks"), labels);
  else summary = "Change";
  const storyboardId = project ? null : (storyboard?.row_id ?? rows.find((r) => r.storyboard_id !== null)?.storyboard_id ?? null);
  return { id: String(change.tx_id), at: change.created_at, user_id: change.user_id, summary, storyboard_id: storyboardId };
}
