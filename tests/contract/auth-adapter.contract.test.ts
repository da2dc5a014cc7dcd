// The Auth.js adapter contract, modelled on Auth.js's own runBasicTests (next-auth
// packages/utils/adapter.ts), run against the adapter exactly as the app builds it
// (driver.authAdapter()) on SQLite and on PostgreSQL: every method, Auth.js's shapes exactly
// (no extra columns), and updated_at kept current on every update.
import { randomUUID } from "node:crypto";
import type { Adapter, AdapterAccount, AdapterSession, AdapterUser, VerificationToken } from "@auth/core/adapters";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { eq, getTableName, is, Table } from "drizzle-orm";
import { openDriver } from "../../src/db/client";
import { createFactories } from "../../src/db/seed/factories";
import { createStore } from "../../src/db/store/store";
import type { Driver } from "../../src/db/store/driver";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../support/databases";
import { openRaw, type Raw } from "../support/raw";

const USER_KEYS = ["email", "emailVerified", "id", "image", "name"];
const ONE_MONTH = 30 * 24 * 60 * 60 * 1000;

describe.each(DIALECTS)("Auth.js adapter contract on %s", (dialect) => {
  let db: TestDatabase;
  let driver: Driver;
  let adapter: Adapter;
  let raw: Raw;
  const tag = Math.random().toString(36).slice(2, 8);
  const user: Omit<AdapterUser, "id"> & { id?: string } = {
    email: `fill-${tag}@murray.com`,
    image: "https://www.fillmurray.com/460/300",
    name: "Fill Murray",
    emailVerified: new Date(Math.floor(Date.now() / 1000) * 1000),
  };
  let created: AdapterUser;
  const session: Partial<AdapterSession> = { sessionToken: randomUUID(), expires: new Date(Math.floor((Date.now() + ONE_MONTH) / 1000) * 1000) };
  let account: AdapterAccount;

  const updatedAtOf = async (id: string) => {
    const [row] = await raw.query<{ updated_at: unknown }>("SELECT updated_at FROM users WHERE id = $1", [id]);
    return new Date(row!.updated_at as string | number | Date).getTime();
  };

  beforeAll(async () => {
    db = await createTestDatabase(dialect, inject("pgAdminUrl"));
    driver = await openDriver(db.config);
    adapter = driver.authAdapter();
    raw = await openRaw(db);
  });

  afterAll(async () => {
    await driver?.close();
    await raw?.close();
    await db?.drop();
  });

  it("createUser returns the AdapterUser and nothing else", async () => {
    created = await adapter.createUser!({ id: randomUUID(), ...user } as AdapterUser);
    expect(Object.keys(created).sort()).toEqual(USER_KEYS);
    expect(created).toEqual({ ...user, id: created.id });
  });

  it("getUser", async () => {
    expect(await adapter.getUser!(randomUUID())).toBeNull();
    const got = await adapter.getUser!(created.id);
    expect(got).toEqual(created);
    expect(Object.keys(got!).sort()).toEqual(USER_KEYS);
  });

  it("getUserByEmail (case-insensitively, as the local sign-in stores emails)", async () => {
    expect(await adapter.getUserByEmail!(`nobody-${tag}@example.com`)).toBeNull();
    expect(await adapter.getUserByEmail!(user.email)).toEqual(created);
    expect(await adapter.getUserByEmail!(user.email.toUpperCase())).toEqual(created);
  });

  it("createSession and getSessionAndUser", async () => {
    const s = await adapter.createSession!({ ...(session as AdapterSession), userId: created.id });
    expect(s).toEqual({ ...session, userId: created.id });
    const both = await adapter.getSessionAndUser!(session.sessionToken!);
    expect(both).toEqual({ session: { ...session, userId: created.id }, user: created });
    expect(Object.keys(both!.user).sort()).toEqual(USER_KEYS);
    expect(await adapter.getSessionAndUser!(randomUUID())).toBeNull();
  });

  it("updateUser changes the given fields, returns the AdapterUser and moves updated_at", async () => {
    const before = await updatedAtOf(created.id);
    await new Promise((r) => setTimeout(r, 5));
    const updated = await adapter.updateUser!({ id: created.id, name: "Updated Name" });
    expect(updated).toEqual({ ...created, name: "Updated Name" });
    expect(Object.keys(updated).sort()).toEqual(USER_KEYS);
    expect(await updatedAtOf(created.id)).toBeGreaterThan(before);
    created = updated;
  });

  it("updateSession and deleteSession", async () => {
    const later = new Date(session.expires!.getTime() + 60_000);
    const s = await adapter.updateSession!({ sessionToken: session.sessionToken!, expires: later });
    expect(s).toEqual({ sessionToken: session.sessionToken, userId: created.id, expires: later });
    await adapter.deleteSession!(session.sessionToken!);
    expect(await adapter.getSessionAndUser!(session.sessionToken!)).toBeNull();
  });

  it("linkAccount and getUserByAccount", async () => {
    account = {
      provider: "github",
      providerAccountId: randomUUID(),
      type: "oauth",
      access_token: randomUUID(),
      expires_at: Math.floor(Date.now() / 1000) + 3600,
      id_token: randomUUID(),
      refresh_token: randomUUID(),
      token_type: "bearer",
      scope: "user",
      session_state: randomUUID(),
      userId: created.id,
    };
    await adapter.linkAccount!(account);
    const byAccount = await adapter.getUserByAccount!({ provider: account.provider, providerAccountId: account.providerAccountId });
    expect(byAccount).toEqual(created);
    expect(Object.keys(byAccount!).sort()).toEqual(USER_KEYS);
    expect(await adapter.getUserByAccount!({ provider: "github", providerAccountId: randomUUID() })).toBeNull();
  });

  it("createVerificationToken and useVerificationToken (once)", async () => {
    const token: VerificationToken = { identifier: user.email, token: randomUUID(), expires: new Date(Math.floor((Date.now() + 60_000) / 1000) * 1000) };
    expect(await adapter.createVerificationToken!(token)).toEqual(token);
    expect(await adapter.useVerificationToken!({ identifier: token.identifier, token: token.token })).toEqual(token);
    expect(await adapter.useVerificationToken!({ identifier: token.identifier, token: token.token })).toBeNull();
  });

  it("unlinkAccount, then deleteUser removes the user with its sessions and accounts", async () => {
    await adapter.unlinkAccount!({ provider: account.provider, providerAccountId: account.providerAccountId });
    expect(await adapter.getUserByAccount!({ provider: account.provider, providerAccountId: account.providerAccountId })).toBeNull();
    await adapter.linkAccount!({ ...account, providerAccountId: randomUUID() });
    await adapter.createSession!({ sessionToken: randomUUID(), userId: created.id, expires: session.expires! });
    await adapter.deleteUser!(created.id);
    expect(await adapter.getUser!(created.id)).toBeNull();
    expect(await raw.query("SELECT 1 FROM accounts WHERE user_id = $1", [created.id])).toEqual([]);
    expect(await raw.query("SELECT 1 FROM sessions WHERE user_id = $1", [created.id])).toEqual([]);
  });

  it("a provider's display name loses control characters; its email is stored in lower case", async () => {
    const u = await adapter.createUser!({ id: randomUUID(), email: `Mixed-${tag}@Example.COM`, emailVerified: null, name: "Evil\u0000Name\u001b[31m", image: null });
    expect(u.email).toBe(`mixed-${tag}@example.com`);
    expect(u.name).toBe("Evil Name [31m");
  });
});

describe.each(DIALECTS)("updated_at on every table that has it (%s)", (dialect) => {
  it("every drizzle update moves updated_at unless it sets it itself", async () => {
    const db = await createTestDatabase(dialect, inject("pgAdminUrl"));
    const driver = await openDriver(db.config);
    const store = createStore(driver);
    const raw = await openRaw(db);
    try {
      const f = createFactories(store);
      const u = await f.user();
      const p = await f.project(u.id);
      const sb = await f.storyboard(u.id, p.id, { sceneCount: 2 });
      const tables = await raw.query<{ table_name: string }>(
        dialect === "sqlite"
          ? "SELECT m.name AS table_name FROM sqlite_master m WHERE m.type = 'table' AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) WHERE name = 'updated_at') ORDER BY 1"
          : "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'updated_at' ORDER BY 1",
      );
      // The *_archive tables hold frozen copies the app moves in and out whole, never updates.
      const names = tables.map((t) => t.table_name).filter((n) => !n.endsWith("_archive"));
      expect(names.length).toBeGreaterThanOrEqual(6);
      // Every one of them is a drizzle table whose updated_at column has $onUpdate.
      const schema: Record<string, unknown> = dialect === "sqlite" ? await import("../../src/db/schema/sqlite") : await import("../../src/db/schema/pg");
      const byName = new Map<string, { updatedAt?: { onUpdateFn?: unknown } }>();
      for (const t of Object.values(schema)) {
        if (t && typeof t === "object" && is(t, Table)) byName.set(getTableName(t), t as never);
      }
      for (const name of names) {
        expect(byName.has(name), `${name} has updated_at but no drizzle table`).toBe(true);
        expect(typeof byName.get(name)!.updatedAt?.onUpdateFn, `${name}.updated_at has no $onUpdate`).toBe("function");
      }
      // And it works: a plain update of a scene's text moves its updated_at.
      const scene = sb.scenes[0]!;
      await new Promise((r) => setTimeout(r, 5));
      const { scenes } = driver.tables;
      await driver.tx("write", u.id, async (c) => {
        await c.db.update(scenes).set({ visualDescription: "changed" }).where(eq(scenes.id, scene.id));
      });
      const [row] = await raw.query<{ updated_at: unknown }>("SELECT updated_at FROM scenes WHERE id = $1", [scene.id]);
      expect(new Date(row!.updated_at as string).getTime()).toBeGreaterThan(new Date(scene.updated_at).getTime());
    } finally {
      await store.close();
      await raw.close();
      await db.drop();
    }
  });
});
