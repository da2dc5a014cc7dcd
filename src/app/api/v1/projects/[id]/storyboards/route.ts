// GET /api/v1/projects/:id/storyboards: the project's storyboards with progress.
// POST: generate a new one. It answers 202 at once with the storyboard in 'generating'; the
// engine runs in the background and the caller polls GET /api/v1/storyboards/:id.
import type { StoryboardGenerate } from "@/domain/schemas";
import { generateStoryboard } from "@/features/storyboards/generate-storyboard";
import { listStoryboards } from "@/features/storyboards/list-storyboards";
import { apiRoute, idParam, readJson } from "@/server/api";

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ params, userId }) => listStoryboards(userId, idParam(params.id, "Project")));

export const POST = apiRoute<Params>(
  async ({ req, params, userId }) => {
    const projectId = idParam(params.id, "Project");
    return generateStoryboard(userId, projectId, (await readJson(req)) as StoryboardGenerate);
  },
  { status: 202, limit: "generate", idempotent: true },
);
