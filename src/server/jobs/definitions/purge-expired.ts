// The hourly purge of what has expired: Idempotency-Keys older than 24 h (docs/api.md,
// "Idempotency-Key"), Auth.js sessions and sign-in tokens past their expiry, and scene pictures'
// blobs nothing names any more (docs/schema.md, "Undo and history").
import { z } from "zod";
import type { JobDefinition } from "../types";

export const purgeExpiredJob: JobDefinition<Record<string, never>> = {
  name: "purge-expired",
  description: "Delete expired Idempotency-Keys, sessions and sign-in tokens, and unused scene picture blobs",
  payload: z.object({}).strict(),
  retry: { limit: 3, delaySeconds: 60 },
  timeoutSeconds: 10 * 60,
  singleton: true,
  schedule: { env: "EXPIRED_PURGE_SCHEDULE", cron: "50 * * * *" },
};
