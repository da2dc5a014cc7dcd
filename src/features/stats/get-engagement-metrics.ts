// The business metrics for operators (`npx storyboard stats`): daily projects created, daily
// active users and storyboards per project, newest day first.
import type { EngagementDay } from "../../domain/types";
import { metricsDays, parseField } from "../../domain/schemas";
import { services } from "../../server/services";

export async function getEngagementMetrics(days: number = 30): Promise<EngagementDay[]> {
  const n = parseField("days", metricsDays, days);
  const { store } = await services();
  return store.getEngagementMetrics(n);
}
