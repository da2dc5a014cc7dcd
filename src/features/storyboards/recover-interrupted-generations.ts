// Generation jobs live in the app process; a restart loses them. At start and then every half
// minute, storyboards still 'generating' with no progress for GENERATION_STALE_AFTER_MS are
// marked 'error' so the creator sees what happened and can retry.
import { appEnv } from "../../server/env";
import { services } from "../../server/services";

export const INTERRUPTED_MESSAGE = "Generation was interrupted (the server restarted). Retry to generate it again.";

export async function recoverInterruptedGenerations(now = new Date()): Promise<number> {
  const { store } = await services();
  return store.failInterruptedGenerations(new Date(now.getTime() - appEnv().generation.staleAfterMs), INTERRUPTED_MESSAGE);
}
