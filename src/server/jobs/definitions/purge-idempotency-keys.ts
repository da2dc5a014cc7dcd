// Idempotency-Keys are kept 24 h (docs/api.md, "Idempotency-Key"); this job deletes older ones.
import { z } from "zod";
import type { JobDefinition } from "../types";

export const purgeIdempotencyKeysJob: JobDefinition<Record<string, never>> = {
  name: "purge-idempotency-keys",
  description: "Delete Idempotency-Keys older than 24 hours",
  payload: z.object({}).strict(),
  retry: { limit: 3, delaySeconds: 60 },
  timeoutSeconds: 10 * 60,
  singleton: true,
  schedule: { env: "IDEMPOTENCY_PURGE_SCHEDULE", cron: "50 * * * *" },
};
