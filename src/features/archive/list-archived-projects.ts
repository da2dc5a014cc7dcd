// The dashboard's Archived filter: the user's projects in the archive, read-only, newest move first.
import type { ArchivedProject } from "../../domain/types";
import { services } from "../../server/services";

export async function listArchivedProjects(userId: string): Promise<ArchivedProject[]> {
  const { store } = await services();
  return store.listArchivedProjects(userId);
}
