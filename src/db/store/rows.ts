// Turns rows of either driver into domain objects: PostgreSQL gives Date, boolean and parsed
// JSON; SQLite gives integer milliseconds, 0/1 and JSON text.
import type { Project, Scene, SceneComment, SceneImageMeta, SceneTask, Storyboard, User } from "../../domain/types";
import type { Row } from "./driver";
import { parseEditedFields } from "../../domain/history";

export const iso = (v: unknown): string => {
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "number") return new Date(v).toISOString();
  return new Date(String(v)).toISOString();
};
const isoOrNull = (v: unknown) => (v === null || v === undefined ? null : iso(v));
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
export const num = (v: unknown) => Number(v ?? 0);
const jsonArray = (v: unknown): string[] => {
  if (Array.isArray(v)) return v.map(String);
  if (typeof v === "string" && v !== "") {
    const parsed: unknown = JSON.parse(v);
    return Array.isArray(parsed) ? parsed.map(String) : [];
  }
  return [];
};

const jsonObject = (v: unknown): Record<string, never> => {
  const parsed: unknown = typeof v === "string" && v !== "" ? JSON.parse(v) : v;
  return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, never>) : {};
};

export const toUser = (r: Row): User => ({
  id: String(r.id),
  email: String(r.email),
  name: str(r.name),
  image: str(r.image),
  created_at: iso(r.created_at),
  updated_at: iso(r.updated_at),
});

export const toProject = (r: Row): Project => ({
  id: num(r.id),
  user_id: String(r.user_id),
  title: String(r.title),
  description: str(r.description),
  status: String(r.status) as Project["status"],
  created_at: iso(r.created_at),
  updated_at: iso(r.updated_at),
});

export const toStoryboard = (r: Row): Storyboard => ({
  id: num(r.id),
  project_id: num(r.project_id),
  title: String(r.title),
  brief: String(r.brief),
  reference_urls: jsonArray(r.reference_urls),
  total_scenes: num(r.total_scenes),
  total_duration: num(r.total_duration),
  pattern_source: str(r.pattern_source),
  status: String(r.status) as Storyboard["status"],
  error_message: str(r.error_message),
  generation_options: jsonObject(r.generation_options),
  aspect_ratio: String(r.aspect_ratio ?? "9:16") as Storyboard["aspect_ratio"],
  approval_state: String(r.approval_state ?? "draft") as Storyboard["approval_state"],
  is_main: r.is_main === true || r.is_main === 1,
  generated_at: iso(r.generated_at),
  updated_at: iso(r.updated_at),
  version: num(r.version),
});

export const toScene = (r: Row): Scene => ({
  id: num(r.id),
  storyboard_id: num(r.storyboard_id),
  scene_number: num(r.scene_number),
  duration: num(r.duration),
  scene_type: String(r.scene_type) as Scene["scene_type"],
  visual_description: String(r.visual_description),
  script: str(r.script),
  text_overlay: str(r.text_overlay),
  camera_angle: str(r.camera_angle),
  beat: str(r.beat),
  needs_input: str(r.needs_input),
  edited_fields: parseEditedFields(r.edited_fields),
  created_at: iso(r.created_at),
  updated_at: iso(r.updated_at),
});

/** The image columns of a scene row (prefixed image_), or null when the scene has no image. */
export const toImageMeta = (r: Row): SceneImageMeta | null =>
  r.image_content_type === null || r.image_content_type === undefined
    ? null
    : {
        content_type: String(r.image_content_type) as SceneImageMeta["content_type"],
        width: num(r.image_width),
        height: num(r.image_height),
        byte_size: num(r.image_byte_size),
        updated_at: iso(r.image_updated_at),
      };

export const toTask = (r: Row): SceneTask => ({
  id: num(r.id),
  scene_id: num(r.scene_id),
  task_type: String(r.task_type) as SceneTask["task_type"],
  completed: Boolean(r.completed),
  completed_at: isoOrNull(r.completed_at),
  updated_at: iso(r.updated_at),
});

export const progressOf = (r: Row) => ({ total_tasks: num(r.total_tasks), completed_tasks: num(r.completed_tasks) });

export const toComment = (r: Row): SceneComment => ({
  id: num(r.id),
  scene_id: num(r.scene_id),
  storyboard_id: num(r.storyboard_id),
  author: String(r.author) as SceneComment["author"],
  author_name: str(r.author_name),
  body: String(r.body),
  resolved: Boolean(r.resolved),
  resolved_at: isoOrNull(r.resolved_at),
  created_at: iso(r.created_at),
});
