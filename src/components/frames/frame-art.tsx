// A scene's frame: its uploaded picture, or the sketch drawn from its camera set-up, in the
// storyboard's aspect ratio. No state: the storyboard page, the shared page and print all use it.
import type { AspectRatio, Platform } from "../../domain/constants";
import type { SceneWithTasks } from "../../domain/types";
import { sketchFrame } from "../../render/frame/sketch";
import { sketchToSvg } from "../../render/frame/svg";

export interface FrameArtProps {
  scene: Pick<SceneWithTasks, "scene_number" | "scene_type" | "camera_angle" | "text_overlay">;
  aspectRatio: AspectRatio;
  platform: Platform | null;
  /** URL of the uploaded picture, when there is one. */
  imageSrc?: string | null;
}

export function FrameArt({ scene, aspectRatio, platform, imageSrc }: FrameArtProps) {
  const ratio = aspectRatio.replace(":", " / ");
  if (imageSrc) {
    return (
      <div className="frame-art" style={{ aspectRatio: ratio }} data-testid="scene-frame" data-kind="image">
        {/* A user's own picture, already re-encoded by the server; next/image adds nothing here. */}
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img src={imageSrc} alt={`Scene ${scene.scene_number}: uploaded frame`} loading="lazy" />
      </div>
    );
  }
  const sketch = sketchFrame({ ...scene, aspect_ratio: aspectRatio, platform });
  return (
    <div className="frame-art" style={{ aspectRatio: ratio }} data-testid="scene-frame" data-kind="sketch" data-shot={sketch.composition.size}
      dangerouslySetInnerHTML={{ __html: sketchToSvg(sketch, { label: `Scene ${scene.scene_number} frame: ${sketch.title}` }) }} />
  );
}
