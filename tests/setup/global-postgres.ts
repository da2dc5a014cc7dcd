// Vitest global setup: one PostgreSQL server for the whole run; each test file creates its own
// fresh database on it (tests/support/databases.ts), so no run depends on what another left.
import type {} from "vitest";
import type { TestProject } from "vitest/node";
import { startPgServer, type PgServer } from "./postgres-server";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

let server: PgServer | undefined;

export async function setup(project: TestProject) {
  server = await startPgServer((m) => console.log(`[postgres] ${m}`));
  project.provide("pgAdminUrl", server.adminUrl);
}

export async function teardown() {
  await server?.stop();
}
