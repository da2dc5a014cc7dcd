import { DrizzleQueryError } from "drizzle-orm/errors";
import { describe, expect, it } from "vitest";
import { errorSummary } from "./log-error";

describe("errorSummary", () => {
  it("names the error classes and codes of the chain but never the query's parameters or messages", () => {
    const pg = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: "22021" });
    const e = new DrizzleQueryError('insert into "projects" ("title") values ($1)', ["secret-title\u0000", "someone@example.com"], pg);
    const line = errorSummary(e);
    expect(line).toMatch(/^DrizzleQueryError <- Error\[22021\]/);
    expect(line).not.toContain("secret-title");
    expect(line).not.toContain("someone@example.com");
    expect(line).not.toContain("insert into");
    expect(line).not.toContain("0x00");
    expect(line).toMatch(/\n\s+at /);
  });

  it("handles values that are not errors", () => {
    expect(errorSummary("a string with user content")).toBe("string");
    expect(errorSummary(undefined)).toBe("");
  });
});
