import type { StoryboardSummary } from "../../domain/types";
import { services } from "../../server/services";

export async function listStoryboards(userId: string, projectId: number): Promise<StoryboardSummary[]> {
  return (await services()).store.listStoryboards(userId, projectId);
}
