// POST /api/v1/briefs/understand: what the engine reads in a brief ("We read: ..."), before generating.
import { understandBrief } from "@/features/storyboards/understand-brief";
import { apiRoute, readJson } from "@/server/api";

export const POST = apiRoute(async ({ req }) => understandBrief(await readJson(req)), { limit: "engine" });
