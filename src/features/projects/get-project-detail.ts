import type { ProjectDetail } from "../../domain/types";
import { services } from "../../server/services";

/** The project page: the project, its storyboards with counts and progress, their scenes' progress. */
export async function getProjectDetail(userId: string, id: number): Promise<ProjectDetail> {
  return (await services()).store.getProjectDetail(userId, id);
}
