// GET, PATCH, DELETE /api/v1/projects/:id
import { parseInput, projectUpdateSchema } from "@/domain/schemas";
import { deleteProject } from "@/features/projects/delete-project";
import { getProject } from "@/features/projects/get-project";
import { updateProject } from "@/features/projects/update-project";
import { apiRoute, idParam, readJson } from "@/server/api";
import { patchOf } from "../../schemas";

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ params, userId }) => getProject(userId, idParam(params.id, "Project")));

export const PATCH = apiRoute<Params>(async ({ req, params, userId }) => {
  const id = idParam(params.id, "Project");
  return updateProject(userId, id, parseInput(patchOf(projectUpdateSchema), await readJson(req)));
});

export const DELETE = apiRoute<Params>(async ({ params, userId }) => deleteProject(userId, idParam(params.id, "Project")));
