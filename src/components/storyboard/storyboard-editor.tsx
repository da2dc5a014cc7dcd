"use client";
// The storyboard page's interactive part. It shows the server's state: every action answers
// with the storyboard as saved (or the new progress for a task), and a server re-render (polling
// while generating, revalidation) replaces it wholesale. Only drafts of fields being edited and
// a drag in progress are local. Every edit carries the version the page shows; when the storyboard
// changed elsewhere in the meantime, the answer is the storyboard as it now is, shown with a notice
// (and a field being edited keeps what the user typed). Edits go out one at a time (inTurn), each
// with the version the one before it saved, so two quick edits are both kept. Scenes reorder by dragging their handle
// (mouse, touch or keyboard, through @dnd-kit) or by their Up/Down buttons; both go through
// moveScene, so through the same versioned move action.
import { DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors, type Announcements, type DragEndEvent } from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from "@dnd-kit/sortable";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useSyncExternalStore, useTransition } from "react";
import {
  deleteSceneAction,
  deleteStoryboardAction,
  duplicateStoryboardAction,
  insertSceneAction,
  moveSceneAction,
  regenerateSceneAction,
  renameStoryboardAction,
  retryGenerationAction,
  setTaskAction,
  updateSceneAction,
} from "../../app/(app)/storyboards/actions";
import { LIMITS } from "../../domain/constants";
import { fieldError, storyboardUpdateSchema } from "../../domain/schemas";
import type { SceneComment } from "../../domain/types";
import type { StoryboardView } from "../../features/storyboards/get-storyboard";
import type { ActionResult } from "../../server/action";
import { ConfirmButton } from "../confirm-button";
import { PLATFORM_LABELS, durationText, plural } from "../format";
import { GenerationPoller } from "../generation-poller";
import { InlineText } from "../inline-edit";
import { ProgressBar, StoryboardStatusBadge } from "../ui";
import { ExportMenu } from "../exports/export-menu";
import { AspectRatioPicker } from "../frames/aspect-ratio-picker";
import { SceneFrame } from "../frames/scene-frame";
import { SharePanel } from "../shares/share-panel";
import { ApprovalControl } from "../review/approval-control";
import { SceneComments } from "../review/scene-comments";
import { AddSceneForm } from "./add-scene-form";
import { BriefPanel } from "./brief-panel";
import { MainStoryboardControl } from "./main-storyboard-control";
import { VariationForm, patternIdOf } from "./variation-form";
import { SceneCard } from "./scene-card";
import { useIdempotencyKey } from "../use-idempotency-key";
import { HistoryToolbar } from "../history/history-toolbar";
import { RegenerateConfirm } from "../history/regenerate-confirm";
import { afterDeleteUrl } from "../history/undo-toast";
import { VersionsPanel } from "../history/versions-panel";
import { REGENERATED_SCENE_FIELDS, handEdits } from "../../domain/history";
import type { HistoryStep } from "../../app/(app)/storyboards/undo-actions";

const CHECK_CLASS = { error: "error", warning: "warn", info: "info" } as const;

/** Phones (below the two-column layout) start with every scene card collapsed. */
const COMPACT = "(max-width: 719px)";
function subscribeCompact(onChange: () => void) {
  const q = window.matchMedia(COMPACT);
  q.addEventListener("change", onChange);
  return () => q.removeEventListener("change", onChange);
}
/** true on a phone-width screen; null on the server, where the stylesheet decides by width. */
function useCompact(): boolean | null {
  return useSyncExternalStore(subscribeCompact, () => window.matchMedia(COMPACT).matches, () => null);
}

/** What a screen reader hears while a scene is dragged with the keyboard (or a pointer). */
function announcements(numberOf: (id: unknown) => number | undefined): Announcements {
  const at = (id: unknown) => `scene ${numberOf(id) ?? "?"}`;
  return {
    onDragStart: ({ active }) => `Picked up ${at(active.id)}. Arrow keys move it, Space drops it, Escape cancels.`,
    onDragOver: ({ active, over }) => (over ? `Scene ${numberOf(active.id)} is over the place of ${at(over.id)}.` : `Scene ${numberOf(active.id)} is not over a place.`),
    onDragEnd: ({ active, over }) => (over ? `Scene ${numberOf(active.id)} dropped at the place of ${at(over.id)}.` : `Scene ${numberOf(active.id)} dropped where it was.`),
    onDragCancel: ({ active }) => `Moving scene ${numberOf(active.id)} was cancelled; it is back in its place.`,
  };
}
const DND_INSTRUCTIONS = { draggable: "To move this scene, press Space, then the up and down arrow keys, then Space again to drop it, or Escape to cancel." };

/** Focuses an element of a card once the list has re-rendered (a moved card is a new position in the DOM). */
function focusLater(find: () => HTMLElement | null | undefined) {
  requestAnimationFrame(() => find()?.focus());
}

export function StoryboardEditor({ initial, projectTitle, comments: initialComments = [], patterns = [] }: { initial: StoryboardView; projectTitle: string; comments?: SceneComment[]; patterns?: { id: string; name: string }[] }) {
  const router = useRouter();
  const [view, setView] = useState(initial);
  const [prevInitial, setPrevInitial] = useState(initial);
  /** Focus to move once the next view is committed (see focusAfterDelete). */
  const afterCommit = useRef<(() => HTMLElement | null | undefined) | null>(null);
  useEffect(() => {
    const find = afterCommit.current;
    if (!find) return;
    afterCommit.current = null;
    find()?.focus();
  }, [view]);
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
  // The control that opened the add-scene form: focus goes back to it when the form closes.
  const addInvoker = useRef<HTMLElement | null>(null);
  const addEndButton = useRef<HTMLButtonElement>(null);
  /** A scene regenerate waiting for the creator's yes, because it would overwrite hand edits. */
  const [regenerating, setRegenerating] = useState<{ sceneId: number; number: number; edits: string[] } | null>(null);
  const [pending, startTransition] = useTransition();
  const cards = useRef(new Map<number, HTMLElement>());
  const compact = useCompact();
  const [expanded, setExpanded] = useState<Record<number, boolean>>({});
  /** "More actions" opened (phones only: a wide screen always shows them). */
  const [moreOpen, setMoreOpen] = useState(false);
  const sensors = useSensors(
    // Touch, pen and mouse; the handle has touch-action: none, so a finger drags rather than scrolls.
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  // Made when the page rendered: a double click on Duplicate makes one (the variation form has its own).
  // (The page stays mounted when it navigates to the new storyboard: a success renews its key.)
  const [duplicateKey, renewDuplicateKey] = useIdempotencyKey();

  // The line of edits waiting for the server: each is sent once the one before it has answered, with
  // the version that answer saved (a drag, then a keyboard move before the drag's save came back,
  // would otherwise send the page's older version and meet the user's own first edit as a
  // conflict). Only the last answer in line replaces the view: an earlier one would briefly undo
  // the later edits already shown.
  const line = useRef<Promise<unknown>>(Promise.resolve());
  const waiting = useRef(0);
  const savedVersion = useRef(view.version);
  useEffect(() => {
    savedVersion.current = Math.max(savedVersion.current, view.version);
  }, [view.version]);
  const [writing, setWriting] = useState(false);

  function inTurn(send: (version: number) => Promise<ActionResult<StoryboardView>>): Promise<{ r: ActionResult<StoryboardView>; last: boolean }> {
    waiting.current += 1;
    setWriting(true);
    const turn = line.current.then(async () => {
      try {
        const r = await send(savedVersion.current);
        const saved = r.ok ? r.data : (r.error.current as StoryboardView | undefined);
        if (saved) savedVersion.current = Math.max(savedVersion.current, saved.version);
        return { r, last: waiting.current === 1 };
      } finally {
        waiting.current -= 1;
        if (waiting.current === 0) setWriting(false);
      }
    });
    line.current = turn.catch(() => undefined);
    return turn;
  }

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
   * `last`: no other edit waits behind this one in line (see inTurn), so its answer is shown.
   */
  async function apply(r: ActionResult<StoryboardView>, field?: string, last = true): Promise<string | null> {
    if (r.ok) {
      if (last) setView(r.data);
      return null;
    }
    if (r.error.current) {
      setView(r.error.current as StoryboardView);
      setNotice(r.error.message);
      return r.error.message;
    }
    return (field && r.error.fields?.[field]) || r.error.message;
  }

  /** Sends an edit in line and applies its answer. */
  async function save(send: (version: number) => Promise<ActionResult<StoryboardView>>, field?: string): Promise<string | null> {
    const { r, last } = await inTurn(send);
    return apply(r, field, last);
  }

  async function saveScene(sceneId: number, patch: Record<string, unknown>): Promise<string | null> {
    const field = Object.keys(patch)[0];
    const message = await save((version) => updateSceneAction(view.id, sceneId, patch, version), field);
    if (!message) sceneError(sceneId, null);
    return message;
  }

  /** `focusOn`: which control of the moved card keeps the keyboard user's place. */
  async function moveScene(sceneId: number, position: number, focusOn: "buttons" | "handle" = "buttons") {
    const from = view.scenes.findIndex((s) => s.id === sceneId);
    if (from < 0 || position < 1 || position > view.scenes.length || position === from + 1) return;
    // Show the new order at once; the server's answer then renumbers and retimes.
    const optimistic = [...view.scenes];
    const [moved] = optimistic.splice(from, 1);
    optimistic.splice(position - 1, 0, moved!);
    setView({ ...view, scenes: optimistic.map((s, i) => ({ ...s, scene_number: i + 1 })) });
    setBusyScene(sceneId);
    const { r, last } = await inTurn((version) => moveSceneAction(view.id, sceneId, position, version));
    const message = await apply(r, undefined, last);
    setBusyScene((busy) => (busy === sceneId ? null : busy));
    if (message) {
      if (!r.ok && !r.error.current) setView(view);
      sceneError(sceneId, message);
    } else {
      sceneError(sceneId, null);
      // Keyboard users keep their place: focus follows the moved card's same button (or its
      // handle, after a drag, or when that button is now disabled at the end of the list).
      focusLater(() => {
        const card = cards.current.get(sceneId);
        const handle = card?.querySelector<HTMLElement>("[data-testid=drag-handle]");
        if (focusOn === "handle") return handle;
        return card?.querySelector<HTMLButtonElement>(position < from + 1 ? "[aria-label$=' up']:not(:disabled)" : "[aria-label$=' down']:not(:disabled)") ?? handle;
      });
    }
  }

  function dragEnd({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return;
    const to = view.scenes.findIndex((s) => s.id === over.id);
    if (to >= 0) void moveScene(Number(active.id), to + 1, "handle");
  }

  function openAdd(where: number | "end", invoker: HTMLElement | null) {
    addInvoker.current = invoker;
    setAdding(where);
  }

  /** Closes the add-scene form; focus returns to what opened it (or the add-at-end button). */
  function closeAdd() {
    setAdding(null);
    focusLater(() => (addInvoker.current?.isConnected ? addInvoker.current : addEndButton.current));
  }

  /**
   * After a scene is deleted, focus goes to the scene now in its place (or the one before, or Add),
   * once the new list is committed: until then the deleted card's modal confirm is still open, so
   * the page is inert and a focus() would be dropped (focus fell to <body>, now and then on SQLite).
   */
  function focusAfterDelete(index: number) {
    afterCommit.current = () => {
      const rest = [...cards.current.values()].sort((a, b) => Number(a.dataset.sceneNumber) - Number(b.dataset.sceneNumber));
      const card = rest[Math.min(index, rest.length - 1)];
      return card?.querySelector<HTMLElement>("[data-testid=scene-toggle]") ?? addEndButton.current;
    };
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

  async function regenerate(sceneId: number) {
    setBusyScene(sceneId);
    const message = await save((version) => regenerateSceneAction(view.id, sceneId, version));
    setBusyScene((busy) => (busy === sceneId ? null : busy));
    sceneError(sceneId, message);
  }

  const stepped = (r: HistoryStep) => setView(r.view);

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
          {/* The heading is named by the title alone; the button inside says "Edit Storyboard title". */}
          <h1 className="editable-heading" aria-label={view.title}>
            <InlineText label="Storyboard title" value={view.title} maxLength={LIMITS.storyboardTitle} testId="storyboard-title"
              validate={(v) => fieldError(storyboardUpdateSchema, "title", v)}
              onSave={(v) => save((version) => renameStoryboardAction(view.id, v, version), "title")} />
          </h1>
          <StoryboardStatusBadge status={view.status} />
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
        <div data-testid="storyboard-progress">
          <ProgressBar done={view.completed_tasks} total={view.total_tasks} label="Storyboard progress" />
        </div>
        {/* A failed regenerate is undone from here too: the storyboard comes back Ready with its scenes. */}
        {view.status !== "generating" && (
          <HistoryToolbar storyboardId={view.id} version={view.version} refreshKey={`${view.version}-${view.completed_tasks}`} disabled={busyScene !== null || writing} onStep={stepped} />
        )}
        {notice && <p className="alert error" role="alert">{notice}</p>}
        <div className="row sb-primary">
          {view.status === "completed" && view.scenes.length > 0 && (
            <>
              <Link className="btn small primary" href={`/storyboards/${view.id}/play`}>▶ Play animatic</Link>
              <Link className="btn small" href={`/storyboards/${view.id}/shoot`}>Shoot mode</Link>
            </>
          )}
          {/* On a phone the secondary actions fold behind this; on a wide screen it is hidden and they always show. */}
          <button type="button" className="btn small sb-more-toggle" aria-expanded={moreOpen} aria-controls={`sb-more-${view.id}`} data-testid="more-actions"
            onClick={() => setMoreOpen((o) => !o)}>
            More actions <span className="toggle-icon" aria-hidden="true" />
          </button>
        </div>
        <div id={`sb-more-${view.id}`} className="sb-more" data-open={moreOpen} data-testid="sb-more">
          {view.status === "completed" && (
            <ApprovalControl storyboardId={view.id} state={view.approval_state} onChange={(approval_state) => setView((v) => ({ ...v, approval_state }))} />
          )}
          <BriefPanel view={view} patterns={patterns}
            onDone={async (r) => { const message = await apply(r); if (!message) router.refresh(); return message; }} />
          <VersionsPanel storyboardId={view.id} version={view.version} onRestored={stepped} />
          <div className="row sb-actions">
            <MainStoryboardControl storyboardId={view.id} isMain={view.is_main} title={view.title} />
            <VariationForm storyboardId={view.id} patterns={patterns} disabled={pending || view.status === "generating"}
              current={{ pattern: patternIdOf(view.pattern_source), platform: view.generation_options.platform ?? null, duration: view.generation_options.duration ?? null, aspect_ratio: view.aspect_ratio, auto_pattern: view.generation_options.auto_pattern }} />
            <button type="button" className="btn small" disabled={pending} onClick={() => navigateAfter(() => duplicateStoryboardAction(view.id, duplicateKey), renewDuplicateKey)}>Duplicate</button>
            <ExportMenu storyboardId={view.id} disabled={view.status !== "completed"} />
            <SharePanel storyboardId={view.id} />
            <AspectRatioPicker storyboardId={view.id} value={view.aspect_ratio} version={view.version}
              onSaved={(aspect_ratio, version) => setView((v) => ({ ...v, aspect_ratio, version }))}
              onStale={(message) => { setNotice(message); router.refresh(); }} />
            <ConfirmButton small label="Delete storyboard" confirmLabel="Yes, delete storyboard" busyLabel="Deleting…"
              question={`Delete “${view.title}” with its ${plural(view.scenes.length, "scene")} and their tasks? You can bring it back with Undo.`}
              onConfirm={async () => {
                const r = await deleteStoryboardAction(view.id);
                if (!r.ok) return r.error.message;
                router.push(afterDeleteUrl(`/projects/${r.data.project_id}`, { label: `Storyboard “${view.title}”`, change_id: r.data.change_id, project_id: r.data.project_id, storyboard_id: view.id }));
                return null;
              }} />
          </div>
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
          <DndContext id="scene-order" sensors={sensors} collisionDetection={closestCenter} onDragEnd={dragEnd}
            accessibility={{ announcements: announcements((id) => view.scenes.find((s) => s.id === id)?.scene_number), screenReaderInstructions: DND_INSTRUCTIONS }}>
          <SortableContext items={view.scenes.map((s) => s.id)} strategy={verticalListSortingStrategy}>
          <ol className="card-list scene-list">
            {view.scenes.map((s, i) => {
              const start = starts[i]!;
              return (
                <SceneItem key={s.id} after={adding === s.scene_number} onAddCancel={closeAdd}
                  onAdd={async (fields, key) => {
                    const { r, last } = await inTurn((version) => insertSceneAction(view.id, s.scene_number + 1, fields, version, key));
                    if (r.ok) {
                      if (last) setView(r.data);
                      closeAdd();
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
                    expanded={expanded[s.id] ?? (compact === null ? null : !compact)}
                    onToggle={() => setExpanded((e) => ({ ...e, [s.id]: !(e[s.id] ?? !compact) }))}
                    attach={(el) => { if (el) cards.current.set(s.id, el); else cards.current.delete(s.id); }}
                    onSave={(patch) => saveScene(s.id, patch)}
                    onTask={(taskId, done) => setTask(s.id, taskId, done)}
                    onMove={(position) => void moveScene(s.id, position)}
                    onRegenerate={() => {
                      const edits = handEdits([s], REGENERATED_SCENE_FIELDS);
                      if (edits.length > 0) setRegenerating({ sceneId: s.id, number: s.scene_number, edits });
                      else void regenerate(s.id);
                    }}
                    onDelete={async () => {
                      const { r, last } = await inTurn((version) => deleteSceneAction(view.id, s.id, version));
                      if (!r.ok) return (await apply(r)) ?? r.error.message;
                      if (last) setView(r.data);
                      focusAfterDelete(i);
                      return null;
                    }}
                    onAddAfter={(invoker) => openAdd(s.scene_number, invoker)} />
                </SceneItem>
              );
            })}
          </ol>
          </SortableContext>
          </DndContext>
          {regenerating && (
            <RegenerateConfirm what={`scene ${regenerating.number}`} edits={regenerating.edits} onCancel={() => setRegenerating(null)}
              onConfirm={() => { const id = regenerating.sceneId; setRegenerating(null); void regenerate(id); }} />
          )}
          {adding === "end" ? (
            <AddSceneForm after={null} onCancel={closeAdd}
              onAdd={async (fields, key) => {
                const { r, last } = await inTurn((version) => insertSceneAction(view.id, null, fields, version, key));
                if (r.ok) {
                  if (last) setView(r.data);
                  closeAdd();
                  return null;
                }
                if (r.error.current) return (await apply(r)) ?? r.error.message; // the form stays open with what was typed
                return r.error.fields ?? r.error.message;
              }} />
          ) : (
            <button ref={addEndButton} type="button" className="btn add-end" onClick={(e) => openAdd("end", e.currentTarget)}>+ Add a scene at the end</button>
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
