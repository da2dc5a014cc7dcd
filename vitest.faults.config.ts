import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Fault injection against the production build (`npm run test:faults`, also run by CI): each file
// starts its own PostgreSQL cluster or Redis, breaks it under load, and prints error counts, p99
// during and after the fault and the recovery time. One file at a time: they measure.
export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) } },
  test: {
    reporters: process.env.VITEST_JSON_DIR ? ["default", ["json", { outputFile: `${process.env.VITEST_JSON_DIR}/faults.json` }]] : ["default"],
    include: ["tests/faults/**/*.test.ts"],
    globalSetup: ["tests/e2e/global-build.ts", "tests/setup/global-postgres.ts"],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    pool: "forks",
  },
});
