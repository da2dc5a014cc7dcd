// A storyboard's generation: the engine (or the LLM) run for one storyboard in 'generating'.
// Retried on an unexpected failure or a lost worker; idempotent (runGeneration completes only a
// storyboard still generating, scenes and status in one transaction).
import { z } from "zod";
import type { JobDefinition } from "../types";

export const generateStoryboardPayload = z.object({ userId: z.string().min(1), storyboardId: z.number().int().positive() });
export type GenerateStoryboardPayload = z.infer<typeof generateStoryboardPayload>;

export const generateStoryboardJob: JobDefinition<GenerateStoryboardPayload> = {
  name: "generate-storyboard",
  description: "Generate a storyboard's scenes (queued by New storyboard, Retry, New variation)",
  payload: generateStoryboardPayload,
  // GENERATION_JOB_RETRIES, GENERATION_JOB_RETRY_DELAY_SECONDS, GENERATION_JOB_TIMEOUT_SECONDS override these.
  retry: { limit: 3, delaySeconds: 5 },
  timeoutSeconds: 120,
  singleton: false,
};
