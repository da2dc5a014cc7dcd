// Zod schemas for every input that crosses into the app: the API, server actions and the store
// all validate with these, so a limit is written once. Unknown keys are stripped, never stored.
import { z } from "zod";
import { ASPECT_RATIOS, EXPORT_FORMATS, LIMITS, PDF_FIELDS, PDF_LAYOUTS, PLATFORM_LABELS, PLATFORM_MAX_SECONDS, PLATFORMS, type Platform, PROJECT_STATUSES, SCENE_TYPES, STORYBOARD_STATUSES, TASK_TYPES } from "./constants";
import { validationError } from "./errors";
// Review (comments and approval) imports on its own line: its schemas are at the end of the file.
import { APPROVAL_STATES, REVIEW_LIMITS } from "./constants";

// Control characters (Unicode Cc) are refused in every text field, on both dialects alike:
// PostgreSQL cannot store NUL (22021) where SQLite can, and none of the others belongs in a
// title or a script. Multi-line fields keep tab, line feed and carriage return; one-line fields
// keep only tab. Unpaired surrogates (not valid Unicode) are refused as well.
const CONTROL_MULTILINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const CONTROL_ONE_LINE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when the text holds no control character (line breaks allowed only when `multiline`). */
export const isCleanText = (v: string, multiline: boolean) => !(multiline ? CONTROL_MULTILINE : CONTROL_ONE_LINE).test(v) && !LONE_SURROGATE.test(v);
const controlMessage = (label: string, multiline: boolean) =>
  `${label} must not contain control characters${multiline ? " (line breaks and tabs are fine)" : " or line breaks"}`;

/** Text with no control characters; `label` names the field in the error. */
export const cleanText = (label: string, multiline = false) =>
  z.string({ error: `${label} must be text` }).refine((v) => isCleanText(v, multiline), { error: controlMessage(label, multiline) });

/** A missing field is "required", a field of the wrong type "must be text". */
const textError = (label: string) => (issue: { input?: unknown }) => (issue.input === undefined ? `${label} is required` : `${label} must be text`);

const trimmed = (max: number, label: string, multiline = false) =>
  z
    .string({ error: textError(label) })
    .trim()
    .refine((v) => isCleanText(v, multiline), { error: controlMessage(label, multiline), abort: true })
    .max(max, { error: `${label} must be at most ${max} characters` });
const required = (max: number, label: string, multiline = false, missing = `${label} is required`) => trimmed(max, label, multiline).min(1, { error: missing });
const multiline = (max: number, label: string) => trimmed(max, label, true);

export const httpUrl = z
  .string({ error: "Each reference URL must be text" })
  .trim()
  .refine((v) => isCleanText(v, false), { error: "Each reference URL must not contain control characters or line breaks", abort: true })
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === "http:" || u.protocol === "https:") && u.hostname.length > 0;
    } catch {
      return false;
    }
  }, { error: "Each reference URL must be an http(s) address" });

export const projectStatus = z.enum(PROJECT_STATUSES, { error: `Status must be one of ${PROJECT_STATUSES.join(", ")}` });
export const storyboardStatus = z.enum(STORYBOARD_STATUSES, { error: `Status must be one of ${STORYBOARD_STATUSES.join(", ")}` });
export const sceneType = z.enum(SCENE_TYPES, { error: `Scene type must be one of ${SCENE_TYPES.join(", ")}` });
export const taskType = z.enum(TASK_TYPES, { error: `Task type must be one of ${TASK_TYPES.join(", ")}` });
export const platform = z.enum(PLATFORMS, { error: `Platform must be one of ${PLATFORMS.join(", ")}` });
export const aspectRatio = z.enum(ASPECT_RATIOS, { error: `Aspect ratio must be one of ${ASPECT_RATIOS.join(", ")}` });

export const userUpsertSchema = z.object({
  email: z.email({ error: "Email must be a valid address" }).max(LIMITS.email, { error: `Email must be at most ${LIMITS.email} characters` }).transform((e) => e.toLowerCase()),
  name: trimmed(LIMITS.userName, "Name").nullish(),
  image: cleanText("Image").max(2048, { error: "Image must be at most 2048 characters" }).nullish(),
});

export const projectCreateSchema = z.object({
  title: required(LIMITS.projectTitle, "Title"),
  description: multiline(20_000, "Description").nullish(),
  status: projectStatus.optional(),
});
export const projectUpdateSchema = projectCreateSchema.partial();
/**
 * PATCH /projects/:id and the project page: an edit, and `confirm_open_tasks` when it marks the
 * project completed while its main storyboard still has open tasks (refused without it).
 */
export const projectPatchSchema = projectUpdateSchema.extend({
  confirm_open_tasks: z.boolean({ error: "confirm_open_tasks must be true or false" }).optional(),
});

const { sceneSecondsMin: SCENE_MIN, sceneSecondsMax: SCENE_MAX } = LIMITS;
/** One scene's length: whole seconds from 1 to 60 (a longer shot is split into scenes). */
export const sceneSeconds = z
  .number({ error: "Duration must be a whole number of seconds" })
  .int({ error: "Duration must be a whole number of seconds" })
  .min(SCENE_MIN, { error: `Duration must be at least ${SCENE_MIN} second` })
  .max(SCENE_MAX, { error: `Duration must be at most ${SCENE_MAX} seconds (split a longer shot into two scenes)` });

/**
 * A number typed into a text field: digits become the number, empty becomes "not given", and
 * anything else is left as text for the number schema to refuse with the field's own message.
 */
export const numberFromText = (v: unknown) => {
  if (typeof v !== "string") return v;
  const t = v.trim();
  if (t === "") return undefined;
  return /^\d{1,9}$/.test(t) ? Number(t) : t;
};

/**
 * The storyboard's running time against its platform's maximum: null when within it, else the
 * message (the store refuses such an edit; the forms say it before sending).
 */
export function totalDurationError(total: number, platformId: Platform | null | undefined): string | null {
  const p = platformId ?? "generic";
  const max = PLATFORM_MAX_SECONDS[p] ?? PLATFORM_MAX_SECONDS.generic;
  if (total <= max) return null;
  return `The storyboard would run ${total} s; ${p === "generic" ? "a storyboard" : PLATFORM_LABELS[p]} allows at most ${max} s. Shorten a scene first.`;
}

export const sceneInputSchema = z.object({
  duration: sceneSeconds.default(LIMITS.sceneSecondsDefault),
  scene_type: sceneType.default("content"),
  visual_description: required(20_000, "Visual description", true),
  script: multiline(20_000, "Script").nullish(),
  text_overlay: multiline(LIMITS.textOverlay, "Text overlay").nullish(),
  camera_angle: trimmed(LIMITS.cameraAngle, "Camera angle").nullish(),
  beat: multiline(LIMITS.sceneBeat, "Beat").nullish(),
  needs_input: multiline(LIMITS.needsInput, "Needs input").nullish(),
});
export const scenePatchSchema = z.object({
  duration: sceneSeconds.optional(),
  scene_type: sceneType.optional(),
  visual_description: required(20_000, "Visual description", true).optional(),
  script: multiline(20_000, "Script").nullish(),
  text_overlay: multiline(LIMITS.textOverlay, "Text overlay").nullish(),
  camera_angle: trimmed(LIMITS.cameraAngle, "Camera angle").nullish(),
  beat: multiline(LIMITS.sceneBeat, "Beat").nullish(),
  needs_input: multiline(LIMITS.needsInput, "Needs input").nullish(),
});

export const referenceUrlsSchema = z.array(httpUrl).max(LIMITS.referenceUrls, { error: `At most ${LIMITS.referenceUrls} reference URLs` });

export const storyboardCreateSchema = z.object({
  project_id: z.number().int().positive(),
  title: required(LIMITS.storyboardTitle, "Title"),
  brief: required(LIMITS.brief, "Brief", true),
  reference_urls: referenceUrlsSchema.default([]),
  pattern_source: trimmed(LIMITS.patternSource, "Pattern source").nullish(),
  status: storyboardStatus.default("completed"),
  error_message: cleanText("Error message", true).max(2000).nullish(),
  scenes: z.array(sceneInputSchema).max(LIMITS.scenesPerStoryboard, { error: `A storyboard has at most ${LIMITS.scenesPerStoryboard} scenes` }).default([]),
  generation_options: z.lazy(() => generationOptionsSchema).nullish(),
  aspect_ratio: aspectRatio.optional(),
}).superRefine((sb, ctx) => {
  // A bad scene length is reported on the scene; the total is only meaningful once each is good.
  if (!sb.scenes.every((s) => sceneSeconds.safeParse(s.duration).success)) return;
  const message = totalDurationError(sb.scenes.reduce((a, s) => a + s.duration, 0), sb.generation_options?.platform);
  if (message) ctx.addIssue({ code: "custom", path: ["scenes"], message });
});
const fieldText = (max: number, label: string) => z.string({ error: `${label} must be text` }).trim().max(max, { error: `${label}: at most ${max} characters` });
const fieldList = (label: string) => z.array(fieldText(500, label), { error: `${label} must be a list of texts` }).max(20, { error: `${label}: at most 20 entries` });

/** What the engine read in a brief, as the user corrects it (or gives it instead of free text). */
export const briefFieldsSchema = z.object({
  product: fieldText(200, "Product").optional(),
  product_what: fieldText(300, "What the product is").optional(),
  topic: fieldText(300, "Topic").optional(),
  audience: fieldList("Audience").optional(),
  pains: fieldList("Pains").optional(),
  benefits: fieldList("Benefits").optional(),
  features: fieldList("Features").optional(),
  proof: fieldList("Proof").optional(),
  items: fieldList("Items").optional(),
  offer: fieldList("Offer").optional(),
  cta: fieldText(300, "Call to action").optional(),
  must_say: fieldList("Must say").optional(),
  final_overlay: fieldText(200, "Final overlay").optional(),
  avoid: fieldList("Avoid").optional(),
  tone: fieldList("Tone").optional(),
}, { error: "Brief fields must be an object" });
export type BriefFieldsInput = z.infer<typeof briefFieldsSchema>;

/** A target length beyond the platform's maximum: the message (null when within it, or either is not chosen). */
export function targetDurationError(duration: number | undefined, platformId: Platform | undefined): string | null {
  if (duration === undefined || platformId === undefined) return null;
  const max = PLATFORM_MAX_SECONDS[platformId];
  return duration > max ? `Target duration must be at most ${max} seconds on ${PLATFORM_LABELS[platformId]}` : null;
}
/** A length asked for beyond the chosen platform's maximum is refused (on `duration`), not silently cut. */
export const withinPlatform = (f: { duration?: number | undefined; platform?: Platform | undefined }, ctx: z.RefinementCtx) => {
  const message = targetDurationError(f.duration, f.platform);
  if (message) ctx.addIssue({ code: "custom", path: ["duration"], message });
};
/** withinPlatform runs whenever the length and the platform themselves are good, whatever else is bad: every error at once. */
export const onceLengthAndPlatformParse = {
  when: (payload: { issues: readonly { path?: readonly PropertyKey[] | undefined }[] }) => !payload.issues.some((i) => i.path?.[0] === "duration" || i.path?.[0] === "platform"),
};

export const generationOptionsSchema = z.object({
  duration: z.number({ error: "Duration must be a number of seconds" }).int({ error: "Duration must be whole seconds" }).min(5, { error: "Duration must be at least 5 seconds" }).max(180, { error: "Duration must be at most 180 seconds" }).optional(),
  platform: platform.optional(),
  pattern: trimmed(64, "Pattern").optional(),
  seed: z.number().int({ error: "Seed must be a whole number" }).min(0).max(2 ** 31 - 1).optional(),
  /** The user's corrections to what the engine read, kept with the storyboard. */
  brief_fields: briefFieldsSchema.optional(),
  /** Set by the app, never by a client: the creator gave no title, so generation names the storyboard. */
  auto_title: z.boolean({ error: "Auto title must be true or false" }).optional(),
  /** Set by the app, never by a client: the pattern was picked for the brief (true) or chosen by the creator (false). */
  auto_pattern: z.boolean({ error: "Auto pattern must be true or false" }).optional(),
}).superRefine(withinPlatform, onceLengthAndPlatformParse);

/** "New storyboard" (form and API): what the creator writes; the engine fills in the scenes. */
export const storyboardGenerateSchema = z.object({
  title: trimmed(LIMITS.storyboardTitle, "Title").optional(),
  brief: required(LIMITS.brief, "Brief", true),
  reference_urls: referenceUrlsSchema.default([]),
  ...generationOptionsSchema.shape,
  /** Left out: 16:9 for YouTube, else 9:16. */
  aspect_ratio: aspectRatio.optional(),
});
export type StoryboardGenerate = z.input<typeof storyboardGenerateSchema>;

/**
 * "New variation" (form and API): what to change from the storyboard it is made from. Each left
 * out takes its default: another pattern that fits the brief; the same platform and length; the
 * same aspect ratio, or the new platform's when only the platform changes.
 */
export const variationOptionsSchema = z.object({
  pattern: generationOptionsSchema.shape.pattern,
  platform: generationOptionsSchema.shape.platform,
  duration: generationOptionsSchema.shape.duration,
  aspect_ratio: aspectRatio.optional(),
});
export type VariationOptions = z.input<typeof variationOptionsSchema>;

export const storyboardUpdateSchema = z.object({
  title: required(LIMITS.storyboardTitle, "Title").optional(),
  brief: required(LIMITS.brief, "Brief", true).optional(),
  reference_urls: referenceUrlsSchema.optional(),
  aspect_ratio: aspectRatio.optional(),
});

// ---- Forms: the same limits, read from what the fields hold as typed (text) ----

/** The add-scene form: what the camera sees, the type and the length typed as text. */
export const sceneFormSchema = z.object({
  visual_description: required(20_000, "Visual description", true, "Visual description is required: say what the camera sees"),
  scene_type: sceneType,
  duration: z.preprocess(numberFromText, sceneSeconds),
});

const blankToUndefined = (v: unknown) => (v == null || (typeof v === "string" && v.trim() === "") ? undefined : v);
const autoToUndefined = (v: unknown) => (v === "auto" ? undefined : blankToUndefined(v));

/** The reference URLs textarea: one http(s) link a line, blank lines ignored; a bad line is named. */
export const referenceUrlsText = z
  .string({ error: "Reference URLs must be text" })
  .superRefine((text, ctx) => {
    const lines = text.split(/\r?\n/);
    let count = 0;
    lines.forEach((raw, i) => {
      const line = raw.trim();
      if (!line) return;
      count++;
      if (!httpUrl.safeParse(line).success) ctx.addIssue({ code: "custom", message: `Line ${i + 1} ("${line.length > 60 ? `${line.slice(0, 57)}…` : line}") is not an http(s) address`, abort: true });
    });
    if (count > LIMITS.referenceUrls) ctx.addIssue({ code: "custom", message: `At most ${LIMITS.referenceUrls} reference URLs (you entered ${count})` });
  })
  .transform((text) => text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean));

const targetSeconds = z
  .number({ error: "Target duration must be a whole number of seconds" })
  .int({ error: "Target duration must be a whole number of seconds" })
  .min(5, { error: "Target duration must be at least 5 seconds" })
  .max(180, { error: "Target duration must be at most 180 seconds" });

/** The brief, reference URLs and options of a storyboard as its forms hold them ("auto": inferred). */
const briefFormShape = {
  brief: required(LIMITS.brief, "Brief", true, "Brief is required: describe the video you want to make"),
  reference_urls: z.preprocess((v) => v ?? "", referenceUrlsText),
  duration: z.preprocess(numberFromText, targetSeconds.optional()),
  platform: z.preprocess(autoToUndefined, z.enum(PLATFORMS, { error: "Choose a platform from the list" }).optional()),
  pattern: z.preprocess(autoToUndefined, trimmed(64, "Pattern").optional()),
  aspect_ratio: z.preprocess(autoToUndefined, aspectRatio.optional()),
  brief_fields: briefFieldsSchema.optional(),
};

/** "New storyboard": the brief is required, everything else optional. */
export const storyboardFormSchema = z
  .object({ title: z.preprocess(blankToUndefined, trimmed(LIMITS.storyboardTitle, "Title").optional()), ...briefFormShape })
  .superRefine(withinPlatform, onceLengthAndPlatformParse);
/** "New variation" as its form holds the choices (blank or "auto": the default); checked before sending, as the use-case checks them. */
export const variationFormSchema = z
  .object({ pattern: briefFormShape.pattern, platform: briefFormShape.platform, duration: briefFormShape.duration, aspect_ratio: briefFormShape.aspect_ratio })
  .superRefine(withinPlatform, onceLengthAndPlatformParse);
/** "Edit brief": a generated storyboard's brief, reference URLs and options, to regenerate from. */
export const briefEditFormSchema = z.object(briefFormShape).superRefine(withinPlatform, onceLengthAndPlatformParse);

/** `?format=&layout=&orientation=&paper=&fields=` of an export (query strings: every value is text). */
const listOf = (v: unknown) => (typeof v === "string" ? (v.trim() === "" ? [] : v.split(",").map((s) => s.trim())) : v);
export const exportQuerySchema = z.object({
  format: z.enum(EXPORT_FORMATS, { error: `Format must be one of ${EXPORT_FORMATS.join(", ")}` }),
  layout: z.preprocess((v) => (v === undefined || v === "" ? undefined : Number(v)), z.union(PDF_LAYOUTS.map((n) => z.literal(n)), { error: `Layout must be ${PDF_LAYOUTS.join(", ")} frames per page` }).default(2)),
  orientation: z.enum(["portrait", "landscape"], { error: "Orientation must be portrait or landscape" }).default("portrait"),
  paper: z.enum(["a4", "letter"], { error: "Paper must be a4 or letter" }).default("a4"),
  fields: z.preprocess(listOf, z.array(z.enum(PDF_FIELDS, { error: `Fields must be some of ${PDF_FIELDS.join(", ")}` })).default([...PDF_FIELDS])),
});
export type ExportQuery = z.input<typeof exportQuerySchema>;

export const shareLinkCreateSchema = z.object({
  allow_comments: z.boolean({ error: "Allow comments must be true or false" }).default(false),
});
export const shareLinkUpdateSchema = z.object({
  allow_comments: z.boolean({ error: "Allow comments must be true or false" }),
});

// Review comments: text from anyone holding a comment link, so control characters are refused
// (a comment may have line breaks and tabs; a name is one line).
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const CONTROL_IN_LINE = /[\u0000-\u001F\u007F]/;
// Built on z.string, not required(): a comment keeps its line breaks and tabs.
export const commentBody = z
  .string({ error: "Comment must be text" })
  .trim()
  .min(1, { error: "Comment is required" })
  .max(REVIEW_LIMITS.commentBody, { error: `Comment must be at most ${REVIEW_LIMITS.commentBody} characters` })
  .refine((v) => !CONTROL_IN_TEXT.test(v), { error: "Comment must not contain control characters" });
export const commentAuthorName = z
  .string({ error: "Your name must be text" })
  .refine((v) => !CONTROL_IN_LINE.test(v), { error: "Your name must be one line of text, without control characters" })
  .transform((v) => v.trim())
  .pipe(z.string().min(1, { error: "Your name is required" }).max(REVIEW_LIMITS.commentAuthorName, { error: `Your name must be at most ${REVIEW_LIMITS.commentAuthorName} characters` }));
export const approvalState = z.enum(APPROVAL_STATES, { error: `Approval state must be one of ${APPROVAL_STATES.join(", ")}` });

/** The owner's comment on a scene. */
export const sceneCommentCreateSchema = z.object({ body: commentBody });
/** A reviewer's comment through a share link: signed with the name they type. */
export const sharedCommentCreateSchema = z.object({ author_name: commentAuthorName, body: commentBody });
export const sceneCommentUpdateSchema = z.object({ resolved: z.boolean({ error: "Resolved must be true or false" }) });
export const approvalUpdateSchema = z.object({ approval_state: approvalState });

export type UserUpsert = z.input<typeof userUpsertSchema>;
export type ProjectCreate = z.input<typeof projectCreateSchema>;
export type ProjectUpdate = z.input<typeof projectUpdateSchema>;
export type ProjectPatch = z.input<typeof projectPatchSchema>;
export type SceneInput = z.input<typeof sceneInputSchema>;
export type ScenePatch = z.input<typeof scenePatchSchema>;
export type StoryboardCreate = z.input<typeof storyboardCreateSchema>;
export type StoryboardUpdate = z.input<typeof storyboardUpdateSchema>;

/** Field path of a Zod issue as the API reports it: `scenes.2.duration`. */
const fieldOf = (path: ReadonlyArray<PropertyKey>) => (path.length ? path.map(String).join(".") : "body");

/** "project_id" → "Project id"; `reference_urls.3` → "Reference urls item 4"; the root → "The body". */
function labelOf(path: ReadonlyArray<PropertyKey>): string {
  const words = (k: PropertyKey) => String(k).replace(/_/g, " ");
  const last = path.at(-1);
  if (last === undefined) return "The body";
  const text = typeof last === "number" ? `${path.length > 1 ? words(path.at(-2)!) : "list"} item ${last + 1}` : words(last);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const NOUNS: Record<string, string> = { string: "text", number: "a number", int: "a whole number", boolean: "true or false", array: "a list", object: "an object", date: "a date" };

/**
 * Zod's own messages ("Too big: expected number to be <=2147483647") are for programmers. Any
 * schema without a message of its own gets one of these phrases instead; parseInput puts the
 * field's name in front ("Seed must be at most 2147483647").
 */
z.config({
  customError: (iss) => {
    switch (iss.code) {
      case "invalid_type":
        if (iss.input === undefined) return "is required";
        return `must be ${NOUNS[iss.expected] ?? iss.expected}`;
      case "too_big": {
        const unit = iss.origin === "string" ? " characters" : iss.origin === "array" || iss.origin === "set" ? " items" : "";
        return `must be ${iss.inclusive === false ? "less than" : "at most"} ${String(iss.maximum)}${unit}`;
      }
      case "too_small": {
        if (iss.origin === "string" && Number(iss.minimum) === 1) return "is required";
        const unit = iss.origin === "string" ? " characters" : iss.origin === "array" || iss.origin === "set" ? " items" : "";
        return `must be ${iss.inclusive === false ? "more than" : "at least"} ${String(iss.minimum)}${unit}`;
      }
      case "invalid_value":
        return `must be one of ${iss.values.map(String).join(", ")}`;
      case "invalid_format":
        return `must be a valid ${iss.format}`;
      case "not_multiple_of":
        return `must be a multiple of ${String(iss.divisor)}`;
      case "unrecognized_keys":
        return `has unknown fields: ${iss.keys.join(", ")}`;
      default:
        return "is not valid";
    }
  },
});

/** An issue's message for people: a bare phrase from the map above gets the field's name. */
const messageOf = (issue: z.core.$ZodIssue) => {
  if (!/^(is|must|has) /.test(issue.message)) return issue.message;
  if (issue.path.length === 0 && issue.code === "invalid_type") return "Send a JSON object as the body";
  return `${labelOf(issue.path)} ${issue.message}`;
};

/** Parses one named value (a path parameter, a filter) so that an error names it. */
/** How many days of business metrics to show (`storyboard stats --days`). */
export const metricsDays = z.number({ error: "Days must be a whole number from 1 to 3660" }).int().min(1).max(3660);

export function parseField<S extends z.ZodType>(field: string, schema: S, value: unknown): z.output<S> {
  return parseInput(z.object({ [field]: schema }), { [field]: value })[field] as z.output<S>;
}

/** The parsed input, or every bad field's message at once (field path → message): forms show them all. */
export function checkInput<S extends z.ZodType>(schema: S, input: unknown): { ok: true; data: z.output<S> } | { ok: false; fields: Record<string, string> } {
  const r = schema.safeParse(input);
  if (r.success) return { ok: true, data: r.data };
  const fields: Record<string, string> = {};
  for (const issue of r.error.issues) fields[fieldOf(issue.path)] ??= messageOf(issue);
  return { ok: false, fields };
}

/** Every bad field's message ({} when the input is good). */
export const fieldErrors = (schema: z.ZodType, input: unknown): Record<string, string> => {
  const r = checkInput(schema, input);
  return r.ok ? {} : r.fields;
};

/** One field of an object schema, checked on its own (an inline edit): its message, or null. */
export function fieldError(schema: z.ZodObject, key: string, value: unknown): string | null {
  const one = schema.shape[key];
  if (!one) return null;
  return fieldErrors(z.object({ [key]: one }), { [key]: value })[key] ?? null;
}

/** Parses or throws an AppError("validation") whose fields name every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = checkInput(schema, input);
  if (r.ok) return r.data;
  throw validationError(r.fields);
}
