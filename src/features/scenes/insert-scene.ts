import type { SceneInput } from "../../domain/schemas";
import type { SceneWithTasks } from "../../domain/types";
import { invalidateUser, services } from "../../server/services";

/** Adds a scene at a position (1..N+1; default: the end) with its four tasks. */
export async function insertScene(userId: string, storyboardId: number, position: number | undefined, input: SceneInput): Promise<SceneWithTasks> {
  const { store, cache } = await services();
  const at = position ?? (await store.getStoryboard(userId, storyboardId)).scenes.length + 1;
  const scene = await store.insertScene(userId, storyboardId, at, input);
  await invalidateUser(cache, userId);
  return scene;
}
