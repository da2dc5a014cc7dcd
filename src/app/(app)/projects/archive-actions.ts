"use server";
// Restore of an archived project from the dashboard's Archived filter.
import { revalidatePath } from "next/cache";
import { restoreProject } from "../../../features/archive/restore-project";
import { idArg, runAction, type ActionResult } from "../../../server/action";

export async function restoreProjectAction(projectId: number): Promise<ActionResult<{ id: number }>> {
  return runAction(async (userId) => {
    const project = await restoreProject(userId, idArg(projectId, "Archived project"));
    revalidatePath("/dashboard");
    return { id: project.id };
  }, "heavy");
}
