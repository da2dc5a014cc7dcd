// What the animatic and shoot mode play: the storyboard's scenes in order with their start
// times, the voice-over as caption cues and the teleprompter's pace (the engine's speaking
// rate for the script's language), and each scene's "scene filmed" task.
import type { AspectRatio, SceneType, StoryboardStatus } from "../../domain/types";
import { captionCues, readingPace, type CaptionCue, type ReadingPace } from "../../engine/captions";
import { services } from "../../server/services";

export interface PreviewScene {
  id: number;
  scene_number: number;
  scene_type: SceneType;
  /** Seconds from the start of the video. */
  start: number;
  duration: number;
  visual_description: string;
  script: string | null;
  text_overlay: string | null;
  camera_angle: string | null;
  captions: CaptionCue[];
  pace: ReadingPace;
  filmed_task_id: number | null;
  filmed: boolean;
}

export interface PreviewView {
  id: number;
  title: string;
  project_id: number;
  project_title: string;
  status: StoryboardStatus;
  platform: string | null;
  aspect_ratio: AspectRatio;
  total_duration: number;
  scenes: PreviewScene[];
}

export async function getPreview(userId: string, storyboardId: number): Promise<PreviewView> {
  const { store } = await services();
  const sb = await store.getStoryboard(userId, storyboardId);
  const project = await store.getProject(userId, sb.project_id);
  let at = 0;
  const scenes = sb.scenes.map((s): PreviewScene => {
    const filmed = s.tasks.find((t) => t.task_type === "scene_filmed");
    const start = at;
    at += s.duration;
    return {
      id: s.id,
      scene_number: s.scene_number,
      scene_type: s.scene_type,
      start,
      duration: s.duration,
      visual_description: s.visual_description,
      script: s.script,
      text_overlay: s.text_overlay,
      camera_angle: s.camera_angle,
      captions: captionCues(s.script, s.duration),
      pace: readingPace(s.script),
      filmed_task_id: filmed?.id ?? null,
      filmed: filmed?.completed ?? false,
    };
  });
  return {
    id: sb.id,
    title: sb.title,
    project_id: sb.project_id,
    project_title: project.title,
    status: sb.status,
    platform: sb.generation_options.platform ?? null,
    aspect_ratio: sb.aspect_ratio,
    total_duration: at,
    scenes,
  };
}
