// Who the benchmark acts as: up to 2,000 generated users spread evenly over the data set, each
// with the ids of their projects, storyboards and the tasks of one storyboard. Every operation
// picks a user at random, so the measured paths read many different users' rows, not one hot set.
import pg from "pg";
import { openSqlite } from "../../src/db/store/sqlite";
import { benchEmail, benchUserId } from "../generate";
import type { BenchDatabase } from "./database";

export interface BenchTask {
  id: number;
  scene_id: number;
  storyboard_id: number;
  project_id: number;
  completed: boolean;
}

export interface BenchUser {
  n: number;
  id: string;
  email: string;
  projects: number[];
  storyboards: number[];
  tasks: BenchTask[];
}

export const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;

type Row = Record<string, unknown>;

export async function sampleUsers(db: BenchDatabase, max = 2000): Promise<BenchUser[]> {
  const count = Math.min(max, db.users);
  const ns = Array.from({ length: count }, (_, i) => 1 + Math.floor((i * db.users) / count));
  const ids = ns.map(benchUserId);
  let boards: Row[];
  let tasks: Row[];
  if (db.dialect === "postgres") {
    const c = new pg.Client({ connectionString: db.ownerUrl });
    await c.connect();
    try {
      boards = (await c.query("SELECT p.user_id, p.id AS project_id, s.id AS storyboard_id FROM projects p JOIN storyboards s ON s.project_id = p.id WHERE p.user_id = ANY($1) ORDER BY p.id, s.id", [ids])).rows;
      const first = firstStoryboards(boards);
      tasks = (
        await c.query(
          "SELECT t.id, t.scene_id, sc.storyboard_id, s.project_id, t.completed FROM scene_tasks t JOIN scenes sc ON sc.id = t.scene_id JOIN storyboards s ON s.id = sc.storyboard_id WHERE s.id = ANY($1) ORDER BY t.id",
          [first],
        )
      ).rows;
    } finally {
      await c.end();
    }
  } else {
    const sqlite = openSqlite(db.ownerUrl);
    try {
      boards = sqlite
        .prepare("SELECT p.user_id, p.id AS project_id, s.id AS storyboard_id FROM projects p JOIN storyboards s ON s.project_id = p.id WHERE p.user_id IN (SELECT value FROM json_each(?)) ORDER BY p.id, s.id")
        .all(JSON.stringify(ids)) as Row[];
      tasks = sqlite
        .prepare(
          "SELECT t.id, t.scene_id, sc.storyboard_id, s.project_id, t.completed FROM scene_tasks t JOIN scenes sc ON sc.id = t.scene_id JOIN storyboards s ON s.id = sc.storyboard_id WHERE s.id IN (SELECT value FROM json_each(?)) ORDER BY t.id",
        )
        .all(JSON.stringify(firstStoryboards(boards))) as Row[];
    } finally {
      sqlite.close();
    }
  }
  const users = new Map<string, BenchUser>(ns.map((n, i) => [ids[i]!, { n, id: ids[i]!, email: benchEmail(n), projects: [], storyboards: [], tasks: [] }]));
  const ownerOfProject = new Map<number, BenchUser>();
  for (const r of boards) {
    const u = users.get(String(r.user_id))!;
    const pid = Number(r.project_id);
    if (!u.projects.includes(pid)) u.projects.push(pid);
    u.storyboards.push(Number(r.storyboard_id));
    ownerOfProject.set(pid, u);
  }
  for (const r of tasks) {
    ownerOfProject.get(Number(r.project_id))!.tasks.push({
      id: Number(r.id),
      scene_id: Number(r.scene_id),
      storyboard_id: Number(r.storyboard_id),
      project_id: Number(r.project_id),
      completed: Boolean(r.completed),
    });
  }
  const out = [...users.values()];
  const incomplete = out.find((u) => u.projects.length === 0 || u.storyboards.length === 0 || u.tasks.length === 0);
  if (incomplete) throw new Error(`generated user ${incomplete.email} has no projects, storyboards or tasks: reload the data set`);
  return out;
}

/** One storyboard per user (its first): the tasks the tick path flips. */
function firstStoryboards(rows: Row[]): number[] {
  const seen = new Set<string>();
  const out: number[] = [];
  for (const r of rows) {
    if (seen.has(String(r.user_id))) continue;
    seen.add(String(r.user_id));
    out.push(Number(r.storyboard_id));
  }
  return out;
}

/** A brief of ~500 characters, as creators write them. */
export const BENCH_BRIEF =
  "A 30-second TikTok for a reusable coffee cup that keeps drinks hot for six hours. Open on a commuter's hands wrapped around the cup on a cold platform, steam rising. Show three quick proofs: the cup upside down over a laptop with no drip, a thermometer reading after lunch, the cup sliding into a bike bottle cage. Warm, direct voice-over, one idea per line. Audience: office workers and students who buy two coffees a day. End on the price and the link in bio with a ten percent code.";
