import { describe, expect, it } from "vitest";
import { readableTitle, uniqueTitle } from "./titles";

describe("default storyboard titles", () => {
  it("keep a short line as it is", () => {
    expect(readableTitle("Three tips for better phone photos")).toBe("Three tips for better phone photos");
    expect(readableTitle("\n  Cold brew launch.  \nmore")).toBe("Cold brew launch");
  });

  it("cut a long line at a phrase boundary, never mid-word", () => {
    const brief = "TikTok for a cold brew coffee subscription, for busy professionals who skip breakfast every morning";
    expect(readableTitle(brief)).toBe("TikTok for a cold brew coffee subscription");
    expect(readableTitle("Invoicing made simple for every freelancer - InvoiceBee helps freelancers get paid faster without chasing anyone")).toBe("Invoicing made simple for every freelancer");
    expect(readableTitle("Unbox the new headphones and compare them with last year's model")).toBe("Unbox the new headphones and compare them with last year's model");
  });

  it("fall back to a word boundary with an ellipsis when no phrase ends in reach", () => {
    const t = readableTitle("A very long sentence without any punctuation that keeps going well past the limit of eighty characters for sure");
    expect(t).toBe("A very long sentence without any punctuation that keeps going well past the…");
    expect(t.length).toBeLessThanOrEqual(81);
  });

  it("are unique within the project: (2), (3) on a clash, ignoring case", () => {
    expect(uniqueTitle("Cold brew", [])).toBe("Cold brew");
    expect(uniqueTitle("Cold brew", ["cold brew"])).toBe("Cold brew (2)");
    expect(uniqueTitle("Cold brew", ["Cold brew", "Cold brew (2)"])).toBe("Cold brew (3)");
    expect(uniqueTitle("x".repeat(300), []).length).toBeLessThanOrEqual(249);
  });
});
