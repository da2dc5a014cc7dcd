import { defineConfig } from "drizzle-kit";

// Generates PostgreSQL migrations from src/db/schema/pg.ts (`npm run db:generate`).
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/db/schema/pg.ts",
  out: "./src/db/migrations/pg",
});
