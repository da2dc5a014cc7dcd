// Projects: create, read, update, delete, the dashboard list and the project hierarchy.
import { and, eq, isNull } from "drizzle-orm";
import { notFound, openTasksConflict } from "../../domain/errors";
import { parseField, parseInput, projectCreateSchema, projectPatchSchema, projectStatus } from "../../domain/schemas";
import { HOT_SQL } from "./hot-sql";
import { num, progressOf, toProject, toScene, toStoryboard } from "./rows";
import type { Row } from "./driver";
import { checkId, mainProgress, type StoreContext } from "./context";
import type { Store } from "./types";
import type { ProjectSummary } from "../../domain/types";

export function projectsStore(ctx: StoreContext): Pick<Store, "createProject" | "getProject" | "updateProject" | "deleteProject" | "listProjects" | "getProjectDetail" | "getProjectProgress"> {
  const { cols, read, write, ownProject, projectProgress, shardIdOf, changes } = ctx;
  const { projects } = ctx.tables;
  return {
    async createProject(userId, input) {
      const data = parseInput(projectCreateSchema, input);
      return write(userId, async (c) => {
        const [row] = await c.db
          .insert(projects)
          .values({ userId, title: data.title, description: data.description ?? null, status: data.status ?? "active", shardId: shardIdOf(userId) })
          .returning(cols.project);
        return toProject(row as Row);
      });
    },

    getProject: (userId, id) => read(userId, (c) => ownProject(c, userId, id)),

    async updateProject(userId, id, patch) {
      const { confirm_open_tasks: confirmed, ...data } = parseInput(projectPatchSchema, patch);
      checkId(id, "Project");
      return write(userId, async (c) => {
        // Locked (PostgreSQL): a "Make main" at the same moment waits, so the count asked about holds.
        const current = await ownProject(c, userId, id, { lock: data.status === "completed" });
        if (data.status === "completed" && current.status !== "completed" && confirmed !== true) {
          const progress = await projectProgress(c, userId, id);
          const open = progress.total_tasks - progress.completed_tasks;
          if (open > 0) throw openTasksConflict(open, progress.total_tasks);
        }
        const fields = (["title", "description", "status"] as const).filter((k) => data[k] !== undefined);
        const { result: row } = await changes.record(c, userId, { project_id: id, storyboard_id: null }, `Edit project: ${fields.join(", ")}`, () => changes.readRows(c, userId, { projects: [id] }), async () => {
          const [updated] = await c.db
            .update(projects)
            .set({
              ...(data.title !== undefined && { title: data.title }),
              ...(data.description !== undefined && { description: data.description }),
              ...(data.status !== undefined && { status: data.status }),
              updatedAt: new Date(),
            })
            .where(and(eq(projects.id, id), eq(projects.userId, userId), isNull(projects.deletedAt)))
            .returning(cols.project);
          return updated;
        });
        if (!row) throw notFound("Project");
        return toProject(row as Row);
      });
    },

    async deleteProject(userId, id) {
      checkId(id, "Project");
      await write(userId, async (c) => {
        const gone = await c.db
          .delete(projects)
          .where(and(eq(projects.id, id), eq(projects.userId, userId)))
          .returning({ id: projects.id });
        if (gone.length === 0) throw notFound("Project");
      });
    },

    async listProjects(userId, filter) {
      const status = filter?.status === undefined ? undefined : parseField("status", projectStatus, filter.status);
      return read(userId, async (c) => {
        const rows = status
          ? await c.query("dashboard_by_status", HOT_SQL.dashboardByStatus, [userId, status])
          : await c.query("dashboard", HOT_SQL.dashboard, [userId]);
        return rows.map((r) => ({ ...toProject(r), storyboard_count: num(r.storyboard_count), approval_state: (r.approval_state ?? null) as ProjectSummary["approval_state"], ...progressOf(r) }));
      });
    },

    getProjectDetail: (userId, id) =>
      read(userId, async (c) => {
        const project = await ownProject(c, userId, id);
        const boards = await c.query("project_storyboards", HOT_SQL.projectStoryboards, [id, userId]);
        const sceneRows = await c.query("project_scenes", HOT_SQL.projectScenes, [id, userId]);
        const byBoard = new Map<number, ReturnType<typeof toScene>[]>();
        const withProgress = sceneRows.map((r) => ({ ...toScene(r), ...progressOf(r) }));
        for (const s of withProgress) byBoard.set(s.storyboard_id, [...(byBoard.get(s.storyboard_id) ?? []), s]);
        const storyboardList = boards.map((r) => ({
          ...toStoryboard(r),
          scene_count: num(r.scene_count),
          ...progressOf(r),
          scenes: withProgress.filter((s) => s.storyboard_id === num(r.id)),
        }));
        return { project, storyboards: storyboardList, ...mainProgress(storyboardList) };
      }),

    getProjectProgress: (userId, id) =>
      read(userId, async (c) => {
        await ownProject(c, userId, id);
        return projectProgress(c, userId, id);
      }),
  };
}
