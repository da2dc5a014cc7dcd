// A storyboard of exactly seven scenes, made through the API as a creator would (generate, then
// add scenes at the end): the size the phone and accessibility tests measure the editor at.
import type { APIRequestContext } from "playwright-core";
import { jsonApi } from "./browser";

export const MEAL_PREP_BRIEF =
  "Meal prep kit for busy parents. Sunday cooking takes three hours. Show the box, the five-minute prep, the family dinner, the price. End with: code PREP10 for 10% off.";

export interface FixtureBoard {
  id: number;
  project_id: number;
  status: string;
  title: string;
  scenes: Array<{ id: number; scene_number: number; tasks: Array<{ id: number; task_type: string; completed: boolean }> }>;
}

export async function sevenSceneStoryboard(request: APIRequestContext, baseUrl: string, projectTitle = "Meal prep launch"): Promise<FixtureBoard> {
  const api = <T>(method: string, path: string, data?: unknown) => jsonApi<T>(request, baseUrl, method, path, data);
  const project = await api<{ id: number }>("POST", "/projects", { title: projectTitle });
  const started = await api<{ id: number }>("POST", `/projects/${project.id}/storyboards`, { brief: MEAL_PREP_BRIEF, platform: "tiktok", duration: 30, seed: 5 });
  let board: FixtureBoard;
  for (;;) {
    board = await api<FixtureBoard>("GET", `/storyboards/${started.id}`);
    if (board.status !== "generating") break;
    await new Promise((r) => setTimeout(r, 200));
  }
  if (board.status !== "completed") throw new Error(`generation ended ${board.status}`);
  for (let n = board.scenes.length; n < 7; n++) {
    await api("POST", `/storyboards/${board.id}/scenes`, { visual_description: `Extra shot ${n + 1}: the lid comes off and the steam rises`, duration: 3, scene_type: "content" });
  }
  board = await api<FixtureBoard>("GET", `/storyboards/${board.id}`);
  if (board.scenes.length !== 7) throw new Error(`expected 7 scenes, got ${board.scenes.length}`);
  return board;
}
