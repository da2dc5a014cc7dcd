// Scenes for the render tests and the export benchmark: every kind of text a writer must survive
// (quotes, commas, line breaks, formulas, accents, Japanese) and a spread of camera set-ups.
import { TASK_TYPES } from "../domain/constants";
import type { SceneWithTasks } from "../domain/types";

const CAMERAS = ["CU, low, push-in", "MS, high, dolly", "insert, overhead, static", "WS, eye level, tracking", "ECU, dutch, whip", "OTS, eye level, handheld", "POV, high, pan", "screen capture, eye level, static", "EWS, high, pull-out", "selfie, eye level, handheld", "MCU, eye level, tilt"];
const VISUALS = [
  "Close-up of the cup steaming on a kitchen counter at dawn",
  'She says "wow", then\nlaughs',
  "Café crème, ¿qué tal? Größe straße, ação — œuvre",
  "今日は東京で撮影します。カメラを準備してください。",
  "=1+1 costs nothing",
];

export function testScenes(n = 6): SceneWithTasks[] {
  return Array.from({ length: n }, (_, i) => {
    const id = 1000 + i;
    const type = i === 0 ? "hook" : i === n - 1 ? "cta" : "content";
    return {
      id,
      storyboard_id: 1,
      scene_number: i + 1,
      duration: i === 0 ? 3 : 5,
      scene_type: type,
      visual_description: VISUALS[i % VISUALS.length]!,
      script: i % 3 === 2 ? "朝のコーヒーを、もっと簡単に。" : `Line ${i + 1}: keep it hot for six hours, no queue, no waste.`,
      text_overlay: i % 4 === 3 ? "今日から始める" : i === n - 1 ? "Link in bio" : `Tip ${i + 1}: é à ü`,
      camera_angle: CAMERAS[i % CAMERAS.length]!,
      beat: null,
      needs_input: null,
      edited_fields: [],
      created_at: "2026-01-01T00:00:00.000Z",
      updated_at: "2026-01-01T00:00:00.000Z",
      tasks: TASK_TYPES.map((t, k) => ({ id: id * 10 + k, scene_id: id, task_type: t, completed: i === 0 && k === 0, completed_at: null, updated_at: "2026-01-01T00:00:00.000Z" })),
      image: null,
    };
  });
}
