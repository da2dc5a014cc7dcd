// One scene's frame at the storyboard's aspect ratio, as the animatic and shoot mode show it:
// a blank frame tinted by scene type with what the camera sees written faintly, the on-screen
// text where a viewer reads it, and the voice-over caption along the bottom.
import type { AspectRatio } from "../../domain/types";
import type { PreviewScene } from "../../features/preview/get-preview";
import { capitalize } from "../format";

const RATIO: Record<AspectRatio, string> = { "9:16": "9 / 16", "16:9": "16 / 9", "1:1": "1 / 1", "4:5": "4 / 5" };

export function PreviewFrame({ scene, aspect, caption, size = "stage" }: {
  scene: PreviewScene;
  aspect: AspectRatio;
  caption?: string | null;
  size?: "stage" | "thumb";
}) {
  const [w, h] = aspect.split(":").map(Number) as [number, number];
  return (
    <div className={`pv-frame pv-frame-${size} pv-type-${scene.scene_type}`} style={{ aspectRatio: RATIO[aspect], ["--pv-ratio" as string]: String(w / h) }}
      data-testid="preview-frame" data-aspect={aspect}>
      <p className="pv-frame-tag" aria-hidden="true">{scene.scene_number} · {scene.scene_type === "cta" ? "CTA" : capitalize(scene.scene_type)}</p>
      {size === "stage" && <p className="pv-frame-visual">{scene.visual_description}</p>}
      {scene.text_overlay && <p className="pv-frame-overlay" data-testid="frame-overlay">{scene.text_overlay}</p>}
      {caption && <p className="pv-frame-caption" data-testid="frame-caption">{caption}</p>}
    </div>
  );
}
