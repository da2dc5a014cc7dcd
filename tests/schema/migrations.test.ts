// The committed migrations are exactly what the schemas say: drizzle-kit generate adds nothing.
import { execFileSync } from "node:child_process";
import { expect, it } from "vitest";

it("drizzle-kit generate produces nothing new for either dialect", () => {
  const out = execFileSync(process.execPath, ["scripts/check-migrations.mjs"], { encoding: "utf8" });
  expect(out).toMatch(/agree/);
}, 120_000);
