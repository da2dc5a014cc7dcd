// Undo and Redo (docs/schema.md, "Undo and history"): one step of a storyboard's or a project's
// undo stack. Refused with a conflict naming what moved on when the change's rows were changed since.
import type { HistoryScope, WriteCondition } from "../../db/store/types";
import type { UndoResult } from "../../domain/types";
import { invalidateUser, services } from "../../server/services";

export async function undoChange(userId: string, scope: HistoryScope, opts: { change_id?: number | undefined; cond?: WriteCondition | undefined } = {}): Promise<UndoResult> {
  const { store, cache } = await services();
  const r = await store.undo(userId, scope, opts);
  await invalidateUser(cache, userId);
  return r;
}

export async function redoChange(userId: string, scope: HistoryScope, opts: { change_id?: number | undefined; cond?: WriteCondition | undefined } = {}): Promise<UndoResult> {
  const { store, cache } = await services();
  const r = await store.redo(userId, scope, opts);
  await invalidateUser(cache, userId);
  return r;
}
