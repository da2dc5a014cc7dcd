// Domain types returned by the store and sent by the API. Field names are the design's column
// names (snake_case) so that the database, the engine, the API and the UI speak one language.
// Timestamps are ISO-8601 strings: they survive JSON, the Redis cache and React serialization.
import type { Platform, ProjectStatus, SceneType, StoryboardStatus, TaskType } from "./constants";

export type { Platform, ProjectStatus, SceneType, StoryboardStatus, TaskType };

/** What the creator asked the engine for; absent keys were left to the engine to infer. */
export interface GenerationOptions {
  duration?: number;
  platform?: Platform;
  pattern?: string;
  seed?: number;
}

export interface User {
  id: string;
  email: string;
  name: string | null;
  image: string | null;
  created_at: string;
  updated_at: string;
}

export interface Progress {
  total_tasks: number;
  completed_tasks: number;
}

export interface Project {
  id: number;
  user_id: string;
  title: string;
  description: string | null;
  status: ProjectStatus;
  created_at: string;
  updated_at: string;
}

/** A dashboard row: the design's "projects with storyboard counts", plus task progress. */
export interface ProjectSummary extends Project, Progress {
  storyboard_count: number;
}

export interface Storyboard {
  id: number;
  project_id: number;
  title: string;
  brief: string;
  reference_urls: string[];
  total_scenes: number;
  total_duration: number;
  pattern_source: string | null;
  status: StoryboardStatus;
  error_message: string | null;
  generation_options: GenerationOptions;
  generated_at: string;
  updated_at: string;
}

export interface StoryboardSummary extends Storyboard, Progress {
  scene_count: number;
}

export interface Scene {
  id: number;
  storyboard_id: number;
  scene_number: number;
  duration: number;
  scene_type: SceneType;
  visual_description: string;
  script: string | null;
  text_overlay: string | null;
  camera_angle: string | null;
  /** The pattern beat the engine wrote the scene for ("hook", "item 2"); null for hand-made scenes. */
  beat: string | null;
  /** What the creator still has to supply for this scene ("Mistake 2: name it here"); null when nothing. */
  needs_input: string | null;
  created_at: string;
  updated_at: string;
}

export interface SceneTask {
  id: number;
  scene_id: number;
  task_type: TaskType;
  completed: boolean;
  completed_at: string | null;
  updated_at: string;
}

export interface SceneWithTasks extends Scene {
  tasks: SceneTask[];
}

export interface StoryboardWithScenes extends Storyboard, Progress {
  scenes: SceneWithTasks[];
}

export interface SceneProgress extends Scene, Progress {}

/** The design's "project details with complete hierarchy". */
export interface ProjectDetail extends Progress {
  project: Project;
  storyboards: Array<StoryboardSummary & { scenes: SceneProgress[] }>;
}
