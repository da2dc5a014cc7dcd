import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Unit tests (next to the code) and the store contract suite (tests/contract), run by `npm test`.
export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) } },
  test: {
    // CI also writes a JSON report (VITEST_JSON_DIR) to print one "N passed, N failed" line.
    reporters: process.env.VITEST_JSON_DIR ? ["default", ["json", { outputFile: `${process.env.VITEST_JSON_DIR}/unit.json` }]] : ["default"],
    include: ["src/**/*.test.ts", "tests/**/*.test.ts", "bench/**/*.test.ts"],
    exclude: ["tests/e2e/**", "tests/faults/**", "node_modules/**"],
    globalSetup: ["tests/setup/global-postgres.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
