// Raw access to a test database as its owner, beside the store: for anti-join orphan checks,
// constraint checks that bypass the store's own validation, and fault injection with triggers.
import Database from "better-sqlite3";
import pg from "pg";
import type { TestDatabase } from "./databases";

export interface Raw {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  exec(text: string): Promise<void>;
  close(): Promise<void>;
}

export async function openRaw(db: TestDatabase): Promise<Raw> {
  if (db.dialect === "sqlite") {
    const sqlite = new Database(db.ownerUrl);
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 5000");
    return {
      async query<T>(text: string, params: unknown[] = []) {
        const order: number[] = [];
        const q = text.replace(/\$(\d+)/g, (_, n: string) => (order.push(Number(n) - 1), "?"));
        const stmt = sqlite.prepare(q);
        const args = order.map((i) => params[i]);
        return (stmt.reader ? stmt.all(...args) : (stmt.run(...args), [])) as T[];
      },
      async exec(text) {
        sqlite.exec(text);
      },
      async close() {
        sqlite.close();
      },
    };
  }
  const client = new pg.Client({ connectionString: db.ownerUrl });
  await client.connect();
  return {
    async query<T>(text: string, params: unknown[] = []) {
      return (await client.query(text, params)).rows as T[];
    },
    async exec(text) {
      await client.query(text);
    },
    async close() {
      await client.end();
    },
  };
}
