// What a dialect gives the shared store: a query builder bound to one transaction, raw prepared
// queries for the hot reads, error translation. The store above it never asks which dialect it is.
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type * as pgSchema from "../schema/pg";
import type { AppError } from "../../domain/errors";
import type { Adapter } from "@auth/core/adapters";

/**
 * The query-builder type the shared store is written against. The SQLite driver hands in its own
 * drizzle instance and tables: the builder API the store uses (select/insert/update/delete,
 * returning, onConflictDoUpdate) is the same on both, and each column maps its own values.
 */
export type Db = NodePgDatabase<Record<string, never>>;
export type Tables = Pick<typeof pgSchema, "users" | "projects" | "storyboards" | "scenes" | "sceneTasks" | "storyboardSnapshots" | "sceneImages" | "sceneImageBlobs" | "shareLinks" | "sceneComments" | "storyboardChanges" | "idempotencyKeys" | "sessions" | "verificationTokens">;

export type Row = Record<string, unknown>;

export interface Conn {
  db: Db;
  /** Runs one of the hot queries as a prepared statement (text uses $1..$n placeholders). */
  query(name: string, text: string, params: unknown[]): Promise<Row[]>;
}

export interface TxOptions {
  /** A bulk move (archive, restore) that writes its own audit rows, one per project. */
  bulk?: boolean;
}

export interface Driver {
  readonly dialect: "postgres" | "sqlite";
  readonly tables: Tables;
  /**
   * Runs fn in one transaction acting as userId (null: no user, sees no user rows on PostgreSQL).
   * "read" may go to a replica; "write" and every read inside it go to the primary.
   */
  tx<T>(mode: "read" | "write", userId: string | null, fn: (c: Conn) => Promise<T>, opts?: TxOptions): Promise<T>;
  /**
   * Runs fn in one transaction outside any user context, for the maintenance jobs. PostgreSQL:
   * on a connection of the tables' owner (DATABASE_OWNER_URL), "owner" as that login (DDL: audit
   * partitions), "maintenance" as the storyboard_maintenance role (reads and moves rows of every
   * user under its own policies). SQLite: a write transaction.
   */
  adminTx<T>(as: "owner" | "maintenance", fn: (c: Conn) => Promise<T>, opts?: TxOptions): Promise<T>;
  /** Turns a driver error into an AppError (validation / conflict / not_found) or returns it unchanged. */
  mapError(e: unknown): AppError;
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /** The Auth.js adapter on the same connection and the design's users table. */
  authAdapter(): Adapter;
}
