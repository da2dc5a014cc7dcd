import { purgeDeleted } from "../../../features/history/purge-deleted";
import type { JobHandler } from "../types";

export const handlePurgeDeleted: JobHandler<{ keepDays?: number | undefined }> = async (payload, ctx) => {
  await purgeDeleted({ ...(payload.keepDays !== undefined && { keepDays: payload.keepDays }), onProgress: ctx.progress });
};
