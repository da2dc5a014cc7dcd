// The words of undo and history: what Regenerate names before overwriting hand edits, and the
// scene-by-scene difference between a version and the storyboard now.
import { describe, expect, it } from "vitest";
import { REGENERATED_SCENE_FIELDS, diffScenes, handEdits, parseEditedFields, type VersionScene } from "./history";

const scene = (id: number, n: number, over: Partial<VersionScene> = {}): VersionScene => ({
  id,
  scene_number: n,
  duration: 5,
  scene_type: "content",
  visual_description: `Visual ${id}`,
  script: `Line ${id}`,
  text_overlay: null,
  camera_angle: null,
  tasks_done: [],
  ...over,
});

describe("handEdits", () => {
  it("names each scene's hand-edited fields that the regenerate rewrites, in scene order", () => {
    const scenes = [
      { scene_number: 5, edited_fields: ["script", "text_overlay"] },
      { scene_number: 2, edited_fields: ["text_overlay"] },
      { scene_number: 3, edited_fields: ["duration"] },
    ];
    expect(handEdits(scenes)).toEqual(["Scene 2: overlay", "Scene 3: duration", "Scene 5: voice-over, overlay"]);
    // A scene regenerate keeps duration and type: those edits are not at stake.
    expect(handEdits(scenes, REGENERATED_SCENE_FIELDS)).toEqual(["Scene 2: overlay", "Scene 5: voice-over, overlay"]);
    expect(handEdits([{ scene_number: 1, edited_fields: [] }])).toEqual([]);
  });

  it("reads scenes.edited_fields, ignoring what it does not know", () => {
    expect(parseEditedFields("script,text_overlay,bogus")).toEqual(["script", "text_overlay"]);
    expect(parseEditedFields(null)).toEqual([]);
    expect(parseEditedFields("")).toEqual([]);
  });
});

describe("diffScenes", () => {
  it("pairs scenes by id through edits and moves, and reports added and removed ones", () => {
    const version = [scene(1, 1), scene(2, 2), scene(3, 3)];
    const current = [scene(2, 1), scene(1, 2, { script: "Edited", tasks_done: ["script_written"] }), scene(9, 3)];
    expect(diffScenes(version, current)).toEqual([
      { kind: "changed", scene_number: 1, was_number: 2, fields: [] },
      {
        kind: "changed",
        scene_number: 2,
        was_number: 1,
        fields: [
          { field: "script", label: "voice-over", version: "Line 1", current: "Edited" },
          { field: "tasks_done", label: "ticked tasks", version: [], current: ["script_written"] },
        ],
      },
      { kind: "added", scene_number: 3, fields: [] },
      { kind: "removed", scene_number: 3, fields: [] },
    ]);
    expect(diffScenes(version, version)).toEqual([]);
  });

  it("pairs by number when no id is shared (a regenerated storyboard)", () => {
    const version = [scene(1, 1), scene(2, 2)];
    const current = [scene(11, 1, { script: "Line 1", visual_description: "Visual 1" }), scene(12, 2, { script: "New" }), scene(13, 3)];
    expect(diffScenes(version, current).map((d) => [d.kind, d.scene_number, d.fields.map((f) => f.field)])).toEqual([
      ["changed", 2, ["visual_description", "script"]],
      ["added", 3, []],
    ]);
  });
});
