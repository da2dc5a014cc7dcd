// Share-link tokens: 32 random bytes (256 bits) as base64url in the link; only their SHA-256 is
// stored, so a database leak does not hand out working links.
import { createHash, randomBytes } from "node:crypto";

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function newShareToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashShareToken(token)! };
}

/** The stored form of a token, or null for anything that cannot be one (then nothing is looked up). */
export function hashShareToken(token: unknown): string | null {
  if (typeof token !== "string" || !TOKEN.test(token)) return null;
  return createHash("sha256").update(token).digest("hex");
}

export const sharePath = (token: string) => `/s/${token}`;
