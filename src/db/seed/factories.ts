// Factories for users, projects, storyboards, scenes and tasks, built through the store itself.
// The tests build every fixture with them and `npm run db:seed` builds the demo data with them.
import { randomUUID } from "node:crypto";
import type { ProjectStatus } from "../../domain/constants";
import type { ProjectCreate, SceneInput, StoryboardCreate } from "../../domain/schemas";
import type { Project, StoryboardWithScenes, User } from "../../domain/types";
import type { Store } from "../store/types";

const CAMERAS = ["CU, eye level, push-in", "MS, eye level, static", "insert, overhead, static", "WS, low, tracking", "MCU, eye level, handheld"];

/** N scenes shaped like a real short: a hook, content beats, a call to action. */
export function sceneInputs(n: number, opts: { label?: string; duration?: number } = {}): SceneInput[] {
  const label = opts.label ?? "Scene";
  return Array.from({ length: n }, (_, i) => {
    const type = i === 0 ? "hook" : i === n - 1 && n > 1 ? "cta" : "content";
    return {
      duration: opts.duration ?? (type === "hook" ? 3 : type === "cta" ? 4 : 5),
      scene_type: type,
      visual_description: `${label} ${i + 1}: ${type === "hook" ? "close-up of the product in hand" : type === "cta" ? "creator points at the link on screen" : "demonstration of the next step"}`,
      script: type === "hook" ? "Stop scrolling: this fixes your mornings." : type === "cta" ? "Tap the link in bio to try it today." : `Point ${i}: show how it works, step by step.`,
      text_overlay: type === "hook" ? "Fix your mornings" : type === "cta" ? "Link in bio" : `Step ${i}`,
      camera_angle: CAMERAS[i % CAMERAS.length] ?? null,
    };
  });
}

export function createFactories(store: Store) {
  let n = 0;
  const next = () => ++n;
  return {
    user(over: { email?: string; name?: string } = {}): Promise<User> {
      const id = randomUUID().slice(0, 8);
      return store.upsertUserByEmail({ email: over.email ?? `creator-${id}@example.test`, name: over.name ?? `Creator ${id}` });
    },
    project(userId: string, over: Partial<ProjectCreate> & { status?: ProjectStatus } = {}): Promise<Project> {
      const i = next();
      return store.createProject(userId, { title: `Project ${i}`, description: `Short-form campaign number ${i}`, ...over });
    },
    storyboard(userId: string, projectId: number, over: Partial<StoryboardCreate> & { sceneCount?: number } = {}): Promise<StoryboardWithScenes> {
      const { sceneCount, ...rest } = over;
      const i = next();
      return store.createStoryboard(userId, {
        project_id: projectId,
        title: `Storyboard ${i}`,
        brief: "A 30-second TikTok for a reusable coffee cup: keeps drinks hot for 6 hours, link in bio.",
        reference_urls: ["https://www.tiktok.com/@brand/video/7300000000000000000"],
        pattern_source: "hook_value_cta",
        scenes: sceneInputs(sceneCount ?? 5),
        ...rest,
      });
    },
    /** Ticks the first `fraction` of a storyboard's tasks, scene by scene. */
    async completeTasks(userId: string, storyboard: StoryboardWithScenes, fraction: number): Promise<number> {
      const tasks = storyboard.scenes.flatMap((s) => s.tasks);
      const k = Math.round(tasks.length * fraction);
      for (const t of tasks.slice(0, k)) await store.setTaskCompleted(userId, t.id, true);
      return k;
    },
  };
}

export type Factories = ReturnType<typeof createFactories>;
