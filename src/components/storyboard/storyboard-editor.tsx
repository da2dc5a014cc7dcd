"use client";
// The storyboard page's interactive part. It shows the server's state: every action answers
// with the storyboard as saved (or the new progress for a task), and a server re-render (polling
// while generating, revalidation) replaces it wholesale. Only drafts of fields being edited and
// a drag in progress are local. Every edit carries the version the page shows; when the storyboard
// changed elsewhere in the meantime, the answer is the storyboard as it now is, shown with a notice
// (and a field being edited keeps what the user typed).
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import {
  deleteSceneAction,
  deleteStoryboardAction,
  duplicateStoryboardAction,
  generateVariationAction,
  insertSceneAction,
  moveSceneAction,
  regenerateSceneAction,
  renameStoryboardAction,
  retryGenerationAction,
  setTaskAction,
  updateSceneAction,
} from "../../app/(app)/storyboards/actions";
import { LIMITS } from "../../domain/constants";
import type { SceneComment } from "../../domain/types";
import type { StoryboardView } from "../../features/storyboards/get-storyboard";
import type { ActionResult } from "../../server/action";
import { ConfirmButton } from "../confirm-button";
import { PLATFORM_LABELS, durationText, plural } from "../format";
import { GenerationPoller } from "../generation-poller";
import { InlineText } from "../inline-edit";
import { ProgressBar, StatusBadge } from "../ui";
import { ExportMenu } from "../exports/export-menu";
import { AspectRatioPicker } from "../frames/aspect-ratio-picker";
import { SceneFrame } from "../frames/scene-frame";
import { SharePanel } from "../shares/share-panel";
import { ApprovalControl } from "../review/approval-control";
import { SceneComments } from "../review/scene-comments";
import { AddSceneForm } from "./add-scene-form";
import { SceneCard, type DropSide } from "./scene-card";
import { useIdempotencyKey } from "../use-idempotency-key";

const CHECK_CLASS = { error: "error", warning: "warn", info: "info" } as const;

/** Where a scene dragged from `from` lands when dropped before/after scene `target` (1-based). */
export function dropPosition(from: number, target: number, side: DropSide): number {
  const index = side === "before" ? target : target + 1;
  return from < index ? index - 1 : index;
}

export function StoryboardEditor({ initial, projectTitle, comments: initialComments = [] }: { initial: StoryboardView; projectTitle: string; comments?: SceneComment[] }) {
  const router = useRouter();
  const [view, setView] = useState(initial);
  const [prevInitial, setPrevInitial] = useState(initial);
  const [comments, setComments] = useState(initialComments);
  const [prevComments, setPrevComments] = useState(initialComments);
  if (initial !== prevInitial) {
    // A fresh server render (polling, revalidation) is the newest truth.
    setPrevInitial(initial);
    setView(initial);
  }
  if (initialComments !== prevComments) {
    setPrevComments(initialComments);
    setComments(initialComments);
  }
  const saveComment = (c: SceneComment) => setComments((all) => (all.some((x) => x.id === c.id) ? all.map((x) => (x.id === c.id ? c : x)) : [...all, c]));
  const [busyScene, setBusyScene] = useState<number | null>(null);
  const [sceneErrors, setSceneErrors] = useState<Record<number, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [adding, setAdding] = useState<number | "end" | null>(null);
  const [drag, setDrag] = useState<{ id: number; over: number | null; side: DropSide } | null>(null);
  const [pending, startTransition] = useTransition();
  const cards = useRef(new Map<number, HTMLElement>());
  // Made when the page rendered: a double click on New variation or Duplicate makes one.
  // (The page stays mounted when it navigates to the new storyboard: a success renews its key.)
  const [variationKey, renewVariationKey] = useIdempotencyKey();
  const [duplicateKey, renewDuplicateKey] = useIdempotencyKey();

  const sceneError = (sceneId: number, message: string | null) =>
    setSceneErrors((errs) => {
      const next = { ...errs };
      if (message) next[sceneId] = message;
      else delete next[sceneId];
      return next;
    });

  /**
   * Applies a storyboard-returning action; resolves to its error (field message if any). A stale
   * version's answer carries the current storyboard: shown at once, with the notice saying so.
   */
  async function apply(r: ActionResult<StoryboardView>, field?: string): Promise<string | null> {
    if (r.ok) {
      setView(r.data);
      return null;
    }
    if (r.error.current) {
      setView(r.error.current as StoryboardView);
      setNotice(r.error.message);
      return r.error.message;
    }
    return (field && r.error.fields?.[field]) || r.error.message;
  }

  async function saveScene(sceneId: number, patch: Record<string, unknown>): Promise<string | null> {
    const field = Object.keys(patch)[0];
    const message = await apply(await updateSceneAction(view.id, sceneId, patch, view.version), field);
    if (!message) sceneError(sceneId, null);
    return message;
  }

  async function moveScene(sceneId: number, position: number) {
    const from = view.scenes.findIndex((s) => s.id === sceneId);
    if (from < 0 || position < 1 || position > view.scenes.length || position === from + 1) return;
    // Show the new order at once; the server's answer then renumbers and retimes.
    const optimistic = [...view.scenes];
    const [moved] = optimistic.splice(from, 1);
    optimistic.splice(position - 1, 0, moved!);
    setView({ ...view, scenes: optimistic.map((s, i) => ({ ...s, scene_number: i + 1 })) });
    setBusyScene(sceneId);
    const r = await moveSceneAction(view.id, sceneId, position, view.version);
    const message = await apply(r);
    setBusyScene(null);
    if (message) {
      if (r.ok || !r.error.current) setView(view);
      sceneError(sceneId, message);
    } else {
      sceneError(sceneId, null);
      // Keyboard users keep their place: focus follows the moved card's same button.
      requestAnimationFrame(() => cards.current.get(sceneId)?.querySelector<HTMLButtonElement>(position < from + 1 ? "[aria-label$=' up']:not(:disabled)" : "[aria-label$=' down']:not(:disabled)")?.focus());
    }
  }

  function setTask(sceneId: number, taskId: number, completed: boolean) {
    const patchTask = (done: boolean) => (v: StoryboardView): StoryboardView => ({
      ...v,
      scenes: v.scenes.map((s) => (s.id !== sceneId ? s : { ...s, tasks: s.tasks.map((t) => (t.id === taskId ? { ...t, completed: done } : t)) })),
    });
    setView(patchTask(completed));
    void setTaskAction(taskId, completed).then((r) => {
      if (r.ok) {
        setView((v) => ({ ...patchTask(r.data.task.completed)(v), completed_tasks: r.data.storyboard.completed_tasks, total_tasks: r.data.storyboard.total_tasks }));
        sceneError(sceneId, null);
      } else {
        setView(patchTask(!completed));
        sceneError(sceneId, r.error.message);
      }
    });
  }

  async function run(sceneId: number, action: () => Promise<ActionResult<StoryboardView>>, onOk: (data: StoryboardView) => void) {
    setBusyScene(sceneId);
    const r = await action();
    setBusyScene(null);
    if (r.ok) {
      onOk(r.data);
      sceneError(sceneId, null);
    } else sceneError(sceneId, (await apply(r)) ?? r.error.message);
  }

  function startDrag(sceneId: number, e: React.DragEvent) {
    e.dataTransfer.effectAllowed = "move";
    e.dataTransfer.setData("text/plain", String(sceneId));
    const card = cards.current.get(sceneId);
    if (card) e.dataTransfer.setDragImage(card, 24, 24);
    setDrag({ id: sceneId, over: null, side: "before" });
  }

  function sideOf(e: React.DragEvent<HTMLElement>): DropSide {
    const r = e.currentTarget.getBoundingClientRect();
    return e.clientY < r.top + r.height / 2 ? "before" : "after";
  }

  function dragOver(targetId: number, e: React.DragEvent<HTMLElement>) {
    if (!drag) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "move";
    const side = sideOf(e);
    if (drag.over !== targetId || drag.side !== side) setDrag({ ...drag, over: targetId, side });
  }

  function drop(targetId: number, e: React.DragEvent<HTMLElement>) {
    e.preventDefault();
    const id = drag?.id ?? Number(e.dataTransfer.getData("text/plain"));
    setDrag(null);
    const from = view.scenes.find((s) => s.id === id);
    const target = view.scenes.find((s) => s.id === targetId);
    if (!from || !target || from.id === target.id) return;
    void moveScene(from.id, dropPosition(from.scene_number, target.scene_number, sideOf(e)));
  }

  function navigateAfter(action: () => Promise<ActionResult<{ id: number }>>, renewKey: () => void) {
    setNotice(null);
    startTransition(async () => {
      const r = await action();
      if (r.ok) {
        renewKey();
        router.push(`/storyboards/${r.data.id}`);
      } else setNotice(r.error.message);
    });
  }

  const failed = view.checks.filter((c) => !c.ok);
  const boardChecks = failed.filter((c) => c.scene_number === undefined);
  const starts = view.scenes.reduce<number[]>((acc, s, i) => [...acc, i === 0 ? 0 : acc[i - 1]! + view.scenes[i - 1]!.duration], []);

  return (
    <div className="storyboard-page stack">
      <GenerationPoller active={view.status === "generating"} />
      <header className="panel stack sb-header">
        <p className="small crumbs"><Link href={`/projects/${view.project_id}`}>← {projectTitle}</Link></p>
        <div className="spread sb-title-row">
          <h1 className="editable-heading">
            <InlineText label="Storyboard title" value={view.title} maxLength={LIMITS.storyboardTitle} testId="storyboard-title"
              onSave={async (v) => apply(await renameStoryboardAction(view.id, v, view.version), "title")} />
          </h1>
          <StatusBadge status={view.status} />
        </div>
        <p className="small muted meta" data-testid="storyboard-meta">
          <span data-testid="scene-count">{plural(view.scenes.length, "scene")}</span>
          <span aria-hidden="true"> · </span>
          <span data-testid="total-duration">{durationText(view.total_duration)} total</span>
          {view.generation_options.platform && (
            <>
              <span aria-hidden="true"> · </span>
              <span>{PLATFORM_LABELS[view.generation_options.platform] ?? view.generation_options.platform}</span>
            </>
          )}
          {view.pattern_source && (
            <>
              <span aria-hidden="true"> · </span>
              <span>Pattern: {view.pattern_source}</span>
            </>
          )}
        </p>
        {view.status === "completed" && (
          <ApprovalControl storyboardId={view.id} state={view.approval_state} onChange={(approval_state) => setView((v) => ({ ...v, approval_state }))} />
        )}
        <div data-testid="storyboard-progress">
          <ProgressBar done={view.completed_tasks} total={view.total_tasks} label="Storyboard progress" />
        </div>
        <details className="brief">
          <summary>Brief{view.reference_urls.length > 0 ? ` and ${plural(view.reference_urls.length, "reference")}` : ""}</summary>
          <p className="brief-text">{view.brief}</p>
          {view.reference_urls.length > 0 && (
            <ul className="refs">
              {view.reference_urls.map((u) => <li key={u}><a href={u} target="_blank" rel="noopener noreferrer nofollow">{u}</a></li>)}
            </ul>
          )}
        </details>
        {notice && <p className="alert error" role="alert">{notice}</p>}
        <div className="row sb-actions">
          {view.status === "completed" && view.scenes.length > 0 && (
            <>
              <Link className="btn small primary" href={`/storyboards/${view.id}/play`}>▶ Play animatic</Link>
              <Link className="btn small" href={`/storyboards/${view.id}/shoot`}>Shoot mode</Link>
            </>
          )}
          <button type="button" className="btn small" disabled={pending || view.status === "generating"} onClick={() => navigateAfter(() => generateVariationAction(view.id, variationKey), renewVariationKey)}>New variation</button>
          <button type="button" className="btn small" disabled={pending} onClick={() => navigateAfter(() => duplicateStoryboardAction(view.id, duplicateKey), renewDuplicateKey)}>Duplicate</button>
          <ExportMenu storyboardId={view.id} disabled={view.status !== "completed"} />
          <SharePanel storyboardId={view.id} />
          <AspectRatioPicker storyboardId={view.id} value={view.aspect_ratio} version={view.version}
            onSaved={(aspect_ratio, version) => setView((v) => ({ ...v, aspect_ratio, version }))}
            onStale={(message) => { setNotice(message); router.refresh(); }} />
          <ConfirmButton small label="Delete storyboard" confirmLabel="Yes, delete storyboard" busyLabel="Deleting…"
            question={`Delete “${view.title}” with its ${plural(view.scenes.length, "scene")} and their tasks? This cannot be undone.`}
            onConfirm={async () => {
              const r = await deleteStoryboardAction(view.id);
              if (!r.ok) return r.error.message;
              router.push(`/projects/${r.data.project_id}`);
              return null;
            }} />
        </div>
      </header>

      {view.status === "generating" && (
        <section className="panel generating" role="status" aria-live="polite">
          <p className="row"><span className="spinner" aria-hidden="true" /> <strong>Generating your storyboard…</strong></p>
          <div className="progress indeterminate" aria-hidden="true"><span /></div>
          <p className="small muted">Picking a structure, timing the scenes and writing the script. This page updates by itself.</p>
        </section>
      )}

      {view.status === "error" && (
        <section className="alert error stack" role="alert">
          <p><strong>Generation failed.</strong> {view.error_message ?? "The storyboard engine did not finish."}</p>
          <p>
            <button type="button" className="btn small" disabled={pending}
              onClick={() => {
                setNotice(null);
                startTransition(async () => {
                  const r = await retryGenerationAction(view.id);
                  if (r.ok) router.refresh();
                  else setNotice(r.error.message);
                });
              }}>{pending ? "Retrying…" : "Retry"}</button>
          </p>
        </section>
      )}

      {view.status === "completed" && (
        <section className="stack" aria-label="Scenes">
          {boardChecks.length > 0 && (
            <ul className="checks board-checks" aria-label="Quality checks for the storyboard">
              {boardChecks.map((c) => <li key={c.id + c.message} className={`alert ${CHECK_CLASS[c.severity]}`}>{c.message}</li>)}
            </ul>
          )}
          {view.scenes.length === 0 && adding === null && (
            <div className="empty">
              <h3>No scenes left</h3>
              <p className="muted">Add a scene below, or make a new variation from the brief.</p>
            </div>
          )}
          <ol className="card-list scene-list" onDragLeave={(e) => { if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDrag((d) => (d ? { ...d, over: null } : d)); }}>
            {view.scenes.map((s, i) => {
              const start = starts[i]!;
              return (
                <SceneItem key={s.id} after={adding === s.scene_number} onAddCancel={() => setAdding(null)}
                  onAdd={async (fields, key) => {
                    const r = await insertSceneAction(view.id, s.scene_number + 1, fields, view.version, key);
                    if (r.ok) {
                      setView(r.data);
                      setAdding(null);
                      return null;
                    }
                    if (r.error.current) return (await apply(r)) ?? r.error.message; // the form stays open with what was typed
                    return r.error.fields ?? r.error.message;
                  }}
                  position={s.scene_number}>
                  <SceneCard scene={s} start={start} count={view.scenes.length}
                    frame={<SceneFrame scene={s} aspectRatio={view.aspect_ratio} platform={view.generation_options.platform ?? null} disabled={busyScene === s.id} />}
                    checks={failed.filter((c) => c.scene_number === s.scene_number)}
                    comments={<SceneComments sceneId={s.id} sceneNumber={s.scene_number} comments={comments.filter((c) => c.scene_id === s.id)} onChange={saveComment} />}
                    busy={busyScene === s.id} error={sceneErrors[s.id] ?? null}
                    dragging={drag?.id === s.id} dropSide={drag && drag.over === s.id && drag.id !== s.id ? drag.side : null}
                    attach={(el) => { if (el) cards.current.set(s.id, el); else cards.current.delete(s.id); }}
                    onSave={(patch) => saveScene(s.id, patch)}
                    onTask={(taskId, done) => setTask(s.id, taskId, done)}
                    onMove={(position) => void moveScene(s.id, position)}
                    onRegenerate={() => void run(s.id, () => regenerateSceneAction(view.id, s.id, view.version), setView)}
                    onDelete={async () => {
                      const r = await deleteSceneAction(view.id, s.id, view.version);
                      if (!r.ok) return (await apply(r)) ?? r.error.message;
                      setView(r.data);
                      return null;
                    }}
                    onAddAfter={() => setAdding(s.scene_number)}
                    onDragStart={(e) => startDrag(s.id, e)} onDragEnd={() => setDrag(null)}
                    onDragOver={(e) => dragOver(s.id, e)} onDrop={(e) => drop(s.id, e)} />
                </SceneItem>
              );
            })}
          </ol>
          {adding === "end" ? (
            <AddSceneForm after={null} onCancel={() => setAdding(null)}
              onAdd={async (fields, key) => {
                const r = await insertSceneAction(view.id, null, fields, view.version, key);
                if (r.ok) {
                  setView(r.data);
                  setAdding(null);
                  return null;
                }
                if (r.error.current) return (await apply(r)) ?? r.error.message; // the form stays open with what was typed
                return r.error.fields ?? r.error.message;
              }} />
          ) : (
            <button type="button" className="btn add-end" onClick={() => setAdding("end")}>+ Add a scene at the end</button>
          )}
        </section>
      )}
    </div>
  );
}

/** A scene card followed, when asked, by the form that inserts a scene after it. */
function SceneItem({ children, after, position, onAdd, onAddCancel }: {
  children: React.ReactNode;
  after: boolean;
  position: number;
  onAdd: (fields: Record<string, unknown>, idempotencyKey: string) => Promise<Record<string, string> | string | null>;
  onAddCancel: () => void;
}) {
  return (
    <>
      {children}
      {after && <li className="add-scene-item"><AddSceneForm after={position} onAdd={onAdd} onCancel={onAddCancel} /></li>}
    </>
  );
}
