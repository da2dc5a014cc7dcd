// DATABASE_READ_URL: plain reads go to the replica pool; writes, and the reads a write makes,
// go to the primary. Proved with two separate databases standing in for primary and replica.
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { openStore } from "../../src/db/client";
import type { Store } from "../../src/db/store/types";
import { createTestDatabase, type TestDatabase } from "../support/databases";

let primary: TestDatabase;
let replica: TestDatabase;
let store: Store;

beforeAll(async () => {
  primary = await createTestDatabase("postgres", inject("pgAdminUrl"));
  replica = await createTestDatabase("postgres", inject("pgAdminUrl"));
  await (await openStore(replica.config)).close(); // migrate the stand-in replica
  if (primary.config.dialect !== "postgres" || replica.config.dialect !== "postgres") throw new Error("postgres only");
  store = await openStore({ ...primary.config, readUrl: replica.config.url });
});

afterAll(async () => {
  await store?.close();
  await primary?.drop();
  await replica?.drop();
});

it("sends plain reads to the replica and writes (with their own reads) to the primary", async () => {
  const user = await store.upsertUserByEmail({ email: "replica-test@example.test" });
  const project = await store.createProject(user.id, { title: "Written to the primary" });
  // The write returned the row it wrote: that read ran on the primary, inside the write.
  expect(project.title).toBe("Written to the primary");
  // A plain read goes to the replica, which (being another database here) has no such project.
  expect(await store.listProjects(user.id)).toEqual([]);
  await expect(store.getProject(user.id, project.id)).rejects.toMatchObject({ code: "not_found" });
  // A storyboard created on the primary comes back complete: its view is read inside the write.
  const sb = await store.createStoryboard(user.id, {
    project_id: project.id,
    title: "t",
    brief: "b",
    scenes: [{ visual_description: "v", duration: 3, scene_type: "hook" }],
  });
  expect(sb.scenes).toHaveLength(1);
});
