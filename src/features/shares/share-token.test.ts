import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashShareToken, newShareToken, sharePath } from "./share-token";

describe("share-link tokens", () => {
  it("are 256 random bits in base64url, stored only as their SHA-256", () => {
    const tokens = Array.from({ length: 200 }, newShareToken);
    expect(new Set(tokens.map((t) => t.token)).size).toBe(200);
    for (const { token, hash } of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, "base64url")).toHaveLength(32);
      expect(hash).toBe(createHash("sha256").update(token).digest("hex"));
      expect(hashShareToken(token)).toBe(hash);
    }
    expect(sharePath(tokens[0]!.token)).toBe(`/s/${tokens[0]!.token}`);
  });

  it("hashes nothing that cannot be a token", () => {
    for (const bad of ["", "short", "a".repeat(44), `${"a".repeat(42)}/`, null, 42, undefined]) expect(hashShareToken(bad)).toBeNull();
  });
});
