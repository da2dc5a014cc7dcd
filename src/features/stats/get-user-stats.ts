// The dashboard header's figures: the user's projects, active projects and last activity, from
// the materialized view user_project_stats on PostgreSQL (as of its daily refresh).
import type { UserProjectStats } from "../../domain/types";
import { services } from "../../server/services";

export async function getUserStats(userId: string): Promise<UserProjectStats | null> {
  const { store } = await services();
  return store.getUserProjectStats(userId);
}
