import { conflict, notFound, validationError } from "../../domain/errors";
import { exportQuerySchema, parseInput } from "../../domain/schemas";
import { services } from "../../server/services";
import { imageMap, renderShotFile, type ExportFile } from "../exports/export-file";
import { hashShareToken } from "./share-token";

/** The PDF or CSV download of a shared page. */
export async function exportSharedStoryboard(token: string, query: unknown): Promise<ExportFile> {
  const options = parseInput(exportQuerySchema, query);
  if (options.format !== "pdf" && options.format !== "csv") throw validationError({ format: "A shared storyboard downloads as pdf or csv" });
  const hash = hashShareToken(token);
  const { store } = await services();
  const shared = hash ? await store.openSharedStoryboard(hash) : null;
  if (!shared || !hash) throw notFound("Page");
  if (shared.storyboard.status === "generating") throw conflict("This storyboard is still being prepared; try again in a moment");
  const images = options.format === "pdf" ? imageMap(await store.getSharedSceneImages(hash)) : undefined;
  const { title, aspect_ratio, platform, total_duration } = shared.storyboard;
  return renderShotFile({ project_title: shared.project_title, storyboard: { title, aspect_ratio, platform, total_duration }, scenes: shared.scenes, images, date: new Date() }, options);
}
