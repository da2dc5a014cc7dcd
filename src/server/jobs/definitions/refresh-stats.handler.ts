import { refreshStats } from "../../../features/stats/refresh-stats";
import type { JobHandler } from "../types";

export const handleRefreshStats: JobHandler<Record<string, never>> = async (_payload, ctx) => refreshStats({ onProgress: ctx.progress });
