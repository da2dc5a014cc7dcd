"use server";
// Mutations of the dashboard and the project page. Arguments come from the browser, so each is
// checked here or by the use-case's Zod schema; authorization is the use-cases' job.
import { revalidatePath } from "next/cache";
import { LIMITS, PLATFORMS, type AspectRatio, type ProjectStatus } from "../../../domain/constants";
import { validationError } from "../../../domain/errors";
import { httpUrl, type BriefFieldsInput } from "../../../domain/schemas";
import { listPatterns, type BriefUnderstanding } from "../../../engine";
import { createProject } from "../../../features/projects/create-project";
import { deleteProject } from "../../../features/projects/delete-project";
import { updateProject } from "../../../features/projects/update-project";
import { generateStoryboard } from "../../../features/storyboards/generate-storyboard";
import { understandBrief } from "../../../features/storyboards/understand-brief";
import { idArg, runAction, type ActionResult } from "../../../server/action";
import { idempotentAction } from "../../../server/idempotency";

export interface ProjectFields {
  title?: unknown;
  description?: unknown;
  status?: unknown;
}

const text = (v: unknown) => (typeof v === "string" ? v : v == null ? undefined : v);
const status = (v: unknown) => (v === "" || v == null ? undefined : (v as ProjectStatus));

/** `idempotencyKey`: the form's key (made when it rendered): a repeat of the same submit creates nothing more. */
export async function createProjectAction(input: ProjectFields, idempotencyKey?: string): Promise<ActionResult<{ id: number }>> {
  return runAction((userId) => idempotentAction(userId, "createProject", idempotencyKey, input, async () => {
    const description = text(input.description);
    const project = await createProject(userId, {
      title: text(input.title) as string,
      description: typeof description === "string" && description.trim() === "" ? null : (description as string | undefined),
      status: status(input.status),
    });
    revalidatePath("/dashboard");
    return { id: project.id };
  }));
}

export async function updateProjectAction(projectId: number, patch: ProjectFields): Promise<ActionResult<{ title: string; description: string | null; status: ProjectStatus; updated_at: string }>> {
  return runAction(async (userId) => {
    const id = idArg(projectId, "Project");
    const clean: Record<string, unknown> = {};
    if ("title" in patch) clean.title = text(patch.title);
    if ("description" in patch) {
      const d = text(patch.description);
      clean.description = typeof d === "string" && d.trim() === "" ? null : d;
    }
    if ("status" in patch) clean.status = patch.status;
    const p = await updateProject(userId, id, clean);
    revalidatePath("/dashboard");
    revalidatePath(`/projects/${id}`);
    return { title: p.title, description: p.description, status: p.status, updated_at: p.updated_at };
  });
}

export async function deleteProjectAction(projectId: number): Promise<ActionResult<null>> {
  return runAction(async (userId) => {
    await deleteProject(userId, idArg(projectId, "Project"));
    revalidatePath("/dashboard");
    return null;
  });
}

export interface StoryboardFields {
  title?: unknown;
  brief?: unknown;
  /** The textarea's text: one URL a line, blank lines ignored. */
  reference_urls?: unknown;
  duration?: unknown;
  platform?: unknown;
  pattern?: unknown;
  /** "auto" or empty: 16:9 for YouTube, else 9:16. */
  aspect_ratio?: unknown;
  /** The user's corrections to what the engine read ("We read: ..."). */
  brief_fields?: unknown;
}

/**
 * The form's strings as the use-case's input. Checks the reference URLs line by line first so
 * the message can say which line is wrong; everything else is left to the shared schema.
 */
function storyboardInput(f: StoryboardFields) {
  const fields: Record<string, string> = {};
  const urls: string[] = [];
  const lines = typeof f.reference_urls === "string" ? f.reference_urls.split(/\r?\n/) : [];
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    if (!httpUrl.safeParse(line).success) {
      fields.reference_urls ??= `Line ${i + 1} ("${line.length > 60 ? `${line.slice(0, 57)}…` : line}") is not an http(s) address`;
    }
    urls.push(line);
  });
  if (!fields.reference_urls && urls.length > LIMITS.referenceUrls) {
    fields.reference_urls = `At most ${LIMITS.referenceUrls} reference URLs (you entered ${urls.length})`;
  }
  const durationText = typeof f.duration === "string" ? f.duration.trim() : f.duration == null ? "" : String(f.duration);
  let duration: number | undefined;
  if (durationText !== "") {
    duration = Number(durationText);
    if (!/^\d+$/.test(durationText)) fields.duration = "Target duration must be a whole number of seconds";
  }
  const platform = f.platform === "" || f.platform === "auto" || f.platform == null ? undefined : f.platform;
  if (platform !== undefined && !(PLATFORMS as readonly unknown[]).includes(platform)) fields.platform = "Choose a platform from the list";
  const pattern = f.pattern === "" || f.pattern === "auto" || f.pattern == null ? undefined : f.pattern;
  if (pattern !== undefined && !listPatterns().some((p) => p.id === pattern)) fields.pattern = "Choose a pattern from the list";
  if (typeof f.brief !== "string" || f.brief.trim() === "") fields.brief = "Brief is required: describe the video you want to make";
  if (Object.keys(fields).length) throw validationError(fields);
  const title = typeof f.title === "string" && f.title.trim() !== "" ? f.title : undefined;
  return {
    ...(title !== undefined && { title }),
    brief: f.brief as string,
    reference_urls: urls,
    ...(duration !== undefined && { duration }),
    ...(platform !== undefined && { platform: platform as (typeof PLATFORMS)[number] }),
    ...(pattern !== undefined && { pattern: pattern as string }),
    ...(f.aspect_ratio !== undefined && f.aspect_ratio !== "" && f.aspect_ratio !== "auto" && { aspect_ratio: f.aspect_ratio as AspectRatio }),
    ...(isFields(f.brief_fields) ? { brief_fields: f.brief_fields as BriefFieldsInput } : {}),
  };
}

const isFields = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length > 0;

/** "We read: ..." under the brief: what the engine understood, before generating. */
export async function understandBriefAction(brief: string, corrections?: unknown, form?: Pick<StoryboardFields, "duration" | "platform" | "pattern">): Promise<ActionResult<BriefUnderstanding>> {
  return runAction(async () => {
    // The length, platform and pattern as the form would send them (blank or "auto": inferred; a
    // value the form would refuse is left out here, the submit names it).
    let opts: object = {};
    try {
      if (form) opts = storyboardInput({ brief, reference_urls: "", ...form });
    } catch {
      opts = {};
    }
    const { duration, platform, pattern } = opts as { duration?: number; platform?: string; pattern?: string };
    return understandBrief({ brief, ...(isFields(corrections) ? { brief_fields: corrections } : {}), ...(duration !== undefined && { duration }), ...(platform !== undefined && { platform }), ...(pattern ? { pattern } : {}) });
  }, "engine");
}

/** `idempotencyKey`: the form's key (made when it rendered): a double click or a resubmit makes one storyboard. */
export async function generateStoryboardAction(projectId: number, form: StoryboardFields, idempotencyKey?: string): Promise<ActionResult<{ id: number }>> {
  return runAction((userId) =>
    idempotentAction(userId, "generateStoryboard", idempotencyKey, [projectId, form], async () => {
      const id = idArg(projectId, "Project");
      const sb = await generateStoryboard(userId, id, storyboardInput(form));
      revalidatePath("/dashboard");
      revalidatePath(`/projects/${id}`);
      return { id: sb.id };
    }),
  "generate");
}

