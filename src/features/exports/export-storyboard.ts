import { conflict } from "../../domain/errors";
import { exportQuerySchema, parseInput } from "../../domain/schemas";
import { toMarkdown } from "../../render/markdown";
import { services } from "../../server/services";
import { getStoryboard } from "../storyboards/get-storyboard";
import { exportFile, imageMap, renderShotFile, type ExportFile } from "./export-file";

/**
 * A storyboard as a file: PDF (layout options), CSV shot list, JSON (the API's storyboard with
 * its checks) or Markdown (as the CLI prints it).
 */
export async function exportStoryboard(userId: string, storyboardId: number, query: unknown): Promise<ExportFile> {
  const options = parseInput(exportQuerySchema, query);
  const { store } = await services();
  const view = await getStoryboard(userId, storyboardId);
  if (options.format === "json") return exportFile(`${JSON.stringify(view, null, 2)}\n`, "json", view.title);
  if (view.status === "generating") throw conflict("This storyboard is still being generated; export it when it is done");
  const platform = view.generation_options.platform ?? null;
  if (options.format === "md") {
    return exportFile(
      toMarkdown({
        title: view.title,
        platform: platform ?? "generic",
        aspect_ratio: view.aspect_ratio,
        total_duration: view.total_duration,
        total_scenes: view.scenes.length,
        pattern: view.generation_options.pattern ?? null,
        scenes: view.scenes,
        checks: view.checks,
        pattern_source: view.pattern_source,
      }),
      "md",
      view.title,
    );
  }
  const project = await store.getProject(userId, view.project_id);
  const images = options.format === "pdf" ? imageMap(await store.listSceneImages(userId, storyboardId)) : undefined;
  return renderShotFile(
    { project_title: project.title, storyboard: { title: view.title, aspect_ratio: view.aspect_ratio, platform, total_duration: view.total_duration }, scenes: view.scenes, images, date: new Date() },
    options,
  );
}
