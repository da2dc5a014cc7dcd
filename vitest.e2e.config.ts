import { defineConfig } from "vitest/config";

// API and browser tests against the production build (`npm run test:e2e`): each file starts
// the app on a fresh SQLite file and on a fresh PostgreSQL database.
export default defineConfig({
  test: {
    // CI also writes a JSON report (VITEST_JSON_DIR) to print one "N passed, N failed" line.
    reporters: process.env.VITEST_JSON_DIR ? ["default", ["json", { outputFile: `${process.env.VITEST_JSON_DIR}/e2e.json` }]] : ["default"],
    include: ["tests/e2e/**/*.test.ts"],
    globalSetup: ["tests/e2e/global-build.ts", "tests/setup/global-postgres.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    pool: "forks",
  },
});
