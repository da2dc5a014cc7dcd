// Measures the cost of the two ways to scope child tables under row level security, on a real
// PostgreSQL with generated data, as the non-owner app role inside a user transaction:
//   parent  — the shipped policies: storyboards/scenes/scene_tasks checked through their parent
//             chain up to projects.user_id (no extra columns, the design's schema unchanged);
//   column  — an owner column (user_id) copied onto every child table, kept in step by the
//             app, with a direct `user_id = current user` policy.
// Usage: npx tsx bench/rls-policy-cost.ts [--users 5000] [--iterations 2000]
// Needs TEST_DATABASE_URL or BENCH_DATABASE_URL (a superuser URL); creates and drops its database.
import { parseArgs } from "node:util";
import fs from "node:fs";
import pg from "pg";
import { openStore } from "../src/db/client";
import { createTestDatabase } from "../tests/support/databases";

const { values } = parseArgs({ options: { users: { type: "string", default: "5000" }, iterations: { type: "string", default: "2000" } } });
const USERS = Number(values.users);
const N = Number(values.iterations);
const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

const db = await createTestDatabase("postgres", adminUrl);
await (await openStore(db.config)).close();
const owner = new pg.Client({ connectionString: db.ownerUrl });
await owner.connect();
console.log(`loading ${USERS} users (3 projects, 2 storyboards, 8 scenes, 4 tasks each)…`);
await owner.query(`
  INSERT INTO users (id, email) SELECT 'u' || g, 'u' || g || '@bench.test' FROM generate_series(1, ${USERS}) g;
  INSERT INTO projects (user_id, title) SELECT 'u' || ((g - 1) / 3 + 1), 'P' || g FROM generate_series(1, ${USERS * 3}) g;
  INSERT INTO storyboards (project_id, title, brief, status) SELECT (g - 1) / 2 + 1, 'S' || g, repeat('b', 500), 'completed' FROM generate_series(1, ${USERS * 6}) g;
  INSERT INTO scenes (storyboard_id, scene_number, visual_description, duration) SELECT (g - 1) / 8 + 1, (g - 1) % 8 + 1, repeat('v', 200), 4 FROM generate_series(1, ${USERS * 48}) g;
  INSERT INTO scene_tasks (scene_id, task_type, completed) SELECT s.id, t.tt, random() < 0.4 FROM scenes s CROSS JOIN unnest(ARRAY['script_written','scene_filmed','audio_recorded','edited']) AS t(tt);
  -- the alternative: the same tables with an owner column on every child, and direct policies
  CREATE SCHEMA alt;
  CREATE TABLE alt.projects AS SELECT * FROM projects;
  CREATE TABLE alt.storyboards AS SELECT s.*, p.user_id FROM storyboards s JOIN projects p ON p.id = s.project_id;
  CREATE TABLE alt.scenes AS SELECT sc.*, p.user_id FROM scenes sc JOIN storyboards s ON s.id = sc.storyboard_id JOIN projects p ON p.id = s.project_id;
  CREATE TABLE alt.scene_tasks AS SELECT t.*, p.user_id FROM scene_tasks t JOIN scenes sc ON sc.id = t.scene_id JOIN storyboards s ON s.id = sc.storyboard_id JOIN projects p ON p.id = s.project_id;
  ALTER TABLE alt.projects ADD PRIMARY KEY (id); ALTER TABLE alt.storyboards ADD PRIMARY KEY (id);
  ALTER TABLE alt.scenes ADD PRIMARY KEY (id); ALTER TABLE alt.scene_tasks ADD PRIMARY KEY (id);
  CREATE INDEX ON alt.projects (user_id); CREATE INDEX ON alt.storyboards (project_id); CREATE INDEX ON alt.storyboards (user_id);
  CREATE INDEX ON alt.scenes (storyboard_id, scene_number); CREATE INDEX ON alt.scenes (user_id);
  CREATE INDEX ON alt.scene_tasks (scene_id); CREATE INDEX ON alt.scene_tasks (user_id);
  GRANT USAGE ON SCHEMA alt TO storyboard_app; GRANT SELECT, UPDATE ON ALL TABLES IN SCHEMA alt TO storyboard_app;
  DO $$ DECLARE t text; BEGIN FOREACH t IN ARRAY ARRAY['projects','storyboards','scenes','scene_tasks'] LOOP
    EXECUTE format('ALTER TABLE alt.%I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE alt.%I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY own ON alt.%I TO storyboard_app USING (user_id = NULLIF(current_setting('app.current_user_id', true), '')) WITH CHECK (user_id = NULLIF(current_setting('app.current_user_id', true), ''))$p$, t);
  END LOOP; END $$;
  ANALYZE;
`);

const app = new pg.Client({ connectionString: db.ownerUrl, options: "-c role=storyboard_app" });
await app.connect();

const storyboardView = (schema: string) => `SELECT sc.id, sc.scene_number, t.id AS task_id, t.completed FROM ${schema}.scenes sc LEFT JOIN ${schema}.scene_tasks t ON t.scene_id = sc.id WHERE sc.storyboard_id = $1 ORDER BY sc.scene_number, t.id`;
const dashboard = (schema: string) => `SELECT p.id, COUNT(DISTINCT s.id), COUNT(t.id), COUNT(t.id) FILTER (WHERE t.completed) FROM ${schema}.projects p LEFT JOIN ${schema}.storyboards s ON s.project_id = p.id LEFT JOIN ${schema}.scenes sc ON sc.storyboard_id = s.id LEFT JOIN ${schema}.scene_tasks t ON t.scene_id = sc.id WHERE p.user_id = $1 GROUP BY p.id ORDER BY p.updated_at DESC`;
const tick = (schema: string) => `UPDATE ${schema}.scene_tasks SET completed = NOT completed WHERE id = $1`;

async function measure(label: string, schema: string, sqlFor: (s: string) => string, args: (i: number) => { user: string; param: unknown }) {
  const times: number[] = [];
  for (let i = 0; i < N; i++) {
    const { user, param } = args(i);
    const t0 = performance.now();
    await app.query("BEGIN");
    await app.query("SELECT set_config('app.current_user_id', $1, true)", [user]);
    await app.query({ name: `${label}-${schema}`, text: sqlFor(schema), values: [param] });
    await app.query("COMMIT");
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { mean: times.reduce((a, b) => a + b, 0) / N, p50: times[Math.floor(N / 2)]!, p99: times[Math.floor(N * 0.99)]! };
}

const user = (i: number) => 1 + ((i * 7919) % USERS);
const cases = [
  ["storyboard view", storyboardView, (i: number) => ({ user: `u${user(i)}`, param: (user(i) - 1) * 6 + 1 })],
  ["dashboard", dashboard, (i: number) => ({ user: `u${user(i)}`, param: `u${user(i)}` })],
  ["tick a task", tick, (i: number) => ({ user: `u${user(i)}`, param: (user(i) - 1) * 192 + 1 })],
] as const;

const rows: string[] = ["| query | parent-chain policy: mean / p50 / p99 ms | owner-column policy: mean / p50 / p99 ms | parent/column (mean) |", "|---|---|---|---|"];
for (const [label, sqlFor, args] of cases) {
  await measure(label, "public", sqlFor, args); // warm-up
  const parent = await measure(label, "public", sqlFor, args);
  await measure(label, "alt", sqlFor, args);
  const column = await measure(label, "alt", sqlFor, args);
  const f = (m: { mean: number; p50: number; p99: number }) => `${m.mean.toFixed(3)} / ${m.p50.toFixed(3)} / ${m.p99.toFixed(3)}`;
  rows.push(`| ${label} | ${f(parent)} | ${f(column)} | ${(parent.mean / column.mean).toFixed(2)} |`);
}
const plan = await app.query("BEGIN; SELECT set_config('app.current_user_id', 'u1', true); EXPLAIN ANALYZE " + storyboardView("public").replace("$1", "1") + "; ROLLBACK;").then(
  (r) => ((r as unknown as pg.QueryResult[])[2]!.rows as Array<Record<string, string>>).map((x) => x["QUERY PLAN"]).join("\n"),
);
const report = `# Row level security on child tables: parent chain vs owner column

PostgreSQL ${(await owner.query("SHOW server_version")).rows[0].server_version}, ${USERS} users (${USERS * 3} projects, ${USERS * 6} storyboards, ${USERS * 48} scenes, ${USERS * 192} tasks), ${N} iterations per cell, one client, each iteration a full request transaction (BEGIN, set_config, query, COMMIT) as the app role.

${rows.join("\n")}

Plan of the storyboard view under the parent-chain policy (the policy subqueries run once, as hashed subplans):

\`\`\`
${plan}
\`\`\`
`;
fs.mkdirSync("bench/results", { recursive: true });
fs.writeFileSync("bench/results/rls-policy-cost.md", report);
console.log(report);
await app.end();
await owner.end();
await db.drop();
