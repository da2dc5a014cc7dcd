import type { Project } from "../../domain/types";
import { services } from "../../server/services";

export async function getProject(userId: string, id: number): Promise<Project> {
  return (await services()).store.getProject(userId, id);
}
