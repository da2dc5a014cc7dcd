import { maintainAuditLog } from "../../../features/history/maintain-audit-log";
import { jobSettings } from "../settings";
import type { JobHandler } from "../types";

export const handleAuditPartitions: JobHandler<Record<string, never>> = async (_payload, ctx) => {
  const { monthsAhead, retentionMonths } = jobSettings().audit;
  return maintainAuditLog({ monthsAhead, retentionMonths }, ctx.progress);
};
