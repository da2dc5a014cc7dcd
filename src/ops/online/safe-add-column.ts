// The safe column add (GitLab's migration_helpers pattern), run outside drizzle's migration
// transaction, each phase idempotent and recorded so a rerun picks up where the last one stopped:
//
//   phase        statement                                      lock, and for how long
//   add          ADD COLUMN IF NOT EXISTS col type (nullable)   ACCESS EXCLUSIVE, catalog only: instant
//   backfill     keyset batches of UPDATE … FROM unnest(…)      row locks of one batch, one commit each
//   check        ADD CONSTRAINT … CHECK (col IS NOT NULL) NOT VALID   ACCESS EXCLUSIVE, no scan: instant
//   validate     VALIDATE CONSTRAINT                            SHARE UPDATE EXCLUSIVE: reads and writes go on
//   not_null     ALTER COLUMN … SET NOT NULL                    ACCESS EXCLUSIVE, no scan (the valid CHECK proves it)
//   drop_check   DROP CONSTRAINT                                ACCESS EXCLUSIVE, instant
//   index        CREATE INDEX CONCURRENTLY                      SHARE UPDATE EXCLUSIVE: reads and writes go on
//
// Every DDL statement waits for its lock at most lock_timeout and is retried a bounded number of
// times, so a request queued behind it waits at most lock_timeout too. On SQLite (no concurrent
// DDL, no NOT NULL on an existing column) it is add + backfill + index.
import { isCheckViolation } from "../../db/pg-errors";
import type { OnlineDb, Row } from "../../db/online/types";
import { formatDuration } from "../progress";
import { runDataMigration, type RunOptions } from "./runner";

export interface SafeAddColumn {
  /** Names the step in the progress table. */
  name: string;
  table: string;
  column: string;
  type: string;
  key?: string;
  /** Columns compute() reads. */
  read: string[];
  /** The value of the new column for an existing row. */
  compute(row: Row): unknown;
  notNull?: boolean;
  index?: string;
}

export type Phase = "add" | "backfill" | "check" | "validate" | "not_null" | "drop_check" | "index" | "done";
const PHASES: Phase[] = ["add", "backfill", "check", "validate", "not_null", "drop_check", "index", "done"];

export interface SafeAddOptions extends Omit<RunOptions, "restart"> {
  /** Called before each phase runs (progress display; the drills use it to inject a blocker). */
  onPhase?: (phase: Phase) => void | Promise<void>;
}

export async function safeAddColumn(db: OnlineDb, spec: SafeAddColumn, opts: SafeAddOptions): Promise<void> {
  const key = spec.key ?? "id";
  const check = `${spec.table}_${spec.column}_not_null`.slice(0, 63);
  const label = `${spec.table}.${spec.column}`;
  const existing = await db.record(spec.name);
  if (existing?.finishedAt) return;
  const record = existing ?? { name: spec.name, phase: "add", cursor: null, doneRows: 0, totalRows: null, startedAt: new Date(), finishedAt: null };
  const from = Math.max(0, PHASES.indexOf(record.phase as Phase));

  const backfill = (restart: boolean) =>
    runDataMigration(
      db,
      {
        name: `${spec.name}#backfill`,
        spec: { table: spec.table, key, read: spec.read, onlyNull: spec.column, write: [{ column: spec.column, type: spec.type }] },
        transform: (rows) => rows.map((r) => ({ [key]: r[key], [spec.column]: spec.compute(r) })),
      },
      { ...opts, restart },
    );

  const constrain = spec.notNull && db.online;
  const steps: Record<Exclude<Phase, "done">, () => Promise<unknown>> = {
    add: () => db.addColumn(spec.table, spec.column, spec.type),
    backfill: () => backfill(false),
    check: async () => {
      if (!constrain || (await db.columnInfo(spec.table, spec.column)).notNull) return;
      if ((await db.constraintState(spec.table, check)) === "missing") await db.addNotNullCheck(spec.table, spec.column, check);
    },
    validate: async () => {
      if (!constrain || (await db.constraintState(spec.table, check)) !== "not_valid") return;
      try {
        await db.validateConstraint(spec.table, check);
      } catch (e) {
        // Rows written NULL after the backfill passed them (an app instance from before this
        // release): fill them (the NOT VALID check already stops new ones), then validate.
        if (!isCheckViolation(e)) throw e;
        opts.log(`${label}: rows written without ${spec.column} since the backfill; filling them`);
        await backfill(true);
        await db.validateConstraint(spec.table, check);
      }
    },
    not_null: async () => {
      if (constrain && !(await db.columnInfo(spec.table, spec.column)).notNull) await db.setNotNull(spec.table, spec.column);
    },
    drop_check: async () => {
      if (constrain) await db.dropConstraint(spec.table, check);
    },
    index: async () => {
      if (spec.index) await db.createIndex(spec.table, spec.index, [spec.column]);
    },
  };

  for (const phase of PHASES.slice(from)) {
    await opts.onPhase?.(phase);
    await db.saveRecord({ ...record, phase, finishedAt: phase === "done" ? new Date() : null });
    if (phase === "done") break;
    const t0 = performance.now();
    await steps[phase]();
    if (phase !== "backfill") opts.log(`${label}: ${phase} done in ${formatDuration((performance.now() - t0) / 1000)}`);
  }
}
