import { runGeneration } from "../../../features/storyboards/run-generation";
import type { JobHandler } from "../types";
import type { GenerateStoryboardPayload } from "./generate-storyboard";

export const handleGenerateStoryboard: JobHandler<GenerateStoryboardPayload> = async ({ userId, storyboardId }, ctx) => {
  await runGeneration(userId, storyboardId, ctx);
};
