// Projects and storyboards deleted more than DELETED_KEEP_DAYS ago are removed for good
// (src/features/history/purge-deleted.ts); until then Undo restores them.
import { z } from "zod";
import type { JobDefinition } from "../types";

export const purgeDeletedJob: JobDefinition<{ keepDays?: number | undefined }> = {
  name: "purge-deleted",
  description: "Remove projects and storyboards deleted more than DELETED_KEEP_DAYS ago",
  payload: z.object({ keepDays: z.number().int().min(0).optional() }).strict(),
  retry: { limit: 3, delaySeconds: 300 },
  timeoutSeconds: 30 * 60,
  singleton: true,
  schedule: { env: "DELETED_PURGE_SCHEDULE", cron: "10 3 * * *" },
};
