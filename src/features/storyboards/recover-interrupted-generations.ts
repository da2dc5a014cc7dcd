// The safety net under the durable generation jobs: storyboards still 'generating' with no
// progress for GENERATION_STALE_AFTER_MS and no live job (queued, retrying or running) are marked
// 'error', so the creator sees what happened and can retry. With the job queue this catches only
// what the queue cannot: a job that failed for good without a run of the handler (its last
// attempt's worker died), or a storyboard left generating by hand or by an old version.
import { generateStoryboardJob } from "../../server/jobs/definitions/generate-storyboard";
import { appEnv } from "../../server/env";
import { services } from "../../server/services";

export const INTERRUPTED_MESSAGE = "Generation was interrupted (the server restarted). Retry to generate it again.";

export async function recoverInterruptedGenerations(now = new Date()): Promise<number> {
  const { store, jobs } = await services();
  return store.failInterruptedGenerations(new Date(now.getTime() - appEnv().generation.staleAfterMs), INTERRUPTED_MESSAGE, async (ids) => {
    const live = await jobs.liveKeys(generateStoryboardJob.name);
    return new Set(ids.filter((id) => live.has(String(id))));
  });
}
