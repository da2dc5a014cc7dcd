// The few API inputs that are not a domain entity: positions, ticks and orders. Entity fields
// (titles, briefs, scenes) come from src/domain/schemas.ts so every limit stays in one place.
import { z } from "zod";
import { LIMITS } from "../../../domain/constants";
import { projectStatus, sceneInputSchema } from "../../../domain/schemas";

/** A 1-based place in a storyboard; the store checks the upper bound against the scene count. */
export const position = z
  .number({ error: "Position must be a whole number (1 is the first scene)" })
  .int({ error: "Position must be a whole number (1 is the first scene)" })
  .min(1, { error: "Position must be at least 1" });

export const sceneCreateSchema = sceneInputSchema.extend({ position: position.optional() });

export const sceneMoveSchema = z.object({ position });

/** POST …/undo and …/redo: optionally the change expected next (refused when another comes first); `version` as If-Match. */
export const undoSchema = z.object({
  change_id: z.number({ error: "change_id must be the id of a change" }).int({ error: "change_id must be the id of a change" }).min(1, { error: "change_id must be the id of a change" }).optional(),
  version: z.unknown().optional(),
});

/** POST /storyboards/:id/versions: the version's name. */
export const versionCreateSchema = z.object({
  name: z.string({ error: "Name the version" }).trim().min(1, { error: "Name the version" }).max(LIMITS.storyboardTitle, { error: `A version name is at most ${LIMITS.storyboardTitle} characters` }),
});

export const taskPatchSchema = z.object({
  completed: z.boolean({ error: "Completed must be true or false" }),
});

export const sceneOrderSchema = z.object({
  scene_ids: z
    .array(z.number({ error: "Each scene id must be a number" }).int({ error: "Each scene id must be a whole number" }).positive({ error: "Each scene id must be positive" }), {
      error: "Scene ids must be a list of scene ids",
    })
    .max(LIMITS.scenesPerStoryboard, { error: `A storyboard has at most ${LIMITS.scenesPerStoryboard} scenes` }),
});

/** `?status=` of the project list: absent or empty means every status. */
export const projectListQuery = z.object({
  status: z.preprocess((v) => (v === "" || v === null ? undefined : v), projectStatus.optional()),
});

const queryInt = (name: string, max: number) =>
  z.preprocess(
    (v) => (v === "" || v === null ? undefined : typeof v === "string" && /^(0|[1-9]\d*)$/.test(v) ? Number(v) : v),
    z
      .number({ error: `${name} must be a whole number` })
      .int({ error: `${name} must be a whole number` })
      .min(1, { error: `${name} must be at least 1` })
      .max(max, { error: `${name} must be at most ${max}` })
      .optional(),
  );

/** `?before=&limit=` of a history page: `before` is the previous page's `next_before`. */
export const historyQuery = z.object({
  before: queryInt("before", Number.MAX_SAFE_INTEGER),
  limit: queryInt("limit", 100),
});

/**
 * A PATCH body must change something: a misspelt field name is stripped by Zod, and silently
 * answering 200 to it would hide the mistake from the caller.
 */
export function patchOf<S extends z.ZodObject>(schema: S) {
  const names = Object.keys(schema.shape);
  return schema.refine((data) => Object.values(data).some((v) => v !== undefined), {
    error: `Nothing to update: send at least one of ${names.join(", ")}`,
  });
}

/** The largest JSON body a comment or an approval can need (2,000 characters of up to 4 bytes, and a name). */
export const SMALL_JSON_BYTES = 16 * 1024;
