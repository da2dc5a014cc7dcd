// squawk, as `npm run lint` runs it: the committed PostgreSQL migrations pass, and the rules that
// keep users from being locked out are really on (a migration breaking each one is refused).
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";

// Through scripts/squawk.mjs, from the repository root so that .squawk.toml applies, as `npm run lint` runs it.
const squawk = [path.resolve("scripts/squawk.mjs")];
const lint = (files: string[]) => spawnSync(process.execPath, [...squawk, "--reporter", "gcc", ...files], { encoding: "utf8", cwd: process.cwd() });

it("the committed PostgreSQL migrations pass squawk", () => {
  const out = execFileSync(process.execPath, [...squawk, "src/db/migrations/pg/*.sql"], { encoding: "utf8" });
  expect(out).toMatch(/Found 0 issues/);
});

it("refuses the statements that block reads or writes on a live table", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "squawk-"));
  const file = (name: string, sql: string) => (fs.writeFileSync(path.join(dir, name), sql), path.join(dir, name));
  const header = "SET lock_timeout = '2s';\nSET statement_timeout = '60s';\n";
  const cases: Array<[string, string, string]> = [
    ["no-lock-timeout.sql", 'ALTER TABLE "projects" ADD COLUMN "x" integer;', "require-lock-timeout"],
    ["plain-index.sql", header + 'CREATE INDEX "idx_x" ON "projects" ("title");', "require-concurrent-index-creation"],
    ["valid-constraint.sql", header + 'ALTER TABLE "projects" ADD CONSTRAINT "c" CHECK ("title" <> \'\');', "constraint-missing-not-valid"],
    ["required-column.sql", header + 'ALTER TABLE "projects" ADD COLUMN "y" integer NOT NULL;', "adding-required-field"],
    ["set-not-null.sql", header + 'ALTER TABLE "projects" ALTER COLUMN "title" SET NOT NULL;', "adding-not-nullable-field"],
  ];
  try {
    for (const [name, sql, rule] of cases) {
      const r = lint([file(name, sql)]);
      expect(r.status, `${name} should fail`).not.toBe(0);
      expect(r.stdout, name).toContain(rule);
    }
    // The shape docs/operations.md prescribes passes.
    const ok = lint([file("ok.sql", header + 'ALTER TABLE "projects" ADD COLUMN "z" integer;\nALTER TABLE "projects" ADD CONSTRAINT "c" CHECK ("z" IS NOT NULL) NOT VALID;')]);
    expect(ok.stdout).toBe("");
    expect(ok.status).toBe(0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
