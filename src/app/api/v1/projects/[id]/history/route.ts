// GET /api/v1/projects/:id/history?before=&limit=: the project's changes, newest first, from the audit log.
import { parseInput } from "@/domain/schemas";
import { getProjectHistory } from "@/features/history/get-project-history";
import { apiRoute, idParam } from "@/server/api";
import { historyQuery } from "../../../schemas";

export const GET = apiRoute<{ id: string }>(async ({ req, params, userId }) => {
  const q = req.nextUrl.searchParams;
  const page = parseInput(historyQuery, { before: q.get("before"), limit: q.get("limit") });
  return getProjectHistory(userId, idParam(params.id, "Project"), { ...(page.before !== undefined && { before: page.before }), ...(page.limit !== undefined && { limit: page.limit }) });
});
