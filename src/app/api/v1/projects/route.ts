// GET /api/v1/projects?status=…: the dashboard list. POST /api/v1/projects: a new project.
import { parseInput, projectCreateSchema } from "@/domain/schemas";
import { createProject } from "@/features/projects/create-project";
import { listProjects } from "@/features/projects/list-projects";
import { apiRoute, readJson } from "@/server/api";
import { projectListQuery } from "../schemas";

export const GET = apiRoute(async ({ req, userId }) => {
  const { status } = parseInput(projectListQuery, { status: req.nextUrl.searchParams.get("status") });
  return listProjects(userId, { status });
});

export const POST = apiRoute(async ({ req, userId }) => createProject(userId, parseInput(projectCreateSchema, await readJson(req))), { status: 201, idempotent: true });
