"use server";
// Mutations of the dashboard and the project page. Arguments come from the browser, so each is
// checked here or by the use-case's Zod schema; authorization is the use-cases' job.
import { revalidatePath } from "next/cache";
import type { ProjectStatus } from "../../../domain/constants";
import { validationError } from "../../../domain/errors";
import { checkInput, storyboardFormSchema, type BriefFieldsInput } from "../../../domain/schemas";
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

/**
 * `confirmOpenTasks`: the creator answered "Mark completed anyway?"; without it, marking the
 * project completed while its main storyboard has open tasks is refused with that question.
 */
export async function updateProjectAction(projectId: number, patch: ProjectFields, opts: { confirmOpenTasks?: boolean } = {}): Promise<ActionResult<{ title: string; description: string | null; status: ProjectStatus; updated_at: string }>> {
  return runAction(async (userId) => {
    const id = idArg(projectId, "Project");
    const clean: Record<string, unknown> = {};
    if ("title" in patch) clean.title = text(patch.title);
    if ("description" in patch) {
      const d = text(patch.description);
      clean.description = typeof d === "string" && d.trim() === "" ? null : d;
    }
    if ("status" in patch) clean.status = patch.status;
    const p = await updateProject(userId, id, { ...clean, ...(opts?.confirmOpenTasks === true && { confirm_open_tasks: true }) });
    revalidatePath("/dashboard");
    revalidatePath(`/projects/${id}`);
    return { title: p.title, description: p.description, status: p.status, updated_at: p.updated_at };
  });
}

/** A soft delete: `change_id` is what the Undo toast undoes (undo-actions.ts). */
export async function deleteProjectAction(projectId: number): Promise<ActionResult<{ change_id: number }>> {
  return runAction(async (userId) => {
    const { change_id } = await deleteProject(userId, idArg(projectId, "Project"));
    revalidatePath("/dashboard");
    return { change_id };
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
 * The form's strings as the use-case's input, read by the form's shared schema (the browser
 * checks the same one before sending): every bad field at once, a bad reference URL by its line.
 */
function storyboardInput(f: StoryboardFields) {
  const r = checkInput(storyboardFormSchema, { ...f, brief_fields: isFields(f.brief_fields) ? f.brief_fields : undefined });
  const fields = r.ok ? {} : { ...r.fields };
  const pattern = r.ok ? r.data.pattern : undefined;
  if (pattern !== undefined && !listPatterns().some((p) => p.id === pattern)) fields.pattern ??= "Choose a pattern from the list";
  if (!r.ok || Object.keys(fields).length) throw validationError(fields);
  const { title, duration, platform, aspect_ratio, brief_fields, ...rest } = r.data;
  return {
    ...rest,
    ...(title !== undefined && { title }),
    ...(duration !== undefined && { duration }),
    ...(platform !== undefined && { platform }),
    ...(pattern !== undefined && { pattern }),
    ...(aspect_ratio !== undefined && { aspect_ratio }),
    ...(brief_fields !== undefined && { brief_fields: brief_fields as BriefFieldsInput }),
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

