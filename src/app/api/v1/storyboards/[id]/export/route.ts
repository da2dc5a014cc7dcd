// GET /api/v1/storyboards/:id/export?format=pdf|csv|json|md[&layout=1|2|3|6&orientation=portrait|landscape&paper=a4|letter&fields=visual,voiceover,overlay,camera,tasks]
import { exportStoryboard } from "@/features/exports/export-storyboard";
import { apiRoute, idParam } from "@/server/api";
import { fileResponse } from "@/server/files";

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ req, params, userId }) =>
  fileResponse(await exportStoryboard(userId, idParam(params.id, "Storyboard"), Object.fromEntries(req.nextUrl.searchParams))),
  { limit: "export" },
);
