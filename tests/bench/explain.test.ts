// Every hot query keeps its indexes: EXPLAIN (FORMAT JSON) of the real statements
// (src/db/store/hot-sql.ts, and the writes of the tick and generate paths) on a generated data
// set, as the app role inside a user's transaction so the row level security subqueries are in
// the plan too. A sequential scan of projects, storyboards, scenes or scene_tasks fails the test,
// for the custom plan of a first execution and for the generic plan a prepared statement
// switches to after five. Not timed: plans, not durations.
import pg from "pg";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { loadPostgres } from "../../bench/generate";
import { migratePostgres } from "../../src/db/migrate";
import { HOT_SQL } from "../../src/db/store/hot-sql";
import { createTestDatabase, type TestDatabase } from "../support/databases";

const USERS = 2_000;
const LARGE = new Set(["projects", "storyboards", "scenes", "scene_tasks"]);

let db: TestDatabase;
let app: pg.Client;
let ids: { user: string; project: number; storyboard: number; scene: number; task: number };

beforeAll(async () => {
  db = await createTestDatabase("postgres", inject("pgAdminUrl"));
  await migratePostgres(db.ownerUrl);
  await loadPostgres(db.ownerUrl, USERS, () => undefined);
  const owner = new pg.Client({ connectionString: db.ownerUrl });
  await owner.connect();
  const { rows } = await owner.query(
    `SELECT p.user_id, p.id AS project, s.id AS storyboard, sc.id AS scene, t.id AS task
     FROM projects p JOIN storyboards s ON s.project_id = p.id JOIN scenes sc ON sc.storyboard_id = s.id JOIN scene_tasks t ON t.scene_id = sc.id
     WHERE p.id = (SELECT max(id) / 2 FROM projects) ORDER BY t.id LIMIT 1`,
  );
  await owner.end();
  const r = rows[0] as { user_id: string; project: number; storyboard: number; scene: number; task: number };
  ids = { user: r.user_id, project: r.project, storyboard: r.storyboard, scene: r.scene, task: r.task };
  app = new pg.Client({ connectionString: db.ownerUrl, options: "-c role=storyboard_app" });
  await app.connect();
}, 120_000);

afterAll(async () => {
  await app?.end();
  await db?.drop();
});

/** The parameters each hot query runs with; a new query in HOT_SQL needs an entry here. */
const params = (): Record<keyof typeof HOT_SQL, unknown[]> => ({
  dashboard: [ids.user],
  dashboardByStatus: [ids.user, "active"],
  project: [ids.project, ids.user],
  projectForUpdate: [ids.project, ids.user],
  projectStoryboards: [ids.project, ids.user],
  projectScenes: [ids.project, ids.user],
  storyboard: [ids.storyboard, ids.user],
  storyboardScenes: [ids.storyboard, ids.user],
  progressForScene: [ids.scene, ids.storyboard, ids.project, ids.user],
  sceneOwner: [ids.scene, ids.user],
  taskOwner: [ids.task, ids.user],
  tickTask: [ids.task, true, new Date(), new Date(), ids.user],
  tickLockStoryboard: [ids.task, ids.user, new Date()],
  tickWithProgress: [ids.task, true, new Date(), new Date(), ids.user, ids.scene, ids.storyboard, ids.project],
  touchStoryboard: [ids.storyboard, new Date(), ids.user],
  lockStoryboard: [ids.storyboard, ids.user],
  touchProject: [ids.project, new Date(), ids.user],
});

/** Writes of the generate path that the store builds with drizzle (same shape here). */
const WRITES: Record<string, { text: string; params: () => unknown[] }> = {
  "generate: replace the scenes": { text: "DELETE FROM scenes WHERE storyboard_id = $1 AND user_id = $2", params: () => [ids.storyboard, ids.user] },
  "generate: mark completed": { text: "UPDATE storyboards SET status = 'completed', updated_at = now() WHERE id = $1 AND user_id = $2", params: () => [ids.storyboard, ids.user] },
};

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  Plans?: PlanNode[];
}

function seqScans(node: PlanNode, out: string[] = []): string[] {
  if (node["Node Type"] === "Seq Scan" && node["Relation Name"] && LARGE.has(node["Relation Name"])) out.push(node["Relation Name"]);
  for (const child of node.Plans ?? []) seqScans(child, out);
  return out;
}

const literal = (v: unknown) =>
  typeof v === "number" || typeof v === "boolean" ? String(v) : `'${(v instanceof Date ? v.toISOString() : String(v)).replace(/'/g, "''")}'`;

/** The plan's sequential scans of large tables: custom (parameters known) and generic ($n unknown). */
async function plans(text: string, values: unknown[]): Promise<{ custom: string[]; generic: string[] }> {
  await app.query("BEGIN");
  try {
    await app.query("SELECT set_config('app.current_user_id', $1, true)", [ids.user]);
    const custom = (await app.query<{ "QUERY PLAN": Array<{ Plan: PlanNode }> }>(`EXPLAIN (FORMAT JSON) ${text}`, values)).rows[0]!["QUERY PLAN"][0]!.Plan;
    await app.query("SET LOCAL plan_cache_mode = force_generic_plan");
    await app.query(`PREPARE hot AS ${text}`);
    const generic = (await app.query<{ "QUERY PLAN": Array<{ Plan: PlanNode }> }>(`EXPLAIN (FORMAT JSON) EXECUTE hot(${values.map(literal).join(", ")})`)).rows[0]!["QUERY PLAN"][0]!.Plan;
    await app.query("DEALLOCATE hot");
    return { custom: seqScans(custom), generic: seqScans(generic) };
  } finally {
    await app.query("ROLLBACK");
  }
}

it("has parameters for every hot query", () => {
  expect(Object.keys(params()).sort()).toEqual(Object.keys(HOT_SQL).sort());
});

it.each(Object.keys(HOT_SQL) as Array<keyof typeof HOT_SQL>)("HOT_SQL.%s scans no large table sequentially", async (name) => {
  expect(await plans(HOT_SQL[name], params()[name])).toEqual({ custom: [], generic: [] });
});

it.each(Object.keys(WRITES))("%s scans no large table sequentially", async (name) => {
  const w = WRITES[name]!;
  expect(await plans(w.text, w.params())).toEqual({ custom: [], generic: [] });
});

it("notices a sequential scan (the check itself works)", async () => {
  expect((await plans("SELECT count(*) FROM scene_tasks WHERE length(task_type) > $1", [0])).custom).toContain("scene_tasks");
});
