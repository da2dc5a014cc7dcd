import type { Storyboard } from "../../domain/types";
import { invalidateUser, services } from "../../server/services";

/**
 * "Make main": the project's progress (project page, dashboard) follows this storyboard's tasks
 * from now on; the dashboard's cached list is replaced after the commit.
 */
export async function setMainStoryboard(userId: string, storyboardId: number): Promise<Storyboard> {
  const { store, cache } = await services();
  const sb = await store.setMainStoryboard(userId, storyboardId);
  await invalidateUser(cache, userId);
  return sb;
}
