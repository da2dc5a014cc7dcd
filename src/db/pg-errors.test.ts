import { describe, expect, it } from "vitest";
import { isConnectionLost, retryReadOnce } from "./pg-errors";

const withCode = (code: string, message = "x") => Object.assign(new Error(message), { code });

describe("isConnectionLost", () => {
  it("knows a terminated backend, a dropped socket and a pool that could not hand out a connection", () => {
    expect(isConnectionLost(withCode("57P01", "terminating connection due to administrator command"))).toBe(true);
    expect(isConnectionLost(withCode("ECONNRESET"))).toBe(true);
    expect(isConnectionLost(withCode("08006"))).toBe(true);
    expect(isConnectionLost(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isConnectionLost(new Error("timeout exceeded when trying to connect"))).toBe(true);
    expect(isConnectionLost(new Error("Client has encountered a connection error and is not queryable"))).toBe(true);
    expect(isConnectionLost(new Error("Failed query: select 1", { cause: withCode("57P01") }))).toBe(true);
  });

  it("is false for a statement the server refused", () => {
    expect(isConnectionLost(withCode("23505", "duplicate key value"))).toBe(false);
    expect(isConnectionLost(withCode("40P01", "deadlock detected"))).toBe(false);
    expect(isConnectionLost(new Error("boom"))).toBe(false);
    expect(isConnectionLost("Connection terminated")).toBe(false);
  });
});

describe("retryReadOnce", () => {
  it("tries a read once more after a lost connection, and only once", async () => {
    let calls = 0;
    expect(await retryReadOnce(async () => (++calls === 1 ? Promise.reject(withCode("57P01")) : "ok"))).toBe("ok");
    calls = 0;
    await expect(retryReadOnce(async () => (++calls, Promise.reject(withCode("ECONNRESET"))))).rejects.toThrow();
    expect(calls).toBe(2);
    calls = 0;
    await expect(retryReadOnce(async () => (++calls, Promise.reject(withCode("23505"))))).rejects.toThrow();
    expect(calls).toBe(1);
  });
});
