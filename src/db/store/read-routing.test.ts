import { describe, expect, it } from "vitest";
import { isRecoveryConflict, isUnavailable, lsnValue, memoryTracker } from "./read-routing";

describe("read routing", () => {
  it("compares WAL positions as numbers, not strings", () => {
    expect(lsnValue("0/A") > lsnValue("0/9")).toBe(true);
    expect(lsnValue("1/0") > lsnValue("0/FFFFFFFF")).toBe(true);
    expect(lsnValue("16/B374D848")).toBe((0x16n << 32n) + 0xb374d848n);
  });

  it("keeps a user's last commit position for the TTL, never moving it backwards", async () => {
    const t = memoryTracker(50);
    await t.record("u1", "0/200");
    await t.record("u1", "0/100"); // a slower, older write finishing late
    expect(await t.pending("u1")).toBe("0/200");
    expect(await t.pending("u2")).toBeNull();
    await new Promise((r) => setTimeout(r, 80));
    expect(await t.pending("u1")).toBeNull();
  });

  it("tells a server that cannot answer from a query that is wrong", () => {
    expect(isUnavailable(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5433"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isUnavailable(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(true);
    expect(isUnavailable(Object.assign(new Error('relation "x" does not exist'), { code: "42P01" }))).toBe(false);
    expect(isRecoveryConflict(Object.assign(new Error("canceling statement due to conflict with recovery"), { code: "40001" }))).toBe(true);
    expect(isRecoveryConflict(Object.assign(new Error("could not serialize access"), { code: "40001" }))).toBe(false);
  });
});
