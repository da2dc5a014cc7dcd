// Benchmark: TOAST compression of the long text columns, pglz (PostgreSQL's default) against lz4,
// with no compression (STORAGE EXTERNAL) as the baseline: size on disk, insert time, read time
// (every value detoasted). On the 10K-user bench data set (load it first:
// npx tsx bench/load-data.ts --users 10000), in a scratch schema that is dropped afterwards.
// PostgreSQL compresses a value only when its row exceeds ~2 KB (TOAST_TUPLE_THRESHOLD), so the
// data sets are the column as the bench has it and as long values really occur.
// Run: npx tsx bench/compression.ts [postgres://…/bench_10000]   (results: bench/results/compression.md)
import fs from "node:fs";
import pg from "pg";

const url = process.argv[2] ?? process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/bench_10000";
const c = new pg.Client({ connectionString: url });
await c.connect();
await c.query("SET statement_timeout = 0");
const version = (await c.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v;

const sets: Array<{ name: string; type: "text" | "jsonb"; sql: string; read: string }> = [
  { name: "storyboards.brief as in the bench (~500 chars)", type: "text", sql: "SELECT id, brief AS v FROM storyboards", read: "sum(length(v))" },
  {
    name: "brief of ~4 KB (the bench brief + its scenes' text; briefs may be 10,000 chars)",
    type: "text",
    sql: "SELECT s.id, s.brief || string_agg(sc.visual_description || ' ' || coalesce(sc.script, ''), ' ' ORDER BY sc.scene_number) AS v FROM storyboards s JOIN scenes sc ON sc.storyboard_id = s.id GROUP BY s.id",
    read: "sum(length(v))",
  },
  {
    name: "storyboard_snapshots.snapshot (jsonb: a storyboard with its 8 scenes, ~8 KB)",
    type: "jsonb",
    sql: "SELECT s.id, jsonb_build_object('storyboard', to_jsonb(s), 'scenes', jsonb_agg(to_jsonb(sc) ORDER BY sc.scene_number)) AS v FROM storyboards s JOIN scenes sc ON sc.storyboard_id = s.id GROUP BY s.id",
    read: "count(v -> 'storyboard')",
  },
  {
    name: "audit_log.new_values of storyboards as in the bench (jsonb, ~1 KB)",
    type: "jsonb",
    sql: "SELECT id::int AS id, new_values AS v FROM audit_log WHERE table_name = 'storyboards' AND new_values IS NOT NULL",
    read: "count(v -> 'id')",
  },
];

const ms = async (text: string) => {
  const t0 = performance.now();
  await c.query(text);
  return performance.now() - t0;
};

await c.query("DROP SCHEMA IF EXISTS compression_bench CASCADE");
await c.query("CREATE SCHEMA compression_bench");
const rows: string[] = [];
try {
  for (const [i, set] of sets.entries()) {
    // The source keeps its values uncompressed (STORAGE EXTERNAL): PostgreSQL copies an already
    // compressed value between tables as it is, which would measure the source's method, not the target's.
    await c.query(`CREATE TABLE compression_bench.src${i} (id int, v ${set.type})`);
    await c.query(`ALTER TABLE compression_bench.src${i} ALTER COLUMN v SET STORAGE EXTERNAL`);
    await c.query(`INSERT INTO compression_bench.src${i} ${set.sql}`);
    const stats = (await c.query<{ n: number; avg: number; big: number }>(`SELECT count(*)::int AS n, avg(octet_length(v::text))::int AS avg, count(*) FILTER (WHERE octet_length(v::text) > 2000)::int AS big FROM compression_bench.src${i}`)).rows[0]!;
    await c.query(`SELECT ${set.read} FROM compression_bench.src${i}`); // warm the source
    const results: Record<string, { mb: number; insert: number; read: number }> = {};
    for (const method of ["none", "pglz", "lz4"]) {
      const t = `compression_bench.t${i}_${method}`;
      await c.query(`CREATE TABLE ${t} (id int, v ${set.type}${method === "none" ? "" : ` COMPRESSION ${method}`})`);
      if (method === "none") await c.query(`ALTER TABLE ${t} ALTER COLUMN v SET STORAGE EXTERNAL`);
      const insert = await ms(`INSERT INTO ${t} SELECT id, v FROM compression_bench.src${i}`);
      await c.query(`VACUUM ANALYZE ${t}`);
      const bytes = Number((await c.query<{ b: string }>(`SELECT pg_total_relation_size('${t}')::text AS b`)).rows[0]!.b);
      const reads = [];
      for (let r = 0; r < 3; r++) reads.push(await ms(`SELECT ${set.read} FROM ${t}`));
      results[method] = { mb: bytes / 1e6, insert, read: Math.min(...reads) };
    }
    const line = (m: string) => `${results[m]!.mb.toFixed(1)} MB, ${(results[m]!.insert / 1000).toFixed(2)} s, ${(results[m]!.read / 1000).toFixed(2)} s`;
    rows.push(`| ${set.name} | ${stats.n.toLocaleString("en")} × ${stats.avg.toLocaleString("en")} B (${stats.big.toLocaleString("en")} over 2 KB) | ${line("none")} | ${line("pglz")} | ${line("lz4")} |`);
    console.log(rows.at(-1));
  }
} finally {
  await c.query("DROP SCHEMA IF EXISTS compression_bench CASCADE");
  await c.end();
}

const load = fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
const md = `# TOAST compression: pglz vs lz4

PostgreSQL ${version}, ${new Date().toISOString().slice(0, 10)}, load average ${load} (2 cores shared). Each cell: table size with
TOAST, INSERT … SELECT time, best of 3 full reads (every value detoasted and decompressed).
"none" is STORAGE EXTERNAL (out of line, never compressed). Run: \`npx tsx bench/compression.ts\`.

| data | rows × average size | none | pglz (default) | lz4 |
|---|---|---|---|---|
${rows.join("\n")}
`;
fs.mkdirSync("bench/results", { recursive: true });
fs.writeFileSync("bench/results/compression.md", md);
console.log(md);
