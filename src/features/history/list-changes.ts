import type { HistoryScope } from "../../db/store/types";
import type { UndoState } from "../../domain/types";
import { services } from "../../server/services";

/** What Undo and Redo would do next, and the newest changes (at most 50). */
export async function listChanges(userId: string, scope: HistoryScope): Promise<UndoState> {
  const { store } = await services();
  return store.listChanges(userId, scope);
}
