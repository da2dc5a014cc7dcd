// Users: the Auth.js sign-in upserts them by email; a user reads only themself.
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { notFound } from "../../domain/errors";
import { parseInput, userUpsertSchema } from "../../domain/schemas";
import { toUser } from "./rows";
import type { Row } from "./driver";
import type { StoreContext } from "./context";
import type { Store } from "./types";

export function usersStore(ctx: StoreContext): Pick<Store, "upsertUserByEmail" | "getUser" | "findUserByEmail"> {
  const { cols, read, write } = ctx;
  const { users } = ctx.tables;
  return {
    async upsertUserByEmail(input) {
      const data = parseInput(userUpsertSchema, input);
      return write(null, async (c) => {
        const now = new Date();
        const [row] = await c.db
          .insert(users)
          .values({ id: randomUUID(), email: data.email, name: data.name ?? null, image: data.image ?? null, createdAt: now, updatedAt: now })
          .onConflictDoUpdate({
            target: users.email,
            set: {
              name: sql`coalesce(excluded.name, ${users.name})`,
              image: sql`coalesce(excluded.image, ${users.image})`,
              updatedAt: now,
            },
          })
          .returning(cols.user);
        return toUser(row as Row);
      });
    },

    /** For operators' commands (the CLI's export acts as the owner it names by email). */
    findUserByEmail: (email) =>
      read(null, async (c) => {
        const [row] = await c.db.select(cols.user).from(users).where(eq(users.email, String(email).trim().toLowerCase()));
        return row ? toUser(row as Row) : null;
      }),

    async getUser(actingUserId, id) {
      if (actingUserId !== id) throw notFound("User");
      return read(actingUserId, async (c) => {
        const [row] = await c.db.select(cols.user).from(users).where(eq(users.id, id));
        if (!row) throw notFound("User");
        return toUser(row as Row);
      });
    },
  };
}
