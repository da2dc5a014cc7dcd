import { invalidateUser, services } from "../../server/services";

export async function deleteProject(userId: string, id: number): Promise<void> {
  const { store, cache } = await services();
  await store.deleteProject(userId, id);
  await invalidateUser(cache, userId);
}
