// "Edit brief and regenerate": the storyboard is written again from its edited brief, reference
// URLs and options by the same generation job as a new storyboard or a retry (run-generation.ts),
// which replaces its scenes and tasks; the editor asked first, naming what is replaced.
import type { GenerationOptions, Storyboard } from "../../domain/types";
import type { WriteCondition } from "../../db/store/types";
import { limitGeneration } from "../../server/rate-limit";
import { invalidateUser, services } from "../../server/services";
import { enqueueGeneration } from "./run-generation";

export interface BriefEdit {
  brief: string;
  reference_urls: string[];
  /** Left out: inferred again from the brief. */
  duration?: number;
  platform?: GenerationOptions["platform"];
  pattern?: string;
}

export async function regenerateStoryboard(userId: string, storyboardId: number, edit: BriefEdit, cond?: WriteCondition): Promise<Storyboard> {
  const { store, cache } = await services();
  const before = await store.getStoryboard(userId, storyboardId);
  await limitGeneration(userId);
  const { duration: _duration, platform: _platform, pattern: _pattern, brief_fields, ...kept } = before.generation_options;
  const options: GenerationOptions = {
    ...kept,
    ...(edit.duration !== undefined && { duration: edit.duration }),
    ...(edit.platform !== undefined && { platform: edit.platform }),
    ...(edit.pattern !== undefined && { pattern: edit.pattern }),
    auto_pattern: edit.pattern === undefined,
    // Corrections of what the engine read belong to the brief they were made on.
    ...(brief_fields && edit.brief === before.brief && { brief_fields }),
  };
  const sb = await store.beginRegenerate(userId, storyboardId, { brief: edit.brief, reference_urls: edit.reference_urls, generation_options: options }, cond);
  try {
    await enqueueGeneration(userId, storyboardId);
  } catch (e) {
    // Nothing will generate it: 'error' with a reason, and Retry runs it again from the new brief.
    await store.setStoryboardStatus(userId, storyboardId, "error", "The regeneration could not be queued; try again");
    throw e;
  } finally {
    await invalidateUser(cache, userId);
  }
  return sb;
}
