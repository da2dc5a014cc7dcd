import { approvalUpdateSchema, parseInput } from "../../domain/schemas";
import type { Storyboard } from "../../domain/types";
import { invalidateUser, services } from "../../server/services";

/** The owner moves a storyboard along draft → in review → approved / changes requested. */
export async function updateApprovalState(userId: string, storyboardId: number, input: unknown): Promise<Storyboard> {
  const data = parseInput(approvalUpdateSchema, input);
  const { store, cache } = await services();
  const sb = await store.setApprovalState(userId, storyboardId, data);
  await invalidateUser(cache, userId); // the dashboard shows the main storyboard's state
  return sb;
}
