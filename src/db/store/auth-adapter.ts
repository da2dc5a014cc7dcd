// The Auth.js adapter as the app builds it: @auth/drizzle-adapter on the design's tables, with
// its answers cut to Auth.js's own shapes (our users rows also carry created_at/updated_at,
// which AdapterUser does not have), emails compared in lower case as the local sign-in stores
// them, and a provider's display name cleaned of control characters (it is shown on pages).
import type { Adapter, AdapterUser } from "@auth/core/adapters";
import { LIMITS } from "../../domain/constants";

type UserRow = Partial<AdapterUser> & { id: string; email: string };

/** Exactly the AdapterUser fields, no more. */
export function toAdapterUser(row: UserRow): AdapterUser;
export function toAdapterUser(row: UserRow | null | undefined): AdapterUser | null;
export function toAdapterUser(row: UserRow | null | undefined): AdapterUser | null {
  if (!row) return null;
  return { id: row.id, email: row.email, emailVerified: row.emailVerified ?? null, name: row.name ?? null, image: row.image ?? null };
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const cleanName = (name: string | null | undefined) => (typeof name === "string" ? name.replace(CONTROL, " ").trim().slice(0, LIMITS.userName) || null : name);

function cleanUser<T extends Partial<AdapterUser>>(data: T): T {
  return {
    ...data,
    ...(typeof data.email === "string" && { email: data.email.trim().toLowerCase() }),
    ...("name" in data && { name: cleanName(data.name) }),
  };
}

export function conformingAdapter(base: Adapter): Adapter {
  const need = <K extends keyof Adapter>(k: K) => {
    const fn = base[k];
    if (!fn) throw new Error(`the drizzle adapter has no ${String(k)}`);
    return fn as NonNullable<Adapter[K]>;
  };
  const createUser = need("createUser");
  const getUser = need("getUser");
  const getUserByEmail = need("getUserByEmail");
  const getUserByAccount = need("getUserByAccount");
  const updateUser = need("updateUser");
  const getSessionAndUser = need("getSessionAndUser");
  return {
    ...base,
    createUser: async (data) => toAdapterUser(await createUser(cleanUser(data))),
    getUser: async (id) => toAdapterUser(await getUser(id)),
    getUserByEmail: async (email) => toAdapterUser(await getUserByEmail(email.trim().toLowerCase())),
    getUserByAccount: async (account) => toAdapterUser(await getUserByAccount(account)),
    updateUser: async (data) => toAdapterUser(await updateUser(cleanUser(data))),
    getSessionAndUser: async (token) => {
      const found = await getSessionAndUser(token);
      return found ? { session: found.session, user: toAdapterUser(found.user) } : null;
    },
  };
}
