// The job system's vocabulary: a definition (name, payload schema, retries, timeout, schedule),
// a handler (a use-case), and the JobQueue both backends implement (pg-boss, the SQLite table).
import type { z } from "zod";

export interface JobDefinition<P = unknown> {
  /** Queue name: letters, digits, dashes. Also what `storyboard jobs run NAME` takes. */
  name: string;
  description: string;
  payload: z.ZodType<P>;
  /** Retries after the first attempt; attempt n waits about delaySeconds × 2^(n−1) before it. */
  retry: { limit: number; delaySeconds: number };
  /** An attempt still running after this long is taken as lost (its worker died) and retried. */
  timeoutSeconds: number;
  /** At most one attempt of this job runs at a time across every instance (maintenance jobs). */
  singleton: boolean;
  /**
   * A cron schedule (UTC), overridable by the named variable; "off" disables it. cron null: no
   * schedule unless the variable sets one (the database backup: BACKUP_SCHEDULE).
   */
  schedule?: { env: string; cron: string | null };
}

export interface JobContext {
  id: string;
  /** 1 for the first attempt. */
  attempt: number;
  maxAttempts: number;
  /** No retry follows if this attempt throws: the handler records the failure where users see it. */
  final: boolean;
  progress(line: string): void;
}

export type JobHandler<P = unknown> = (payload: P, ctx: JobContext) => Promise<unknown>;

/** A definition as configured for this process: settings applied, handler loaded on first use. */
export interface ConfiguredJob {
  def: JobDefinition<unknown>;
  /** null: nobody has written the handler yet (the schedule is not created, `jobs run` refuses). */
  handler: (() => Promise<JobHandler<unknown>>) | null;
  cron: string | null;
  concurrency: number;
}

export type JobState = "created" | "retry" | "active" | "completed" | "failed";

export interface JobInfo {
  id: string;
  name: string;
  key: string | null;
  state: JobState;
  attempts: number;
  maxAttempts: number;
  createdAt: Date;
  startedAt: Date | null;
  /** When a queued or retrying job may run next. */
  runAfter: Date | null;
  lastError: string | null;
}

export interface ScheduleInfo {
  name: string;
  cron: string;
  nextRunAt: Date;
}

export interface JobQueue {
  readonly backend: "pg-boss" | "sqlite";
  /** Creates the queues (pg-boss: its schema too) and writes the schedules. Idempotent. */
  start(): Promise<void>;
  /** Starts this process's workers (and, for a worker, the schedules' clock). */
  work(): Promise<void>;
  enqueue(name: string, payload: unknown, opts?: { key?: string }): Promise<string>;
  /** Runs one job now in this process (as a job of its queue, so singleton rules hold), reporting progress. */
  runNow(name: string, payload: unknown, progress: (line: string) => void): Promise<unknown>;
  get(id: string): Promise<JobInfo | null>;
  /** Queued, retrying, running and failed jobs, newest first, and the schedules. */
  list(limit?: number): Promise<{ jobs: JobInfo[]; schedules: ScheduleInfo[] }>;
  /** Keys of this queue's jobs that are queued, retrying or running. */
  liveKeys(name: string): Promise<Set<string>>;
  /** Resolves when no handler is running in this process. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export class JobError extends Error {
  override name = "JobError";
}
