// `npm run db:migrate`: applies the committed migrations to the database DATABASE_URL names
// (PostgreSQL as DATABASE_OWNER_URL when set). The app also does this itself at start.
import { ConfigError, readDbConfig } from "../db/config";
import { migratePostgres, migrateSqlite } from "../db/migrate";
import { openSqlite } from "../db/store/sqlite";

async function main() {
  const config = readDbConfig();
  if (config.dialect === "sqlite") {
    const sqlite = openSqlite(config.file);
    migrateSqlite(sqlite);
    sqlite.close();
    console.log(`Migrated SQLite database ${config.file}`);
  } else {
    await migratePostgres(config.ownerUrl, config.migration);
    console.log(`Migrated PostgreSQL database ${new URL(config.ownerUrl).pathname.slice(1)}`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof ConfigError ? e.message : `Migration failed: ${(e as Error).message}`);
  process.exit(1);
});
