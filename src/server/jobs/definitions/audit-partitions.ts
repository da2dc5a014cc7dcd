// Audit log upkeep: monthly partitions created ahead, partitions past retention dropped
// (SQLite: rows past retention deleted). Idempotent: a re-run creates and drops nothing new.
import { z } from "zod";
import type { JobDefinition } from "../types";

export const auditPartitionsJob: JobDefinition<Record<string, never>> = {
  name: "audit-partitions",
  description: "Create the audit log's monthly partitions ahead (AUDIT_PARTITIONS_AHEAD) and drop those past AUDIT_RETENTION_MONTHS",
  payload: z.object({}).strict(),
  retry: { limit: 3, delaySeconds: 60 },
  timeoutSeconds: 15 * 60,
  singleton: true,
  schedule: { env: "AUDIT_PARTITION_SCHEDULE", cron: "10 0 * * *" },
};
