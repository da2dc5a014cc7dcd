import { describe, expect, it } from "vitest";
import { readAppEnv, secretBits } from "./env";
import { isAllowedOrigin, readOriginPolicy } from "./origin";

const prod = { NODE_ENV: "production", AUTH_DEV_LOGIN: "1" };

describe("AUTH_SECRET strength (production)", () => {
  it.each([["x"], ["changeme"], ["a".repeat(64)], ["abababababababababababababababababababababab"], ["0123456789abcdef0123456789abcdef"]])("refuses %j", (secret) => {
    expect(() => readAppEnv({ ...prod, AUTH_SECRET: secret })).toThrow(/AUTH_SECRET: is too weak for production: it needs at least 32 random bytes/);
  });

  it("accepts what `openssl rand -base64 32` and `-hex 32` print", () => {
    expect(secretBits("pY0c3Lq9m8Vt1wKx7RzA2bN6dF4hJ5sG0eUiOaQkXyM=")).toBeGreaterThanOrEqual(256);
    expect(() => readAppEnv({ ...prod, AUTH_SECRET: "pY0c3Lq9m8Vt1wKx7RzA2bN6dF4hJ5sG0eUiOaQkXyM=" })).not.toThrow();
    expect(() => readAppEnv({ ...prod, AUTH_SECRET: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" })).not.toThrow();
  });
});

describe("origin policy", () => {
  const req = (url: string, headers: Record<string, string> = {}) => new Request(url, { method: "POST", headers });

  it("compares scheme, host and port with AUTH_URL and ALLOWED_ORIGINS", () => {
    const policy = readOriginPolicy({ AUTH_URL: "http://127.0.0.1:3200/app", ALLOWED_ORIGINS: "https://admin.example.com, https://x.example.com:8443" });
    const r = req("http://127.0.0.1:3200/api/v1/projects", { host: "127.0.0.1:3200" });
    expect(isAllowedOrigin(r, "http://127.0.0.1:3200", policy)).toBe(true);
    expect(isAllowedOrigin(r, "https://127.0.0.1:3200", policy)).toBe(false);
    expect(isAllowedOrigin(r, "http://127.0.0.1:3201", policy)).toBe(false);
    expect(isAllowedOrigin(r, "https://admin.example.com", policy)).toBe(true);
    expect(isAllowedOrigin(r, "https://x.example.com:8443", policy)).toBe(true);
    expect(isAllowedOrigin(r, "https://x.example.com", policy)).toBe(false);
    expect(isAllowedOrigin(r, "null", policy)).toBe(false);
    expect(isAllowedOrigin(r, "not a url", policy)).toBe(false);
  });

  it("without a configured origin, trusts X-Forwarded-Host/-Proto only with TRUST_PROXY", () => {
    const r = req("http://127.0.0.1:3000/x", { host: "127.0.0.1:3000", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
    expect(isAllowedOrigin(r, "https://evil.example", readOriginPolicy({}))).toBe(false);
    expect(isAllowedOrigin(r, "http://127.0.0.1:3000", readOriginPolicy({}))).toBe(true);
    expect(isAllowedOrigin(r, "https://evil.example", readOriginPolicy({ TRUST_PROXY: "1" }))).toBe(true);
  });

  it("refuses malformed settings at start-up, naming them", () => {
    expect(() => readOriginPolicy({ ALLOWED_ORIGINS: "ftp://x" })).toThrow(/ALLOWED_ORIGINS/);
    expect(() => readOriginPolicy({ TRUST_PROXY: "yes" })).toThrow(/TRUST_PROXY/);
  });
});
