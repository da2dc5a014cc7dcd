import { describe, expect, it } from "vitest";
import { safeNextPath } from "./redirect";

describe("safeNextPath", () => {
  it.each([
    ["/\\evil.com"],
    ["/\t/evil.com"],
    ["//evil.com"],
    ["/\\/evil.com"],
    ["https://evil.com/"],
    ["http:/evil.com"],
    ["javascript:alert(1)"],
    ["/dashboard\nenv"],
    ["/dashboard\r\nSet-Cookie: x=1"],
    ["/dash\u0000board"],
    [""],
    [undefined],
    [42],
  ])("refuses %j (falls back to /dashboard)", (value) => {
    expect(safeNextPath(value)).toBe("/dashboard");
  });

  it.each([
    ["/dashboard", "/dashboard"],
    ["/projects/12?tab=history#top", "/projects/12?tab=history#top"],
    ["/projects/../storyboards/3", "/storyboards/3"],
    ["/s/abc def", "/s/abc%20def"],
  ])("keeps the same-origin path %j", (value, expected) => {
    expect(safeNextPath(value)).toBe(expected);
  });
});
