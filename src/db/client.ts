// The database factory: DATABASE_URL unset or file:... gives the embedded SQLite file, postgres://
// gives a node-postgres pool (and a replica pool with DATABASE_READ_URL). It migrates at start
// and turns every start-up failure into one line that names the variable at fault.
import { ConfigError, readDbConfig, type DbConfig } from "./config";
import { migratePostgres } from "./migrate";
import { createPgDriver } from "./store/pg";
import { createSqliteDriver } from "./store/sqlite";
import { createStore } from "./store/store";
import type { Store } from "./store/types";
import type { Driver } from "./store/driver";

export type { Store } from "./store/types";
export { ConfigError } from "./config";

const describe = (e: unknown) => {
  const err = e as { code?: string; message?: string };
  return [err.code, err.message].filter(Boolean).join(" ");
};

/** Opens (and, unless DATABASE_AUTO_MIGRATE=0, migrates) the database the config names. */
export async function openStore(config: DbConfig): Promise<Store> {
  return createStore(await openDriver(config), { shardCount: config.shardCount });
}

export async function openDriver(config: DbConfig): Promise<Driver> {
  if (config.dialect === "sqlite") {
    try {
      return createSqliteDriver(config);
    } catch (e) {
      throw new ConfigError("DATABASE_URL", `cannot open the SQLite file ${config.file}: ${describe(e)}`);
    }
  }
  if (config.autoMigrate) {
    try {
      await migratePostgres(config.ownerUrl, { connectionTimeoutMillis: Math.max(config.pool.connectionTimeoutMillis, 5_000), ...config.migration });
    } catch (e) {
      const variable = config.ownerUrl === config.url ? "DATABASE_URL" : "DATABASE_OWNER_URL";
      throw new ConfigError(variable, `cannot migrate the PostgreSQL database: ${describe(e)}`);
    }
  }
  const driver = createPgDriver(config);
  try {
    await driver.ping();
  } catch (e) {
    await driver.close().catch(() => undefined);
    throw new ConfigError("DATABASE_URL", `cannot connect to PostgreSQL: ${describe(e)}`);
  }
  return driver;
}

const globalForDb = globalThis as unknown as { __storyboardDb?: Promise<{ driver: Driver; store: Store }> };

/** The process-wide database, opened (and migrated) from the environment on first use. */
function processDb() {
  globalForDb.__storyboardDb ??= Promise.resolve()
    .then(async () => {
      const config = readDbConfig();
      const driver = await openDriver(config);
      return { driver, store: createStore(driver, { shardCount: config.shardCount }) };
    })
    .catch((e: unknown) => {
      globalForDb.__storyboardDb = undefined;
      throw e;
    });
  return globalForDb.__storyboardDb;
}

export const getStore = async (): Promise<Store> => (await processDb()).store;

/** The process-wide driver (the SQLite job queue shares its connection). */
export const getDriver = async (): Promise<Driver> => (await processDb()).driver;

/** The Auth.js adapter on the same connection (its tables need no user context). */
export const getAuthAdapter = async () => (await processDb()).driver.authAdapter();
