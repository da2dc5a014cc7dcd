// The shared schemas the forms, the server actions, the API and the store all validate with.
import { describe, expect, it } from "vitest";
import {
  briefEditFormSchema,
  checkInput,
  fieldError,
  fieldErrors,
  numberFromText,
  projectCreateSchema,
  projectPatchSchema,
  sceneFormSchema,
  sceneInputSchema,
  scenePatchSchema,
  storyboardCreateSchema,
  storyboardFormSchema,
  totalDurationError,
  variationFormSchema,
} from "./schemas";

describe("scene durations", () => {
  it("are whole seconds from 1 to 60", () => {
    for (const ok of [1, 3, 60]) expect(fieldError(scenePatchSchema, "duration", ok)).toBeNull();
    expect(fieldError(scenePatchSchema, "duration", 0)).toBe("Duration must be at least 1 second");
    expect(fieldError(scenePatchSchema, "duration", 61)).toMatch(/^Duration must be at most 60 seconds/);
    expect(fieldError(scenePatchSchema, "duration", 999)).toMatch(/^Duration must be at most 60 seconds/);
    expect(fieldError(scenePatchSchema, "duration", 2.5)).toBe("Duration must be a whole number of seconds");
    expect(fieldError(scenePatchSchema, "duration", "12")).toBe("Duration must be a whole number of seconds");
  });

  it("default to 3 s when a scene is added without one", () => {
    expect(checkInput(sceneInputSchema, { visual_description: "v" })).toEqual({ ok: true, data: expect.objectContaining({ duration: 3 }) });
  });

  it("are read from typed text by the forms: digits only, empty is missing", () => {
    expect(numberFromText(" 12 ")).toBe(12);
    expect(numberFromText("")).toBeUndefined();
    expect(numberFromText("1e3")).toBe("1e3");
    expect(numberFromText(7)).toBe(7);
  });
});

describe("the add-scene form", () => {
  it("reports every bad field at once", () => {
    expect(fieldErrors(sceneFormSchema, { visual_description: "  ", scene_type: "content", duration: "0" })).toEqual({
      visual_description: "Visual description is required: say what the camera sees",
      duration: "Duration must be at least 1 second",
    });
    expect(fieldErrors(sceneFormSchema, { visual_description: "v", scene_type: "intro", duration: "abc" })).toEqual({
      scene_type: "Scene type must be one of hook, content, cta, transition",
      duration: "Duration must be a whole number of seconds",
    });
    expect(fieldErrors(sceneFormSchema, { visual_description: "v", scene_type: "hook", duration: "" })).toEqual({ duration: "Duration must be a whole number of seconds" });
    expect(checkInput(sceneFormSchema, { visual_description: " A shot ", scene_type: "hook", duration: "60" })).toEqual({ ok: true, data: { visual_description: "A shot", scene_type: "hook", duration: 60 } });
  });
});

describe("a storyboard's total running time", () => {
  it("stays within its platform's maximum", () => {
    expect(totalDurationError(180, null)).toBeNull();
    expect(totalDurationError(181, undefined)).toBe("The storyboard would run 181 s; a storyboard allows at most 180 s. Shorten a scene first.");
    expect(totalDurationError(90, "facebook_reels")).toBeNull();
    expect(totalDurationError(91, "facebook_reels")).toMatch(/Facebook Reels allows at most 90 s/);
  });

  it("is checked when a storyboard is created whole", () => {
    const scenes = (ds: number[]) => ds.map((duration) => ({ duration, visual_description: "v" }));
    expect(checkInput(storyboardCreateSchema, { project_id: 1, title: "t", brief: "b", scenes: scenes([60, 60, 60]) }).ok).toBe(true);
    expect(fieldErrors(storyboardCreateSchema, { project_id: 1, title: "t", brief: "b", scenes: scenes([60, 60, 60, 1]) })).toEqual({
      scenes: "The storyboard would run 181 s; a storyboard allows at most 180 s. Shorten a scene first.",
    });
    expect(fieldErrors(storyboardCreateSchema, { project_id: 1, title: "t", brief: "b", scenes: scenes([0, 999]) })).toEqual({
      "scenes.0.duration": "Duration must be at least 1 second",
      "scenes.1.duration": expect.stringMatching(/^Duration must be at most 60 seconds/),
    });
  });
});

describe("the new-storyboard and edit-brief forms", () => {
  it("report every bad field at once, a bad reference URL by its line", () => {
    expect(fieldErrors(storyboardFormSchema, { title: "x".repeat(256), brief: " ", reference_urls: "https://ok.example\n\nftp://nope", duration: "500", platform: "myspace" })).toEqual({
      title: "Title must be at most 255 characters",
      brief: "Brief is required: describe the video you want to make",
      reference_urls: 'Line 3 ("ftp://nope") is not an http(s) address',
      duration: "Target duration must be at most 180 seconds",
      platform: "Choose a platform from the list",
    });
    const eleven = Array.from({ length: 11 }, (_, i) => `https://e.example/${i}`).join("\n");
    expect(fieldErrors(briefEditFormSchema, { brief: "b", reference_urls: eleven })).toEqual({ reference_urls: "At most 10 reference URLs (you entered 11)" });
  });

  it("refuse a length beyond the chosen platform's maximum", () => {
    expect(fieldErrors(storyboardFormSchema, { brief: "b", duration: "120", platform: "facebook_reels" })).toEqual({ duration: "Target duration must be at most 90 seconds on Facebook Reels" });
    expect(fieldErrors(storyboardFormSchema, { brief: "b", duration: "120", platform: "tiktok" })).toEqual({});
  });

  it("read 'auto' and blanks as not given", () => {
    expect(checkInput(storyboardFormSchema, { title: " ", brief: " A brief ", reference_urls: " https://a.example \n", duration: "", platform: "auto", pattern: "auto", aspect_ratio: "" })).toEqual({
      ok: true,
      data: { brief: "A brief", reference_urls: ["https://a.example"] },
    });
  });
});

describe("projects", () => {
  it("report every bad field at once", () => {
    expect(fieldErrors(projectCreateSchema, { title: "", description: "d".repeat(20_001), status: "done" })).toEqual({
      title: "Title is required",
      description: "Description must be at most 20000 characters",
      status: "Status must be one of draft, active, completed, archived",
    });
  });
});

describe("the variation form", () => {
  it("refuses a length beyond the chosen platform's maximum, with the other bad fields at once", () => {
    expect(fieldErrors(variationFormSchema, { pattern: "", platform: "facebook_reels", duration: "120", aspect_ratio: "square" })).toEqual({
      duration: "Target duration must be at most 90 seconds on Facebook Reels",
      aspect_ratio: "Aspect ratio must be one of 9:16, 16:9, 1:1, 4:5",
    });
    expect(checkInput(variationFormSchema, { pattern: "", platform: "facebook_reels", duration: "90", aspect_ratio: "" })).toEqual({ ok: true, data: { platform: "facebook_reels", duration: 90 } });
    expect(checkInput(variationFormSchema, { pattern: "", platform: "", duration: "180", aspect_ratio: "" }).ok).toBe(true);
  });
});

describe("a project's patch", () => {
  it("takes confirm_open_tasks as a boolean only", () => {
    expect(fieldErrors(projectPatchSchema, { status: "completed", confirm_open_tasks: "yes" })).toEqual({ confirm_open_tasks: "confirm_open_tasks must be true or false" });
    expect(checkInput(projectPatchSchema, { status: "completed", confirm_open_tasks: true })).toEqual({ ok: true, data: { status: "completed", confirm_open_tasks: true } });
  });
});
