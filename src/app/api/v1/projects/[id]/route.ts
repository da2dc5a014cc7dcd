// GET, PATCH, DELETE /api/v1/projects/:id
import { parseInput, projectPatchSchema, projectUpdateSchema } from "@/domain/schemas";
import { deleteProject } from "@/features/projects/delete-project";
import { getProject } from "@/features/projects/get-project";
import { updateProject } from "@/features/projects/update-project";
import { apiRoute, idParam, readJson } from "@/server/api";
import { patchOf } from "../../schemas";

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ params, userId }) => getProject(userId, idParam(params.id, "Project")));

/** `confirm_open_tasks: true` marks it completed although its main storyboard has open tasks (else 409). */
export const PATCH = apiRoute<Params>(async ({ req, params, userId }) => {
  const id = idParam(params.id, "Project");
  const { confirm_open_tasks, ...patch } = parseInput(projectPatchSchema, await readJson(req));
  return updateProject(userId, id, { ...parseInput(patchOf(projectUpdateSchema), patch), ...(confirm_open_tasks !== undefined && { confirm_open_tasks }) });
});

/** A soft delete (204): POST /projects/:id/undo brings it back until the purge (DELETED_KEEP_DAYS). */
export const DELETE = apiRoute<Params>(async ({ params, userId }) => {
  await deleteProject(userId, idParam(params.id, "Project"));
});
