// The contract files' common setup: a fresh database of the dialect, the store on it, a raw client
// and the factories, opened before the file's tests and dropped after; and `caught`, the AppError a
// store call must fail with.
import { afterAll, beforeAll, expect, inject } from "vitest";
import { openDriver } from "../../src/db/client";
import { createFactories, type Factories } from "../../src/db/seed/factories";
import { createStore } from "../../src/db/store/store";
import type { Store } from "../../src/db/store/types";
import { AppError } from "../../src/domain/errors";
import { createTestDatabase, type Dialect, type TestDatabase } from "./databases";
import { openRaw, type Raw } from "./raw";

export interface StoreFixture {
  db: TestDatabase;
  store: Store;
  raw: Raw;
  f: Factories;
}

/** Registers the hooks; `set` receives the fixture once it is open (assign it to the file's variables). */
export function useStoreFixture(dialect: Dialect, set: (fx: StoreFixture) => void): void {
  let fx: StoreFixture | undefined;
  beforeAll(async () => {
    const db = await createTestDatabase(dialect, inject("pgAdminUrl"));
    const store = createStore(await openDriver(db.config));
    fx = { db, store, raw: await openRaw(db), f: createFactories(store) };
    set(fx);
  });
  afterAll(async () => {
    await fx?.store.close();
    await fx?.raw.close();
    await fx?.db.drop();
  });
}

export async function caught(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error("expected the operation to fail");
}
