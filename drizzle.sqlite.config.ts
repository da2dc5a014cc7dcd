import { defineConfig } from "drizzle-kit";

// Generates SQLite migrations from src/db/schema/sqlite.ts (`npm run db:generate`).
export default defineConfig({
  dialect: "sqlite",
  schema: "./src/db/schema/sqlite.ts",
  out: "./src/db/migrations/sqlite",
});
