// The main storyboard under concurrency, on SQLite and PostgreSQL: storyboards created at once in
// a project that has none all succeed, and exactly one of them is the main one (before, on
// PostgreSQL every one but the first failed on uq_storyboards_main_per_project: "That value is
// already taken").
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDriver } from "../../src/db/client";
import { createStore } from "../../src/db/store/store";
import type { Store } from "../../src/db/store/types";
import { createFactories, type Factories } from "../../src/db/seed/factories";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../support/databases";
import { openRaw, type Raw } from "../support/raw";

describe.each(DIALECTS)("main storyboard on %s", (dialect) => {
  let db: TestDatabase;
  let store: Store;
  let raw: Raw;
  let f: Factories;

  beforeAll(async () => {
    db = await createTestDatabase(dialect, inject("pgAdminUrl"));
    store = createStore(await openDriver(db.config));
    raw = await openRaw(db);
    f = createFactories(store);
  });
  afterAll(async () => {
    await store?.close();
    await raw?.close();
    await db?.drop();
  });

  it("ten storyboards created at once in an empty project all succeed, and one is main", async () => {
    const u = await f.user();
    const p = await f.project(u.id);
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => f.storyboard(u.id, p.id, { sceneCount: 2, title: `Take ${i + 1}` })));
    expect(results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    const rows = await raw.query<{ is_main: unknown }>("SELECT is_main FROM storyboards WHERE project_id = $1", [p.id]);
    expect(rows).toHaveLength(10);
    expect(rows.filter((r) => r.is_main === true || r.is_main === 1)).toHaveLength(1);
  });
});
